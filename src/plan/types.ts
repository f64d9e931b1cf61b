/**
 * A SheetPlan: what a KPI sheet (or workbook) holds, as pure data. The writers (Office.js for the open
 * workbook, ExcelJS for a new file) and the formula-engine evaluator of the tests apply the same plan.
 */

/** How a cell looks; each writer maps a style to its own formatting. */
export type CellStyle =
  "title" | "subtitle" | "section" | "header" | "label" | "input" | "value" | "hint" | "definition";

/** One cell: a constant or a formula (without the leading "="), with a number format and a style. */
export interface PlanCell {
  value?: string | number | boolean | null;
  formula?: string;
  format?: string;
  style?: CellStyle;
  /**
   * The size of the table a formula answers with (KPI.REVENUE_SIMULATION's 4 x 2): Excel spills it
   * from this cell, and a file format without dynamic arrays gets an array formula over that area.
   */
  spill?: { rows: number; cols: number };
}

/** A rectangle of cells written in one call; row and col of its top-left cell are 0-based. */
export interface PlanBlock {
  row: number;
  col: number;
  cells: PlanCell[][];
}

/** A workbook-level defined name; refersTo is an absolute reference such as 'KPI'!$B$12. */
export interface PlanName {
  name: string;
  refersTo: string;
  comment?: string;
}

/** Fills a cell whose text equals one of the values (the status column: met / near / missed). */
export interface PlanConditionalFormat {
  /** A1 range on the plan's sheet, without the sheet name. */
  range: string;
  rules: { equals: string; fill: string; font: string }[];
}

/** A colour scale over a range of numbers: the lowest value gets `min`, the highest `max`. */
export interface PlanColorScale {
  /** A1 range on the plan's sheet, without the sheet name. */
  range: string;
  min: string;
  mid: string;
  max: string;
}

/** A chart over ranges of its own sheet (A1, without the sheet name). */
export interface PlanChart {
  kind: "column" | "bar";
  title: string;
  categories: string;
  values: string;
  seriesName: string;
  /** Series are the columns of `values` (the default) or its rows. */
  seriesBy?: "columns" | "rows";
  /** Names of the second and later series, where `values` holds several. */
  moreSeriesNames?: string[];
  /** Top-left cell of the chart, 0-based, and its size in columns and rows. */
  anchor: { row: number; col: number; width: number; height: number };
}

export interface PlannedSheet {
  /** The sheet's name, already unique in the workbook it goes into. */
  name: string;
  /** What the sheet is: the KPI sheet, the data (in a new workbook only), or a what-if sheet. */
  role: "kpi" | "data" | "scenarios";
  blocks: PlanBlock[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  conditionalFormats: PlanConditionalFormat[];
  /** Colour scales (the sensitivity grid); none when left out. */
  colorScales?: PlanColorScale[];
  charts: PlanChart[];
  /** Rows to keep in view when scrolling. */
  freezeRows?: number;
}

export interface SheetPlan {
  sheets: PlannedSheet[];
  names: PlanName[];
}

/** The number formats of the plan, by the unit of what a cell shows. */
export const NUMBER_FORMATS = {
  money: "#,##0",
  money_per_day: "#,##0",
  count: "#,##0",
  rate: "0.0%",
  ratio: '0.00"x"',
  days: "0.0",
  months: "0.0",
  number: "General",
  date: "yyyy-mm-dd",
  period: "yyyy-mm",
} as const;

/**
 * The deal-table reader's contract: from a 2-D array of cell values (a selected range, a parsed CSV or
 * .xlsx sheet) to typed columns, a column mapping and every problem with its row number.
 */
import type { Cell, DealColumns, StageClass } from "../engine";
import type { Text } from "../i18n";

/** The fields of a deal table (metric specification, "A deal table"). */
export type DealField =
  | "id"
  | "owner"
  | "stage"
  | "status"
  | "amount"
  | "created"
  | "closed"
  | "source"
  | "probability"
  | "currency";

export const DEAL_FIELDS: readonly DealField[] = [
  "id",
  "owner",
  "stage",
  "status",
  "amount",
  "created",
  "closed",
  "source",
  "probability",
  "currency",
];

/** Fields without which no KPI can be computed. */
export const REQUIRED_FIELDS: readonly DealField[] = ["stage", "amount"];

/** Which column (0-based, within the grid) holds each field; a field without a column is absent. */
export type ColumnMapping = Partial<Record<DealField, number>>;

/** A cell the reader could not read, with where it is and why. */
export interface ReadProblem {
  /** Row number as the person sees it: the sheet or file row (see ReadOptions.firstRowNumber). */
  row: number;
  field?: DealField;
  /** The header of the column, as written. */
  column?: string;
  /** The cell's text, as written. */
  value?: string;
  /** Why, in both languages: the face that shows it chooses (the pane's, the command line's). */
  message: Text;
}

/** Written forms of dates other than ISO that a person may choose explicitly. */
export type DateFormat = "iso" | "dmy" | "mdy";

export interface ReadOptions {
  /** Row number of the grid's first row in the sheet or file (1 for a file, the selection's row in Excel). */
  firstRowNumber?: number;
  /** Overrides of the detected mapping: a field to a column index, or to null to leave it out. */
  mapping?: Partial<Record<DealField, number | null>>;
  /** How to read dates written as text other than ISO (2026-03-15): "dmy" reads 15.03.2026 and 15/03/2026. */
  dateFormat?: DateFormat;
  /** Told how many data rows are read so far, every few thousand rows (for a progress bar). */
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
  /**
   * Overrides of the mapping by header text (matched as headers are: case, accents and punctuation
   * aside) or by column letter ("C"); null leaves the field out. Applied after `mapping`.
   */
  mappingByHeader?: Partial<Record<DealField, string | null>>;
  /**
   * The person's classification of stage (or status) values, over the default rules: a value listed
   * here counts as that class, matched case- and accent-insensitively with spaces trimmed.
   */
  stageClasses?: StageOverrides;
  /**
   * The cells are read where the KPI sheet's formulas will read them (the task pane, in the user's
   * workbook): an amount or a date stored as text, which SUMIFS and COUNTIFS cannot read, is reported
   * and left out rather than parsed, so that the pane's preview and the sheet agree.
   */
  inPlace?: boolean;
  /**
   * The column to break the deals down by (kpi report --by): a header (matched as headers are), a
   * column letter, a field's name ("owner", "source"), or the column's index (0-based, within the
   * grid: the task pane's drop-down). Its values become DealColumns.segment.
   */
  segmentBy?: string | number;
}

/** Stage values the person classified, by class. */
export interface StageOverrides {
  won?: readonly string[];
  lost?: readonly string[];
  open?: readonly string[];
}

/**
 * One distinct stage text, as spreadsheet criteria tell texts apart (case aside, spaces kept), and
 * how it was classified.
 */
export interface StageValue {
  /** The text as first written, untrimmed: the KPI sheet's criteria match it exactly. */
  text: string;
  kind: StageClass;
  count: number;
  /** "rule" when the default rules classified it, "user" when the person's overrides did. */
  by: "rule" | "user";
}

/** A deal table, read. */
export interface DealTable {
  /** Index (0-based, within the grid) of the header row. */
  headerRow: number;
  /** The header row's texts, one per column of the grid. */
  headers: string[];
  /** The mapping used: detected, then overridden by the caller. */
  mapping: ColumnMapping;
  /** The column whose values decide won / lost / open: the status column when there is one, else the stage. */
  decidingColumn: number;
  /** Index (0-based, within the grid) of the first and last data rows. */
  firstDataRow: number;
  lastDataRow: number;
  /** The columns the engine reads, one entry per data row (null where blank or unreadable). */
  columns: DealColumns;
  /** The distinct values of the deciding column, in order of first appearance. */
  stageValues: StageValue[];
  /** Distinct owners (as first written), in order of first appearance. */
  owners: string[];
  /** Earliest and latest close dates of won and lost deals (Excel serials); null when there are none. */
  closedRange: { from: number; to: number } | null;
  /** Every cell that could not be read; the row is kept, the cell counts as blank. */
  problems: ReadProblem[];
  /** Fields whose column detection was unsure (a partial header match, a guess from the values). */
  unsure: DealField[];
  /** The stage-entry columns (HubSpot's "Date entered …"), in column order; their dates are in columns. */
  stageEntries: StageEntryHeader[];
  /** The column the deals are broken down by (ReadOptions.segmentBy), when one was asked for. */
  segment?: { column: number; header: string };
}

/** A column of the dates deals entered a stage: where it is, its header and the stage it names. */
export interface StageEntryHeader {
  column: number;
  header: string;
  stage: string;
}

/** Why a grid could not be read as a deal table at all (no header row, no stage or amount column). */
export interface ReadFailure {
  /** Why, in both languages. */
  failure: Text;
  /** The header row that was found, if any, so that the caller can offer a manual mapping. */
  headers?: string[];
  /** What detection found in that header row, for the caller's drop-downs. */
  mapping?: ColumnMapping;
}

export type ReadResult = DealTable | ReadFailure;

export function isReadFailure(result: ReadResult): result is ReadFailure {
  return "failure" in result;
}

export type { Cell };

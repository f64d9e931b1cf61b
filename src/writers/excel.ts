/**
 * The Office.js writer: applies a SheetPlan to the open workbook with a fixed number of syncs, adding new
 * sheets and names only, and removing what it added if Excel refuses part of the batch.
 */
/* global Excel -- only its types are used: the code runs without the Excel global, as in the tests */
import { LANGUAGES, type Text, TextError, countBoth, sayBoth } from "../i18n";
import { REASONS } from "../i18n/strings/reasons";
import { WRITER } from "../i18n/strings/writer";
import { cellAddress, columnLetters, rangeAddress } from "../plan/a1";
import type { ExistingNames } from "../plan/placeKpiSheet";
import type { CellStyle, PlanBlock, PlanCell, PlannedSheet, SheetPlan } from "../plan/types";

/** What the writer added to the workbook, and how many round trips to Excel it took. */
export interface WriteReport {
  sheets: string[];
  names: string[];
  syncs: number;
  /**
   * Cells whose KPI.* formula Excel answered #NAME? (#AD? in Turkish) and that were written again
   * through formulasLocal with the localized names; 0 when Excel understood the English names.
   */
  relocalized: number;
}

/** The error Excel shows for a name it does not know, in the languages the add-in speaks (#AD? in Turkish). */
const NAME_ERRORS = new Set(LANGUAGES.map((language) => REASONS[language].errorCodes["#NAME?"]));
/** A call of one of the add-in's functions in a formula: KPI.<ID>( (Excel may show _xludf. before it). */
const KPI_CALL = /(?:_xludf\.)?KPI\.([A-Za-z0-9_]+)(?=\s*\()/g;
/** How many KPI.* cells are read back to tell whether Excel understood the English names. */
const PROBES = 3;

/**
 * A formula in Excel's local form with each KPI.<ID> call renamed to the name this Excel knows
 * (functions-tr.json's names in Turkish Excel); text in double quotes is left alone.
 */
export function localizeKpiCalls(localFormula: string, names: Record<string, string>): string {
  return localFormula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(KPI_CALL, (call: string, id: string) =>
            names[id.toUpperCase()] ? `KPI.${names[id.toUpperCase()]}` : call
          )
    )
    .join('"');
}

/** What the workbook holds before the plan is built, so the caller can choose unique names. */
export type { ExistingNames };

/**
 * A failed write, in plain words and in each language: what failed, then whether the workbook was
 * left as it was. `message` is the English; the pane shows `messageIn(its language)`.
 */
export class WriteError extends TextError {
  /** One sentence per fact: what failed, then the state the workbook was left in. */
  readonly messages: Text[];

  constructor(messages: Text[], cause?: unknown) {
    super(
      {
        en: messages.map((text) => text.en).join(" "),
        tr: messages.map((text) => text.tr).join(" "),
      },
      { cause }
    );
    this.messages = messages;
  }
}
const LEFT_AS_IT_WAS = sayBoth(WRITER, (s) => s.leftAsItWas);

/** Excel's column width is in points; a character of the default font is about 7 points wide. */
const POINTS_PER_CHARACTER = 7;
const GREY = "#605E5C";

/** Fluent-like looks of the plan's styles; "label" is Excel's default look and costs no request. */
const STYLES: Record<CellStyle, ((format: Excel.RangeFormat) => void) | undefined> = {
  title: (f) => {
    f.font.size = 18;
    f.font.bold = true;
  },
  subtitle: (f) => {
    f.font.color = GREY;
  },
  section: (f) => {
    f.font.size = 12;
    f.font.bold = true;
    f.fill.color = "#EBF3FC";
  },
  header: (f) => {
    f.font.bold = true;
    f.fill.color = "#F5F5F5";
    const bottom = f.borders.getItem("EdgeBottom");
    bottom.style = "Continuous";
    bottom.color = "#A19F9D";
  },
  input: (f) => {
    f.fill.color = "#FFF9E6";
  },
  hint: (f) => {
    f.font.italic = true;
    f.font.color = GREY;
  },
  value: (f) => {
    f.font.bold = true;
  },
  definition: (f) => {
    f.font.color = GREY;
    f.wrapText = true;
  },
  label: undefined,
};

/** The chart kinds of the plan, as Excel.ChartType values (string literals: no global Excel needed). */
const CHART_TYPES = { column: "ColumnClustered", bar: "BarClustered" } as const;

export interface WriteOptions {
  activate?: boolean;
  /**
   * The names this Excel gives the add-in's functions, by id (from functions-tr.json in Turkish Excel).
   * Used only when Excel answers #NAME? to formulas written with the ids; without it the ids are kept.
   */
  localFunctionNames?: Record<string, string>;
}

/**
 * Writes a SheetPlan into the open workbook in two syncs whatever the size of the data the plan refers
 * to: sync 1 reads the sheet and defined names, `buildPlan` then plans with names that are free, and one
 * batch adds the sheets, their blocks, styles, widths, frozen rows, conditional formats, charts and the
 * defined names before sync 2. Nothing is written to an existing sheet. If anything fails after sync 1,
 * a third sync removes what was added and a {@link WriteError} says so.
 *
 * Sync 2 also reads back a few KPI.* cells' values and every KPI.* cell's formulasLocal. Formulas with
 * custom functions written through Range.formulas have come back #AD? in Turkish Excel
 * (https://github.com/OfficeDev/office-js/issues/6614, where Microsoft suggests formulasLocal) and
 * #NAME? with translated function names (https://github.com/OfficeDev/office-js/issues/891): when a
 * probed cell shows that, a third sync writes the KPI.* cells again through formulasLocal, taking the
 * formula Excel itself translated (its own function names, separators and decimal mark) and renaming
 * only the KPI.* calls. So the writer takes two syncs, or three in such an Excel, whatever the data.
 *
 * @example
 * await Excel.run((context) =>
 *   writePlanToWorkbook(context, (existing) => planKpiSheet(uniqueSheetName("KPI", existing.sheetNames)))
 * );
 */
export async function writePlanToWorkbook(
  context: Excel.RequestContext,
  buildPlan: (existing: ExistingNames) => SheetPlan,
  options: WriteOptions = {}
): Promise<WriteReport> {
  const workbook = context.workbook;
  const sheetItems = workbook.worksheets.load("items/name");
  const nameItems = workbook.names.load("items/name");
  const active = workbook.worksheets.getActiveWorksheet().load("name");
  try {
    await context.sync();
  } catch (error) {
    throw new WriteError(
      [sayBoth(WRITER, (s) => s.cannotRead, { reason: reason(error) }), LEFT_AS_IT_WAS],
      error
    );
  }
  let syncs = 1;
  const existing: ExistingNames = {
    sheetNames: sheetItems.items.map((sheet) => sheet.name),
    definedNames: nameItems.items.map((item) => item.name),
  };

  let plan: SheetPlan;
  try {
    plan = buildPlan(existing);
    checkNamesAreFree(plan, existing);
  } catch (error) {
    const why =
      error instanceof WriteError
        ? error.messages[0]
        : sayBoth(WRITER, (s) => s.cannotPlan, { reason: reason(error) });
    throw new WriteError([why, LEFT_AS_IT_WAS], error);
  }

  // Recorded before each add is queued, so a batch that fails anywhere is cleaned up completely.
  const added: { sheets: string[]; names: string[] } = { sheets: [], names: [] };
  let activated = false;
  let kpiCells: KpiCell[] = [];
  try {
    for (const planned of plan.sheets) {
      added.sheets.push(planned.name);
      queueSheet(workbook.worksheets.add(planned.name), planned);
    }
    for (const name of plan.names) {
      added.names.push(name.name);
      if (name.comment) workbook.names.add(name.name, "=" + name.refersTo, name.comment);
      else workbook.names.add(name.name, "=" + name.refersTo);
    }
    kpiCells = queueKpiReadBack(workbook, plan);
    const kpi = plan.sheets.find((sheet) => sheet.role === "kpi");
    if (kpi && options.activate !== false) {
      activated = true;
      workbook.worksheets.getItem(kpi.name).activate();
    }
    syncs++;
    await context.sync();
  } catch (error) {
    const what = sayBoth(WRITER, (s) => s.cannotWrite, {
      added: describeAdded(plan),
      reason: reason(error),
    });
    try {
      // The user's sheet comes back to the front before the added ones go.
      if (activated) workbook.worksheets.getItemOrNullObject(active.name).activate();
      for (const name of added.names) workbook.names.getItemOrNullObject(name).delete();
      for (const sheet of added.sheets) workbook.worksheets.getItemOrNullObject(sheet).delete();
      syncs++;
      await context.sync();
    } catch (cleanupError) {
      throw new WriteError(
        [
          what,
          sayBoth(WRITER, (s) => s.cleanupFailed, {
            reason: reason(cleanupError),
            added: describeList(added),
          }),
        ],
        error
      );
    }
    throw new WriteError([what, LEFT_AS_IT_WAS], error);
  }
  let relocalized = 0;
  if (kpiCells.some((cell) => cell.probe && nameErrorIn(cell.range))) {
    try {
      for (const cell of kpiCells) {
        const local = String(cell.range.formulasLocal[0][0]);
        const renamed = localizeKpiCalls(local, options.localFunctionNames ?? {});
        cell.range.formulasLocal = [[renamed]];
        relocalized++;
      }
      syncs++;
      await context.sync();
    } catch (error) {
      throw new WriteError(
        [
          sayBoth(WRITER, (s) => s.localNamesFailed, { reason: reason(error) }),
          sayBoth(WRITER, (s) => s.keptWithNameErrors, { added: describeAdded(plan) }),
        ],
        error
      );
    }
  }
  return {
    sheets: plan.sheets.map((sheet) => sheet.name),
    names: plan.names.map((name) => name.name),
    syncs,
    relocalized,
  };
}

/** A cell of the plan whose formula calls KPI.*, with its range loaded in sync 2. */
interface KpiCell {
  range: Excel.Range;
  /** Whether its value was read too (the first few only). */
  probe: boolean;
}

/**
 * Queues, after the writes, the loads that tell whether Excel understood the KPI.* names: values and
 * valueTypes of the first {@link PROBES} KPI.* cells, formulasLocal of every KPI.* cell (for a rewrite
 * without a further read).
 */
function queueKpiReadBack(workbook: Excel.Workbook, plan: SheetPlan): KpiCell[] {
  const cells: KpiCell[] = [];
  for (const planned of plan.sheets) {
    const sheet = workbook.worksheets.getItem(planned.name);
    for (const block of planned.blocks)
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.formula === undefined || !/KPI\.[A-Za-z0-9_]+\s*\(/.test(cell.formula)) return;
          const probe = cells.length < PROBES;
          const range = sheet.getRange(cellAddress(block.row + r, block.col + c));
          if (probe) range.load(["formulasLocal", "values", "valueTypes"]);
          else range.load("formulasLocal");
          cells.push({ range, probe });
        })
      );
  }
  return cells;
}

/** Whether a loaded one-cell range shows the error of an unknown name. */
function nameErrorIn(range: Excel.Range): boolean {
  const value = range.values[0]?.[0];
  return (
    range.valueTypes[0]?.[0] === "Error" && NAME_ERRORS.has(String(value).trim().toUpperCase())
  );
}

/** Refuses, before anything is queued, a plan whose sheet or defined name the workbook already has. */
function checkNamesAreFree(plan: SheetPlan, existing: ExistingNames): void {
  // A name clashes with the workbook or with an earlier name of the plan, whatever the case.
  const clash = (wanted: string[], have: string[]) => {
    const taken = new Set(have.map((name) => name.toLocaleLowerCase()));
    return wanted.find((name) => {
      const key = name.toLocaleLowerCase();
      if (taken.has(key)) return true;
      taken.add(key);
      return false;
    });
  };
  const sheet = clash(
    plan.sheets.map((s) => s.name),
    existing.sheetNames
  );
  if (sheet !== undefined) throw new WriteError([sayBoth(WRITER, (s) => s.sheetExists, { sheet })]);
  const name = clash(
    plan.names.map((n) => n.name),
    existing.definedNames
  );
  if (name !== undefined) throw new WriteError([sayBoth(WRITER, (s) => s.nameExists, { name })]);
}

/** Queues everything of one new sheet; only ranges of this sheet are touched. */
function queueSheet(sheet: Excel.Worksheet, planned: PlannedSheet): void {
  for (const block of planned.blocks) queueBlock(sheet, block);
  queueColumnWidths(sheet, planned.columnWidths);
  if (planned.freezeRows && planned.freezeRows > 0)
    sheet.freezePanes.freezeRows(planned.freezeRows);
  for (const conditional of planned.conditionalFormats) {
    const range = sheet.getRange(conditional.range);
    for (const rule of conditional.rules) {
      // The text-comparison format only offers contains/begins/ends; an exact match is a cell-value rule.
      const format = range.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = rule.fill;
      format.cellValue.format.font.color = rule.font;
      format.cellValue.rule = {
        formula1: `="${rule.equals.replace(/"/g, '""')}"`,
        operator: "EqualTo",
      };
    }
  }
  for (const scale of planned.colorScales ?? []) {
    const format = sheet.getRange(scale.range).conditionalFormats.add("ColorScale");
    format.colorScale.criteria = {
      minimum: { type: "LowestValue", color: scale.min },
      midpoint: { formula: "50", type: "Percentile", color: scale.mid },
      maximum: { type: "HighestValue", color: scale.max },
    };
  }
  for (const chartPlan of planned.charts) {
    const chart = sheet.charts.add(
      CHART_TYPES[chartPlan.kind],
      sheet.getRange(chartPlan.values),
      chartPlan.seriesBy === "rows" ? "Rows" : "Columns"
    );
    chart.title.text = chartPlan.title;
    const series = chart.series.getItemAt(0);
    series.name = chartPlan.seriesName;
    series.setXAxisValues(sheet.getRange(chartPlan.categories));
    chartPlan.moreSeriesNames?.forEach((name, i) => (chart.series.getItemAt(i + 1).name = name));
    const { row, col, width, height } = chartPlan.anchor;
    chart.setPosition(
      cellAddress(row, col),
      cellAddress(row + Math.max(height, 1) - 1, col + Math.max(width, 1) - 1)
    );
  }
}

/** One range per block for formulas and one for number formats, plus one per run of a style. */
export function queueBlock(sheet: Excel.Worksheet, block: PlanBlock): void {
  const width = Math.max(0, ...block.cells.map((row) => row.length));
  if (block.cells.length === 0 || width === 0) return;
  const rows = block.cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? {}));
  const range = sheet.getRange(areaAddress(block.row, block.col, rows.length, width));
  range.formulas = rows.map((row) => row.map(formulaOf));
  range.numberFormat = rows.map((row) => row.map((cell) => cell.format ?? "General"));
  rows.forEach((row, r) => {
    for (const run of styleRuns(row)) {
      const apply = STYLES[run.style];
      if (apply)
        apply(
          sheet.getRange(areaAddress(block.row + r, block.col + run.start, 1, run.length)).format
        );
    }
  });
}

/**
 * Text that Excel would not keep as text when written as a cell's entry: a formula ("="), a number,
 * a date, a percentage, a logical or an error value ("1", "2026-03-01", "TRUE", "#N/A") — a stage or
 * owner of the data may read so, and the sheet's criteria must find it as the text it is.
 */
const PARSED_BY_EXCEL = /^[=+\-@']|^\s*[($€£¥₺]?\s*[\d.]|^\s*(?:true|false)\s*$|^#/i;

/**
 * A constant as a cell's entry in `Range.formulas`: text Excel would read as something else gets the
 * apostrophe that keeps it text, as when typed.
 */
export function entryOf(value: string | number | boolean): string | number | boolean {
  return typeof value === "string" && PARSED_BY_EXCEL.test(value) ? `'${value}` : value;
}

/** What a cell's entry in `Range.formulas` is: "=" + formula, the constant, or "" when empty. */
function formulaOf(cell: PlanCell): string | number | boolean {
  if (cell.formula !== undefined) return "=" + cell.formula;
  const value = cell.value;
  if (value === undefined || value === null) return "";
  return entryOf(value);
}

/** Consecutive cells of one row sharing a style. */
function styleRuns(row: PlanCell[]): { style: CellStyle; start: number; length: number }[] {
  const runs: { style: CellStyle; start: number; length: number }[] = [];
  row.forEach((cell, c) => {
    const last = runs[runs.length - 1];
    if (!cell.style) return;
    if (last && last.style === cell.style && last.start + last.length === c) last.length++;
    else runs.push({ style: cell.style, start: c, length: 1 });
  });
  return runs;
}

/** Sets widths with one range per run of equal widths, e.g. "B:D". */
function queueColumnWidths(sheet: Excel.Worksheet, widths: number[]): void {
  for (let start = 0; start < widths.length;) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end++;
    if (widths[start] > 0) {
      sheet.getRange(`${columnLetters(start)}:${columnLetters(end)}`).format.columnWidth =
        widths[start] * POINTS_PER_CHARACTER;
    }
    start = end + 1;
  }
}

/** The address of `rows` × `cols` cells from (row, col): a cell's alone, else a range. */
function areaAddress(row: number, col: number, rows: number, cols: number): string {
  return rows === 1 && cols === 1
    ? cellAddress(row, col)
    : rangeAddress(row, col, row + rows - 1, col + cols - 1);
}

/** "the sheet "KPI"" or "the sheets "KPI", "Data"", in each language (as the object of a verb when asked). */
function describeSheets(sheets: string[], object = false): Text {
  return countBoth(WRITER, (s) => (object ? s.sheetsToDelete : s.theSheet), {
    count: sheets.length,
    sheets: sheets.map((sheet) => `"${sheet}"`).join(", "),
  });
}

function describeAdded(plan: SheetPlan): Text {
  return describeSheets(plan.sheets.map((sheet) => sheet.name));
}

/** What was added and could not be removed, to delete by hand: its sheets, its names, or both. */
function describeList(added: { sheets: string[]; names: string[] }): Text {
  const parts: Text[] = [];
  if (added.sheets.length > 0) parts.push(describeSheets(added.sheets, true));
  if (added.names.length > 0)
    parts.push(
      countBoth(WRITER, (s) => s.namesToDelete, {
        count: added.names.length,
        names: added.names.join(", "),
      })
    );
  return parts.length === 2
    ? sayBoth(WRITER, (s) => s.and, { first: parts[0], second: parts[1] })
    : parts[0];
}

/** Excel's own words for an error, with its code and where in the batch it happened when known. */
function reason(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { message, code, debugInfo } = error as {
    message?: string;
    code?: string;
    debugInfo?: { errorLocation?: string };
  };
  const where = [code, debugInfo?.errorLocation].filter(Boolean).join(" at ");
  return `${message ?? String(error)}${where ? ` [${where}]` : ""}`;
}

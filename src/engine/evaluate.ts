/**
 * evaluate(id, args): the one entry point every front end calls. It checks the arguments against the
 * entry's declared parameters, lines ranges up, answers element by element where ranges are given for
 * single values (as Excel's own arithmetic does), and never throws.
 */
import { findEntry } from "./catalog";
import {
  type EvaluationContext,
  type MetricEntry,
  type ScalarParam,
  type Text,
  isRangeParam,
} from "./catalog/types";
import { nameOf, readRange, readScalar, scalarBounds } from "./params";
import { REASONS } from "../i18n/strings/reasons";
import { sayBoth } from "../i18n/table";
import {
  type Arg,
  type Cell,
  type Grid,
  KpiError,
  type Result,
  type ResultCell,
  isError,
  isOmitted,
  isGrid,
  notAvailable,
  numError,
  valueError,
} from "./values";

export interface Shape {
  rows: number;
  cols: number;
}

function asGrid(arg: Arg | undefined): Grid {
  if (arg === undefined) return [[null]];
  if (isGrid(arg)) return arg.length === 0 ? [[null]] : arg;
  return [[arg]];
}

function shapeOf(grid: Grid): Shape {
  return { rows: grid.length, cols: grid[0]?.length ?? 0 };
}

/** True when every row of the grid has the same length (a rectangle, as a range always is). */
function isRectangular(grid: Grid): boolean {
  return grid.every((row) => Array.isArray(row) && row.length === grid[0].length);
}

/**
 * The shape of an element-by-element answer: each argument's rows (and columns) must be 1 or the
 * largest, as in Excel's array arithmetic; any other mismatch is #VALUE!.
 */
export function broadcastShape(grids: Grid[], names: Text[]): Shape | KpiError {
  const shape = { rows: 1, cols: 1 };
  for (const grid of grids) {
    const { rows, cols } = shapeOf(grid);
    shape.rows = Math.max(shape.rows, rows);
    shape.cols = Math.max(shape.cols, cols);
  }
  for (let i = 0; i < grids.length; i++) {
    const { rows, cols } = shapeOf(grids[i]);
    if ((rows !== 1 && rows !== shape.rows) || (cols !== 1 && cols !== shape.cols)) {
      return valueError(
        sayBoth(REASONS, (s) => s.shapeMismatch, {
          name: names[i],
          ...dimensions(rows, cols, shape.rows, shape.cols),
        })
      );
    }
  }
  return shape;
}

/** The sizes of two ranges for a reason, as Excel's row and column counts are written (no grouping). */
function dimensions(rows: number, cols: number, otherRows: number, otherCols: number) {
  return {
    rows: String(rows),
    cols: String(cols),
    otherRows: String(otherRows),
    otherCols: String(otherCols),
  };
}

/** A function's name in each language's Excel, for reasons. */
function functionName(entry: MetricEntry): Text {
  return { en: entry.id, tr: entry.trName };
}

function cellAt(grid: Grid, row: number, col: number): Cell {
  const r = grid.length === 1 ? 0 : row;
  const c = grid[r].length === 1 ? 0 : col;
  return grid[r][c];
}

/** Non-finite numbers (overflow) become #NUM!, -0 becomes 0. */
function finish(entry: MetricEntry, outcome: number | KpiError): number | KpiError {
  if (isError(outcome)) return outcome;
  if (!Number.isFinite(outcome))
    return numError(sayBoth(REASONS, (s) => s.tooLarge, { id: functionName(entry) }));
  return outcome === 0 ? 0 : outcome;
}

function finishTable(entry: MetricEntry, table: ResultCell[][]): ResultCell[][] {
  return table.map((row) =>
    row.map((cell) => (typeof cell === "number" ? finish(entry, cell) : cell))
  );
}

/**
 * Checks the single values that come before the first range (DEAL_KPI's kpi), so that errors are
 * found in argument order, as Excel finds them.
 */
function leadingScalarError(entry: MetricEntry, args: Arg[]): KpiError | undefined {
  for (let i = 0; i < entry.params.length && !isRangeParam(entry.params[i]); i++) {
    const arg = args[i];
    const cell = isGrid(arg)
      ? arg.length === 1 && arg[0]?.length === 1
        ? arg[0][0]
        : undefined
      : arg;
    if (cell === undefined) return undefined; // a range for a single value: checked cell by cell later
    const value = readScalar(cell, entry.params[i] as ScalarParam);
    if (isError(value)) return value;
  }
  return undefined;
}

/** Reads the range parameters once: they must all have the same shape. */
function readRanges(entry: MetricEntry, args: Arg[]): Map<number, unknown> | KpiError {
  const values = new Map<number, unknown>();
  let first: { name: Text; shape: Shape } | undefined;
  for (let i = 0; i < entry.params.length; i++) {
    const param = entry.params[i];
    if (!isRangeParam(param)) continue;
    const arg = args[i];
    if (isOmitted(arg)) {
      if (!param.optional)
        return notAvailable(sayBoth(REASONS, (s) => s.rangeBlank, { name: nameOf(param) }));
      values.set(i, null);
      continue;
    }
    // An error given for the whole range passes on, even where the range's error cells count as blank.
    if (isError(arg)) return arg;
    const grid = asGrid(arg);
    if (!isRectangular(grid))
      return valueError(sayBoth(REASONS, (s) => s.notRectangular, { name: nameOf(param) }));
    const shape = shapeOf(grid);
    if (!first) first = { name: nameOf(param), shape };
    else if (shape.rows !== first.shape.rows || shape.cols !== first.shape.cols) {
      return valueError(
        sayBoth(REASONS, (s) => s.rangesMismatch, {
          name: nameOf(param),
          other: first.name,
          ...dimensions(shape.rows, shape.cols, first.shape.rows, first.shape.cols),
        })
      );
    }
    const column = readRange(grid, param);
    if (isError(column)) return column;
    values.set(i, column);
  }
  return values;
}

/**
 * Evaluates one catalog function.
 * @param id The function's id, as in `=KPI.<id>(...)`.
 * @param args One argument per parameter, each a cell or a 2-D range; missing optional ones may be left out.
 * @returns A number, an error value, or a 2-D array (an element-by-element answer or a table).
 * @example evaluate("PIPELINE_VELOCITY", [200, 0.25, 10000, 25]) // 20000
 */
export function evaluate(id: string, args: Arg[], options: EvaluateOptions = {}): Result {
  const entry = findEntry(id);
  if (!entry)
    return new KpiError(
      "#NAME?",
      sayBoth(REASONS, (s) => s.noFunction, { id })
    );
  return evaluateEntry(entry, args, options);
}

/** Options of an evaluation. */
export interface EvaluateOptions {
  /** Language of the labels in a result table; English unless given. */
  language?: EvaluationContext["language"];
}

/** Evaluates a catalog entry already looked up; see {@link evaluate}. */
export function evaluateEntry(
  entry: MetricEntry,
  args: Arg[],
  options: EvaluateOptions = {}
): Result {
  try {
    return evaluateChecked(entry, args, { language: options.language ?? "en" });
  } catch (cause) {
    // A bug must still reach the cell as an error value, never as an exception in Excel's runtime.
    return valueError(
      sayBoth(REASONS, (s) => s.failed, {
        id: functionName(entry),
        cause: cause instanceof Error ? cause.message : String(cause),
      })
    );
  }
}

function evaluateChecked(entry: MetricEntry, args: Arg[], context: EvaluationContext): Result {
  if (args.length > entry.params.length) {
    return valueError(
      sayBoth(REASONS, (s) => s.tooManyArguments, {
        id: functionName(entry),
        max: String(entry.params.length),
        given: String(args.length),
      })
    );
  }
  const leadingError = leadingScalarError(entry, args);
  if (leadingError) return leadingError;
  const quick = entry.shortcut?.(args, context);
  if (quick !== undefined)
    return Array.isArray(quick) ? finishTable(entry, quick) : finish(entry, quick);
  const ranges = readRanges(entry, args);
  if (isError(ranges)) return ranges;

  const scalarIndexes = entry.params.flatMap((param, i) => (isRangeParam(param) ? [] : [i]));
  const grids = scalarIndexes.map((i) => asGrid(args[i]));
  for (let k = 0; k < grids.length; k++) {
    if (!isRectangular(grids[k])) {
      const name = nameOf(entry.params[scalarIndexes[k]]);
      return valueError(sayBoth(REASONS, (s) => s.notRectangular, { name }));
    }
  }
  const shape = broadcastShape(
    grids,
    scalarIndexes.map((i) => nameOf(entry.params[i]))
  );
  if (isError(shape)) return shape;

  const single = shape.rows === 1 && shape.cols === 1;
  if (entry.unit === "table" && !single) {
    return valueError(
      sayBoth(REASONS, (s) => s.tableNeedsSingles, {
        id: functionName(entry),
        names: scalarNames(entry),
      })
    );
  }

  const compute = entry.compute as (...values: unknown[]) => number | KpiError | ResultCell[][];
  const at = (row: number, col: number): number | KpiError | ResultCell[][] => {
    const values: unknown[] = entry.params.map((_, i) => ranges.get(i));
    for (let k = 0; k < scalarIndexes.length; k++) {
      const param = entry.params[scalarIndexes[k]] as ScalarParam;
      const at = single ? undefined : { row: row + 1, column: col + 1 };
      const value = readScalar(cellAt(grids[k], row, col), param, at);
      if (isError(value)) return value;
      values[scalarIndexes[k]] = value;
    }
    return compute(...values, context);
  };

  if (single) {
    const outcome = at(0, 0);
    return Array.isArray(outcome) ? finishTable(entry, outcome) : finish(entry, outcome);
  }
  const table: ResultCell[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: ResultCell[] = [];
    for (let c = 0; c < shape.cols; c++) row.push(finish(entry, at(r, c) as number | KpiError));
    table.push(row);
  }
  return table;
}

/** The names of an entry's single-value parameters, in each language, for a reason. */
function scalarNames(entry: MetricEntry): Text {
  const scalars = entry.params.filter((param) => !isRangeParam(param));
  return {
    en: scalars.map((param) => param.name).join(", "),
    tr: scalars.map((param) => param.trName).join(", "),
  };
}

/**
 * What it takes to evaluate an entry on plain numbers without evaluate's general checks: the bounds of
 * each argument and the arithmetic. A caller that finds every argument a finite number within its
 * bounds may call `compute` with them (then finish a non-finite outcome through evaluate, which names
 * it); for anything else it calls evaluate.
 */
export interface PlainNumberEntry {
  min: number[];
  max: number[];
  compute: (...values: number[]) => number | KpiError;
}

/**
 * The plain-number form of an entry whose parameters are all numeric single values and whose answer
 * is one number (PIPELINE_VELOCITY); undefined for ranges, choices and tables.
 */
export function plainNumberEntry(entry: MetricEntry): PlainNumberEntry | undefined {
  if (entry.unit === "table") return undefined;
  const bounds = entry.params.map((param) =>
    isRangeParam(param) ? undefined : scalarBounds(param)
  );
  if (bounds.some((bound) => bound === undefined)) return undefined;
  return {
    min: bounds.map((bound) => bound!.min),
    max: bounds.map((bound) => bound!.max),
    compute: entry.compute as unknown as PlainNumberEntry["compute"],
  };
}

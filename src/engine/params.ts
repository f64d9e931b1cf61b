/**
 * Parameter rules as data, enforced in one place: a function body never sees a blank, a text or an
 * out-of-range value, only numbers within the bounds its parameters declare.
 */
import type {
  LabelColumn,
  NumberColumn,
  RangeParam,
  ScalarKind,
  ScalarParam,
} from "./catalog/types";
import { parseIsoDate, parseNumberText } from "./coerce";
import {
  type Cell,
  type Grid,
  KpiError,
  isError,
  notAvailable,
  numError,
  valueError,
} from "./values";

interface Bounds {
  min?: number;
  max?: number;
  /** How the bound reads in a message ("a count", "a rate between 0 and 1"). */
  what: string;
}

const SCALAR_BOUNDS: Record<ScalarKind, Bounds> = {
  count: { min: 0, what: "a count of 0 or more" },
  money: { min: 0, what: "an amount of 0 or more" },
  rate: { min: 0, max: 1, what: "a rate between 0 and 1 (0% to 100%)" },
  days: { min: 0, what: "a number of days of 0 or more" },
  years: { min: 0, what: "a number of years of 0 or more" },
  hours: { min: 0, what: "a number of hours of 0 or more" },
  number: { what: "a number" },
  date: { min: 0, what: "a date (a serial number of 0 or more)" },
  choice: { what: "one of the listed choices" },
};

/** Describes a cell for a message: text in quotes, logicals in capitals. */
export function describeCell(cell: Cell): string {
  if (typeof cell === "string") return `"${cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === "";
}

/**
 * Reads one value for a single-value parameter: an error passes through, a blank required argument is
 * #N/A, text that is not a number is #VALUE!, a number out of bounds is #NUM!.
 */
export function readScalar(
  cell: Cell,
  param: ScalarParam,
  where = ""
): number | string | null | KpiError {
  if (isError(cell)) return cell;
  const label = `${param.name}${where}`;
  if (isBlank(cell)) return param.optional ? null : notAvailable(`${label} is blank: fill it in`);
  if (param.kind === "choice") return readChoice(cell, param, label);
  let value: number | undefined;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "string")
    value =
      param.kind === "date" ? (parseIsoDate(cell) ?? parseNumberText(cell)) : parseNumberText(cell);
  if (value === undefined || !Number.isFinite(value)) {
    return valueError(`${label} must be a number, not ${describeCell(cell)}`);
  }
  const bounds = SCALAR_BOUNDS[param.kind];
  if (
    (bounds.min !== undefined && value < bounds.min) ||
    (bounds.max !== undefined && value > bounds.max)
  ) {
    return numError(`${label} must be ${bounds.what}, not ${value}`);
  }
  return value === 0 ? 0 : value; // -0 reads as 0
}

/** One of a choice parameter's values, in its canonical spelling; #VALUE! for anything else. */
function readChoice(cell: Cell, param: ScalarParam, label: string): string | KpiError {
  const text = String(cell).trim().toUpperCase();
  const choice = param.choices?.find((candidate) => candidate.toUpperCase() === text);
  return (
    choice ??
    valueError(`${label} must be one of ${param.choices?.join(", ")}, not ${describeCell(cell)}`)
  );
}

/** Row and column of the n-th cell of a grid, 1-based, for messages. */
function position(grid: Grid, index: number): string {
  const width = grid[0]?.length || 1;
  const row = Math.floor(index / width) + 1;
  return grid.length === 1 || width === 1
    ? ` (cell ${index + 1})`
    : ` (row ${row}, column ${(index % width) + 1})`;
}

/**
 * A non-blank cell of a range of numbers (or of dates) as a number; undefined when the cell is not a
 * finite number nor text that reads as one (ISO dates too, in a range of dates).
 */
export function cellNumber(cell: string | number | boolean, dates: boolean): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  const value = dates ? (parseIsoDate(cell) ?? parseNumberText(cell)) : parseNumberText(cell);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** A non-blank cell of a range of labels: text trimmed (null when only spaces), numbers as written. */
export function cellLabel(cell: string | number | boolean): string | null {
  if (typeof cell !== "string") return describeCell(cell);
  // Most labels start and end with a printable ASCII letter: nothing to trim, no string to make.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return cell;
  return cell.trim() || null;
}

/** Reads a range of numbers or dates into a column; blanks (and, where allowed, text) become null. */
export function readNumberRange(grid: Grid, param: RangeParam): NumberColumn | KpiError {
  const column: NumberColumn = [];
  const dates = param.range === "dates";
  // Row by row rather than over grid.flat(): a copy of a million cells is not needed to read them.
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (param.inPlace) {
        column.push(inPlaceNumber(cell, param.min, dates));
        continue;
      }
      if (isError(cell)) return cell;
      if (isBlank(cell)) {
        column.push(null);
        continue;
      }
      const value = cellNumber(cell as string | number | boolean, dates);
      const i = column.length;
      if (value === undefined) {
        if (param.onText === "skip") {
          column.push(null);
          continue;
        }
        const expected = dates ? "a date (ISO 2026-03-15 or a date cell)" : "a number";
        return valueError(
          `${param.name}${position(grid, i)} must be ${expected}, not ${describeCell(cell)}`
        );
      }
      if (param.min !== undefined && value < param.min) {
        return numError(
          `${param.name}${position(grid, i)} must be ${param.min} or more, not ${value}`
        );
      }
      column.push(value);
    }
  }
  return column;
}

/** Reads a range of labels (stages, owners): numbers become text, blanks null. */
/**
 * A cell of a deal table's number or date column read in place (RangeParam.inPlace): a number at or
 * above the bound (a date as its day), else blank.
 */
export function inPlaceNumber(cell: Cell, min: number | undefined, dates: boolean): number | null {
  if (typeof cell !== "number" || cell - cell !== 0 || (min !== undefined && cell < min))
    return null;
  return dates ? Math.floor(cell) : cell;
}

/** Reads a range of labels; an error cell answers that error, or counts as blank in place. */
export function readLabelRange(grid: Grid, param?: RangeParam): LabelColumn | KpiError {
  const column: LabelColumn = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (isError(cell)) {
        if (!param?.inPlace) return cell;
        column.push(null);
        continue;
      }
      column.push(isBlank(cell) ? null : cellLabel(cell as string | number | boolean));
    }
  }
  return column;
}

export function readRange(grid: Grid, param: RangeParam): NumberColumn | LabelColumn | KpiError {
  return param.range === "labels" ? readLabelRange(grid, param) : readNumberRange(grid, param);
}

/**
 * The bounds of a numeric single-value parameter, for callers that check plain numbers themselves
 * (the custom functions' quick path); undefined for a choice.
 */
export function scalarBounds(param: ScalarParam): { min: number; max: number } | undefined {
  if (param.kind === "choice") return undefined;
  const bounds = SCALAR_BOUNDS[param.kind];
  return { min: bounds.min ?? -Infinity, max: bounds.max ?? Infinity };
}

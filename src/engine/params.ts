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

/** Reads a range of numbers or dates into a column; blanks (and, where allowed, text) become null. */
export function readNumberRange(grid: Grid, param: RangeParam): NumberColumn | KpiError {
  const column: NumberColumn = [];
  const cells = grid.flat();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isError(cell)) return cell;
    if (isBlank(cell)) {
      column.push(null);
      continue;
    }
    let value: number | undefined;
    if (typeof cell === "number") value = cell;
    else if (typeof cell === "string") {
      value =
        param.range === "dates"
          ? (parseIsoDate(cell) ?? parseNumberText(cell))
          : parseNumberText(cell);
    }
    if (value === undefined || !Number.isFinite(value)) {
      if (param.onText === "skip") {
        column.push(null);
        continue;
      }
      const expected =
        param.range === "dates" ? "a date (ISO 2026-03-15 or a date cell)" : "a number";
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
  return column;
}

/** Reads a range of labels (stages, owners): numbers become text, blanks null. */
export function readLabelRange(grid: Grid): LabelColumn | KpiError {
  const column: LabelColumn = [];
  for (const cell of grid.flat()) {
    if (isError(cell)) return cell;
    if (isBlank(cell)) column.push(null);
    else column.push(typeof cell === "string" ? cell.trim() || null : describeCell(cell));
  }
  return column;
}

export function readRange(grid: Grid, param: RangeParam): NumberColumn | LabelColumn | KpiError {
  return param.range === "labels" ? readLabelRange(grid) : readNumberRange(grid, param);
}

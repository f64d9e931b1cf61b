/**
 * Parameter rules as data, enforced in one place: a function body never sees a blank, a text or an
 * out-of-range value, only numbers within the bounds its parameters declare.
 */
import type {
  LabelColumn,
  NumberColumn,
  ParamSpec,
  RangeParam,
  ScalarKind,
  ScalarParam,
  Text,
} from "./catalog/types";
import { parseIsoDate, parseNumberText } from "./coerce";
import { sayBoth, textOf } from "../i18n/table";
import { REASONS } from "../i18n/strings/reasons";
import {
  type Cell,
  type Grid,
  KpiError,
  isError,
  isEmpty,
  notAvailable,
  numError,
  valueError,
} from "./values";

interface Bounds {
  min?: number;
  max?: number;
}

const SCALAR_BOUNDS: Record<ScalarKind, Bounds> = {
  count: { min: 0 },
  money: { min: 0 },
  rate: { min: 0, max: 1 },
  days: { min: 0 },
  years: { min: 0 },
  hours: { min: 0 },
  number: {},
  date: { min: 0 },
  choice: {},
};

/** A parameter's name in each language's Excel: what a reason calls it. */
export function nameOf(param: ParamSpec): Text {
  return { en: param.name, tr: param.trName };
}

/**
 * A number for a reason with every digit it has (a reason must not round the value it rejects): as
 * JavaScript writes it in English, with Turkish separators in Turkish (1.234,5).
 */
export function exactNumber(value: number): Text {
  const en = String(value);
  const parts = /^(-?)(\d+)(?:\.(\d+))?$/.exec(en);
  if (!parts) return { en, tr: en.replace(".", ",") }; // 1e+308
  const [, sign, whole, fraction] = parts;
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ".");
  return { en, tr: `${sign}${grouped}${fraction ? `,${fraction}` : ""}` };
}

/** Describes a cell as English Excel shows it: text in quotes, logicals in capitals (a label of a range). */
export function describeCell(cell: Cell): string {
  if (typeof cell === "string") return `"${cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

/** Describes a cell for a reason, in each language: text in quotes, logicals as that Excel writes them. */
export function cellText(cell: Cell): Text {
  if (typeof cell === "boolean")
    return textOf(REASONS, (s) => (cell ? s.logical.true : s.logical.false));
  if (typeof cell === "number") return exactNumber(cell);
  const text = describeCell(cell);
  return { en: text, tr: text };
}

/** A 1-based cell of a range given where a single value goes, for reasons. */
export interface CellPosition {
  row: number;
  column: number;
}

/** A parameter's name in a reason, with the cell it is about when it is a cell of a range. */
function labelOf(param: ParamSpec, at?: CellPosition): Text {
  if (!at) return nameOf(param);
  return sayBoth(REASONS, (s) => s.atRowColumn, {
    name: nameOf(param),
    row: String(at.row),
    column: String(at.column),
  });
}

/** "{name} must be {what}, not {value}" for a parameter (or one of its cells). */
function mustBe(label: Text, what: Text, cell: Cell): Text {
  return sayBoth(REASONS, (s) => s.mustBe, { name: label, what, value: cellText(cell) });
}

/**
 * Reads one value for a single-value parameter: an error passes through, a blank required argument is
 * #N/A, text that is not a number is #VALUE!, a number out of bounds is #NUM!.
 */
export function readScalar(
  cell: Cell,
  param: ScalarParam,
  at?: CellPosition
): number | string | null | KpiError {
  if (isError(cell)) return cell;
  if (isEmpty(cell))
    return param.optional
      ? null
      : notAvailable(sayBoth(REASONS, (s) => s.blank, { name: labelOf(param, at) }));
  if (param.kind === "choice") return readChoice(cell, param, at);
  let value: number | undefined;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "string")
    value =
      param.kind === "date" ? (parseIsoDate(cell) ?? parseNumberText(cell)) : parseNumberText(cell);
  if (value === undefined || !Number.isFinite(value)) {
    return valueError(
      mustBe(
        labelOf(param, at),
        textOf(REASONS, (s) => s.bounds.number),
        cell
      )
    );
  }
  const bounds = SCALAR_BOUNDS[param.kind];
  if (
    (bounds.min !== undefined && value < bounds.min) ||
    (bounds.max !== undefined && value > bounds.max)
  ) {
    const kind = param.kind;
    return numError(
      mustBe(
        labelOf(param, at),
        textOf(REASONS, (s) => s.bounds[kind]),
        value
      )
    );
  }
  return value === 0 ? 0 : value; // -0 reads as 0
}

/** One of a choice parameter's values, in its canonical spelling; #VALUE! for anything else. */
function readChoice(cell: Cell, param: ScalarParam, at?: CellPosition): string | KpiError {
  const text = String(cell).trim().toUpperCase();
  const choice = param.choices?.find((candidate) => candidate.toUpperCase() === text);
  if (choice !== undefined) return choice;
  return valueError(
    sayBoth(REASONS, (s) => s.oneOf, {
      name: labelOf(param, at),
      choices: param.choices?.join(", ") ?? "",
      value: cellText(cell),
    })
  );
}

/** A range parameter's name with its n-th cell, 1-based: by row and column, or by count in a line. */
function positionOf(param: RangeParam, grid: Grid, index: number): Text {
  const width = grid[0]?.length || 1;
  const name = nameOf(param);
  if (grid.length === 1 || width === 1)
    return sayBoth(REASONS, (s) => s.atCell, { name, cell: String(index + 1) });
  return sayBoth(REASONS, (s) => s.atRowColumn, {
    name,
    row: String(Math.floor(index / width) + 1),
    column: String((index % width) + 1),
  });
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
      if (isEmpty(cell)) {
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
        const expected = textOf(REASONS, (s) => (dates ? s.aDate : s.bounds.number));
        return valueError(mustBe(positionOf(param, grid, i), expected, cell));
      }
      if (param.min !== undefined && value < param.min) {
        return numError(
          sayBoth(REASONS, (s) => s.atLeast, {
            name: positionOf(param, grid, i),
            min: exactNumber(param.min),
            value: exactNumber(value),
          })
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
      column.push(isEmpty(cell) ? null : cellLabel(cell as string | number | boolean));
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

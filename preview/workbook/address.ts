/**
 * A1 addresses as Excel's object model speaks them: "B3", "$B$3:D5", "B:D", "2:4", "'CRM Export'!A1".
 * Areas are 0-based and inclusive, so a whole column is rows 0 to MAX_ROWS - 1, as in Excel.
 */
import { columnIndex, columnLetters } from "../../src/plan/a1";

export { columnIndex, columnLetters };

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Splits "'CRM Export'!A1:B2" into the sheet (quotes undone) and the address after "!". */
export function splitSheet(reference: string): { sheet?: string; address: string } {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(reference);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2] };
  const bare = /^([^'!]+)!(.*)$/.exec(reference);
  if (bare) return { sheet: bare[1], address: bare[2] };
  return { address: reference };
}

function cellPart(text: string): { row?: number; col?: number } | undefined {
  const match = /^\$?([A-Z]{1,3})?\$?(\d{1,7})?$/i.exec(text);
  if (!match || (!match[1] && !match[2])) return undefined;
  return {
    col: match[1] ? columnIndex(match[1]) : undefined,
    row: match[2] ? Number(match[2]) - 1 : undefined,
  };
}

/**
 * Parses an address without its sheet: a cell, a range, whole columns ("B:D") or whole rows ("2:4").
 * Returns undefined when it is none of these or lies outside Excel's grid.
 */
export function parseArea(address: string): Area | undefined {
  const parts = address.trim().split(":");
  if (parts.length > 2) return undefined;
  const [a, b = a] = parts.map(cellPart);
  if (!a || !b) return undefined;
  // Both ends are of one kind: cells, columns only ("B:D") or rows only ("2:4"); a lone column or
  // row ("B", "2") is not an address.
  const kind = (p: { row?: number; col?: number }) =>
    p.row !== undefined && p.col !== undefined ? "cell" : p.col !== undefined ? "col" : "row";
  if (kind(a) !== kind(b) || (kind(a) !== "cell" && parts.length === 1)) return undefined;
  const area: Area = {
    r0: Math.min(a.row ?? 0, b.row ?? 0),
    r1: Math.max(a.row ?? MAX_ROWS - 1, b.row ?? MAX_ROWS - 1),
    c0: Math.min(a.col ?? 0, b.col ?? 0),
    c1: Math.max(a.col ?? MAX_COLUMNS - 1, b.col ?? MAX_COLUMNS - 1),
  };
  const inside = area.r0 >= 0 && area.c0 >= 0 && area.r1 < MAX_ROWS && area.c1 < MAX_COLUMNS;
  return inside ? area : undefined;
}

/** Whether an area spans every row (whole columns) or every column (whole rows). */
export function isWholeColumns(area: Area): boolean {
  return area.r0 === 0 && area.r1 === MAX_ROWS - 1;
}

export function isWholeRows(area: Area): boolean {
  return area.c0 === 0 && area.c1 === MAX_COLUMNS - 1;
}

/** "B3", "B3:D5", "B:D" or "2:4", as Excel writes an area without its sheet. */
export function formatArea(area: Area): string {
  if (isWholeColumns(area) && !isWholeRows(area))
    return `${columnLetters(area.c0)}:${columnLetters(area.c1)}`;
  if (isWholeRows(area) && !isWholeColumns(area)) return `${area.r0 + 1}:${area.r1 + 1}`;
  const first = `${columnLetters(area.c0)}${area.r0 + 1}`;
  if (area.r0 === area.r1 && area.c0 === area.c1) return first;
  return `${first}:${columnLetters(area.c1)}${area.r1 + 1}`;
}

/** A sheet name as an address writes it: quoted only when it has to be, as Excel does. */
export function sheetPrefix(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** "'CRM Export'!A1:G251", as Range.address reads. */
export function formatAddress(sheet: string, area: Area): string {
  return sheetPrefix(sheet) + formatArea(area);
}

export function areaRows(area: Area): number {
  return area.r1 - area.r0 + 1;
}

export function areaColumns(area: Area): number {
  return area.c1 - area.c0 + 1;
}

/** The smallest area holding both, or the other when one is missing. */
export function unionArea(a: Area | undefined, b: Area): Area {
  if (!a) return { ...b };
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

/** The overlap of two areas, or undefined when they do not meet. */
export function intersectArea(a: Area, b: Area): Area | undefined {
  const area = {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
  return area.r0 <= area.r1 && area.c0 <= area.c1 ? area : undefined;
}

/**
 * Cell values as Excel hands them to a function, and the engine's error value.
 * Errors are values, never exceptions: every function returns a KpiError instead of throwing.
 */

/** The Excel error codes the engine produces or passes through. */
export type ErrorCode = "#DIV/0!" | "#VALUE!" | "#NUM!" | "#N/A" | "#REF!" | "#NAME?" | "#NULL!";

export const ERROR_CODES: readonly ErrorCode[] = [
  "#DIV/0!",
  "#VALUE!",
  "#NUM!",
  "#N/A",
  "#REF!",
  "#NAME?",
  "#NULL!",
];

/** An Excel error value with the reason behind it (which argument, and why). */
export class KpiError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string
  ) {}

  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

/** One cell: a number, text, a logical, a blank (null) or an error. */
export type Cell = number | string | boolean | null | KpiError;

/** A range as Excel passes it: rows of cells. */
export type Grid = Cell[][];

/** One argument of a function: a single cell or a range. */
export type Arg = Cell | Grid;

/** What a function gives back: a number, a table (it spills), or an error. */
export type ResultCell = number | string | KpiError;
export type Result = number | KpiError | ResultCell[][];

export function isError(value: unknown): value is KpiError {
  return value instanceof KpiError;
}

export function isGrid(value: unknown): value is Grid {
  return Array.isArray(value);
}

/** Reads an error code typed as text ("#DIV/0!"), case-insensitively; undefined when it is not one. */
export function parseErrorCode(text: string): ErrorCode | undefined {
  const upper = text.trim().toUpperCase();
  return ERROR_CODES.find((code) => code === upper);
}

export const divZero = (message: string) => new KpiError("#DIV/0!", message);
export const valueError = (message: string) => new KpiError("#VALUE!", message);
export const numError = (message: string) => new KpiError("#NUM!", message);
export const notAvailable = (message: string) => new KpiError("#N/A", message);

/**
 * Cell values as Excel hands them to a function, and the engine's error value.
 * Errors are values, never exceptions: every function returns a KpiError instead of throwing.
 */
import { LANGUAGES, type Language, type Text } from "../i18n/language";
import { REASONS } from "../i18n/strings/reasons";

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

/**
 * An Excel error value with the reason behind it (which argument, and why), in each language: the
 * reader's language (Office's display language, the command line's --language) is known only when
 * the error is shown.
 */
export class KpiError {
  constructor(
    readonly code: ErrorCode,
    readonly reason: Text
  ) {}

  /** The reason in English. */
  get message(): string {
    return this.reason.en;
  }

  /** The reason in a language. */
  messageIn(language: Language): string {
    return this.reason[language];
  }

  /** The code as the language's Excel shows it: #N/A, #YOK in Turkish. */
  codeIn(language: Language): string {
    return REASONS[language].errorCodes[this.code];
  }

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

/**
 * An empty argument as Excel passes one: nothing (an empty cell) or empty text (a formula's ""). A
 * cell of spaces is text, as it is to Excel's own functions (=A1*2 gives #VALUE!), so that a live
 * sheet's KPI.* cells and a portable sheet's native formulas answer the same for it. (A CRM export's
 * cell of spaces holds nothing to read: that is the reader's `holdsNothing`.)
 */
export function isEmpty(cell: Cell | undefined): cell is null | undefined | "" {
  return cell === null || cell === undefined || cell === "";
}

/** An argument left out: empty, or a range of one empty cell (a reference to an empty cell). */
export function isOmitted(arg: Arg | undefined): boolean {
  if (!Array.isArray(arg)) return isEmpty(arg);
  return arg.length === 0 || (arg.length === 1 && arg[0]?.length === 1 && isEmpty(arg[0][0]));
}

export function isError(value: unknown): value is KpiError {
  return value instanceof KpiError;
}

export function isGrid(value: unknown): value is Grid {
  return Array.isArray(value);
}

/**
 * Each error code by every name Excel writes it under: its English code and its name in Turkish Excel
 * (#YOK for #N/A, #DEĞER! for #VALUE!), as a CSV saved by Turkish Excel or its Range.values hold it.
 */
const ERROR_NAMES = new Map<string, ErrorCode>(
  LANGUAGES.flatMap((language) =>
    ERROR_CODES.map((code) => [REASONS[language].errorCodes[code], code] as const)
  )
);

/**
 * Reads an error value written as text ("#DIV/0!", Turkish Excel's "#SAYI/0!"), case-insensitively;
 * undefined when it is not one.
 */
export function parseErrorCode(text: string): ErrorCode | undefined {
  return ERROR_NAMES.get(text.trim().toUpperCase());
}

export const divZero = (message: Text) => new KpiError("#DIV/0!", message);
export const valueError = (message: Text) => new KpiError("#VALUE!", message);
export const numError = (message: Text) => new KpiError("#NUM!", message);
export const notAvailable = (message: Text) => new KpiError("#N/A", message);

/**
 * Reading one cell of a deal table as text, an amount or a date. Each reader returns the value, or
 * the reason it could not read the cell; it never guesses (metric specification, "A deal table").
 */
import { dateToSerial, parseIsoDate, parseNumberText, serialToIsoDate } from "../engine/coerce";
import { KpiError } from "../engine/values";
import type { DateFormat } from "./types";

/** A cell's value read, or why not; blank cells read as null without a reason. */
export type CellReading<T> =
  { value: T | null; error?: undefined } | { value: null; error: string };

/** Latest date Excel can show (9999-12-31); serial 1 is 1900-01-01. */
export const MAX_SERIAL = 2958465;

/** True for a blank cell: null, undefined or text of spaces only. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** The cell as a person sees it written, for messages. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof KpiError) return cell.code;
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

/** A label (stage, owner): text trimmed, numbers as written; logicals and errors are not labels. */
export function readLabel(cell: unknown, what: string): CellReading<string> {
  if (isBlank(cell)) return { value: null };
  if (typeof cell === "string") return { value: cell.trim() };
  if (typeof cell === "number") return { value: String(cell) };
  if (cell instanceof KpiError) return { value: null, error: `${what} is the error ${cell.code}` };
  return { value: null, error: `${what} "${cellText(cell)}" is not a text` };
}

/**
 * Thousands grouped with dots and nothing else ("1.250", "₺1.250.000"): in a money column three
 * decimals are implausible, so this is the Turkish (and German) grouping, not a decimal point.
 */
const DOT_GROUPED = /^([^\d-]*)([1-9]\d{0,2}(?:\.\d{3})+)([^\d]*)$/;

/** An amount written as text: as parseNumberText reads it, with dot-grouped thousands as above. */
function parseAmountText(text: string): number | undefined {
  const grouped = DOT_GROUPED.exec(text.trim());
  if (grouped) return parseNumberText(`${grouped[1]}${grouped[2].replace(/\./g, "")}${grouped[3]}`);
  return parseNumberText(text);
}

/** A money amount: a number, or text with a currency and thousands separators; never negative. */
export function readAmount(cell: unknown): CellReading<number> {
  if (isBlank(cell)) return { value: null };
  const value =
    typeof cell === "number" ? cell : typeof cell === "string" ? parseAmountText(cell) : undefined;
  if (cell instanceof KpiError)
    return { value: null, error: `amount is the error ${cell.code}: left out of the sums` };
  if (value === undefined || !Number.isFinite(value))
    return {
      value: null,
      error: `amount "${cellText(cell)}" is not a number: left out of the sums`,
    };
  if (value < 0)
    return { value: null, error: `amount "${cellText(cell)}" is negative: left out of the sums` };
  return { value };
}

/** day.month.year or month/day/year, 4-digit year, optional time of day; separators . / - */
const DAY_MONTH_YEAR =
  /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A date written in the chosen order, as an Excel serial; undefined when impossible. */
function parseOrderedDate(text: string, format: "dmy" | "mdy"): number | undefined {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return undefined;
  const [, first, second, y, hh = "0", mm = "0", ss = "0"] = match;
  const [day, month] =
    format === "dmy" ? [Number(first), Number(second)] : [Number(second), Number(first)];
  const pad = (n: number) => String(n).padStart(2, "0");
  // Reuse the ISO reader so that impossible dates (31.02.2026) and times are rejected the same way.
  return parseIsoDate(
    `${y}-${pad(month)}-${pad(day)}T${pad(Number(hh))}:${pad(Number(mm))}:${pad(Number(ss))}`
  );
}

/**
 * A date: an Excel serial number, a Date (as ExcelJS gives date cells, UTC), ISO text, or text in the
 * explicitly chosen day/month order.
 * @param what How messages name the field: "created date", "closed date".
 */
export function readDate(
  cell: unknown,
  what: string,
  format: DateFormat = "iso"
): CellReading<number> {
  if (isBlank(cell)) return { value: null };
  let serial: number | undefined;
  if (typeof cell === "number") serial = cell;
  else if (cell instanceof Date) serial = dateToSerial(cell.getTime());
  else if (typeof cell === "string") {
    const text = cell.trim();
    serial = parseIsoDate(text) ?? (format === "iso" ? undefined : parseOrderedDate(text, format));
  } else if (cell instanceof KpiError)
    return { value: null, error: `${what} is the error ${cell.code}` };
  if (serial !== undefined && Number.isFinite(serial) && serial >= 1 && serial < MAX_SERIAL + 1)
    return { value: serial };
  const hint =
    format === "iso"
      ? "use ISO 2026-03-15 or choose a date format"
      : `use ISO 2026-03-15 or ${format === "dmy" ? "15.03.2026" : "03/15/2026"}`;
  return { value: null, error: `${what} "${cellText(cell)}" is not a date (${hint})` };
}

/** A serial date as ISO text for messages. */
export function isoDate(serial: number): string {
  return serialToIsoDate(serial);
}

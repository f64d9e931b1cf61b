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

/**
 * Digits, optionally with one or two decimals ("12500", "12500.5", "99.90"): how nearly every export
 * writes an amount, read here without the regular expressions below, to the same number. Three
 * decimals are not taken: "1.250" is dot-grouped thousands.
 */
function plainDecimal(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 15) return undefined;
  let dot = -1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 && dot < 0 && i > 0) dot = i;
    else if (code < 48 || code > 57) return undefined;
  }
  if (dot >= 0 && (length - dot - 1 < 1 || length - dot - 1 > 2)) return undefined;
  return Number(text);
}

/** An amount written as text: as parseNumberText reads it, with dot-grouped thousands as above. */
function parseAmountText(text: string): number | undefined {
  const plain = plainDecimal(text);
  if (plain !== undefined) return plain;
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

/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the digits of text from start to end (exclusive); -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * A plain ISO day ("2026-03-15") as an Excel serial, by arithmetic rather than parseIsoDate's regular
 * expression and Date objects: the form of nearly every date of an export, read a million times.
 * Undefined for any other text, which parseIsoDate then reads (years before 1000 too).
 */
function isoDaySerial(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0)) return undefined;
  return daysFromCivil(year, month, day) + UNIX_EPOCH_SERIAL;
}

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
    serial =
      isoDaySerial(text) ??
      parseIsoDate(text) ??
      (format === "iso" ? undefined : parseOrderedDate(text, format));
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

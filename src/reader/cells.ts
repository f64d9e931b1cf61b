/**
 * Reading one cell of a deal table as text, an amount or a date. Each reader returns the value, or
 * the reason it could not read the cell; it never guesses (metric specification, "A deal table").
 */
import { parseIsoDate, parseNumberText } from "../engine/coerce";
import { MAX_SERIAL, calendarDaySerial, dateToSerial, serialToIsoDate } from "../engine/excelDate";
import { type ErrorCode, KpiError, parseErrorCode } from "../engine/values";
import { type Text, sayBoth, textOf } from "../i18n";
import { REASONS } from "../i18n/strings/reasons";
import { READER } from "../i18n/strings/reader";
import type { DateFormat, DealField } from "./types";

/** A cell's value read, or why not, in both languages; blank cells read as null without a reason. */
export type CellReading<T> = { value: T | null; error?: undefined } | { value: null; error: Text };

/** A date field of a deal table, as the date readers name it in their reasons (entered: a stage-entry column). */
export type DateField = "created" | "closed" | "entered";

/**
 * Excel's error values as a CSV file (or a text cell) writes them: Excel itself reads them back as
 * errors, so the reader does too (https://support.microsoft.com/office/how-to-correct-a-spill-error-ffe0f555-b479-4a17-a6e2-ef9cc9ad4023
 * lists the newer ones beside #N/A, #VALUE!, #REF!, #DIV/0!, #NUM!, #NAME? and #NULL!).
 */
const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/i;

/**
 * The cell as the reader takes it: the text of an error value (a CSV's "#N/A") is that error, never a
 * stage or an owner; codes the engine has no value for (#SPILL!) are #VALUE!, their text in the reason.
 */
export function asCell<T>(cell: T): T | KpiError {
  // Nearly every cell is no error: the first character tells, without trimming or matching.
  if (typeof cell !== "string" || cell.length > 14 || !cell.trimStart().startsWith("#"))
    return cell;
  return parseErrorCode(cell) !== undefined || ERROR_LITERAL.test(cell.trim())
    ? errorCell(cell)
    : cell;
}

/**
 * An error cell from its text ("#N/A", or Turkish Excel's "#YOK"): that error, or #VALUE! for one the
 * engine has no code for.
 */
export function errorCell(text: string): KpiError {
  const code = text.trim().toUpperCase();
  // A column of a lookup's #N/A holds the same error on every row: one value (read-only) serves all.
  let error = ERROR_CELLS.get(code);
  if (!error) {
    error = newErrorCell(code);
    ERROR_CELLS.set(code, error);
  }
  return error;
}

const ERROR_CELLS = new Map<string, KpiError>();

function newErrorCell(code: string): KpiError {
  const known = parseErrorCode(code);
  // #SPILL! and the other codes the engine has no value for are named as written.
  const shown = known ? errorName(known) : code;
  return new KpiError(
    known ?? "#VALUE!",
    sayBoth(READER, (s) => s.cellError, { code: shown })
  );
}

/** An error code as each language's Excel shows it (#YOK for #N/A in Turkish). */
export function errorName(code: ErrorCode): Text {
  return textOf(REASONS, (s) => s.errorCodes[code]);
}

/**
 * Whether an export's cell holds nothing to read: nothing, or text of spaces only (CSV writers pad
 * with them). Such a cell is no problem to report; a formula over it (SUMIFS, COUNTIFS) skips it too.
 * An argument of a function is another matter: see the engine's `isEmpty`.
 */
export function holdsNothing(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** The cell as a person sees it written, for messages. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof KpiError) return cell.code;
  // An invalid Date is written as JavaScript writes it ("Invalid Date"), the value as it came.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? String(cell) : cell.toISOString();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

/** A field's name in both languages, for the reasons that speak of it. */
export function fieldName(field: DealField): Text {
  return textOf(READER, (s) => s.fields[field]);
}

/**
 * A label (stage, owner): text trimmed, numbers as written; logicals and errors are not labels.
 * @param field The field it is read for, named in the reason.
 */
export function readLabel(cell: unknown, field: DealField): CellReading<string> {
  if (holdsNothing(cell)) return { value: null };
  if (typeof cell === "string") return { value: cell.trim() };
  if (typeof cell === "number") return { value: String(cell) };
  const values = { field: fieldName(field), code: "", text: cellText(cell) };
  if (cell instanceof KpiError)
    return {
      value: null,
      error: sayBoth(READER, (s) => s.labelError, { ...values, code: errorName(cell.code) }),
    };
  return { value: null, error: sayBoth(READER, (s) => s.labelNotText, values) };
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

/**
 * The decimal mark of a column of amounts: a comma (Turkish, German, French Excel: 8.300,00 and
 * 8 300,00) or a point (US and UK Excel: 8,300.00).
 */
export type DecimalMark = "comma" | "point";

/**
 * An amount written as text, read before its column's decimal mark is known: its value, with the
 * decimal mark the text shows when it shows one ("8.300,00", "8300,5" a comma; "8,300.00", "99.90",
 * "1,250,000" a point); or, for a lone separator before three digits ("1.250", "1,250"), its value in a
 * column of each mark. Undefined when the text is not a number.
 */
export type AmountText =
  | { value: number; mark?: DecimalMark; comma?: undefined }
  | { comma: number; point: number; grouped: number };

/** Currencies whose countries write a decimal point (US dollar, pound sterling) or comma (lira). */
const POINT_CURRENCY = /\$|£|(?<![a-z])(?:USD|GBP)(?![a-z])/i;
const COMMA_CURRENCY = /₺|(?<![a-z])(?:TL|TRY)(?![a-z])/i;

/** What the separators of a number written as text say of its decimal mark. */
function separatorsOf(text: string): DecimalMark | "either" | undefined {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let digitsBefore = 0;
  let digitsAfter = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (dots + commas === 0) digitsBefore++;
      else digitsAfter++;
    } else if (code === 46) {
      dots++;
      lastDot = i;
      digitsAfter = 0;
    } else if (code === 44) {
      commas++;
      lastComma = i;
      digitsAfter = 0;
    }
  }
  if (dots > 0 && commas > 0) return lastDot > lastComma ? "point" : "comma";
  const count = dots + commas;
  if (count === 0) return undefined;
  // Two of one separator: it groups thousands, so the other is the decimal mark.
  if (count > 1) return dots > 0 ? "comma" : "point";
  if (digitsAfter === 3 && digitsBefore >= 1 && digitsBefore <= 3) return "either";
  return dots > 0 ? "point" : "comma";
}

/** Reads an amount written as text, before its column's decimal mark is known. */
export function readAmountText(text: string): AmountText | undefined {
  const plain = plainDecimal(text);
  if (plain !== undefined) return { value: plain, mark: text.includes(".") ? "point" : undefined };
  const marks = separatorsOf(text);
  if (marks === "either") {
    // "1.250" is 1250 where the comma is the decimal mark, 1.25 where the point is; "1,250" the reverse.
    const grouped = parseAmountText(text);
    const decimal = parseNumberText(text.replace(",", "."));
    if (grouped === undefined || decimal === undefined) {
      const value = grouped ?? decimal;
      return value === undefined ? undefined : { value };
    }
    const [comma, point] = text.includes(".") ? [grouped, decimal] : [decimal, grouped];
    // A currency written the way its country writes numbers tells: "$7,500" is 7,500 dollars.
    if (POINT_CURRENCY.test(text)) return { value: point };
    if (COMMA_CURRENCY.test(text)) return { value: comma };
    return { comma, point, grouped };
  }
  const value = parseAmountText(text);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return marks ? { value, mark: marks } : { value };
}

/** The reasons of amounts that are not read, in both languages. */
export const AMOUNT_ERRORS = {
  notANumber: (text: string) => sayBoth(READER, (s) => s.amount.notANumber, { text }),
  negative: (text: string) => sayBoth(READER, (s) => s.amount.negative, { text }),
  storedAsText: (text: string) => sayBoth(READER, (s) => s.amount.storedAsText, { text }),
  error: (code: ErrorCode) => sayBoth(READER, (s) => s.amount.error, { code: errorName(code) }),
  bothMarks: (header: string, first: string, firstRow: number, other: string) =>
    sayBoth(READER, (s) => s.amount.bothMarks, {
      header,
      first,
      firstRow: String(firstRow),
      other,
    }),
};

/**
 * A money amount: a number, or text with a currency and thousands separators; never negative.
 * @param options.mark The decimal mark of the column, which decides "1.250" and "1,250"; without it
 *   a lone separator before three digits groups thousands (three decimals are implausible in money).
 * @param options.inPlace Text is not read (see ReadOptions.inPlace): it is reported as stored as text.
 */
export function readAmount(
  cell: unknown,
  options: { mark?: DecimalMark; inPlace?: boolean } = {}
): CellReading<number> {
  if (holdsNothing(cell)) return { value: null };
  let value: number | undefined;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "string") {
    if (options.inPlace) return { value: null, error: AMOUNT_ERRORS.storedAsText(cellText(cell)) };
    const text = readAmountText(cell);
    if (text)
      value =
        text.comma === undefined ? text.value : options.mark ? text[options.mark] : text.grouped;
  } else if (cell instanceof KpiError)
    return { value: null, error: AMOUNT_ERRORS.error(cell.code) };
  return checkAmount(value, cell);
}

/** An amount read, or why it is not one: not a number, or negative. */
export function checkAmount(value: number | undefined, cell: unknown): CellReading<number> {
  if (value === undefined || !Number.isFinite(value))
    return { value: null, error: AMOUNT_ERRORS.notANumber(cellText(cell)) };
  if (value < 0) return { value: null, error: AMOUNT_ERRORS.negative(cellText(cell)) };
  return { value };
}

/**
 * A day written with its parts in a row: day.month.year with dots (Turkish and German Excel), or
 * day/month/year or month/day/year with slashes or hyphens; a 4-digit year; an optional time of day,
 * with seconds and AM/PM (US Excel's "6/11/2026 10:57 AM") or without.
 */
const DAY_MONTH_YEAR =
  /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

/**
 * Year first with slashes or dots ("2026/02/13", "2026.02.13", as Japanese, Chinese and Hungarian
 * Excel write it): year, month, day, whatever the locale.
 */
const YEAR_MONTH_DAY =
  /^(\d{4})([./])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

/**
 * An Excel serial date written out as a number ("46061", "46061.5"), as a CSV saved from a date column
 * may hold it: five digits (1927 to 2173), so that a stray small number is not taken for a day of 1900.
 */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/** An ISO date and time with an offset from UTC ("2026-06-11T10:57:15+03:00"), which parseIsoDate does not take. */
const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

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
  return year < 1000 ? undefined : calendarDaySerial(year, month, day);
}

/** The serial of a day, or undefined when there is no such day or Excel cannot show it. */
function daySerial(year: number, month: number, day: number): number | undefined {
  const serial = calendarDaySerial(year, month, day);
  return serial !== undefined && serial >= 1 && serial <= MAX_SERIAL ? serial : undefined;
}

/** Whether a time of day is one: 0-23 hours (1-12 with AM or PM), 0-59 minutes and seconds. */
function validTime(hours?: string, minutes?: string, seconds?: string, half?: string): boolean {
  if (hours === undefined) return true;
  const h = Number(hours);
  if (half ? h < 1 || h > 12 : h > 23) return false;
  return Number(minutes) <= 59 && Number(seconds ?? 0) <= 59;
}

/** The order of a day written with its parts in a row: day first or month first. */
export type DayOrder = "dmy" | "mdy";

/**
 * A date written as text, read as its day (a time of day is dropped): its serial, with the order a
 * slashed date decides when one of its parts is above 12 ("15/04/2026" day first, "04/15/2026" month
 * first); or, when both parts are 12 or less and the day differs with the order ("06/11/2026"), the
 * serial of each order. Undefined when the text is not a date.
 */
export type DateText =
  { serial: number; order?: DayOrder; dmy?: undefined } | { dmy: number; mdy: number };

/** Reads a date written as text, before its column's day order is known. */
export function readDateText(text: string): DateText | undefined {
  const iso = isoDaySerial(text);
  if (iso !== undefined) return { serial: iso };
  const isoTime = parseIsoDate(text);
  if (isoTime !== undefined) return inRange(Math.floor(isoTime));
  const offset = ISO_WITH_OFFSET.exec(text);
  if (offset) {
    // The day as written: the offset says where the time was taken, not which day it was there.
    if (!validTime(offset[2], offset[3], offset[4])) return undefined;
    const day = isoDaySerial(offset[1]) ?? parseIsoDate(offset[1]);
    return day === undefined ? undefined : inRange(day);
  }
  if (SERIAL_TEXT.test(text)) return inRange(Math.floor(Number(text)));
  const yearFirst = YEAR_MONTH_DAY.exec(text);
  if (yearFirst) {
    const [, year, , month, day, hours, minutes, seconds, half] = yearFirst;
    if (!validTime(hours, minutes, seconds, half)) return undefined;
    const serial = daySerial(Number(year), Number(month), Number(day));
    return serial === undefined ? undefined : { serial };
  }
  const parts = DAY_MONTH_YEAR.exec(text);
  if (!parts) return undefined;
  const [, firstText, separator, secondText, yearText, hours, minutes, seconds, half] = parts;
  if (!validTime(hours, minutes, seconds, half)) return undefined;
  const first = Number(firstText);
  const second = Number(secondText);
  const year = Number(yearText);
  const dayFirst = daySerial(year, second, first);
  // Dots are written day first only (Turkish, German, Russian Excel).
  if (separator === ".") return dayFirst === undefined ? undefined : { serial: dayFirst };
  const monthFirst = daySerial(year, first, second);
  if (dayFirst !== undefined && monthFirst !== undefined)
    return dayFirst === monthFirst ? { serial: dayFirst } : { dmy: dayFirst, mdy: monthFirst };
  if (dayFirst !== undefined) return { serial: dayFirst, order: first > 12 ? "dmy" : undefined };
  if (monthFirst !== undefined)
    return { serial: monthFirst, order: second > 12 ? "mdy" : undefined };
  return undefined;
}

function inRange(serial: number): DateText | undefined {
  return serial >= 1 && serial <= MAX_SERIAL ? { serial } : undefined;
}

/** A date field's name in both languages, as its cells' reasons name it ("closed date"). */
export function dateFieldName(field: DateField): Text {
  return textOf(READER, (s) => s.dates[field]);
}

/** The reasons of dates that are not read, in both languages. */
export const DATE_ERRORS = {
  notADate: (field: DateField, text: string, format?: DateFormat) =>
    sayBoth(READER, (s) => s.date.notADate, {
      field: dateFieldName(field),
      text,
      hint: textOf(READER, (s) => s.date.hints[format ?? "iso"]),
    }),
  againstColumn: (field: DateField, text: string, order: DayOrder, example: string, row: number) =>
    sayBoth(READER, (s) => s.date.againstColumn[order], {
      field: dateFieldName(field),
      text,
      example,
      row: String(row),
    }),
  storedAsText: (field: DateField, text: string) =>
    sayBoth(READER, (s) => s.date.storedAsText, { field: dateFieldName(field), text }),
  error: (field: DateField, code: ErrorCode) =>
    sayBoth(READER, (s) => s.date.error, { field: dateFieldName(field), code: errorName(code) }),
};

/**
 * A date, as its day: an Excel serial number (a time of day dropped), a Date (as ExcelJS gives date
 * cells, UTC), or text: ISO (with or without a time), day.month.year, or day/month/year and
 * month/day/year, the order decided by the text itself when a part is above 12, else by `format`.
 * @param what The date field read, which the reasons name ("closed date").
 * @param format The day order of slashed dates both of whose parts are 12 or less.
 * @param inPlace Text is not read (see ReadOptions.inPlace): it is reported as stored as text.
 */
export function readDate(
  cell: unknown,
  what: DateField,
  format: DateFormat = "iso",
  inPlace = false
): CellReading<number> {
  if (holdsNothing(cell)) return { value: null };
  let serial: number | undefined;
  if (typeof cell === "number") serial = cell;
  else if (cell instanceof Date) serial = dateToSerial(cell.getTime());
  else if (typeof cell === "string") {
    if (inPlace) return { value: null, error: DATE_ERRORS.storedAsText(what, cellText(cell)) };
    const text = readDateText(cell.trim());
    if (text?.dmy === undefined) serial = text?.serial;
    else if (format !== "iso") serial = text[format];
  } else if (cell instanceof KpiError)
    return { value: null, error: DATE_ERRORS.error(what, cell.code) };
  return checkDate(serial, cell, what, format);
}

/** A date's serial as its day, or why it is not one. */
export function checkDate(
  serial: number | undefined,
  cell: unknown,
  what: DateField,
  format?: DateFormat
): CellReading<number> {
  if (serial !== undefined && Number.isFinite(serial) && serial >= 1 && serial < MAX_SERIAL + 1)
    return { value: Math.floor(serial) };
  return { value: null, error: DATE_ERRORS.notADate(what, cellText(cell), format) };
}

/** A serial date as ISO text for reasons. */
export function isoDate(serial: number): string {
  return serialToIsoDate(serial);
}

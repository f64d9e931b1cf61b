/**
 * A CSV file's fields as the cells Excel would hold after opening it. The add-in's reader splits the
 * file (src/reader/csv.ts: encoding detected among UTF-8, UTF-16, Windows-1254 and Windows-1252;
 * delimiter among comma, semicolon and tab); the fields are then typed here.
 *
 * The choice, kept simple: a field is typed the way the Excel that saved the file reads it back.
 * Excel saves "CSV (Comma delimited)" with the list separator of its regional settings, and the list
 * separator goes with the decimal mark: a semicolon file comes from an Excel that writes decimal
 * commas and dotted day-first dates (Turkish, German: 1.234,50 and 15.03.2026), a comma file from one
 * that writes decimal points (1,234.50). A tab file ("Unicode Text") says nothing, so it is read with
 * the preview's Excel language. So:
 * - numbers in that decimal mark become numbers ("1234,5" and "1.234,50", or "1234.5" and
 *   "1,234.50"); grouped thousands get a thousands format, as Excel gives them;
 * - ISO dates ("2026-03-15", with a time or not) become date serials in any file, and dotted
 *   day-first dates ("15.03.2026") in a decimal-comma file, with a date format;
 * - everything else stays text as written: slashed dates (3/15/2026 is a date in US Excel, 15/03/2026
 *   in UK Excel: the file does not say which), percentages, currencies, TRUE/FALSE and error names.
 * Excel itself splits a CSV only at its own list separator; the preview splits at the one the file
 * uses, since it plays one Excel and opens files saved by others.
 */
import { parseIsoDate } from "../../src/engine/coerce";
import { calendarDaySerial } from "../../src/engine/excelDate";
import { guessDelimiter, parseCsv } from "../../src/reader/csv";
import { decodeCsvBytes } from "../../src/reader/encoding";
import type { ReadProblem } from "../../src/reader/types";
import { BLANK, type SheetCell, textCell } from "./sheetCells";

/** How the numbers of a file are written: with a decimal point (1,234.50) or comma (1.234,50). */
export type DecimalMark = "point" | "comma";

const NUMBERS: Record<DecimalMark, { plain: RegExp; grouped: RegExp; group: string }> = {
  point: { plain: /^-?\d+(?:\.\d+)?$/, grouped: /^-?\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/, group: "," },
  comma: { plain: /^-?\d+(?:,\d+)?$/, grouped: /^-?\d{1,3}(?:\.\d{3})+(?:,(\d+))?$/, group: "." },
};

/** 15.03.2026, optionally with a time of day (15.03.2026 14:30 or 14:30:05). */
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A serial's format: the day alone, or with its time of day when it has one. */
function dateFormat(serial: number, day: string): string {
  return Number.isInteger(serial) ? day : `${day} hh:mm`;
}

function dottedDate(text: string): number | undefined {
  const match = DOTTED_DATE.exec(text);
  if (!match) return undefined;
  const [, d, m, y, hh = "0", mm = "0", ss = "0"] = match;
  const day = calendarDaySerial(Number(y), Number(m), Number(d));
  if (day === undefined || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return day + (Number(hh) * 3600 + Number(mm) * 60 + Number(ss)) / 86400;
}

/**
 * One CSV field as Excel reads it (see the module's comment).
 * @example csvField("1.234,50", "comma") // { value: 1234.5, format: "#,##0.00" }
 */
export function csvField(text: string | null, mark: DecimalMark): SheetCell {
  if (text === null || text === "") return BLANK;
  const trimmed = text.trim();
  const { plain, grouped, group } = NUMBERS[mark];
  const decimal = (digits: string) => Number(mark === "comma" ? digits.replace(",", ".") : digits);
  if (plain.test(trimmed)) return { value: decimal(trimmed) };
  const groups = grouped.exec(trimmed);
  if (groups) {
    const decimals = groups[1]?.length ?? 0;
    // Excel's thousands format, with as many decimals as were typed.
    const format = decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
    return { value: decimal(trimmed.split(group).join("")), format };
  }
  const iso = parseIsoDate(trimmed);
  if (iso !== undefined) return { value: iso, format: dateFormat(iso, "yyyy-mm-dd") };
  const dotted = mark === "comma" ? dottedDate(trimmed) : undefined;
  if (dotted !== undefined) return { value: dotted, format: dateFormat(dotted, "dd.mm.yyyy") };
  return textCell(text);
}

/** A CSV file read into cells. */
export interface CsvCells {
  cells: SheetCell[][];
  /** The delimiter the file uses. */
  delimiter: string;
  /** The decimal mark its numbers were read with. */
  mark: DecimalMark;
  /** The encoding its bytes were read in (undefined for text). */
  encoding?: string;
  /** Malformed places (unbalanced quotes, undecodable bytes), as the add-in's reader reports them. */
  problems: ReadProblem[];
}

/**
 * Reads a CSV file into cells as Excel would hold them.
 * @param input The file's bytes (encoding detected) or its text.
 * @param tabMark The decimal mark of a tab-separated file: the preview's Excel's.
 */
export function csvCells(input: string | Uint8Array, tabMark: DecimalMark = "point"): CsvCells {
  const decoded = typeof input === "string" ? undefined : decodeCsvBytes(input);
  const text = (decoded ? decoded.text : (input as string)).replace(/^\uFEFF/, "");
  const delimiter = guessDelimiter(text);
  const mark: DecimalMark = delimiter === ";" ? "comma" : delimiter === "\t" ? tabMark : "point";
  const { grid, problems } = parseCsv(text);
  const cells = grid.map((row) =>
    row.map((field) => csvField(field === null ? null : String(field), mark))
  );
  return { cells, delimiter, mark, encoding: decoded?.encoding, problems };
}

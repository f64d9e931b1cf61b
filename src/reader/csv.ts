/** A CSV export (comma, semicolon or tab separated) as a grid of cells for readDealTable. */
import { type ParseError, parse } from "papaparse";
import { type Text, sayBoth } from "../i18n";
import { READER } from "../i18n/strings/reader";
import {
  type CsvEncoding,
  REPLACEMENT,
  countReplacements,
  decodeCsvBytes,
  garbledProblem,
} from "./encoding";
import type { Cell, ReadProblem } from "./types";

/**
 * The reason of a malformed place papaparse found, in both languages: its quoting errors by their code;
 * any other (which the reader's settings do not produce) in papaparse's own English words.
 */
export function csvErrorReason(error: Pick<ParseError, "code" | "message">): Text {
  const { code } = error;
  return code === "MissingQuotes" || code === "InvalidQuotes"
    ? sayBoth(READER, (s) => s.csv[code])
    : sayBoth(READER, (s) => s.csv.other, { message: error.message });
}

/** True when a row has a cell holding the replacement character. */
export function rowIsGarbled(row: readonly Cell[]): boolean {
  for (const cell of row) if (typeof cell === "string" && cell.includes(REPLACEMENT)) return true;
  return false;
}

/**
 * The delimiter of CSV text, among comma, semicolon (the Turkish and European Excel default) and tab,
 * as papaparse guesses it from the first 50 lines that are not blank. Blank lines upset its guess, so
 * it is made without them; the file is then read with them, as they are rows of the sheet.
 * @param text The text, or its start (the guess reads 50 lines at most).
 */
export function guessDelimiter(text: string): string {
  return parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: "greedy",
    preview: 50,
  }).meta.delimiter;
}

/**
 * Parses CSV into rows of cells. Bytes are decoded in the encoding they are detected to be in (see
 * ./encoding: UTF-8, UTF-16, Windows-1254 or Windows-1252); a byte order mark is dropped. The
 * delimiter is detected among comma, semicolon (the Turkish and European Excel default) and tab.
 * Every value stays text, since the reader interprets amounts and dates; empty values become null.
 * @param input The file's content: its bytes, or its text.
 * @returns The grid; the malformed places (unbalanced quotes, characters that could not be decoded)
 *   with their row numbers (1-based); the encoding read, for bytes.
 */
export function parseCsv(input: string | Uint8Array): {
  grid: Cell[][];
  problems: ReadProblem[];
  encoding?: CsvEncoding;
} {
  const decoded = typeof input === "string" ? undefined : decodeCsvBytes(input);
  const text = decoded ? decoded.text : (input as string);
  const body = text.replace(/^\uFEFF/, "");
  const result = parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const rows = result.data;
  // The newline that ends the last line is not a blank row of its own.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "") rows.pop();

  const grid: Cell[][] = rows.map((row) => row.map((value) => (value === "" ? null : value)));
  const problems: ReadProblem[] = result.errors.map((error) => ({
    row: (error.row ?? 0) + 1,
    message: csvErrorReason(error),
  }));
  if (countReplacements(body) > 0) {
    const garbled = grid.flatMap((row, index) => (rowIsGarbled(row) ? [index + 1] : []));
    if (garbled.length)
      problems.push(garbledProblem(garbled[0], garbled.length, decoded?.encoding));
  }
  return { grid, problems, encoding: decoded?.encoding };
}

/** A CSV export (comma, semicolon or tab separated) as a grid of cells for readDealTable. */
import { parse } from "papaparse";
import type { Cell, ReadProblem } from "./types";

/**
 * Parses CSV text into rows of cells. The delimiter is detected among comma, semicolon (the Turkish
 * and European Excel default) and tab; a UTF-8 byte order mark is dropped. Every value stays text,
 * since the reader interprets amounts and dates; empty values become null.
 * @param text The file's content.
 * @returns The grid, and the malformed places (unbalanced quotes) with their row numbers (1-based).
 */
export function parseCsv(text: string): { grid: Cell[][]; problems: ReadProblem[] } {
  const body = text.replace(/^\uFEFF/, "");
  // Blank lines upset papaparse's guess, so the delimiter is guessed without them, then the file is
  // read with them: they are rows of the sheet, and row numbers must match.
  const guess = parse<string[]>(body, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: "greedy",
    preview: 50,
  });
  const result = parse<string[]>(body, {
    delimiter: guess.meta.delimiter,
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
    message: `CSV: ${error.message}`,
  }));
  return { grid, problems };
}

/**
 * A CSV export read from its file in chunks, row by row, as parseCsv reads the whole text: the same
 * rows, the same problems, without holding the text (88 MB for a million deals) or the grid of strings
 * it becomes. Node only (it reads files), so it is imported directly, not through the reader's index.
 */
/* global Buffer */
import * as fs from "fs";
import { StringDecoder } from "string_decoder";
import { parse } from "papaparse";
import type { Cell, ReadProblem } from "./types";

/** Characters papaparse looks at to guess the line endings; the delimiter is guessed in them too. */
const HEAD_CHARACTERS = 1 << 20;

/**
 * Bytes read at a time. Small chunks keep each chunk's rows short-lived, so that the garbage collector
 * frees them young: with 1 MB chunks a million-row file peaked at 400 MB, with 64 KB at 220 MB.
 */
const CHUNK_BYTES = 64 * 1024;

/** Reads the start of a file as text (UTF-8), up to `characters` characters. */
function readHead(path: string, characters: number): string {
  const file = fs.openSync(path, "r");
  try {
    // UTF-8 takes at most 4 bytes a character (2 UTF-16 units for those).
    const buffer = Buffer.alloc(characters * 4);
    const bytes = fs.readSync(file, buffer, 0, buffer.length, 0);
    return new StringDecoder("utf8").write(buffer.subarray(0, bytes)).slice(0, characters);
  } finally {
    fs.closeSync(file);
  }
}

/** Options of {@link readCsvFile}. */
export interface CsvFileOptions {
  /** Bytes read at a time; 64 KB unless given (tests make it small to cross chunk boundaries). */
  chunkBytes?: number;
  /** Told how many bytes of the file were read so far, and its size (for a progress bar). */
  onBytes?: (bytesRead: number, bytesTotal: number) => void;
}

/**
 * Reads a CSV file row by row. The delimiter (comma, semicolon or tab) and the line endings are
 * guessed from the file's start as parseCsv guesses them; a UTF-8 byte order mark is dropped; every
 * value stays text, empty values become null, blank lines are rows.
 * @param path The file.
 * @param onRow Called with each row, in order; the row is the caller's to keep.
 * @returns The malformed places (unbalanced quotes) with their row numbers (1-based).
 */
export function readCsvFile(
  path: string,
  onRow: (row: Cell[]) => void,
  options: CsvFileOptions = {}
): Promise<ReadProblem[]> {
  const head = readHead(path, HEAD_CHARACTERS).replace(/^\uFEFF/, "");
  const guess = parse<string[]>(head, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: "greedy",
    preview: 50,
  });
  const total = fs.statSync(path).size;
  return new Promise((resolve, reject) => {
    const input = fs.createReadStream(path, {
      encoding: "utf8",
      highWaterMark: options.chunkBytes ?? CHUNK_BYTES,
    });
    const problems: ReadProblem[] = [];
    let rows = 0;
    // The last row is held back until the end: parseCsv drops an empty last row (the newline that
    // ends the file), which only the final chunk can give.
    let last: Cell[] | undefined;
    let finalRows = 0;
    input.on("error", reject);
    if (options.onBytes) input.on("data", () => options.onBytes!(input.bytesRead, total));
    parse<string[]>(input, {
      delimiter: guess.meta.delimiter,
      newline: guess.meta.linebreak as "\n" | "\r\n" | "\r",
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ""),
      chunk: (results) => {
        const { data, errors } = results;
        // A row cut by the chunk's end is not in `data`; it is parsed again with the next chunk, and
        // its errors are reported then.
        for (const error of errors) {
          if ((error.row ?? 0) >= data.length) continue;
          problems.push({ row: rows + (error.row ?? 0) + 1, message: `CSV: ${error.message}` });
        }
        for (const row of data) {
          if (last) onRow(last);
          for (let i = 0; i < row.length; i++) if (row[i] === "") (row as Cell[])[i] = null;
          last = row as Cell[];
        }
        rows += data.length;
        finalRows = data.length;
      },
      complete: () => {
        const blankLast = finalRows > 0 && last?.length === 1 && last[0] === null;
        if (last && !blankLast) onRow(last);
        resolve(problems);
      },
      error: (error: Error) => reject(error),
    });
  });
}

/**
 * A CSV export read from its file in chunks, row by row, as parseCsv reads the whole text: the same
 * rows, the same problems, without holding the text (88 MB for a million deals) or the grid of strings
 * it becomes. Node only (it reads files), so it is imported directly, not through the reader's index.
 */
/* global Buffer */
import * as fs from "fs";
import { Readable } from "stream";
import { parse } from "papaparse";
import { csvErrorReason, rowIsGarbled } from "./csv";
import { CsvDecoder, type CsvEncoding, countReplacements, garbledProblem } from "./encoding";
import type { Cell, ReadProblem } from "./types";

/** Characters papaparse looks at to guess the line endings; the delimiter is guessed in them too. */
const HEAD_CHARACTERS = 1 << 20;

/**
 * Bytes read at a time. Small chunks keep each chunk's rows short-lived, so that the garbage collector
 * frees them young: with 1 MB chunks a million-row file peaked at 400 MB, with 64 KB at 220 MB.
 */
const CHUNK_BYTES = 64 * 1024;

/** Reads the start of a file as text, in its encoding, up to `characters` characters. */
function readHead(
  path: string,
  characters: number
): { text: string; encoding?: CsvEncoding; bom: boolean } {
  const file = fs.openSync(path, "r");
  try {
    // UTF-8 takes at most 4 bytes a character (2 UTF-16 units for those).
    const buffer = Buffer.alloc(characters * 4);
    const bytes = fs.readSync(file, buffer, 0, buffer.length, 0);
    const decoder = new CsvDecoder();
    const head = decoder.write(buffer.subarray(0, bytes));
    const text = (bytes < buffer.length ? head + decoder.end() : head).slice(0, characters);
    return { text, encoding: decoder.encoding, bom: decoder.bom };
  } finally {
    fs.closeSync(file);
  }
}

/** A UTF-8 file read as text by Node, chunk by chunk. */
function utf8Stream(path: string, options: CsvFileOptions, total: number): fs.ReadStream {
  const input = fs.createReadStream(path, {
    encoding: "utf8",
    highWaterMark: options.chunkBytes ?? CHUNK_BYTES,
  });
  if (options.onBytes) input.on("data", () => options.onBytes!(input.bytesRead, total));
  return input;
}

/** Options of {@link readCsvFile}. */
export interface CsvFileOptions {
  /** Bytes read at a time; 64 KB unless given (tests make it small to cross chunk boundaries). */
  chunkBytes?: number;
  /** Told how many bytes of the file were read so far, and its size (for a progress bar). */
  onBytes?: (bytesRead: number, bytesTotal: number) => void;
  /** Told the encoding the file was read in, once the file is read. */
  onEncoding?: (encoding: CsvEncoding) => void;
}

/**
 * Reads a CSV file row by row. The delimiter (comma, semicolon or tab) and the line endings are
 * guessed from the file's start as parseCsv guesses them; the encoding is detected as parseCsv detects
 * it and the bytes decoded chunk by chunk; a byte order mark is dropped; every value stays text, empty
 * values become null, blank lines are rows.
 * @param path The file.
 * @param onRow Called with each row, in order; the row is the caller's to keep.
 * @returns The malformed places (unbalanced quotes, characters that could not be decoded) with their
 *   row numbers (1-based), as parseCsv gives them.
 */
export function readCsvFile(
  path: string,
  onRow: (row: Cell[]) => void,
  options: CsvFileOptions = {}
): Promise<ReadProblem[]> {
  const start = readHead(path, HEAD_CHARACTERS);
  const head = start.text.replace(/^\uFEFF/, "");
  const guess = parse<string[]>(head, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: "greedy",
    preview: 50,
  });
  const total = fs.statSync(path).size;
  return new Promise((resolve, reject) => {
    const decoder = new CsvDecoder();
    /** Replacement characters decoded so far, and found in rows so far (the rows are scanned only then). */
    let replacements = 0;
    let replacementsFound = 0;
    let garbledFirst = 0;
    let garbledRows = 0;
    const file = fs.openSync(path, "r");
    const buffer = Buffer.alloc(options.chunkBytes ?? CHUNK_BYTES);
    let bytesRead = 0;
    // The file is read when the parser asks for more, one decoded chunk at a time: papaparse never
    // pauses its source, and decoded text piped ahead of it took a million-row report from 240 MB
    // to 390 MB when the parser fell behind.
    const text = new Readable({
      objectMode: true,
      highWaterMark: 1,
      read() {
        let decoded = "";
        while (decoded === "") {
          const bytes = fs.readSync(file, buffer, 0, buffer.length, null);
          if (bytes === 0) {
            decoded = decoder.end();
            replacements += countReplacements(decoded);
            if (decoded) this.push(decoded);
            this.push(null);
            return;
          }
          bytesRead += bytes;
          options.onBytes?.(bytesRead, total);
          decoded = decoder.write(buffer.subarray(0, bytes));
        }
        replacements += countReplacements(decoded);
        this.push(decoded);
      },
      destroy(error, done) {
        fs.closeSync(file);
        done(error);
      },
    });
    const problems: ReadProblem[] = [];
    let rows = 0;
    // The last row is held back until the end: parseCsv drops an empty last row (the newline that
    // ends the file), which only the final chunk can give.
    let last: Cell[] | undefined;
    let finalRows = 0;
    /** Notes a row holding replacement characters, while some decoded are not found yet. */
    const scan = (row: Cell[], index: number) => {
      if (replacementsFound >= replacements || !rowIsGarbled(row)) return;
      for (const cell of row)
        if (typeof cell === "string") replacementsFound += countReplacements(cell);
      if (garbledRows++ === 0) garbledFirst = index + 1;
    };
    text.on("error", reject);
    // UTF-8 decided from the file's start: Node decodes it as it reads, as fast as before and with a
    // steady 230 MB on a million rows, where the pulled, decoded chunks above peaked at 360 MB at
    // times. Other encodings, and files ASCII as far as their start shows, are decoded above.
    const source = start.encoding === "utf-8" ? utf8Stream(path, options, total) : text;
    if (source !== text) {
      text.destroy();
      source.on("data", (chunk: string) => (replacements += countReplacements(chunk)));
      source.on("error", reject);
    }
    parse<string[]>(source, {
      delimiter: guess.meta.delimiter,
      newline: guess.meta.linebreak as "\n" | "\r\n" | "\r",
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      // The byte order mark, then (as parseCsv drops it) a U+FEFF that begins the text.
      beforeFirstChunk: (chunk) =>
        chunk.replace(source !== text && start.bom ? /^\uFEFF\uFEFF?/ : /^\uFEFF/, ""),
      chunk: (results) => {
        const { data, errors } = results;
        // A row cut by the chunk's end is not in `data`; it is parsed again with the next chunk, and
        // its errors are reported then.
        for (const error of errors) {
          if ((error.row ?? 0) >= data.length) continue;
          problems.push({ row: rows + (error.row ?? 0) + 1, message: csvErrorReason(error) });
        }
        for (let r = 0; r < data.length; r++) {
          const row = data[r];
          if (last) onRow(last);
          for (let i = 0; i < row.length; i++) if (row[i] === "") (row as Cell[])[i] = null;
          last = row as Cell[];
          scan(last, rows + r);
        }
        rows += data.length;
        finalRows = data.length;
      },
      complete: () => {
        const blankLast = finalRows > 0 && last?.length === 1 && last[0] === null;
        if (last && !blankLast) onRow(last);
        if (garbledRows > 0)
          problems.push(garbledProblem(garbledFirst, garbledRows, decoder.encoding));
        options.onEncoding?.(decoder.encoding ?? "utf-8");
        resolve(problems);
      },
      error: (error: Error) => reject(error),
    });
  });
}

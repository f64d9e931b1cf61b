/** Reads a deal export (.csv or .xlsx) into a deal table, with a progress bar on large files. */
import * as fs from "fs";
import * as path from "path";
import { SingleBar } from "cli-progress";
import { type Language, TextError, sayBoth } from "../i18n";
import { CLI } from "../i18n/strings/cli";
import {
  type DealTable,
  type ReadFailure,
  type ReadOptions,
  type ReadProblem,
  type ReadResult,
  isReadFailure,
  parseCsv,
  readDealTable,
} from "../reader";
import { readCsvFile } from "../reader/csvFile";
import { DealTableStream } from "../reader/stream";
import { SheetError, readXlsxGrid } from "../reader/xlsx";
import type { Cell } from "../engine";

/** A file that cannot be read as a deal table: the command line says why and exits with 3. */
export class InputError extends TextError {}

export interface LoadedDeals {
  /**
   * The file's cells. A CSV file's are read again when asked for (the KPI workbook copies them):
   * `kpi report` needs only the table, and a million rows of strings would triple its memory.
   */
  grid: Cell[][];
  table: DealTable;
  /** Problems of the file itself (CSV quoting) and of its cells, in row order. */
  problems: ReadProblem[];
  /** The sheet read, for an .xlsx file. */
  sheet?: string;
}

/** A file that is not a deal table as read: why, and how to say which column is which. */
function notDeals(file: string, failure: ReadFailure, problems: ReadProblem[] = []): InputError {
  // A header garbled by the wrong encoding is why no column was found: say so.
  const garbled = problems.find((problem) => problem.message.en.includes("\uFFFD"));
  const values = { file, reason: failure.failure };
  if (garbled)
    return new InputError(
      sayBoth(CLI, (s) => s.input.notDealsGarbled, { ...values, garbled: garbled.message })
    );
  return new InputError(
    sayBoth(CLI, (s) => (failure.headers ? s.input.notDealsMap : s.input.notDeals), values)
  );
}

/** Files above this many rows get a progress bar (on a terminal). */
const PROGRESS_FROM_ROWS = 50_000;
/** About how many bytes a row of an export takes, to decide on a progress bar before reading. */
const BYTES_PER_ROW = 80;

/** A progress bar on stderr; `{unit}` is its payload, given at start. */
function progressBar(language: Language): SingleBar {
  return new SingleBar({
    format: CLI[language].progress,
    stream: process.stderr,
    hideCursor: true,
  });
}

/** A CSV file read as it streams in: rows go straight to the table, the text is never held. */
async function loadCsv(
  file: string,
  reading: ReadOptions,
  language: Language
): Promise<{ table: ReadResult; problems: ReadProblem[] }> {
  const stream = new DealTableStream(reading);
  const megabytes = (bytes: number) => Math.round(bytes / 1e6);
  const size = fs.statSync(file).size;
  const showProgress = process.stderr.isTTY && size > PROGRESS_FROM_ROWS * BYTES_PER_ROW;
  const bar = progressBar(language);
  if (showProgress) bar.start(megabytes(size), 0, { unit: CLI[language].megabytes });
  const problems = await readCsvFile(file, (row) => stream.push(row), {
    onBytes: showProgress ? (read) => bar.update(megabytes(read)) : undefined,
  });
  if (showProgress) bar.stop();
  return { table: stream.finish(), problems };
}

/** An .xlsx sheet, read whole by ExcelJS, then as a grid. */
async function loadXlsx(
  file: string,
  sheet: string | undefined,
  reading: ReadOptions,
  language: Language
): Promise<{ grid: Cell[][]; table: ReadResult; sheet: string }> {
  let read: Awaited<ReturnType<typeof readXlsxGrid>>;
  try {
    read = await readXlsxGrid(file, sheet);
  } catch (error) {
    // A missing sheet is the reader's to say; a file ExcelJS cannot open, in ExcelJS's words.
    const detail = error instanceof Error ? error.message : String(error);
    const reason = error instanceof SheetError ? error.reason : { en: detail, tr: detail };
    throw new InputError(sayBoth(CLI, (s) => s.input.unreadable, { file, reason }));
  }
  const { grid } = read;
  const showProgress = process.stderr.isTTY && grid.length > PROGRESS_FROM_ROWS;
  const bar = progressBar(language);
  if (showProgress) bar.start(grid.length, 0, { unit: CLI[language].rows });
  const table = readDealTable(grid, {
    ...reading,
    onProgress: showProgress ? (done, total) => bar.update(done, { total }) : undefined,
  });
  if (showProgress) bar.stop();
  return { grid, table, sheet: read.sheet };
}

/**
 * Loads a deal export.
 * @param options.sheet The sheet of an .xlsx file (the first one when not given).
 * @param options.reading How to read the cells: date format, mapping overrides, stage classes.
 * @param options.language The language of the progress bar (English by default); reasons are Texts.
 * @throws InputError when the file is missing or is not a deal table, with why.
 */
export async function loadDeals(
  file: string,
  options: { sheet?: string; reading?: ReadOptions; language?: Language } = {}
): Promise<LoadedDeals> {
  const extension = path.extname(file).toLowerCase();
  const language = options.language ?? "en";
  if (!fs.existsSync(file)) throw new InputError(sayBoth(CLI, (s) => s.input.noSuchFile, { file }));
  if (extension === ".csv" || extension === ".txt") {
    if (options.sheet) throw new InputError(sayBoth(CLI, (s) => s.input.sheetOfCsv, { file }));
    const { table, problems } = await loadCsv(file, options.reading ?? {}, language);
    if (isReadFailure(table)) throw notDeals(file, table, problems);
    let grid: Cell[][] | undefined;
    return {
      get grid() {
        grid ??= parseCsv(fs.readFileSync(file)).grid;
        return grid;
      },
      table,
      problems: [...problems, ...table.problems].sort((a, b) => a.row - b.row),
    };
  }
  if (extension === ".xlsx") {
    const { grid, table, sheet } = await loadXlsx(
      file,
      options.sheet,
      options.reading ?? {},
      language
    );
    if (isReadFailure(table)) throw notDeals(file, table);
    return {
      grid,
      table,
      problems: [...table.problems].sort((a, b) => a.row - b.row),
      sheet,
    };
  }
  throw new InputError(sayBoth(CLI, (s) => s.input.notAnExport, { file }));
}

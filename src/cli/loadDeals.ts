/** Reads a deal export (.csv or .xlsx) into a deal table, with a progress bar on large files. */
import * as fs from "fs";
import * as path from "path";
import { SingleBar } from "cli-progress";
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
import { readXlsxGrid } from "../reader/xlsx";
import type { Cell } from "../engine";

/** A file that cannot be read as a deal table: the command line says why and exits with 3. */
export class InputError extends Error {}

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
  const garbled = problems.find((problem) => problem.message.includes("\uFFFD"));
  const hint = garbled
    ? `; ${garbled.message}`
    : failure.headers
      ? '; say which column is which with --map, e.g. --map stage="Deal Stage" --map amount=Value'
      : "";
  return new InputError(`${file}: ${failure.failure}${hint}`);
}

/** Files above this many rows get a progress bar (on a terminal). */
const PROGRESS_FROM_ROWS = 50_000;
/** About how many bytes a row of an export takes, to decide on a progress bar before reading. */
const BYTES_PER_ROW = 80;

function progressBar(unit: string): SingleBar {
  return new SingleBar({
    format: `reading deals [{bar}] {percentage}% | {value}/{total} ${unit}`,
    stream: process.stderr,
    hideCursor: true,
  });
}

/** A CSV file read as it streams in: rows go straight to the table, the text is never held. */
async function loadCsv(
  file: string,
  reading: ReadOptions
): Promise<{ table: ReadResult; problems: ReadProblem[] }> {
  const stream = new DealTableStream(reading);
  const megabytes = (bytes: number) => Math.round(bytes / 1e6);
  const size = fs.statSync(file).size;
  const showProgress = process.stderr.isTTY && size > PROGRESS_FROM_ROWS * BYTES_PER_ROW;
  const bar = progressBar("MB");
  if (showProgress) bar.start(megabytes(size), 0);
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
  reading: ReadOptions
): Promise<{ grid: Cell[][]; table: ReadResult; sheet: string }> {
  let read: Awaited<ReturnType<typeof readXlsxGrid>>;
  try {
    read = await readXlsxGrid(file, sheet);
  } catch (error) {
    throw new InputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { grid } = read;
  const showProgress = process.stderr.isTTY && grid.length > PROGRESS_FROM_ROWS;
  const bar = progressBar("rows");
  if (showProgress) bar.start(grid.length, 0);
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
 */
export async function loadDeals(
  file: string,
  options: { sheet?: string; reading?: ReadOptions } = {}
): Promise<LoadedDeals> {
  const extension = path.extname(file).toLowerCase();
  if (!fs.existsSync(file)) throw new InputError(`${file}: no such file`);
  if (extension === ".csv" || extension === ".txt") {
    if (options.sheet) throw new InputError(`--sheet is for .xlsx files; ${file} is a CSV file`);
    const { table, problems } = await loadCsv(file, options.reading ?? {});
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
    const { grid, table, sheet } = await loadXlsx(file, options.sheet, options.reading ?? {});
    if (isReadFailure(table)) throw notDeals(file, table);
    return {
      grid,
      table,
      problems: [...table.problems].sort((a, b) => a.row - b.row),
      sheet,
    };
  }
  throw new InputError(`${file}: expected a .csv or .xlsx deal export`);
}

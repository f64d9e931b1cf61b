/** Reads a deal export (.csv or .xlsx) into a deal table, with a progress bar on large files. */
import * as fs from "fs";
import * as path from "path";
import { SingleBar } from "cli-progress";
import {
  type DateFormat,
  type DealTable,
  type ReadProblem,
  isReadFailure,
  parseCsv,
  readDealTable,
} from "../reader";
import { readXlsxGrid } from "../reader/xlsx";
import type { Cell } from "../engine";

/** A file that cannot be read as a deal table: the command line says why and exits with 3. */
export class InputError extends Error {}

export interface LoadedDeals {
  grid: Cell[][];
  table: DealTable;
  /** Problems of the file itself (CSV quoting) and of its cells, in row order. */
  problems: ReadProblem[];
  /** The sheet read, for an .xlsx file. */
  sheet?: string;
}

/** Files above this many rows get a progress bar (on a terminal). */
const PROGRESS_FROM_ROWS = 50_000;

async function readGrid(
  file: string,
  sheet: string | undefined
): Promise<{ grid: Cell[][]; problems: ReadProblem[]; sheet?: string }> {
  const extension = path.extname(file).toLowerCase();
  if (!fs.existsSync(file)) throw new InputError(`${file}: no such file`);
  if (extension === ".csv" || extension === ".txt") {
    if (sheet) throw new InputError(`--sheet is for .xlsx files; ${file} is a CSV file`);
    return parseCsv(fs.readFileSync(file, "utf8"));
  }
  if (extension === ".xlsx") {
    try {
      const read = await readXlsxGrid(file, sheet);
      return { grid: read.grid, problems: [], sheet: read.sheet };
    } catch (error) {
      throw new InputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new InputError(`${file}: expected a .csv or .xlsx deal export`);
}

/**
 * Loads a deal export.
 * @param options.sheet The sheet of an .xlsx file (the first one when not given).
 * @param options.dateFormat How to read dates written other than ISO.
 */
export async function loadDeals(
  file: string,
  options: { sheet?: string; dateFormat?: DateFormat } = {}
): Promise<LoadedDeals> {
  const { grid, problems, sheet } = await readGrid(file, options.sheet);
  const showProgress = process.stderr.isTTY && grid.length > PROGRESS_FROM_ROWS;
  const bar = new SingleBar({
    format: "reading deals [{bar}] {percentage}% | {value}/{total} rows",
    stream: process.stderr,
    hideCursor: true,
  });
  if (showProgress) bar.start(grid.length, 0);
  const table = readDealTable(grid, {
    dateFormat: options.dateFormat,
    onProgress: showProgress ? (done, total) => bar.update(done, { total }) : undefined,
  });
  if (showProgress) bar.stop();
  if (isReadFailure(table)) throw new InputError(`${file}: ${table.failure}`);
  return {
    grid,
    table,
    problems: [...problems, ...table.problems].sort((a, b) => a.row - b.row),
    sheet,
  };
}

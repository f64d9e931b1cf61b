/**
 * Reading the user's data through Office.js: the selection or a table, in chunks that keep each
 * response well under Excel on the web's 5 MB limit, with progress and a way to cancel; the block of
 * data a sheet was built from, again, and its defined names pointed at it.
 *
 * Requirement sets: the manifest declares only SharedRuntime 1.1, so the ExcelApi members here are
 * those of the Excel versions that have a shared runtime: getRangeByIndexes, getSurroundingRegion
 * and a settable NamedItem.formula are ExcelApi 1.7, valueTypes 1.1, tables and their rows 1.1
 * (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 */
import type { Cell } from "../engine";
import { errorCell } from "../reader";

/* global Excel, TextEncoder */

/** Where a block of data sits: its sheet, top-left cell (0-based) and size. */
export interface SourceRange {
  sheet: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  /** As Excel writes it, for the pane to show. */
  address: string;
  /** The Excel table whose whole range (header row included) this is, with its column names. */
  table?: { name: string; columns: string[] };
}

/**
 * Cells per read at most: values and their types come back together, about 25 + 9 bytes of JSON a
 * cell, so 50,000 cells are about 1.7 MB, well under the 5 MB a response may carry. Chunks shrink
 * when the cells are longer (see readValues).
 */
const CELLS_PER_CHUNK = 50_000;
/** What one chunk's response should stay under: half of Excel on the web's 5 MB. */
const CHUNK_BYTES = 2_500_000;

function describe(range: Excel.Range, sheet: string): SourceRange {
  return {
    sheet,
    row: range.rowIndex,
    col: range.columnIndex,
    rowCount: range.rowCount,
    colCount: range.columnCount,
    address: range.address,
  };
}

/** The selected range: where it is and how big, and the table it is when it is exactly one's range. */
export async function selectedRange(): Promise<SourceRange> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "worksheet/name"]);
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const candidates = tables.items.map((table) => {
      const whole = table.getRange();
      whole.load("address");
      table.columns.load("items/name");
      return { table, whole };
    });
    if (candidates.length) await context.sync();
    const same = candidates.find(({ whole }) => whole.address === range.address);
    return {
      ...describe(range, range.worksheet.name),
      table: same && {
        name: same.table.name,
        columns: same.table.columns.items.map((column) => column.name),
      },
    };
  });
}

/** The names of the workbook's tables. */
export async function tableNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    return tables.items.map((table) => table.name);
  });
}

/** A table's whole range, header row included. */
export async function tableRange(name: string): Promise<SourceRange> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItem(name);
    const range = table.getRange();
    range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
    table.load(["name", "worksheet/name"]);
    table.columns.load("items/name");
    await context.sync();
    return {
      ...describe(range, table.worksheet.name),
      table: { name: table.name, columns: table.columns.items.map((column) => column.name) },
    };
  });
}

/**
 * A cell as the reader takes it: an error cell (Range.valueTypes "Error", whose Range.values entry is
 * the error's text, such as "#N/A") becomes a KpiError, so that it is reported rather than read as
 * the text "#N/A". Errors the engine has no code for (#SPILL!, #CALC!) keep their text in the message.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-valuetypes-member
 */
export function cellOf(value: unknown, type: Excel.RangeValueType | string): Cell {
  if (type === Excel.RangeValueType.error) return errorCell(String(value));
  return value as Cell;
}

function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * Reads the values of a range chunk by chunk, with their types (so that error cells are errors),
 * yielding between chunks so the pane stays responsive. A chunk is at most 50,000 cells (the first a
 * quarter of that); after each chunk the next is sized to stay under 2.5 MB at the bytes per row just
 * seen, and a chunk Excel refuses as too large is read again in halves.
 * @returns The cells, or null when cancelled.
 */
export async function readValues(
  source: SourceRange,
  onProgress: (rowsRead: number, rowsTotal: number) => void,
  isCancelled: () => boolean
): Promise<Cell[][] | null> {
  const maxRows = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, source.colCount)));
  // The first chunk is a quarter, to learn the bytes a row takes before reading more at once.
  let rowsPerChunk = Math.max(1, Math.floor(maxRows / 4));
  const values: Cell[][] = [];
  const encoder = new TextEncoder();
  for (let start = 0; start < source.rowCount;) {
    if (isCancelled()) return null;
    const rows = Math.min(rowsPerChunk, source.rowCount - start);
    let chunk: { values: unknown[][]; types: string[][] };
    try {
      chunk = await Excel.run(async (context) => {
        const range = context.workbook.worksheets
          .getItem(source.sheet)
          .getRangeByIndexes(source.row + start, source.col, rows, source.colCount);
        range.load(["values", "valueTypes"]);
        // One round trip per chunk is the point: each response stays under the 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return { values: range.values, types: range.valueTypes };
      });
    } catch (error) {
      if (!isPayloadTooLarge(error) || rows === 1) throw error;
      rowsPerChunk = Math.ceil(rows / 2);
      continue;
    }
    chunk.values.forEach((line, r) =>
      values.push(line.map((value, c) => cellOf(value, chunk.types[r][c])))
    );
    const bytes = encoder.encode(JSON.stringify(chunk.values) + JSON.stringify(chunk.types)).length;
    const perRow = Math.max(1, bytes / rows);
    rowsPerChunk = Math.max(1, Math.min(maxRows, Math.floor(CHUNK_BYTES / perRow)));
    start += rows;
    onProgress(start, source.rowCount);
  }
  return isCancelled() ? null : values;
}

/**
 * The block of data a grid was read from, again, from its first row down to the last row of the
 * data around its header row now (Range.getSurroundingRegion, ExcelApi 1.7: "a range bounded by any
 * combination of blank rows and blank columns"), over the same columns.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getsurroundingregion-member(1)
 * @param headerRow The header row's index within the grid.
 */
export async function currentBlock(source: SourceRange, headerRow: number): Promise<SourceRange> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(source.sheet);
    const header = sheet.getRangeByIndexes(source.row + headerRow, source.col, 1, source.colCount);
    const region = header.getSurroundingRegion();
    region.load(["rowIndex", "rowCount"]);
    await context.sync();
    const last = Math.max(source.row + headerRow, region.rowIndex + region.rowCount - 1);
    const block = sheet.getRangeByIndexes(
      source.row,
      source.col,
      last - source.row + 1,
      source.colCount
    );
    block.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
    await context.sync();
    return describe(block, source.sheet);
  });
}

/**
 * Points defined names at new references (name -> reference without "="), in one request:
 * NamedItem.formula is settable from ExcelApi 1.7.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditem#excel-excel-nameditem-formula-member
 */
export async function setNameFormulas(formulas: Record<string, string>): Promise<void> {
  await Excel.run(async (context) => {
    for (const [name, reference] of Object.entries(formulas))
      context.workbook.names.getItem(name).formula = `=${reference}`;
    await context.sync();
  });
}

/** Selects a row of the data (1-based sheet row) so that the user sees the cell a problem is about. */
export async function selectRow(source: SourceRange, sheetRow: number): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(source.sheet);
    sheet.activate();
    sheet.getRangeByIndexes(sheetRow - 1, source.col, 1, source.colCount).select();
    await context.sync();
  });
}

/** Shows a sheet. */
export async function goToSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.activate();
    sheet.getRange("A1").select();
    await context.sync();
  });
}

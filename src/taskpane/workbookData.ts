/**
 * Reading the user's data through Office.js: the selection or a table, in chunks that keep each
 * response well under Excel on the web's 5 MB limit, with progress and a way to cancel.
 */
import type { Cell } from "../engine";

/* global Excel */

/** Where a block of data sits: its sheet, top-left cell (0-based) and size. */
export interface SourceRange {
  sheet: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  /** As Excel writes it, for the pane to show. */
  address: string;
}

/** Cells per read: about 2.5 MB of JSON at 25 bytes a cell, half of the 5 MB a request may carry. */
const CELLS_PER_CHUNK = 100_000;

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

/** The selected range: where it is and how big. */
export async function selectedRange(): Promise<SourceRange> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "worksheet/name"]);
    await context.sync();
    return describe(range, range.worksheet.name);
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
    table.load("worksheet/name");
    await context.sync();
    return describe(range, table.worksheet.name);
  });
}

/**
 * Reads the values of a range chunk by chunk, yielding between chunks so the pane stays responsive.
 * @returns The values, or null when cancelled.
 */
export async function readValues(
  source: SourceRange,
  onProgress: (rowsRead: number, rowsTotal: number) => void,
  isCancelled: () => boolean
): Promise<Cell[][] | null> {
  const rowsPerChunk = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, source.colCount)));
  const values: Cell[][] = [];
  for (let start = 0; start < source.rowCount; start += rowsPerChunk) {
    if (isCancelled()) return null;
    const rows = Math.min(rowsPerChunk, source.rowCount - start);
    const chunk = await Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(source.sheet)
        .getRangeByIndexes(source.row + start, source.col, rows, source.colCount);
      range.load("values");
      // One round trip per chunk is the point: each response stays under the 5 MB limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return range.values as Cell[][];
    });
    for (const row of chunk) values.push(row);
    onProgress(Math.min(start + rows, source.rowCount), source.rowCount);
  }
  return isCancelled() ? null : values;
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

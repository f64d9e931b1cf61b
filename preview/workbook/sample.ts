/**
 * Puts a CRM export (CSV) on a sheet as Excel holds an opened CSV (see csvCells.ts: numbers as
 * numbers, ISO dates as date serials with a date format, the rest as text); then an Excel table over
 * it, as a user would add with Format as Table, so a pane listing tables finds one.
 */
import { csvCells } from "./csvCells";
import { gridWidth, putCells } from "./sheetCells";
import type { Sheet, Table, Workbook } from "./workbook";

/**
 * Loads CSV text onto a new sheet and adds a table over it.
 * @returns The sheet and the table.
 * @example loadCsvSheet(workbook, csv, "CRM Export", "CrmDeals")
 */
export function loadCsvSheet(
  workbook: Workbook,
  csv: string,
  sheetName: string,
  tableName: string
): { sheet: Sheet; table: Table } {
  const { cells } = csvCells(csv);
  const sheet = workbook.sheet(sheetName) ?? workbook.addSheet(sheetName);
  putCells(workbook, sheet, cells);
  const area = { r0: 0, c0: 0, r1: cells.length - 1, c1: gridWidth(cells) - 1 };
  const table = workbook.addTable(sheet, area, true, tableName);
  return { sheet, table };
}

/**
 * Puts a CRM export (CSV) on a sheet as Excel holds an opened CSV: numbers as numbers, ISO dates as
 * date serials with a date format, the rest as text; then an Excel table over it, as a user would
 * add with Format as Table, so a pane listing tables finds one.
 */
import { parseIsoDate } from "../../src/engine/coerce";
import { parseCsv } from "../../src/reader/csv";
import type { CellInput } from "./evaluator";
import type { Sheet, Table, Workbook } from "./workbook";

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV field as Excel reads it. */
function typed(text: string | null): { value: CellInput; date: boolean } {
  if (text === null || text === "") return { value: null, date: false };
  if (NUMBER.test(text.trim())) return { value: Number(text), date: false };
  const serial = parseIsoDate(text);
  if (serial !== undefined) return { value: serial, date: true };
  // Text that would otherwise be read as a formula, number or date stays text, as Excel keeps it.
  return { value: `'${text}`, date: false };
}

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
  const { grid } = parseCsv(csv);
  const width = Math.max(...grid.map((row) => row.length));
  const sheet = workbook.sheet(sheetName) ?? workbook.addSheet(sheetName);
  const cells = grid.map((row) =>
    Array.from({ length: width }, (_, c) => typed(row[c] === undefined ? null : String(row[c])))
  );
  workbook.evaluator.set(
    sheet.name,
    0,
    0,
    cells.map((row) => row.map((cell) => cell.value))
  );
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.date) workbook.setNumberFormats(sheet, { r0: r, c0: c, r1: r, c1: c }, "yyyy-mm-dd");
    })
  );
  // Widths as after AutoFit, so the sample reads well.
  const texts = workbook.readText(sheet, { r0: 0, c0: 0, r1: grid.length - 1, c1: width - 1 });
  for (let c = 0; c < width; c++) {
    const longest = Math.max(...texts.map((row) => row[c].length));
    sheet.columnWidths.set(c, Math.min(240, Math.max(48, Math.round(longest * 6.2 + 12))));
  }
  const area = { r0: 0, c0: 0, r1: grid.length - 1, c1: width - 1 };
  const table = workbook.addTable(sheet, area, true, tableName);
  return { sheet, table };
}

/**
 * Cells as a file holds them, ready for a sheet: each one's content as HyperFormula takes it and,
 * where the file says so, its number format. What the CSV and .xlsx readers of the preview give and
 * what putCells writes, so that the sample and a file a person opens land on a sheet alike.
 */
import type { CellInput } from "./evaluator";
import { type Sheet, type Workbook } from "./workbook";

/**
 * One cell: `value` is a number, a boolean, text behind an apostrophe (so that HyperFormula keeps
 * "=1+1" or "2026-01-05" as the text it is, as Excel keeps a cell that holds text), an error code
 * ("#N/A") or null for blank; `format` its number format when not General.
 */
export interface SheetCell {
  value: CellInput;
  format?: string;
}

/** A blank cell. */
export const BLANK: SheetCell = { value: null };

/** Text as a cell holds it, never read as a formula, number or date. */
export function textCell(text: string): SheetCell {
  return text === "" ? BLANK : { value: `'${text}` };
}

/** How many columns the widest row has. */
export function gridWidth(cells: readonly (readonly SheetCell[])[]): number {
  return cells.reduce((most, row) => Math.max(most, row.length), 0);
}

/** Whether no cell holds anything. */
export function isBlankGrid(cells: readonly (readonly SheetCell[])[]): boolean {
  return cells.every((row) => row.every((cell) => cell.value === null || cell.value === ""));
}

/**
 * Writes cells from A1 with their number formats, and sets column widths as after AutoFit so that
 * the sheet reads well. Recalculation waits until the last cell is written.
 * @example putCells(workbook, sheet, [[{ value: "'Amount" }], [{ value: 1200 }]])
 */
export function putCells(workbook: Workbook, sheet: Sheet, cells: readonly SheetCell[][]): void {
  const width = gridWidth(cells);
  if (cells.length === 0 || width === 0) return;
  const area = { r0: 0, c0: 0, r1: cells.length - 1, c1: width - 1 };
  workbook.evaluator.defer(() => {
    workbook.evaluator.set(
      sheet.name,
      0,
      0,
      cells.map((row) => Array.from({ length: width }, (_, c) => row[c]?.value ?? null))
    );
    cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.format)
          workbook.setNumberFormats(sheet, { r0: r, c0: c, r1: r, c1: c }, cell.format);
      })
    );
  });
  const texts = workbook.readText(sheet, area);
  for (let c = 0; c < width; c++) {
    const longest = Math.max(...texts.map((row) => row[c].length));
    sheet.columnWidths.set(c, Math.min(240, Math.max(48, Math.round(longest * 6.2 + 12))));
  }
}

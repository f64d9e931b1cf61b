/**
 * An .xlsx sheet as a grid of cells for readDealTable, through ExcelJS. Kept apart from the reader's
 * index so that the task pane, which reads ranges through Office.js, does not bundle ExcelJS.
 */
/* global Buffer */
import { Workbook, type CellValue, type Worksheet } from "exceljs";
import { foldText } from "../engine/coerce";
import { dateToSerial } from "../engine/excelDate";
import { TextError, sayBoth } from "../i18n";
import { READER } from "../i18n/strings/reader";
import { errorCell } from "./cells";
import type { Cell } from "./types";

/** A workbook without the sheet asked for: `message` is the English, `reason` both languages. */
export class SheetError extends TextError {}

/** One ExcelJS cell value as the engine's cell: dates become Excel serials, formulas their result. */
export function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  // ExcelJS gives date cells as Dates at the wall-clock time in UTC, which is what the serial counts.
  if (value instanceof Date) return dateToSerial(value.getTime());
  if ("error" in value) return errorCell(value.error);
  if ("richText" in value) return toCell(value.richText.map((run) => run.text).join(""));
  if ("hyperlink" in value) return toCell(value.text as CellValue);
  if ("formula" in value || "sharedFormula" in value) return toCell(value.result as CellValue);
  return null;
}

/** The sheet's used range from A1, so that grid[r][c] is the cell at row r + 1, column c + 1. */
function sheetGrid(sheet: Worksheet): Cell[][] {
  // getSheetValues gives sparse rows indexed from 1, as the sheet numbers rows and columns.
  const values = sheet.getSheetValues() as (CellValue[] | undefined)[];
  const width = sheet.columnCount;
  const grid: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = values[r] ?? [];
    grid.push(Array.from({ length: width }, (_, c) => toCell(row[c + 1])));
  }
  return grid;
}

/**
 * Reads one worksheet of an .xlsx workbook as a grid of cells, from cell A1 (grid row 0 is sheet row
 * 1, so ReadOptions.firstRowNumber is 1).
 * @param source A file path, or the file's content.
 * @param sheetName The sheet to read (exact, else case- and accent-insensitive); the first by default.
 * @throws SheetError when the workbook has no such sheet, naming the sheets it has.
 */
export async function readXlsxGrid(
  source: string | Buffer,
  sheetName?: string
): Promise<{ grid: Cell[][]; sheet: string; sheets: string[] }> {
  const workbook = new Workbook();
  if (typeof source === "string") await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const worksheets = workbook.worksheets;
  const sheets = worksheets.map((sheet) => sheet.name);
  const sheet =
    sheetName === undefined
      ? worksheets[0]
      : (worksheets.find((candidate) => candidate.name === sheetName) ??
        worksheets.find((candidate) => foldText(candidate.name) === foldText(sheetName)));
  if (!sheet) {
    const list = sheets.length
      ? sheets.map((name) => `"${name}"`).join(", ")
      : sayBoth(READER, (s) => s.workbook.noSheets);
    throw new SheetError(
      sheetName === undefined
        ? sayBoth(READER, (s) => s.workbook.noWorksheets)
        : sayBoth(READER, (s) => s.workbook.noSheet, { sheet: sheetName, sheets: list })
    );
  }
  return { grid: sheetGrid(sheet), sheet: sheet.name, sheets };
}

/**
 * An .xlsx workbook's first worksheet as the cells Excel holds, read with ExcelJS (in the browser: its
 * bundled build, which webpack picks through the package's "browser" field). Only the first
 * worksheet is opened, as the add-in's own reader reads the first sheet by default (src/reader/xlsx.ts);
 * the caller says how many others were left.
 *
 * - numbers, booleans and text as they are; rich text as its plain text, a hyperlink as its text;
 * - dates (ExcelJS gives a Date where the cell's number format is a date) as Excel serials;
 * - formulas as their cached result (the value Excel saved; the formula itself is not kept);
 * - error values as their code (#N/A, #DIV/0!...), which the workbook holds as errors;
 * - each cell's number format when not General, so dates show as dates and amounts as in the file.
 */
import { type CellValue, type Worksheet, Workbook as ExcelJsWorkbook } from "exceljs";
import { dateToSerial } from "../../src/engine/excelDate";
import { BLANK, type SheetCell, textCell } from "./sheetCells";

/** The format of a date cell whose file gave none (ExcelJS knows it is a date only by its format). */
const DATE_FORMAT = "yyyy-mm-dd";

/** One ExcelJS value as a cell; `numFmt` is the cell's number format. */
export function xlsxCell(value: CellValue, numFmt?: string): SheetCell {
  const format = numFmt && !/^general$/i.test(numFmt) ? numFmt : undefined;
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") return format ? { value, format } : { value };
  if (typeof value === "boolean") return { value };
  if (typeof value === "string") return textCell(value);
  // ExcelJS gives a date at its wall-clock time in UTC, which is what the serial counts.
  if (value instanceof Date)
    return { value: dateToSerial(value.getTime()), format: format ?? DATE_FORMAT };
  if ("error" in value) return { value: value.error };
  if ("richText" in value) return textCell(value.richText.map((run) => run.text).join(""));
  if ("hyperlink" in value) return xlsxCell(value.text as CellValue, numFmt);
  if ("formula" in value || "sharedFormula" in value)
    return xlsxCell((value as { result?: CellValue }).result ?? null, numFmt);
  return BLANK;
}

/** The worksheet's cells from A1; a merged area's value sits in its top-left cell only, as in Excel. */
function worksheetCells(sheet: Worksheet): SheetCell[][] {
  const width = sheet.columnCount;
  const cells: SheetCell[][] = Array.from({ length: sheet.rowCount }, () =>
    Array.from({ length: width }, () => BLANK)
  );
  sheet.eachRow((row, rowNumber) =>
    row.eachCell((cell, column) => {
      if (cell.isMerged && cell.master !== cell) return;
      cells[rowNumber - 1][column - 1] = xlsxCell(cell.value, cell.numFmt);
    })
  );
  return cells;
}

/** An .xlsx file read into cells. */
export interface XlsxCells {
  cells: SheetCell[][];
  /** The worksheet read (the first). */
  sheet: string;
  /** Every worksheet's name, the one read first. */
  sheets: string[];
}

/**
 * Reads the first worksheet of an .xlsx file.
 * @param bytes The file's content.
 * @throws What ExcelJS throws for a file that is not a workbook; an Error when it has no worksheet.
 */
export async function xlsxCells(bytes: Uint8Array): Promise<XlsxCells> {
  const workbook = new ExcelJsWorkbook();
  // ExcelJS takes an ArrayBuffer in the browser and a Buffer in Node; a copy of exactly these bytes.
  const buffer = bytes.slice().buffer;
  await workbook.xlsx.load(buffer as Parameters<typeof workbook.xlsx.load>[0]);
  const first = workbook.worksheets[0];
  if (!first) throw new Error("The workbook has no worksheet.");
  return {
    cells: worksheetCells(first),
    sheet: first.name,
    sheets: workbook.worksheets.map((sheet) => sheet.name),
  };
}

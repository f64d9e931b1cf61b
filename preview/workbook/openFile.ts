/**
 * A file a person drops on the preview or picks with "Open file…", opened as a new sheet of the
 * workbook: a CSV (or tab-separated .txt/.tsv) through csvCells, an .xlsx through xlsxCells. The file
 * is read in full before the workbook is touched, so a file that cannot be read changes nothing and
 * says why. The preview's page speaks English (its chrome is not the add-in's), so these messages are
 * English, as the page's other texts.
 */
import { csvCells, type DecimalMark } from "./csvCells";
import { type SheetCell, isBlankGrid, putCells } from "./sheetCells";
import { uniqueSheetName } from "./sheetName";
import type { Sheet, Workbook } from "./workbook";
import { xlsxCells } from "./xlsxCells";

/** A file read, ready to become a sheet; `note` tells what the person should know about it. */
export interface OpenedFile {
  ok: true;
  cells: SheetCell[][];
  note: string;
}

/** A file that could not be read, and why, in a sentence for the page. */
export interface UnreadFile {
  ok: false;
  message: string;
}

const CSV_EXTENSIONS = new Set(["csv", "txt", "tsv"]);
const XLSX_EXTENSIONS = new Set(["xlsx", "xlsm"]);

/** The extension of a file's name, lower case, without its dot ("" for none). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** An .xlsx is a zip archive, whose every file begins "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function unread(message: string): UnreadFile {
  return { ok: false, message };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

function readCsv(name: string, bytes: Uint8Array, tabMark: DecimalMark): OpenedFile | UnreadFile {
  if (isZip(bytes))
    return unread(
      `“${name}” is a zip archive (an .xlsx workbook?), not CSV text; nothing was opened.`
    );
  const read = csvCells(bytes, tabMark);
  // A text file holds no zero bytes once decoded (UTF-16's are taken by the decoder): this is binary.
  if (read.cells.some((row) => row.some((cell) => String(cell.value ?? "").includes("\u0000"))))
    return unread(`“${name}” is not a text file, so it cannot be read as CSV; nothing was opened.`);
  if (isBlankGrid(read.cells)) return unread(`“${name}” holds no data; nothing was opened.`);
  const delimiter = { ",": "commas", ";": "semicolons", "\t": "tabs" }[read.delimiter] ?? "commas";
  const marks = read.mark === "comma" ? "decimal commas" : "decimal points";
  const problems = read.problems.length
    ? ` ${plural(read.problems.length, "place")} may be misread (from row ${read.problems[0].row}).`
    : "";
  return {
    ok: true,
    cells: read.cells,
    note: `${plural(read.cells.length, "row")}, ${read.encoding ?? "utf-8"}, separated by ${delimiter}, numbers with ${marks}.${problems}`,
  };
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<OpenedFile | UnreadFile> {
  if (!isZip(bytes)) return unread(`“${name}” is not an .xlsx workbook; nothing was opened.`);
  let read;
  try {
    read = await xlsxCells(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unread(
      `“${name}” could not be read as an .xlsx workbook (${reason}); nothing was opened.`
    );
  }
  if (isBlankGrid(read.cells))
    return unread(`The worksheet “${read.sheet}” of “${name}” is empty; nothing was opened.`);
  const others = read.sheets.length - 1;
  const skipped = others
    ? ` Only the first worksheet was opened; ${plural(others, "other")} (${read.sheets.slice(1).join(", ")}) ${others === 1 ? "was" : "were"} left.`
    : "";
  return {
    ok: true,
    cells: read.cells,
    note: `${plural(read.cells.length, "row")} from the worksheet “${read.sheet}”.${skipped}`,
  };
}

/**
 * Reads a file into cells, or says why it cannot.
 * @param name The file's name (its extension decides how it is read).
 * @param bytes Its content.
 * @param tabMark The decimal mark of a tab-separated file: the preview's Excel's (see csvCells).
 */
export async function readFile(
  name: string,
  bytes: Uint8Array,
  tabMark: DecimalMark = "point"
): Promise<OpenedFile | UnreadFile> {
  const extension = extensionOf(name);
  if (bytes.length === 0) return unread(`“${name}” is empty; nothing was opened.`);
  if (CSV_EXTENSIONS.has(extension)) return readCsv(name, bytes, tabMark);
  if (XLSX_EXTENSIONS.has(extension)) return readXlsx(name, bytes);
  if (extension === "xls")
    return unread(
      `“${name}” is an Excel 97-2003 workbook, which the preview does not read: save it as .xlsx or CSV in Excel.`
    );
  return unread(`“${name}” is neither CSV nor .xlsx; only those open here.`);
}

/**
 * Adds the cells as a new sheet named after the file, made active with A1 selected (so that the pane
 * reads the current region when nothing else is selected), as Excel shows an opened file.
 * @returns The new sheet.
 */
export function addFileSheet(workbook: Workbook, fileName: string, cells: SheetCell[][]): Sheet {
  const sheet = workbook.addSheet(uniqueSheetName(workbook, fileName));
  try {
    putCells(workbook, sheet, cells);
  } catch (error) {
    // A sheet half written is not left behind: the workbook is as it was.
    workbook.deleteSheet(sheet);
    throw error;
  }
  workbook.select(sheet, { r0: 0, c0: 0, r1: 0, c1: 0 });
  return sheet;
}

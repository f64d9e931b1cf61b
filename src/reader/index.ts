/**
 * The deal-table reader: from cells (a range, a CSV, an .xlsx sheet) to the engine's columns.
 * readXlsxGrid lives in ./xlsx, imported directly where Node reads files, so that the browser bundle
 * of the task pane does not carry ExcelJS.
 */
export * from "./types";
export { detectColumns, detectMapping, HEADER_SYNONYMS, normalizeHeader } from "./headers";
export type { ColumnDetection } from "./headers";
export { readDealTable } from "./readDealTable";
export { errorCell } from "./cells";
export { parseCsv } from "./csv";

/**
 * "New KPI workbook": the KPI sheet and the data in a separate workbook, written by the .xlsx writer
 * (charts included) and opened with Excel.createWorkbook. Loaded on demand: ExcelJS and JSZip are large.
 */
import type { KpiSheetOptions } from "../plan/kpiSheet";
import { type ReadDeals, kpiWorkbookBytes } from "../writers/kpiWorkbook";

/* global Excel */

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const step = 0x8000; // String.fromCharCode takes a limited number of arguments
  for (let i = 0; i < bytes.length; i += step)
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Builds the KPI workbook (the blank template without data) and opens it in Excel. */
export async function newKpiWorkbook(
  deals: ReadDeals | null,
  options: Omit<KpiSheetOptions, "sheetName" | "nameSuffix">
): Promise<void> {
  await Excel.createWorkbook(toBase64(await kpiWorkbookBytes(deals, options)));
}

/**
 * Building the KPI sheet in an open workbook through the Office.js double, which counts the syncs
 * (round trips to Excel) and the bytes of each request. The plan refers to the data by address, so
 * neither should grow with the data.
 */
import { placeKpiSheet } from "../src/plan/placeKpiSheet";
import { writePlanToWorkbook } from "../src/writers/excel";
import { OfficeDouble } from "../test/doubles/officeDouble";
import { DATA, exportSource } from "../test/support/exportSource";

export interface SheetBuildRow {
  rows: number;
  syncs: number;
  request_bytes: number;
}

/** Builds the live KPI sheet (every section) over `rows` deals and counts what it sent. */
export async function measureSheetBuild(rows: number): Promise<SheetBuildRow> {
  const double = new OfficeDouble({
    sheets: { [DATA]: { A1: "Deal Name", B1: "Deal Owner", C1: "Stage", D1: "Amount" } },
  });
  const report = await writePlanToWorkbook(double.context, (existing) =>
    placeKpiSheet(existing, exportSource(rows), {
      mode: "live",
      preset: "all",
      inputs: { TARGET: 1_000_000 },
    })
  );
  const bytes = double.requestBytes.reduce((sum, size) => sum + size, 0);
  return { rows, syncs: report.syncs, request_bytes: bytes };
}

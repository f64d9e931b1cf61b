/** A whole KPI workbook as a new file: the KPI sheet and the data it reads, or the blank template. */
import type ExcelJS from "exceljs";
import type { Cell } from "../engine";
import { KPI_SHEET } from "../i18n/strings/kpiSheet";
import { dataSourceFor } from "../plan/dataSource";
import { type KpiSheetOptions, planKpiSheet } from "../plan/kpiSheet";
import type { SheetPlan } from "../plan/types";
import type { DealTable } from "../reader/types";
import { dataSheetOf } from "./dataSheet";
import { buildXlsxWorkbook } from "./xlsx";

/** A deal table with the grid it was read from. */
export interface ReadDeals {
  grid: Cell[][];
  table: DealTable;
}

/**
 * Builds the KPI workbook of a deal table (its rows copied to a data sheet that the formulas read),
 * or without data the blank KPI template. `options.language` (English by default) is the language of
 * every word of the sheets, their names included ("Data" or "Veri").
 * @param extend Adds to the KPI sheet's plan (the scenario sheet, which follows its names).
 */
export function buildKpiWorkbook(
  deals: ReadDeals | null,
  options: Omit<KpiSheetOptions, "sheetName">,
  extend: (plan: SheetPlan) => SheetPlan = (plan) => plan
): ExcelJS.Workbook {
  const language = options.language ?? "en";
  const sheetOptions = { ...options, sheetName: KPI_SHEET[language].sheetName };
  if (!deals) return buildXlsxWorkbook(extend(planKpiSheet(null, sheetOptions)));
  const data = dataSheetOf(deals.grid, deals.table, language);
  // The data sheet holds the export from its header row: grid row i lands on sheet row i - headerRow.
  const source = dataSourceFor(
    deals.table,
    { sheet: data.name, row: -deals.table.headerRow, col: 0 },
    options.period
  );
  return buildXlsxWorkbook(extend(planKpiSheet(source, sheetOptions)), data);
}

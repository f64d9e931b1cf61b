/** A whole KPI workbook as a new file: the KPI sheet and the data it reads, or the blank template. */
import type ExcelJS from "exceljs";
import type { Cell } from "../engine";
import { KPI_SHEET } from "../i18n/strings/kpiSheet";
import { dataSourceFor } from "../plan/dataSource";
import { type KpiSheetOptions, planKpiSheet } from "../plan/kpiSheet";
import type { SheetPlan } from "../plan/types";
import type { DealTable } from "../reader/types";
import { dataSheetOf } from "./dataSheet";
import { type DataSheet, buildXlsxWorkbook, xlsxBytes } from "./xlsx";

/** A deal table with the grid it was read from. */
export interface ReadDeals {
  grid: Cell[][];
  table: DealTable;
}

/** What a KPI workbook is made of: the plan of its sheets and, with deals, the data sheet. */
export interface KpiWorkbookPlan {
  plan: SheetPlan;
  data?: DataSheet;
}

/**
 * Plans the KPI workbook of a deal table (its rows copied to a data sheet that the formulas read),
 * or without data the blank KPI template. `options.language` (English by default) is the language of
 * every word of the sheets, their names included ("Data" or "Veri").
 * @param extend Adds to the KPI sheet's plan (the scenario sheet, which follows its names).
 */
export function planKpiWorkbook(
  deals: ReadDeals | null,
  options: Omit<KpiSheetOptions, "sheetName">,
  extend: (plan: SheetPlan) => SheetPlan = (plan) => plan
): KpiWorkbookPlan {
  const language = options.language ?? "en";
  const sheetOptions = { ...options, sheetName: KPI_SHEET[language].sheetName };
  if (!deals) return { plan: extend(planKpiSheet(null, sheetOptions)) };
  const data = dataSheetOf(deals.grid, deals.table, language);
  // The data sheet holds the export from its header row: grid row i lands on sheet row i - headerRow.
  const source = dataSourceFor(
    deals.table,
    { sheet: data.name, row: -deals.table.headerRow, col: 0 },
    options.period,
    undefined,
    options.currency
  );
  return { plan: extend(planKpiSheet(source, sheetOptions)), data };
}

/**
 * Builds the KPI workbook (see planKpiWorkbook) as an ExcelJS workbook. It has no charts: a file
 * written from it gets them from kpiWorkbookBytes.
 */
export function buildKpiWorkbook(
  deals: ReadDeals | null,
  options: Omit<KpiSheetOptions, "sheetName">,
  extend?: (plan: SheetPlan) => SheetPlan
): ExcelJS.Workbook {
  const { plan, data } = planKpiWorkbook(deals, options, extend);
  return buildXlsxWorkbook(plan, data);
}

/**
 * The KPI workbook (see planKpiWorkbook) as the bytes of an .xlsx file, its charts included: what
 * `kpi workbook` saves and the task pane's "New KPI workbook" opens.
 */
export async function kpiWorkbookBytes(
  deals: ReadDeals | null,
  options: Omit<KpiSheetOptions, "sheetName">,
  extend?: (plan: SheetPlan) => SheetPlan
): Promise<Uint8Array> {
  const { plan, data } = planKpiWorkbook(deals, options, extend);
  return xlsxBytes(buildXlsxWorkbook(plan, data), plan);
}

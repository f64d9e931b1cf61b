/** A KPI sheet plan that fits into an open workbook: a sheet name and defined names not yet taken. */
import { KPI_SHEET } from "../i18n/strings/kpiSheet";
import { type DataSource, type KpiSheetOptions, planKpiSheet } from "./kpiSheet";
import type { SheetPlan } from "./types";
import { uniqueNameSuffix, uniqueSheetName } from "./uniqueNames";

/** The names a workbook already has. */
export interface ExistingNames {
  sheetNames: string[];
  definedNames: string[];
}

/**
 * Plans a KPI sheet under the first free sheet name of its language ("KPI", "KPI (2)", ...) and, when
 * the workbook already has KPI_* names (an earlier KPI sheet), with a suffix that makes every name new
 * ("_2", ...).
 */
export function placeKpiSheet(
  existing: ExistingNames,
  data: DataSource | null,
  options: Omit<KpiSheetOptions, "sheetName" | "nameSuffix"> & { sheetName?: string }
): SheetPlan {
  const base = options.sheetName ?? KPI_SHEET[options.language ?? "en"].sheetName;
  const sheetName = uniqueSheetName(base, existing.sheetNames);
  const draft = planKpiSheet(data, { ...options, sheetName });
  const suffix = uniqueNameSuffix(
    draft.names.map((named) => named.name),
    existing.definedNames
  );
  return suffix ? planKpiSheet(data, { ...options, sheetName, nameSuffix: suffix }) : draft;
}

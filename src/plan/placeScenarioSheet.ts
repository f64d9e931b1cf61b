/**
 * A scenario sheet plan that fits into an open workbook: a free sheet name, WHATIF_* names not yet
 * taken, and a Base column that follows the workbook's KPI sheet where it has one.
 */
import type { ExistingNames } from "./placeKpiSheet";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
import { SWING_NAME } from "./scenarioLayout";
import { type ScenarioSheetOptions, planScenarioSheet } from "./scenarioSheet";
import type { SheetPlan } from "./types";
import { uniqueNameSuffix, uniqueSheetName } from "./uniqueNames";

/**
 * The suffix of the KPI sheet the scenarios follow: the latest one built ("", "_2", "_3"...), found
 * by its KPI_WIN_RATE name; undefined when the workbook has no KPI sheet.
 */
export function latestKpiSuffix(definedNames: readonly string[]): string | undefined {
  return latestSuffix(definedNames, "KPI_WIN_RATE");
}

/** The defined name of the latest scenario sheet's swing cell (WHATIF_SWING, WHATIF_SWING_2...). */
export function latestScenarioName(definedNames: readonly string[]): string | undefined {
  const suffix = latestSuffix(definedNames, SWING_NAME);
  return suffix === undefined ? undefined : `${SWING_NAME}${suffix}`;
}

/** The suffix of the latest of `base`, `base_2`, `base_3`... among the names; undefined for none. */
function latestSuffix(definedNames: readonly string[], base: string): string | undefined {
  const pattern = new RegExp(`^${base}(_(\\d+))?$`, "i");
  let latest: { n: number; suffix: string } | undefined;
  for (const name of definedNames) {
    const match = pattern.exec(name);
    if (!match) continue;
    const n = match[2] ? Number(match[2]) : 1;
    if (!latest || n > latest.n) latest = { n, suffix: match[1] ?? "" };
  }
  return latest?.suffix;
}

/**
 * Plans a scenario sheet under the first free sheet name ("Scenarios", "Scenarios (2)"...; in
 * Turkish "Senaryolar"), with a suffix on its WHATIF_* names when the workbook has them already,
 * linked to the latest KPI sheet.
 */
export function placeScenarioSheet(
  existing: ExistingNames,
  options: Omit<ScenarioSheetOptions, "sheetName" | "nameSuffix" | "kpi"> & { sheetName?: string }
): SheetPlan {
  const base = options.sheetName ?? SCENARIO_SHEET[options.language ?? "en"].sheetName;
  const sheetName = uniqueSheetName(base, existing.sheetNames);
  const suffix = latestKpiSuffix(existing.definedNames);
  const kpi = suffix === undefined ? undefined : { names: existing.definedNames, suffix };
  const draft = planScenarioSheet({ ...options, sheetName, kpi });
  const nameSuffix = uniqueNameSuffix(
    draft.names.map((named) => named.name),
    existing.definedNames
  );
  return nameSuffix ? planScenarioSheet({ ...options, sheetName, kpi, nameSuffix }) : draft;
}

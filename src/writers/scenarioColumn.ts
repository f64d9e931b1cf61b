/**
 * "Reach a target" in the open workbook: reads the Base levers of a scenario sheet, solves with the
 * engine, and writes the answer as a new scenario column beside the others, in two syncs. It writes
 * only into a column whose scenario cells it has just read as empty.
 */
import type { Language } from "../engine";
/* global Excel -- only its types are used: the code runs without the Excel global, as in the tests */
import { LEVERS, type LeverValues } from "../engine";
import { columnLetters, rangeAddress } from "../plan/a1";
import { type TargetAnswer, type TargetRequest, reachTarget } from "../plan/reachTarget";
import { BASE_COL, SCENARIO_ROWS } from "../plan/scenarioLayout";
import { firstFreeScenarioColumn, planScenarioColumn } from "../plan/scenarioSheet";
import { sayBoth } from "../i18n";
import { WRITER } from "../i18n/strings/writer";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
import { latestScenarioName } from "../plan/placeScenarioSheet";
import { WriteError, queueBlock } from "./excel";

/** How many columns right of Base are read to find a free one. */
const SCANNED_COLUMNS = 60;

export interface ReachReport {
  answer: TargetAnswer;
  /** The column written (A1 letters), when the target could be reached. */
  column?: string;
  syncs: number;
  /** The scenario sheet solved from (the one asked for, or the latest found). */
  sheet: string;
}

/**
 * Solves `request` from the Base column of the scenario sheet `sheet` and, where the target can be
 * reached, adds the scenario that reaches it. Formulas follow the sheet's own mode (live when its Base
 * outputs call KPI.*).
 */
export async function reachTargetInWorkbook(
  context: Excel.RequestContext,
  sheet: string | undefined,
  request: TargetRequest,
  language: Language = "en"
): Promise<ReachReport> {
  // Two syncs more to find the sheet when the pane did not build it in this session.
  const finding = sheet === undefined ? 2 : 0;
  if (sheet === undefined) sheet = await findScenarioSheet(context, language);
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const leverRows = LEVERS.map((l) => SCENARIO_ROWS.lever(l.id));
  const baseRange = worksheet
    .getRange(rangeAddress(leverRows[0], BASE_COL, leverRows[leverRows.length - 1], BASE_COL))
    .load("values");
  const area = worksheet
    .getRange(
      rangeAddress(
        SCENARIO_ROWS.leverHeader,
        BASE_COL,
        SCENARIO_ROWS.end - 1,
        BASE_COL + SCANNED_COLUMNS
      )
    )
    .load("formulas");
  try {
    await context.sync();
  } catch (error) {
    throw new WriteError([sayBoth(WRITER, (s) => s.cannotReadScenario, { sheet })], error);
  }
  const base: LeverValues = {};
  LEVERS.forEach((lever, i) => {
    const value = baseRange.values[i][0];
    if (typeof value === "number") base[lever.id] = value;
  });
  const answer = reachTarget(base, request, language);
  if (!answer.scenario) return { answer, syncs: finding + 1, sheet };

  const formulas = area.formulas as unknown[][];
  const col = firstFreeScenarioColumn(formulas);
  const baseOutput =
    formulas[SCENARIO_ROWS.output("EXPECTED_REVENUE") - SCENARIO_ROWS.leverHeader]?.[0];
  const mode = String(baseOutput).includes("KPI.") ? "live" : "portable";
  for (const block of planScenarioColumn(col, answer.scenario, { mode, language }))
    queueBlock(worksheet, block);
  try {
    await context.sync();
  } catch (error) {
    throw new WriteError([sayBoth(WRITER, (s) => s.cannotWriteScenario, { sheet })], error);
  }
  return { answer, column: columnLetters(col), syncs: finding + 2, sheet };
}

/**
 * The latest scenario sheet of the workbook, by its WHATIF_SWING name rather than its sheet name, which
 * depends on the language Office spoke when it was built ("Scenarios", "Senaryolar") and on the names
 * taken then ("Scenarios (2)"). Without one, the sheet name of the language, which then fails to read.
 */
async function findScenarioSheet(
  context: Excel.RequestContext,
  language: Language
): Promise<string> {
  const names = context.workbook.names.load("items/name");
  await context.sync();
  const swing = latestScenarioName(names.items.map((item) => item.name));
  if (swing === undefined) return SCENARIO_SHEET[language].sheetName;
  const worksheet = context.workbook.names.getItem(swing).getRange().worksheet.load("name");
  await context.sync();
  return worksheet.name;
}

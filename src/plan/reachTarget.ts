/**
 * "Reach a target": the value of a lever that brings an output to a target, from the Base of a
 * scenario sheet, as a new named scenario (the other levers follow Base). Pure; the task pane reads
 * the Base and writes the column (see writers/scenarioColumn.ts).
 */
import type { Language } from "../engine";
import {
  type LeverId,
  type LeverSolution,
  type LeverValues,
  type OutputId,
  leverOf,
  outputLabel,
  outputOf,
  solveLever,
} from "../engine";
import { shownValue } from "../engine/solve";
import { fill } from "../i18n";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
import type { NamedScenario } from "./scenarioSheet";

export interface TargetRequest {
  output: OutputId;
  lever: LeverId;
  target: number;
}

/** The solver's answer, and the scenario to write where the target can be reached. */
export interface TargetAnswer {
  solution: LeverSolution;
  scenario?: NamedScenario;
}

/**
 * Solves a target request from the Base levers; where it is reachable, the named scenario that sets
 * the lever to the value found, named after the target in the language's format ("Expected
 * revenue = 2,000,000", "Beklenen gelir = 2.000.000").
 */
export function reachTarget(
  base: LeverValues,
  request: TargetRequest,
  language: Language = "en"
): TargetAnswer {
  const solution = solveLever(request.output, request.lever, request.target, base);
  if (!solution.found) return { solution };
  const output = outputOf(request.output);
  const target = shownValue(request.target, output.unit === "rate" ? "rate" : "amount", language);
  const name = fill(
    SCENARIO_SHEET[language].targetScenario,
    { output: outputLabel(output, language), target },
    language
  );
  const lever = leverOf(request.lever);
  return { solution, scenario: { name, levers: { [lever.id]: solution.value } } };
}

/**
 * Formulas of the what-if model's outputs, built from the model's declaration and the catalog: in
 * live mode each catalog function is called as KPI.<ID>(...), in portable mode its native Excel formula
 * (the entry's `excel`) is used, so the sheet computes without the add-in and nothing is defined twice.
 */
import type { Language } from "../engine";
import {
  type Expr,
  type LeverId,
  type OutputId,
  findEntry,
  leverOf,
  leversOf,
  outputLabel,
  outputOf,
} from "../engine";
import { fill } from "../i18n";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
import { stringLiteral } from "./a1";

export type FormulaMode = "live" | "portable";

/** Where the cells of one scenario are: every lever's address, and the outputs that have a cell. */
export interface ScenarioRefs {
  lever: (id: LeverId) => string;
  /** An output's cell; when undefined the output's formula is written inline. */
  output?: (id: OutputId) => string | undefined;
}

/** A reference, name or number needs no parentheses inside arithmetic; anything else does. */
function operand(formula: string): string {
  return /^[A-Za-z0-9_$.!']+$/.test(formula) ? formula : `(${formula})`;
}

/** The formula of an expression of the model over the given cells. */
export function exprFormula(expr: Expr, mode: FormulaMode, refs: ScenarioRefs): string {
  if ("lever" in expr) return refs.lever(expr.lever);
  if ("output" in expr)
    return refs.output?.(expr.output) ?? exprFormula(outputOf(expr.output).expr, mode, refs);
  if ("product" in expr)
    return expr.product.map((arg) => operand(exprFormula(arg, mode, refs))).join("*");
  const entry = findEntry(expr.metric)!;
  const args = expr.args.map((arg) => exprFormula(arg, mode, refs));
  if (mode === "live" || !entry.excel) return `KPI.${entry.id}(${args.join(",")})`;
  return entry.excel(...args.map(operand));
}

/**
 * An output's formula over one scenario's cells, guarded so that a blank or text lever shows which
 * levers it needs (as the KPI sheet's hints do: "Needs: Win rate, Average deal size") instead of an
 * error value.
 */
export function outputFormula(
  id: OutputId,
  mode: FormulaMode,
  refs: ScenarioRefs,
  language: Language
): string {
  const t = SCENARIO_SHEET[language];
  const levers = leversOf(id);
  const core = exprFormula(outputOf(id).expr, mode, refs);
  const labels = levers.map((lever) => leverOf(lever).label[language]).join(t.listSeparator);
  const hint = fill(t.needs, { levers: labels }, language);
  return `IF(COUNT(${levers.map(refs.lever).join(",")})<${levers.length},${stringLiteral(hint)},${core})`;
}

/**
 * An output's definition in words: KPI.<ID>(lever labels...) or a product of labels, with the
 * function's name and argument separator of the language's Excel.
 */
export function outputDefinition(id: OutputId, language: Language): string {
  const t = SCENARIO_SHEET[language];
  const describe = (expr: Expr): string => {
    if ("lever" in expr) return leverOf(expr.lever).label[language];
    if ("output" in expr) return outputLabel(outputOf(expr.output), language);
    if ("product" in expr) return expr.product.map(describe).join(" × ");
    const entry = findEntry(expr.metric)!;
    const name = language === "tr" ? entry.trName : entry.id;
    return `KPI.${name}(${expr.args.map(describe).join(t.argumentSeparator)})`;
  };
  return describe(outputOf(id).expr);
}

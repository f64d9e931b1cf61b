/**
 * The what-if model, declared once: the levers a sales leader can pull and the outputs they move, each
 * output defined by catalog functions of the levers (and of other outputs). The engine's values, the
 * scenario sheet's live and portable formulas, the solver and `kpi solve` are all derived from it, so an
 * output's definition is never written twice.
 */
import type { Language } from "./catalog/types";
import { findEntry } from "./catalog";
import type { ScalarKind, ScalarParam, Text, Unit } from "./catalog/types";
import { evaluateEntry } from "./evaluate";
import { readScalar } from "./params";
import { type KpiError, isError } from "./values";
import { WHAT_IF_MODEL } from "../i18n/strings/whatIfModel";
import { textOf } from "../i18n/table";

export const LEVER_IDS = [
  "OPEN_OPPORTUNITIES",
  "LEADS",
  "LEAD_CONVERSION_RATE",
  "WIN_RATE",
  "AVG_DEAL_SIZE",
  "SALES_CYCLE_LENGTH",
  "CHURN_RATE",
  "REVENUE_PER_CUSTOMER",
  "GROSS_MARGIN",
  "SALES_MARKETING_SPEND",
] as const;
export type LeverId = (typeof LEVER_IDS)[number];

export const OUTPUT_IDS = [
  "EXPECTED_REVENUE",
  "PIPELINE_VELOCITY",
  "NEW_CUSTOMERS",
  "NEW_CUSTOMER_REVENUE",
  "CAC",
  "CLTV",
  "LTV_CAC_RATIO",
  "CAC_PAYBACK_MONTHS",
] as const;
export type OutputId = (typeof OUTPUT_IDS)[number];

/** Where the Base value of a lever comes from in a workbook with a KPI sheet. */
export type LeverSource = { kpi: string } | { input: string };

export interface Lever {
  id: LeverId;
  label: Text;
  /** What the lever holds: its bounds (a rate is 0 to 1) and number format. */
  kind: Extract<ScalarKind, "count" | "rate" | "money" | "days">;
  /** The range the solver searches; rates span 0 to 1. */
  bounds: { min: number; max: number };
  /** Which way is favourable: the Best scenario moves the lever this way. */
  better: "higher" | "lower";
  /** The KPI sheet's cell that feeds the Base column: KPI_<ID> or KPI_INPUT_<ID>. */
  source: LeverSource;
  /** A typical value (the specification's worked examples): the base of `kpi solve` without data. */
  example: number;
}

/** How an output is computed: a catalog function of levers and outputs, or a product of them. */
export type Expr =
  | { lever: LeverId }
  | { output: OutputId }
  | { metric: string; args: Expr[] }
  | { product: Expr[] };

export interface Output {
  id: OutputId;
  /** Shown label; a catalog function's title when left out. */
  label?: Text;
  unit: Unit;
  better: "higher" | "lower";
  expr: Expr;
}

/** A lever's label in both languages, from the string table. */
const leverLabel = (id: LeverId): Text => textOf(WHAT_IF_MODEL, (s) => s.levers[id]);

/** The label of an output that no catalog function names, from the string table. */
const ownOutputLabel = (id: keyof (typeof WHAT_IF_MODEL)["en"]["outputs"]): Text =>
  textOf(WHAT_IF_MODEL, (s) => s.outputs[id]);

const lever = (id: LeverId): Expr => ({ lever: id });
const output = (id: OutputId): Expr => ({ output: id });
const metric = (id: string, ...args: Expr[]): Expr => ({ metric: id, args });

export const LEVERS: readonly Lever[] = [
  {
    id: "OPEN_OPPORTUNITIES",
    label: leverLabel("OPEN_OPPORTUNITIES"),
    kind: "count",
    bounds: { min: 0, max: 1e7 },
    better: "higher",
    source: { kpi: "OPEN_OPPORTUNITIES" },
    example: 200,
  },
  {
    id: "LEADS",
    label: leverLabel("LEADS"),
    kind: "count",
    bounds: { min: 0, max: 1e9 },
    better: "higher",
    source: { input: "LEADS" },
    example: 1000,
  },
  {
    id: "LEAD_CONVERSION_RATE",
    label: leverLabel("LEAD_CONVERSION_RATE"),
    kind: "rate",
    bounds: { min: 0, max: 1 },
    better: "higher",
    source: { kpi: "LEAD_CONVERSION_RATE" },
    example: 0.2,
  },
  {
    id: "WIN_RATE",
    label: leverLabel("WIN_RATE"),
    kind: "rate",
    bounds: { min: 0, max: 1 },
    better: "higher",
    source: { kpi: "WIN_RATE" },
    example: 0.25,
  },
  {
    id: "AVG_DEAL_SIZE",
    label: leverLabel("AVG_DEAL_SIZE"),
    kind: "money",
    bounds: { min: 0, max: 1e10 },
    better: "higher",
    source: { kpi: "AVG_DEAL_SIZE" },
    example: 10000,
  },
  {
    id: "SALES_CYCLE_LENGTH",
    label: leverLabel("SALES_CYCLE_LENGTH"),
    kind: "days",
    bounds: { min: 0, max: 3650 },
    better: "lower",
    source: { kpi: "SALES_CYCLE_LENGTH" },
    example: 25,
  },
  {
    id: "CHURN_RATE",
    label: leverLabel("CHURN_RATE"),
    kind: "rate",
    bounds: { min: 0, max: 1 },
    better: "lower",
    source: { input: "MONTHLY_CHURN" },
    example: 0.02,
  },
  {
    id: "REVENUE_PER_CUSTOMER",
    label: leverLabel("REVENUE_PER_CUSTOMER"),
    kind: "money",
    bounds: { min: 0, max: 1e9 },
    better: "higher",
    source: { input: "MONTHLY_REVENUE_PER_CUSTOMER" },
    example: 500,
  },
  {
    id: "GROSS_MARGIN",
    label: leverLabel("GROSS_MARGIN"),
    kind: "rate",
    bounds: { min: 0, max: 1 },
    better: "higher",
    source: { input: "GROSS_MARGIN" },
    example: 0.8,
  },
  {
    id: "SALES_MARKETING_SPEND",
    label: leverLabel("SALES_MARKETING_SPEND"),
    kind: "money",
    bounds: { min: 0, max: 1e12 },
    better: "lower",
    source: { input: "SPEND" },
    example: 100000,
  },
];

export const OUTPUTS: readonly Output[] = [
  {
    id: "EXPECTED_REVENUE",
    unit: "money",
    better: "higher",
    expr: metric(
      "EXPECTED_REVENUE",
      lever("OPEN_OPPORTUNITIES"),
      lever("WIN_RATE"),
      lever("AVG_DEAL_SIZE")
    ),
  },
  {
    id: "PIPELINE_VELOCITY",
    unit: "money_per_day",
    better: "higher",
    expr: metric(
      "PIPELINE_VELOCITY",
      lever("OPEN_OPPORTUNITIES"),
      lever("WIN_RATE"),
      lever("AVG_DEAL_SIZE"),
      lever("SALES_CYCLE_LENGTH")
    ),
  },
  {
    id: "NEW_CUSTOMERS",
    label: ownOutputLabel("NEW_CUSTOMERS"),
    unit: "count",
    better: "higher",
    // Leads that become opportunities, and of those the ones won: the funnel REQUIRED_LEADS inverts.
    expr: { product: [lever("LEADS"), lever("LEAD_CONVERSION_RATE"), lever("WIN_RATE")] },
  },
  {
    id: "NEW_CUSTOMER_REVENUE",
    label: ownOutputLabel("NEW_CUSTOMER_REVENUE"),
    unit: "money",
    better: "higher",
    expr: metric("TOTAL_REVENUE", lever("AVG_DEAL_SIZE"), output("NEW_CUSTOMERS")),
  },
  {
    id: "CAC",
    unit: "money",
    better: "lower",
    expr: metric("CAC", lever("SALES_MARKETING_SPEND"), output("NEW_CUSTOMERS")),
  },
  {
    id: "CLTV",
    unit: "money",
    better: "higher",
    expr: metric(
      "CLTV_FROM_CHURN",
      lever("REVENUE_PER_CUSTOMER"),
      lever("GROSS_MARGIN"),
      lever("CHURN_RATE")
    ),
  },
  {
    id: "LTV_CAC_RATIO",
    unit: "ratio",
    better: "higher",
    expr: metric("LTV_CAC_RATIO", output("CLTV"), output("CAC")),
  },
  {
    id: "CAC_PAYBACK_MONTHS",
    unit: "months",
    better: "lower",
    expr: metric(
      "CAC_PAYBACK_MONTHS",
      output("CAC"),
      lever("REVENUE_PER_CUSTOMER"),
      lever("GROSS_MARGIN")
    ),
  },
];

const LEVER_BY_ID = new Map(LEVERS.map((l) => [l.id, l]));
const OUTPUT_BY_ID = new Map(OUTPUTS.map((o) => [o.id, o]));

/** The declaration of a lever. */
export function leverOf(id: LeverId): Lever {
  return LEVER_BY_ID.get(id)!;
}

/** The declaration of an output. */
export function outputOf(id: OutputId): Output {
  return OUTPUT_BY_ID.get(id)!;
}

/** A lever or output id typed by a person (any case), or undefined. */
export function findLever(id: string): Lever | undefined {
  return LEVER_BY_ID.get(id.trim().toUpperCase() as LeverId);
}

/** An output id typed by a person (any case), or undefined. */
export function findOutput(id: string): Output | undefined {
  return OUTPUT_BY_ID.get(id.trim().toUpperCase() as OutputId);
}

/** The label of an output: its own, or the title of the catalog function computing it. */
export function outputLabel(out: Output, language: Language): string {
  if (out.label) return out.label[language];
  const expr = out.expr as { metric: string };
  return findEntry(expr.metric)!.title[language];
}

/** Every lever an output depends on, directly or through other outputs, in the model's lever order. */
export function leversOf(id: OutputId): LeverId[] {
  const found = new Set<LeverId>();
  const visit = (expr: Expr): void => {
    if ("lever" in expr) found.add(expr.lever);
    else if ("output" in expr) visit(outputOf(expr.output).expr);
    else if ("metric" in expr) expr.args.forEach(visit);
    else expr.product.forEach(visit);
  };
  visit(outputOf(id).expr);
  return LEVER_IDS.filter((l) => found.has(l));
}

/** Values of the levers; a missing one reads as blank. */
export type LeverValues = Partial<Record<LeverId, number>>;

/** The specification's example values of every lever: a base that gives its worked examples. */
export function exampleLevers(): Record<LeverId, number> {
  return Object.fromEntries(LEVERS.map((l) => [l.id, l.example])) as Record<LeverId, number>;
}

/** A lever's value checked as the catalog checks an argument of its kind (#N/A blank, #NUM! out of range). */
function checkedLever(id: LeverId, values: LeverValues): number | KpiError {
  const { label, kind } = leverOf(id);
  const param: ScalarParam = {
    name: id.toLowerCase(),
    trName: id.toLowerCase(),
    description: label,
    kind,
  };
  // A lever kind is never "choice", so a valid reading is always a number.
  return readScalar(values[id] ?? null, param) as number | KpiError;
}

/** Evaluates outputs on demand, each once, for one set of lever values. */
function evaluator(values: LeverValues): (id: OutputId) => number | KpiError {
  const outputs = new Map<OutputId, number | KpiError>();
  const evaluateExpr = (expr: Expr): number | KpiError => {
    if ("lever" in expr) return checkedLever(expr.lever, values);
    if ("output" in expr) return valueOf(expr.output);
    const args = ("metric" in expr ? expr.args : expr.product).map(evaluateExpr);
    const error = args.find(isError);
    if (error) return error;
    if ("product" in expr) return (args as number[]).reduce((a, b) => a * b, 1);
    // Every output's function takes single values, so its answer is a single value.
    return evaluateEntry(findEntry(expr.metric)!, args) as number | KpiError;
  };
  const valueOf = (id: OutputId): number | KpiError => {
    if (!outputs.has(id)) outputs.set(id, evaluateExpr(outputOf(id).expr));
    return outputs.get(id)!;
  };
  return valueOf;
}

/**
 * Every output of the model for the given lever values: numbers, or error values with their reason
 * exactly as the catalog functions give them (a blank lever is #N/A, a win rate of 120% is #NUM!).
 * @example computeOutputs(exampleLevers()).EXPECTED_REVENUE // 500000
 */
export function computeOutputs(values: LeverValues): Record<OutputId, number | KpiError> {
  const valueOf = evaluator(values);
  return Object.fromEntries(OUTPUT_IDS.map((id) => [id, valueOf(id)])) as Record<
    OutputId,
    number | KpiError
  >;
}

/** One output of the model for the given lever values; see {@link computeOutputs}. */
export function outputValue(id: OutputId, values: LeverValues): number | KpiError {
  return evaluator(values)(id);
}

/**
 * The levers a deal table gives (open opportunities, win rate, average deal size, sales cycle), from
 * its KPIs (see dealKpis); a KPI that is an error value is left out.
 */
export function leversFromDealKpis(kpis: Partial<Record<string, number | KpiError>>): LeverValues {
  const values: LeverValues = {};
  for (const lever of LEVERS) {
    if (!("kpi" in lever.source)) continue;
    const value = kpis[lever.source.kpi];
    if (typeof value === "number") values[lever.id] = value;
  }
  return values;
}

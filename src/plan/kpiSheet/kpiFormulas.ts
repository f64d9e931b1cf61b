/**
 * The value formulas of the KPI table: a deal table's figure counted over the stage list, and every
 * other KPI from the cells it reads (by name), with a hint in place of an error while one is empty.
 */
import { MONEY_KPI_IDS, findEntry } from "../../engine";
import { fill } from "../../i18n";
import { stringLiteral } from "../a1";
import {
  type BaseFigure,
  baseFigureFormula,
  revenueBetween,
  weightedPipelineFormula,
} from "../dealFormulas";
import { type KpiRow, type RowArg, inputLabel, rowLabel, rowOf } from "../kpiRows";
import type { DealNames, SheetContext } from "./context";

/** The owner table's revenue and quota columns (absolute addresses), when it holds the quotas. */
export interface QuotaColumns {
  revenue: string;
  quota: string;
}

/** The KPIs made of sums of amounts, figures of the data or KPIs of them (see MONEY_KPI_IDS). */
const MONEY_KPIS = new Set<string>(MONEY_KPI_IDS);

/**
 * Over deals in several currencies with none chosen, the reason a money KPI's cell shows instead of
 * its formula (naming the currencies); undefined when the KPI is no money KPI or the amounts add up.
 */
export function moneyRefused(row: KpiRow, deals: DealNames): string | undefined {
  return MONEY_KPIS.has(row.id) ? deals.columns.refusedMoney : undefined;
}

/** "Needs: …" in the sheet's language, as a formula's text. */
function needsLiteral(context: SheetContext, items: string): string {
  return stringLiteral(fill(context.words.needs, { items }, context.language));
}

/**
 * A deal table's figure. Both modes count the data with native formulas over the stage list: a custom
 * function never receives a data column (Excel marshals its arguments into every call, 5 MB at
 * most), and every face reads the cells one way.
 */
export function baseFormula(context: SheetContext, row: KpiRow, deals: DealNames): string {
  if (row.id === "WEIGHTED_PIPELINE_VALUE")
    return weightedPipelineFormula(deals.stages, context.words.classes);
  if (row.id === "PREVIOUS_REVENUE") return previousRevenueFormula(context, deals);
  const figure = row.id as BaseFigure;
  if (figure === "SALES_CYCLE_LENGTH" && !deals.stages.cycleDays)
    return needsLiteral(context, context.words.datesNeeded);
  return baseFigureFormula(figure, deals.stages, context.words.classes);
}

/**
 * The previous period's revenue: the input when one is typed in, else the revenue of won deals closed
 * in the previous period's cells; until the period cells hold dates, a hint.
 */
function previousRevenueFormula(context: SheetContext, deals: DealNames): string {
  const { previous } = deals;
  if (!previous) throw new Error("the previous period's revenue needs close dates");
  const typed = context.inputName("PREVIOUS_REVENUE");
  const counted = revenueBetween(
    deals.columns,
    deals.stages,
    context.words.classes,
    previous.from,
    previous.to
  );
  const hint = needsLiteral(context, context.words.periodNeeded);
  return `IF(ISNUMBER(${typed}),${typed},IF(ISNUMBER(${previous.from}),${counted},${hint}))`;
}

/** The reference of a row's argument: a KPI's or an input's cell, or a sum of KPIs. */
function reference(context: SheetContext, arg: RowArg): string {
  if ("kpi" in arg) return context.kpiName(arg.kpi);
  if ("input" in arg) return context.inputName(arg.input);
  return `(${arg.sum.map(context.kpiName).join("+")})`;
}

/**
 * The formula of `core` shown only once every cell it reads is there; until then a hint names the
 * inputs to type in, or, for a KPI made of other KPIs only, those KPIs.
 */
function guarded(context: SheetContext, row: KpiRow, core: string): string {
  const { language } = context;
  const conditions: string[] = [];
  const inputsNeeded: string[] = [];
  const kpisNeeded: string[] = [];
  for (const arg of row.args ?? []) {
    const ids = "kpi" in arg ? [arg.kpi] : "sum" in arg ? arg.sum : [];
    for (const id of ids) {
      conditions.push(`ISBLANK(${context.kpiName(id)})`, `ISTEXT(${context.kpiName(id)})`);
      kpisNeeded.push(rowLabel(rowOf(id), language));
    }
    if ("input" in arg) {
      conditions.push(`ISBLANK(${context.inputName(arg.input)})`);
      inputsNeeded.push(inputLabel(arg.input, language));
    }
  }
  if (conditions.length === 0) return core;
  const needs = inputsNeeded.length ? inputsNeeded : kpisNeeded;
  const hint = needsLiteral(context, [...new Set(needs)].join(context.words.listSeparator));
  return `IF(OR(${conditions.join(",")}),${hint},${core})`;
}

/**
 * A KPI computed from other cells: KPI.* in live mode, the catalog's native formula in portable mode
 * (KPI.* where there is none). With an owner table, quota attainment reads its quotas.
 */
export function derivedFormula(
  context: SheetContext,
  row: KpiRow,
  quotas: QuotaColumns | null
): string {
  const { words: t, options } = context;
  if (row.id === "QUOTA_ATTAINMENT" && quotas) {
    const core =
      options.mode === "live"
        ? `KPI.QUOTA_ATTAINMENT_RANGE(${quotas.revenue},${quotas.quota})`
        : findEntry("QUOTA_ATTAINMENT_RANGE")!.excel!(quotas.revenue, quotas.quota);
    const needs = fill(t.quotaNeeded, { quota: t.quota, table: t.byOwner }, context.language);
    return `IF(COUNT(${quotas.quota})=0,${needsLiteral(context, needs)},${core})`;
  }
  const refs = (row.args ?? []).map((arg) => reference(context, arg));
  const entry = findEntry(row.metric!)!;
  const core =
    options.mode === "live" || !entry.excel
      ? `KPI.${entry.id}(${refs.join(",")})`
      : entry.excel(...refs);
  return guarded(context, row, core);
}

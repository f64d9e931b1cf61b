/**
 * Everything a deal table tells (metric specification, "A deal table" and section 9): its KPIs, the
 * weighted pipeline, the previous period's revenue and the growth on it, the segments of a column, the
 * stage funnel, and the currencies, whose mix refuses every money KPI. Shared by `kpi report` and the
 * task pane's preview, so that they show the same numbers.
 */
import { weightedSum } from "./catalog/pipeline";
import { revenueMetrics } from "./catalog/revenue";
import type { Text, Unit } from "./catalog/types";
import { type CurrencyCount, currencyCounts, mixedCurrencies } from "./currencies";
import {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  type DealColumns,
  type Period,
  classifyStage,
  computeOf,
  dealFigures,
  kpisOfFigures,
} from "./deals";
import { type FunnelStage, funnel } from "./funnel";
import { previousPeriod } from "./previousPeriod";
import { SEGMENT_KPI_IDS, type Segment, segmentKpis } from "./segments";
import { type KpiError, isError, notAvailable } from "./values";
import { DEAL_KPIS } from "../i18n/strings/dealKpis";
import { textOf } from "../i18n/table";

/** The KPIs of a report: the deal table's, then those of section 9. */
export const REPORT_KPI_IDS = [
  ...DEAL_KPI_IDS,
  "WEIGHTED_PIPELINE_VALUE",
  "PREVIOUS_REVENUE",
  "REVENUE_GROWTH",
] as const;

export type ReportKpiId = (typeof REPORT_KPI_IDS)[number];
export type ReportKpis = Record<ReportKpiId, number | KpiError>;

export const REPORT_KPI_UNITS: Record<ReportKpiId, Unit> = {
  ...DEAL_KPI_UNITS,
  WEIGHTED_PIPELINE_VALUE: "money",
  PREVIOUS_REVENUE: "money",
  REVENUE_GROWTH: "rate",
};

export const REPORT_KPI_LABELS: Record<ReportKpiId, Text> = {
  ...DEAL_KPI_LABELS,
  WEIGHTED_PIPELINE_VALUE: textOf(DEAL_KPIS, (s) => s.labels.WEIGHTED_PIPELINE_VALUE),
  PREVIOUS_REVENUE: textOf(DEAL_KPIS, (s) => s.labels.PREVIOUS_REVENUE),
  REVENUE_GROWTH: textOf(DEAL_KPIS, (s) => s.labels.REVENUE_GROWTH),
};

/**
 * The KPIs that add up amounts, refused when the deals are in several currencies. The spec lists all
 * but the growth; growth divides two such sums and is refused with them.
 */
export const MONEY_KPI_IDS: readonly ReportKpiId[] = [
  "REVENUE",
  "PREVIOUS_REVENUE",
  "OPEN_PIPELINE_VALUE",
  "WEIGHTED_PIPELINE_VALUE",
  "AVG_DEAL_SIZE",
  "PIPELINE_VELOCITY",
  "REP_PRODUCTIVITY",
  "PIPELINE_COVERAGE",
  "REVENUE_GROWTH",
];

/** The money KPIs of a segment. */
const SEGMENT_MONEY_KPI_IDS = SEGMENT_KPI_IDS.filter((id) => MONEY_KPI_IDS.includes(id));

const NO_PROBABILITY = textOf(DEAL_KPIS, (s) => s.noProbability);
const NO_PERIOD = textOf(DEAL_KPIS, (s) => s.noPeriod);
const revenueGrowth = computeOf(revenueMetrics, "REVENUE_GROWTH");

/** The weighted pipeline of the open deals, and how many open deals have no probability. */
export interface WeightedPipeline {
  value: number;
  withoutProbability: number;
}

/**
 * Sum over the open deals with an amount and a probability of amount x probability; open deals
 * without a probability are counted, not guessed. Open deals count whatever their date.
 * @returns Undefined without a probability column.
 */
export function weightedPipeline(columns: DealColumns): WeightedPipeline | undefined {
  const { probability, stage: stages, amount, stageClasses } = columns;
  if (!probability) return undefined;
  const amounts: (number | null)[] = [];
  const chances: (number | null)[] = [];
  let withoutProbability = 0;
  stages.forEach((stage, i) => {
    if (stage === null || (stageClasses?.get(stage) ?? classifyStage(stage)) !== "open") return;
    if (probability[i] === null) withoutProbability++;
    amounts.push(amount[i]);
    chances.push(probability[i]);
  });
  // The reader keeps probabilities within 0 to 1, so the sum is a number.
  return { value: weightedSum(amounts, chances) as number, withoutProbability };
}

/** What a deal table tells, for a report. */
export interface DealReport {
  kpis: ReportKpis;
  /** The previous period of the report's, when it has one. */
  previousPeriod?: { from: number; to: number };
  /** Open deals left out of the weighted pipeline for want of a probability. */
  openWithoutProbability: number;
  /** The distinct currencies of the deals (empty without a currency column). */
  currencies: CurrencyCount[];
  /** The segments of the segment column, largest revenue first (empty without one). */
  segments: Segment[];
  /** The stage funnel (empty without stage-entry columns). */
  funnel: FunnelStage[];
}

/**
 * The report of a deal table.
 * @param target The quota or revenue target for pipeline coverage; null when not given.
 * @param period The period of the closed deals; all of them when not given.
 */
export function dealReport(
  columns: DealColumns,
  target: number | null,
  period?: Period
): DealReport {
  const kpis = kpisOfFigures(dealFigures(columns, period), Boolean(columns.owner), target);
  const weighted = weightedPipeline(columns);
  const previous = previousPeriod(period);
  const previousRevenue = previous
    ? dealFigures(columns, previous).revenue
    : notAvailable(NO_PERIOD);
  const report: ReportKpis = {
    ...kpis,
    WEIGHTED_PIPELINE_VALUE: weighted ? weighted.value : notAvailable(NO_PROBABILITY),
    PREVIOUS_REVENUE: previousRevenue,
    REVENUE_GROWTH: isError(previousRevenue)
      ? previousRevenue
      : revenueGrowth(kpis.REVENUE as number, previousRevenue),
  };
  const currencies = currencyCounts(columns);
  const segments = segmentKpis(columns, period);
  if (currencies.length > 1) {
    const refused = mixedCurrencies(currencies);
    for (const id of MONEY_KPI_IDS) report[id] = refused;
    for (const segment of segments)
      for (const id of SEGMENT_MONEY_KPI_IDS) segment.kpis[id] = refused;
  }
  return {
    kpis: report,
    ...(previous ? { previousPeriod: previous } : {}),
    openWithoutProbability: weighted?.withoutProbability ?? 0,
    currencies,
    segments,
    funnel: funnel(columns),
  };
}

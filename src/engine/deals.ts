/**
 * The KPIs of a deal table (a CRM export), from its columns, with the definitions of the metric
 * specification's "A deal table". Shared by KPI.DEAL_SUMMARY, the KPI sheet and `kpi report`.
 */
import { checklistMetrics } from "./catalog/checklist";
import { meanCycleDays } from "./catalog/conversion";
import { pipelineMetrics } from "./catalog/pipeline";
import { revenueMetrics } from "./catalog/revenue";
import { teamMetrics } from "./catalog/team";
import type { LabelColumn, MetricEntry, NumberColumn, Unit } from "./catalog/types";
import { foldText } from "./coerce";
import { type KpiError, isError, notAvailable } from "./values";

export type StageClass = "won" | "lost" | "open";

const WON = new Set(["won", "closedwon", "kazanildi", "kazanilan"]);
const LOST = new Set(["lost", "closedlost", "kaybedildi", "kaybedilen"]);

/**
 * Classifies a stage or status: "Won", "Closed Won", "closedwon", "Kazanıldı" are won; "Lost",
 * "Closed Lost", "Kaybedildi" lost; any other stage is open. Case, accents, spaces, hyphens and
 * underscores do not matter.
 */
export function classifyStage(stage: string): StageClass {
  const key = foldText(stage).replace(/[\s\-_]+/g, "");
  if (WON.has(key)) return "won";
  if (LOST.has(key)) return "lost";
  return "open";
}

/** The columns of a deal table, one entry per row; null where a cell is blank. */
export interface DealColumns {
  stage: LabelColumn;
  amount: NumberColumn;
  created: NumberColumn;
  closed: NumberColumn;
  owner?: LabelColumn | null;
}

/** The ids of the deal-table KPIs, in the order a summary lists them. */
export const DEAL_KPI_IDS = [
  "REVENUE",
  "DEALS_WON",
  "DEALS_LOST",
  "OPEN_OPPORTUNITIES",
  "OPEN_PIPELINE_VALUE",
  "AVG_DEAL_SIZE",
  "WIN_RATE",
  "SALES_CYCLE_LENGTH",
  "PIPELINE_VELOCITY",
  "REP_PRODUCTIVITY",
  "PIPELINE_COVERAGE",
] as const;

export type DealKpiId = (typeof DEAL_KPI_IDS)[number];
export type DealKpis = Record<DealKpiId, number | KpiError>;

/** What each deal-table KPI measures, for its number format. */
export const DEAL_KPI_UNITS: Record<DealKpiId, Unit> = {
  REVENUE: "money",
  DEALS_WON: "count",
  DEALS_LOST: "count",
  OPEN_OPPORTUNITIES: "count",
  OPEN_PIPELINE_VALUE: "money",
  AVG_DEAL_SIZE: "money",
  WIN_RATE: "rate",
  SALES_CYCLE_LENGTH: "days",
  PIPELINE_VELOCITY: "money_per_day",
  REP_PRODUCTIVITY: "money",
  PIPELINE_COVERAGE: "ratio",
};

/** Labels of the deal-table KPIs in each language. */
export const DEAL_KPI_LABELS: Record<DealKpiId, { en: string; tr: string }> = {
  REVENUE: { en: "Revenue", tr: "Gelir" },
  DEALS_WON: { en: "Deals won", tr: "Kazanılan anlaşmalar" },
  DEALS_LOST: { en: "Deals lost", tr: "Kaybedilen anlaşmalar" },
  OPEN_OPPORTUNITIES: { en: "Open opportunities", tr: "Açık fırsatlar" },
  OPEN_PIPELINE_VALUE: { en: "Open pipeline value", tr: "Açık boru hattı değeri" },
  AVG_DEAL_SIZE: { en: "Average deal size", tr: "Ortalama anlaşma büyüklüğü" },
  WIN_RATE: { en: "Win rate", tr: "Kazanma oranı" },
  SALES_CYCLE_LENGTH: { en: "Sales cycle length (days)", tr: "Satış döngüsü uzunluğu (gün)" },
  PIPELINE_VELOCITY: { en: "Pipeline velocity (per day)", tr: "Boru hattı hızı (günlük)" },
  REP_PRODUCTIVITY: { en: "Rep productivity", tr: "Temsilci verimliliği" },
  PIPELINE_COVERAGE: { en: "Pipeline coverage", tr: "Boru hattı kapsamı" },
};

type NumericCompute = (...values: number[]) => number | KpiError;

/** The arithmetic of a catalog entry, so that a deal-table KPI is defined in one place only. */
function computeOf(entries: MetricEntry[], id: string): NumericCompute {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no ${id}`);
  return entry.compute as unknown as NumericCompute;
}

const avgDealSize = computeOf(revenueMetrics, "AVG_DEAL_SIZE");
const winRate = computeOf(checklistMetrics, "WIN_RATE");
const pipelineVelocity = computeOf(pipelineMetrics, "PIPELINE_VELOCITY");
const repProductivity = computeOf(teamMetrics, "REP_PRODUCTIVITY");
const pipelineCoverage = computeOf(checklistMetrics, "PIPELINE_COVERAGE");

/** The first error among the inputs, or the metric of them. */
function unlessError(fn: NumericCompute, ...inputs: (number | KpiError)[]): number | KpiError {
  return inputs.find(isError) ?? fn(...(inputs as number[]));
}

/** The period whose closed deals count: Excel serial dates, both ends included; open ends allowed. */
export interface Period {
  from?: number | null;
  to?: number | null;
}

/** True when a won or lost deal closed on this date counts in the period. */
export function closedInPeriod(closed: number | null, period: Period | undefined): boolean {
  if (!period || (period.from == null && period.to == null)) return true;
  if (closed === null) return false;
  return (
    (period.from == null || closed >= period.from) && (period.to == null || closed <= period.to)
  );
}

/** The counts and sums a deal table's KPIs are made of. */
export interface DealFigures {
  won: number;
  lost: number;
  open: number;
  revenue: number;
  openValue: number;
  /** Distinct owners of the deals that count (case and accents aside); 0 without an owner column. */
  owners: number;
  /** Mean days from created to closed over the won deals that have both dates. */
  cycle: number | KpiError;
}

/**
 * Adds up a deal table over every row with a stage (a blank stage is a blank row): won and lost deals
 * closed in the period, and every open deal (an open deal's close date is only expected).
 * @param columns The deal table's columns, already read (amounts and dates as numbers).
 * @param period The period of the closed deals; all of them when not given.
 */
export function dealFigures(columns: DealColumns, period?: Period): DealFigures {
  let won = 0;
  let lost = 0;
  let open = 0;
  let revenue = 0;
  let openValue = 0;
  const wonCreated: NumberColumn = [];
  const wonClosed: NumberColumn = [];
  const owners = new Set<string>();
  for (let i = 0; i < columns.stage.length; i++) {
    const stage = columns.stage[i];
    const kind = stage === null ? null : classifyStage(stage);
    // Rows that do not count keep their place in the cycle columns, so that messages name the right row.
    if (kind === null || (kind !== "open" && !closedInPeriod(columns.closed[i], period))) {
      wonCreated.push(null);
      wonClosed.push(null);
      continue;
    }
    const amount = columns.amount[i] ?? 0;
    const owner = columns.owner?.[i];
    if (owner) owners.add(foldText(owner));
    if (kind === "open") {
      open++;
      openValue += amount;
    } else if (kind === "lost") {
      lost++;
    } else {
      won++;
      revenue += amount;
    }
    wonCreated.push(kind === "won" ? columns.created[i] : null);
    wonClosed.push(kind === "won" ? columns.closed[i] : null);
  }
  return {
    won,
    lost,
    open,
    revenue,
    openValue,
    owners: owners.size,
    cycle: meanCycleDays(wonCreated, wonClosed),
  };
}

/**
 * Computes the deal-table KPIs (see {@link dealFigures} for which deals count).
 * @param columns The deal table's columns, already read (amounts and dates as numbers).
 * @param target The quota or revenue target for pipeline coverage; null when not given.
 * @param period The period of the closed deals; all of them when not given.
 */
export function dealKpis(columns: DealColumns, target: number | null, period?: Period): DealKpis {
  const { won, lost, open, revenue, openValue, owners, cycle } = dealFigures(columns, period);
  const dealSize = avgDealSize(revenue, won);
  const rate = winRate(won, lost);
  return {
    REVENUE: revenue,
    DEALS_WON: won,
    DEALS_LOST: lost,
    OPEN_OPPORTUNITIES: open,
    OPEN_PIPELINE_VALUE: openValue,
    AVG_DEAL_SIZE: dealSize,
    WIN_RATE: rate,
    SALES_CYCLE_LENGTH: cycle,
    PIPELINE_VELOCITY: unlessError(pipelineVelocity, open, rate, dealSize, cycle),
    REP_PRODUCTIVITY: columns.owner
      ? repProductivity(revenue, owners)
      : notAvailable("no owner column: rep productivity needs the deal owners"),
    PIPELINE_COVERAGE:
      target === null
        ? notAvailable("no target given: pipeline coverage needs a quota or revenue target")
        : pipelineCoverage(openValue, target),
  };
}

/**
 * The KPIs of a deal table (a CRM export), from its columns, with the definitions of the metric
 * specification's "A deal table". Shared by KPI.DEAL_SUMMARY, the KPI sheet and `kpi report`.
 */
import { checklistMetrics } from "./catalog/checklist";
import { cycleMean } from "./catalog/conversion";
import { pipelineMetrics } from "./catalog/pipeline";
import { revenueMetrics } from "./catalog/revenue";
import { teamMetrics } from "./catalog/team";
import type { LabelColumn, MetricEntry, NumberColumn, Text, Unit } from "./catalog/types";
import { foldText } from "./coerce";
import { type KpiError, isError, notAvailable } from "./values";
import { DEAL_KPIS } from "../i18n/strings/dealKpis";
import { textOf } from "../i18n/table";

export type StageClass = "won" | "lost" | "open";

/**
 * Words that make a stage won or lost, after folding (case and accents aside): Salesforce's and Zoho's
 * "Closed Won" / "Closed Lost" and Zoho's "Closed Lost to Competition", HubSpot's "Closed won" and its
 * internal ids closedwon / closedlost, Pipedrive's and Dynamics 365's status Won / Lost, Freshsales'
 * Won / Lost stages, and the Turkish past forms (kazanıldı, kazanılan, kazandı; kaybedildi, kaybedilen,
 * kaybetti, kayıp).
 */
const WON_WORDS = new Set(["won", "closedwon", "kazanildi", "kazanilan", "kazandi", "kazanildi"]);
const LOST_WORDS = new Set(["lost", "closedlost", "kaybedildi", "kaybedilen", "kaybetti", "kayip"]);

/** A stage's words once folded: "Closed Lost to Competition" -> closed, lost, to, competition. */
function stageWords(stage: string): string[] {
  return foldText(stage)
    .replace(/['’]/g, "") // "Won't buy" is one word "wont", not "won"
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** True when a word of the set stands in the stage, not negated ("Not won" is not won). */
function hasWord(words: string[], set: ReadonlySet<string>): boolean {
  return words.some((word, i) => set.has(word) && words[i - 1] !== "not");
}

/**
 * The default class of a stage or status: won when one of its words is a won word ("Won", "Closed
 * Won", "closedwon", "Kazanıldı", "Won - Signed"), lost when one is a lost word ("Lost", "Closed Lost
 * to Competition", "Kaybedildi"), open otherwise and when it has both. Case, accents, spaces, hyphens
 * and underscores do not matter ("closed_won", "CLOSED-WON").
 */
function defaultClass(stage: string): StageClass {
  const words = stageWords(stage);
  const joined = words.join("");
  const won = WON_WORDS.has(joined) || hasWord(words, WON_WORDS);
  const lost = LOST_WORDS.has(joined) || hasWord(words, LOST_WORDS);
  return won === lost ? "open" : won ? "won" : "lost";
}

/**
 * Classifies a stage or status by the default rules (see defaultClass): "Won", "Closed Won",
 * "closedwon", "Kazanıldı" are won; "Lost", "Closed Lost", "Closed Lost to Competition", "Kaybedildi"
 * lost; any other stage is open.
 */
export function classifyStage(stage: string): StageClass {
  let kind = CLASSIFIED.get(stage);
  if (kind === undefined) {
    kind = defaultClass(stage);
    // A deal table has a handful of stage texts repeated on every row: folding each row again was
    // most of the time of a large table. The bound keeps a table of unique texts from growing it.
    if (CLASSIFIED.size >= CLASSIFIED_LIMIT) CLASSIFIED.clear();
    CLASSIFIED.set(stage, kind);
  }
  return kind;
}

/**
 * The key under which spreadsheet criteria see a stage text as the same: case aside, and the Turkish
 * i's alike (LibreOffice matches "i" to "ı", Excel may not), but spaces and accents kept, since
 * COUNTIFS(stages, "=Closed Won") does not count "Closed Won ".
 */
export function stageKey(stage: string): string {
  return stage.replace(/[ıİI]/g, "i").toLowerCase();
}

/** Matches the person's stage overrides: case, accents and surrounding spaces aside. */
export function stageOverrideKey(stage: string): string {
  return foldText(stage);
}

/** Stage texts already classified, as written. */
const CLASSIFIED = new Map<string, StageClass>();
const CLASSIFIED_LIMIT = 10_000;

/** The columns of a deal table, one entry per row; null where a cell is blank. */
export interface DealColumns {
  stage: LabelColumn;
  /**
   * The class of each stage text of the column, where the reader (and the person) decided it; a
   * text not in it is classified by the default rules.
   */
  stageClasses?: ReadonlyMap<string, StageClass>;
  amount: NumberColumn;
  created: NumberColumn;
  closed: NumberColumn;
  owner?: LabelColumn | null;
  /** Each deal's probability of closing as a fraction (0.4 for 40 %); null where blank or unreadable. */
  probability?: NumberColumn | null;
  /** Each deal's currency code or name, trimmed, as written. */
  currency?: LabelColumn | null;
  /** The values of the column deals are broken down by (kpi report --by), trimmed. */
  segment?: LabelColumn | null;
  /** The dates deals entered each stage, one column per stage-entry column of the export, in order. */
  stageEntries?: readonly StageEntryColumn[];
}

/** A stage-entry column (HubSpot's "Date entered …"): the stage it names and each deal's date. */
export interface StageEntryColumn {
  stage: string;
  dates: NumberColumn;
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

/** Labels of the deal-table KPIs in each language, from the string table's dealKpis section. */
export const DEAL_KPI_LABELS = Object.fromEntries(
  DEAL_KPI_IDS.map((id) => [id, textOf(DEAL_KPIS, (s) => s.labels[id])])
) as Record<DealKpiId, Text>;

/** Why rep productivity and pipeline coverage may be missing from a table's KPIs. */
const NO_OWNERS = textOf(DEAL_KPIS, (s) => s.noOwners);
const NO_TARGET = textOf(DEAL_KPIS, (s) => s.noTarget);

type NumericCompute = (...values: number[]) => number | KpiError;

/** The arithmetic of a catalog entry, so that a deal-table KPI is defined in one place only. */
export function computeOf(entries: MetricEntry[], id: string): NumericCompute {
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
  const { stage: stages, amount: amounts, created, closed, stageClasses } = columns;
  const owner = columns.owner;
  const tally = new DealTally();
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    if (stage === null) continue;
    tally.add(
      stageClasses?.get(stage) ?? classifyStage(stage),
      amounts[i],
      created[i],
      closed[i],
      owner ? owner[i] : null,
      period
    );
  }
  return tally.figures();
}

/**
 * Adds deals up one row at a time: the one place that says which deals count and how, shared by the
 * columns of a table read ({@link dealFigures}) and the ranges Excel passes (dealGrids.ts).
 */
export class DealTally {
  private won = 0;
  private lost = 0;
  private open = 0;
  private revenue = 0;
  private openValue = 0;
  private cycleDays = 0;
  private cycles = 0;
  /** Owners as written: folding each distinct one once, at the end, is cheaper than every row. */
  private readonly owners = new Set<string>();

  /**
   * Counts one deal: won and lost deals closed in the period, every open deal (an open deal's close
   * date is only expected).
   */
  add(
    kind: StageClass,
    amount: number | null,
    created: number | null,
    closed: number | null,
    owner: string | null | undefined,
    period: Period | undefined
  ): void {
    if (kind !== "open" && !closedInPeriod(closed, period)) return;
    if (owner) this.owners.add(owner);
    if (kind === "open") {
      this.open++;
      this.openValue += amount ?? 0;
    } else if (kind === "lost") {
      this.lost++;
    } else {
      this.won++;
      this.revenue += amount ?? 0;
      // A deal closed before it was created contradicts itself: it is left out of the sales cycle
      // (the reader reports its row), and only of that.
      if (created !== null && closed !== null && closed >= created) {
        this.cycleDays += closed - created;
        this.cycles++;
      }
    }
  }

  /** The counts and sums so far. */
  figures(): DealFigures {
    return {
      won: this.won,
      lost: this.lost,
      open: this.open,
      revenue: this.revenue,
      openValue: this.openValue,
      owners: new Set(Array.from(this.owners, foldText)).size,
      cycle: cycleMean(this.cycleDays, this.cycles),
    };
  }
}

/**
 * Computes the deal-table KPIs (see {@link dealFigures} for which deals count).
 * @param columns The deal table's columns, already read (amounts and dates as numbers).
 * @param target The quota or revenue target for pipeline coverage; null when not given.
 * @param period The period of the closed deals; all of them when not given.
 */
export function dealKpis(columns: DealColumns, target: number | null, period?: Period): DealKpis {
  return kpisOfFigures(dealFigures(columns, period), Boolean(columns.owner), target);
}

/**
 * The deal-table KPIs from a table's figures.
 * @param hasOwners Whether the table has an owner column (rep productivity needs one).
 * @param target The quota or revenue target for pipeline coverage; null when not given.
 */
export function kpisOfFigures(
  figures: DealFigures,
  hasOwners: boolean,
  target: number | null
): DealKpis {
  const { won, lost, open, revenue, openValue, owners, cycle } = figures;
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
    REP_PRODUCTIVITY: hasOwners ? repProductivity(revenue, owners) : notAvailable(NO_OWNERS),
    PIPELINE_COVERAGE:
      target === null ? notAvailable(NO_TARGET) : pipelineCoverage(openValue, target),
  };
}

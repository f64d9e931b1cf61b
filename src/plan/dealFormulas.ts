/**
 * Native spreadsheet formulas for the figures of a deal table, with the definitions of the metric
 * specification: SUMIFS and COUNTIFS over the data's columns (by defined name), one term per spelling
 * of a won or lost stage, so that Excel, LibreOffice, Google Sheets and HyperFormula all compute them.
 */
import type { StageClass } from "../engine";
import { stringLiteral } from "./a1";

/** Spellings the engine reads as won or lost (it ignores case, spaces, hyphens and underscores). */
const STANDARD_STAGES: Record<Exclude<StageClass, "open">, string[]> = {
  won: [
    "won",
    "closed won",
    "closedwon",
    "closed-won",
    "closed_won",
    "kazanıldı",
    "kazanildi",
    "kazanılan",
    "kazanilan",
  ],
  lost: [
    "lost",
    "closed lost",
    "closedlost",
    "closed-lost",
    "closed_lost",
    "kaybedildi",
    "kaybedilen",
  ],
};

/** Defined names of the data's columns and of the period cells. */
export interface DataNames {
  stage: string;
  amount: string;
  created?: string;
  closed?: string;
  owner?: string;
  periodFrom?: string;
  periodTo?: string;
}

/** The stage texts seen in the data, with their class (from the reader). */
export interface ObservedStage {
  text: string;
  kind: StageClass;
}

/** A criterion matching this text exactly: wildcards escaped, "=" so that a text such as ">5" stays text. */
export function exactCriterion(text: string): string {
  return stringLiteral(`=${escapeWildcards(text)}`);
}

function escapeWildcards(text: string): string {
  return text.replace(/[~*?]/g, (c) => `~${c}`);
}

/**
 * Criteria for every spelling of a won or lost stage: the standard ones and those in the data.
 * Spreadsheet programs ignore case but disagree on the Turkish dotless ı (LibreOffice matches "i" to
 * "ı", Excel may not), so each i-like letter becomes the one-letter wildcard "?": one criterion then
 * matches "Kazanıldı", "KAZANILDI" and "kazanildi" alike, and no deal is counted twice.
 */
export function stageCriteria(
  kind: Exclude<StageClass, "open">,
  observed: ObservedStage[]
): string[] {
  const texts = [
    ...STANDARD_STAGES[kind],
    ...observed.filter((s) => s.kind === kind).map((s) => s.text),
  ];
  const patterns = texts.map((text) =>
    escapeWildcards(text.replace(/[ıİI]/g, "i").toLowerCase()).replace(/i/g, "?")
  );
  return [...new Set(patterns)].map((pattern) => stringLiteral(`=${pattern}`));
}

/** Criteria that every formula of a deal figure adds: the close date within the period. */
function periodCriteria(names: DataNames): string[] {
  if (!names.closed || !names.periodFrom || !names.periodTo) return [];
  return [
    names.closed,
    `">="&IF(ISBLANK(${names.periodFrom}),0,${names.periodFrom})`,
    names.closed,
    `"<="&IF(ISBLANK(${names.periodTo}),2958465,${names.periodTo})`,
  ];
}

/** Σ over the spellings of FN(range?, stage, spelling, extra...). */
function overStages(
  fn: "SUMIFS" | "COUNTIFS",
  range: string | null,
  stage: string,
  criteria: string[],
  extra: string[]
): string {
  return criteria
    .map(
      (criterion) => `${fn}(${[...(range ? [range] : []), stage, criterion, ...extra].join(",")})`
    )
    .join("+");
}

/**
 * A formula whose closed deals count only within the period; with both period cells blank every closed
 * deal counts, a deal without a close date included, as the engine does.
 */
function periodAware(names: DataNames, build: (extra: string[]) => string): string {
  const inPeriod = periodCriteria(names);
  if (inPeriod.length === 0) return build([]);
  return `IF(AND(ISBLANK(${names.periodFrom}),ISBLANK(${names.periodTo})),${build([])},${build(inPeriod)})`;
}

export type BaseFigure =
  | "REVENUE"
  | "DEALS_WON"
  | "DEALS_LOST"
  | "OPEN_OPPORTUNITIES"
  | "OPEN_PIPELINE_VALUE"
  | "SALES_CYCLE_LENGTH";

/**
 * The native formula of one base figure of a deal table.
 * @param extra Criteria pairs every term adds (an owner's deals only, for a breakdown).
 * @param periodNames Overrides of the period cells (a breakdown's own period start and end).
 */
export function baseFigureFormula(
  figure: BaseFigure,
  names: DataNames,
  observed: ObservedStage[],
  extra: string[] = []
): string {
  const won = stageCriteria("won", observed);
  const lost = stageCriteria("lost", observed);
  const { stage, amount } = names;
  switch (figure) {
    case "REVENUE":
      return periodAware(names, (p) => overStages("SUMIFS", amount, stage, won, [...p, ...extra]));
    case "DEALS_WON":
      return periodAware(names, (p) => overStages("COUNTIFS", null, stage, won, [...p, ...extra]));
    case "DEALS_LOST":
      return periodAware(names, (p) => overStages("COUNTIFS", null, stage, lost, [...p, ...extra]));
    case "OPEN_OPPORTUNITIES":
      // Open deals count whatever their (expected) close date: every stage that is neither won nor lost.
      return `COUNTIFS(${[stage, '"<>"', ...extra].join(",")})-(${overStages("COUNTIFS", null, stage, [...won, ...lost], extra)})`;
    case "OPEN_PIPELINE_VALUE":
      return `SUMIFS(${[amount, stage, '"<>"', ...extra].join(",")})-(${overStages("SUMIFS", amount, stage, [...won, ...lost], extra)})`;
    case "SALES_CYCLE_LENGTH": {
      if (!names.created || !names.closed)
        throw new Error("the sales cycle needs created and close dates");
      const dated = [names.created, '">=0"', names.closed, '">=0"', ...extra];
      return periodAware(names, (p) => {
        const criteria = [...dated, ...p];
        const closedSum = overStages("SUMIFS", names.closed!, stage, won, criteria);
        const createdSum = overStages("SUMIFS", names.created!, stage, won, criteria);
        return `(${closedSum}-(${createdSum}))/(${overStages("COUNTIFS", null, stage, won, criteria)})`;
      });
    }
  }
}

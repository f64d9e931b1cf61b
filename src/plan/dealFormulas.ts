/**
 * Native spreadsheet formulas for the figures of a deal table, counted by the stage list the KPI sheet
 * shows: one row per stage text of the data with the class it counts as (won, lost or open, editable
 * on the sheet), its deals and amounts. Every figure is SUMIFS / COUNTIFS / SUMPRODUCT over the data's
 * columns (by defined name) and that list, so that Excel, LibreOffice, Google Sheets and HyperFormula
 * compute the same numbers, with or without the add-in, and as the reader does (metric specification,
 * "A deal table"): the list holds exactly the texts the reader told apart (see stageKey).
 */
import { stringLiteral } from "./a1";

/** Defined names of the data's columns and of the period cells. */
export interface DataNames {
  stage: string;
  amount: string;
  created?: string;
  closed?: string;
  owner?: string;
  /** Each deal's probability, percentages or fractions (see probabilityScale). */
  probability?: string;
  /** The column the segment breakdown groups the deals by. */
  segment?: string;
  /** Only the deals in this currency count (the currency column and the code), every formula. */
  currency?: { column: string; code: string };
  /**
   * Over deals in several currencies with none chosen, the text every sum of amounts shows instead
   * (a formula's string literal): such amounts do not add up.
   */
  refusedMoney?: string;
  periodFrom?: string;
  periodTo?: string;
}

/**
 * The criteria pair every COUNTIFS and SUMIFS of the data adds when one currency is chosen (none
 * otherwise): "=" compares case aside, as the engine does.
 */
export function currencyCriteria(names: DataNames): string[] {
  return names.currency ? [names.currency.column, exactCriterion(names.currency.code)] : [];
}

/** The factor every row-by-row SUMPRODUCT term takes when one currency is chosen ("" otherwise). */
export function currencyRows(names: DataNames): string {
  return names.currency ? `*(${names.currency.column}=${stringLiteral(names.currency.code)})` : "";
}

/** Defined names of the stage list's columns (ranges of one column each, one row per stage text). */
export interface StageListNames {
  /** The stage texts, as the data writes them. */
  text?: string;
  /** The criterion that counts a stage's rows exactly (see criterionFormula). */
  criterion: string;
  /** What each stage counts as: the words of StageWords. */
  kind: string;
  deals: string;
  amount: string;
  /** Sum of the days from created to closed, and the count of such deals: won stages only. */
  cycleDays?: string;
  cycleDeals?: string;
  /** Sum of amount x probability of each open stage's deals: with a probability column only. */
  weighted?: string;
}

/** The words the stage list's "counts as" column holds, in the sheet's language. */
export interface StageWords {
  won: string;
  lost: string;
  open: string;
}

/** Latest serial date plus one: the exclusive end of an open-ended period. */
const AFTER_LAST_DATE = 2958466;

/** A criterion matching this text exactly: wildcards escaped, "=" so that a text such as ">5" stays text. */
export function exactCriterion(text: string): string {
  return stringLiteral(`=${text.replace(/[~*?]/g, (c) => `~${c}`)}`);
}

const substitute = (text: string, pairs: [string, string][]): string =>
  pairs.reduce((inner, [from, to]) => `SUBSTITUTE(${inner},"${from}","${to}")`, text);

/**
 * The criterion that counts the rows of one stage text (in `textCell`): "=" and the text, wildcards
 * escaped, and each i-like letter the one-letter wildcard "?". Spreadsheet programs ignore case but
 * disagree on the Turkish dotless ı (LibreOffice matches "i" to "ı", Excel may not): with "?", one
 * criterion counts "Kazanıldı", "KAZANILDI" and "kazanildi" alike everywhere, as the reader groups them.
 */
export function criterionFormula(textCell: string): string {
  const escaped = substitute(textCell, [
    ["~", "~~"],
    ["*", "~*"],
    ["?", "~?"],
  ]);
  return `"="&${substitute(escaped, [
    ["ı", "?"],
    ["İ", "?"],
    ["I", "?"],
    ["i", "?"],
  ])}`;
}

/**
 * The criterion every sum of amounts adds: the amount is a number of 0 or more. SUMIFS then skips an
 * error cell instead of answering the error (one bad cell must not blank a KPI), and a negative
 * amount, which the reader reports and leaves out.
 */
function amountCriteria(amount: string): string[] {
  return [amount, '">=0"'];
}

/** The first day of the period (its cell), 0 when the cell is blank. */
const periodStart = (from: string): string => `IF(ISBLANK(${from}),0,${from})`;

/** The day after the period (its last day's cell + 1), after every date when the cell is blank. */
const periodAfter = (to: string): string => `IF(ISBLANK(${to}),${AFTER_LAST_DATE},${to}+1)`;

/** Criteria that every formula of a closed deal adds: its close date within the period's days. */
function periodCriteria(closed: string, from: string, to: string): string[] {
  return [closed, `">="&${periodStart(from)}`, closed, `"<"&${periodAfter(to)}`];
}

/**
 * A formula whose closed deals count only within the period; with both period cells blank every closed
 * deal counts, a deal without a close date included, as the engine does.
 */
function periodAware(names: DataNames, build: (extra: string[]) => string): string {
  const { closed, periodFrom: from, periodTo: to } = names;
  if (!closed || !from || !to) return build([]);
  return `IF(AND(ISBLANK(${from}),ISBLANK(${to})),${build([])},${build(periodCriteria(closed, from, to))})`;
}

/** The formulas of one row of the stage list, given the cells of its text, class and criterion. */
export interface StageRowFormulas {
  deals: string;
  amount: string;
  cycleDays?: string;
  cycleDeals?: string;
  weighted?: string;
}

/**
 * What the probabilities are divided by to make fractions: 100 when any number of the column is above
 * 1 (40 is 40 %), else 1, as the reader decides it for the column (reader/probabilityColumn.ts). Text
 * ("40%" typed as text) is no number to a formula and is left out.
 */
export function probabilityScale(probability: string): string {
  return `IF(SUMPRODUCT(IFERROR(ISNUMBER(${probability})*(${probability}>1),0))>0,100,1)`;
}

/**
 * The weighted pipeline of one stage text's deals: the sum of amount x probability over those with an
 * amount of 0 or more and a probability within 0 to 100 % (others are left out, as the reader
 * leaves them out), whatever their dates.
 */
function weightedFormula(stage: string, textCell: string, names: DataNames): string {
  const { amount, probability } = names;
  if (!probability) throw new Error("the weighted pipeline needs a probability column");
  const scale = probabilityScale(probability);
  const rows =
    `(${stageMatch(stage, textCell)})${currencyRows(names)}*ISNUMBER(${amount})*(${amount}>=0)` +
    `*ISNUMBER(${probability})*(${probability}>=0)*(${probability}<=${scale})`;
  return `SUMPRODUCT(IFERROR(${rows}*${amount}*${probability},0))/${scale}`;
}

/**
 * The formulas of a stage list row: its deals and amount (won and lost ones closed in the period, open
 * ones whatever their expected close date) and, for a won stage, the days from created to closed over
 * its deals with both dates, the close date in the period and not before the created date (such a
 * deal contradicts itself and is left out of the sales cycle only). Dates count as their day (INT), as
 * the reader takes a date-time.
 */
export function stageRowFormulas(
  cells: { text: string; kind: string; criterion: string },
  names: DataNames,
  words: StageWords
): StageRowFormulas {
  const { stage, amount, created, closed } = names;
  const isOpen = `${cells.kind}=${stringLiteral(words.open)}`;
  const only = currencyCriteria(names);
  const count = (extra: string[]) =>
    `COUNTIFS(${[stage, cells.criterion, ...only, ...extra].join(",")})`;
  const sum = (extra: string[]) =>
    `SUMIFS(${[amount, stage, cells.criterion, ...amountCriteria(amount), ...only, ...extra].join(",")})`;
  const formulas: StageRowFormulas = {
    deals: `IF(${isOpen},${count([])},${periodAware(names, count)})`,
    amount: names.refusedMoney ?? `IF(${isOpen},${sum([])},${periodAware(names, sum)})`,
  };
  if (created && closed) {
    const from = names.periodFrom ? periodStart(names.periodFrom) : "0";
    const to = names.periodTo ? periodAfter(names.periodTo) : String(AFTER_LAST_DATE);
    const end = `INT(${closed})`;
    const start = `INT(${created})`;
    const rows =
      `(${stageMatch(stage, cells.text)})${currencyRows(names)}*ISNUMBER(${created})*ISNUMBER(${closed})` +
      `*(${end}>=${start})*(${end}>=${from})*(${end}<${to})`;
    const isWon = `${cells.kind}=${stringLiteral(words.won)}`;
    // IFERROR: a text or an error in a date cell makes that row's term an error; it counts as none.
    formulas.cycleDays = `IF(${isWon},SUMPRODUCT(IFERROR(${rows}*(${end}-${start}),0)),0)`;
    formulas.cycleDeals = `IF(${isWon},SUMPRODUCT(IFERROR(${rows},0)),0)`;
  }
  if (names.probability)
    formulas.weighted =
      names.refusedMoney ?? `IF(${isOpen},${weightedFormula(stage, cells.text, names)},0)`;
  return formulas;
}

/**
 * Row by row, whether a stage cell holds the stage text of `textCell`, as its criterion counts it: "="
 * ignores case; the i-like letters are made alike first where the text has any.
 */
function stageMatch(stage: string, textCell: string): string {
  const sameI = (text: string) =>
    substitute(text, [
      ["ı", "i"],
      ["İ", "i"],
      ["I", "i"],
    ]);
  return `IF(ISERROR(SEARCH("i",${sameI(textCell)})),${stage}=${textCell},${sameI(stage)}=${sameI(textCell)})`;
}

export type BaseFigure =
  | "REVENUE"
  | "DEALS_WON"
  | "DEALS_LOST"
  | "OPEN_OPPORTUNITIES"
  | "OPEN_PIPELINE_VALUE"
  | "SALES_CYCLE_LENGTH";

/** Which stage class and which column of the stage list each base figure adds up. */
const FIGURES: Record<
  Exclude<BaseFigure, "SALES_CYCLE_LENGTH">,
  { kind: keyof StageWords; column: "deals" | "amount" }
> = {
  REVENUE: { kind: "won", column: "amount" },
  DEALS_WON: { kind: "won", column: "deals" },
  DEALS_LOST: { kind: "lost", column: "deals" },
  OPEN_OPPORTUNITIES: { kind: "open", column: "deals" },
  OPEN_PIPELINE_VALUE: { kind: "open", column: "amount" },
};

/** The weighted pipeline value of the KPI table: the open stages' weighted sums. */
export function weightedPipelineFormula(list: StageListNames, words: StageWords): string {
  if (!list.weighted) throw new Error("the weighted pipeline needs a probability column");
  return `SUMIFS(${list.weighted},${list.kind},${exactCriterion(words.open)})`;
}

/** The formula of one base figure of the KPI table: a sum over the stage list by class. */
export function baseFigureFormula(
  figure: BaseFigure,
  list: StageListNames,
  words: StageWords
): string {
  const won = exactCriterion(words.won);
  if (figure === "SALES_CYCLE_LENGTH") {
    if (!list.cycleDays || !list.cycleDeals)
      throw new Error("the sales cycle needs created and close dates");
    return `SUMIFS(${list.cycleDays},${list.kind},${won})/SUMIFS(${list.cycleDeals},${list.kind},${won})`;
  }
  const { kind, column } = FIGURES[figure];
  return `SUMIFS(${list[column]},${list.kind},${exactCriterion(words[kind])})`;
}

/**
 * A figure of a breakdown row (an owner, a month): the deals of each stage text that meet the extra
 * criteria, weighted by whether the stage counts as the class. Constant in size, whatever the number
 * of stages: COUNTIFS answers one count per criterion of the list, SUMPRODUCT adds them up.
 * @param extra Criteria pairs every term adds (an owner's deals only).
 * @param period The breakdown's own period cells, over the sheet's period.
 */
export function breakdownFormula(
  figure: Exclude<BaseFigure, "SALES_CYCLE_LENGTH">,
  names: DataNames,
  list: StageListNames,
  words: StageWords,
  extra: string[] = []
): string {
  const { kind, column } = FIGURES[figure];
  if (column === "amount" && names.refusedMoney) return names.refusedMoney;
  const isKind = `(${list.kind}=${stringLiteral(words[kind])})`;
  const build = (period: string[]) => {
    const criteria = [names.stage, list.criterion, ...period, ...currencyCriteria(names), ...extra];
    const counted =
      column === "amount"
        ? `SUMIFS(${[names.amount, ...criteria, ...amountCriteria(names.amount)].join(",")})`
        : `COUNTIFS(${criteria.join(",")})`;
    return `SUMPRODUCT(${counted}*${isKind})`;
  };
  // Open deals count whatever their expected close date.
  return kind === "open" ? build([]) : periodAware(names, build);
}

/**
 * The revenue of won deals closed from `from` to `to` (cells holding the days, both included): the
 * previous period's revenue, its bounds computed on the sheet.
 */
export function revenueBetween(
  names: DataNames,
  list: StageListNames,
  words: StageWords,
  from: string,
  to: string
): string {
  if (!names.closed) throw new Error("a period needs close dates");
  if (names.refusedMoney) return names.refusedMoney;
  const criteria = [
    names.stage,
    list.criterion,
    names.closed,
    `">="&${from}`,
    names.closed,
    `"<"&(${to}+1)`,
    ...amountCriteria(names.amount),
    ...currencyCriteria(names),
  ];
  return `SUMPRODUCT(SUMIFS(${[names.amount, ...criteria].join(",")})*(${list.kind}=${stringLiteral(words.won)}))`;
}

/**
 * Row by row, whether the deal's stage counts as `kind` in the stage list: the list's text matched by
 * the deal's stage as a criterion (wildcards escaped, the i-like letters "?", as criterionFormula
 * makes it), so that a stage's class can be read for each deal of a SUMPRODUCT.
 */
export function rowOfKind(
  names: DataNames,
  list: StageListNames,
  words: StageWords,
  kind: keyof StageWords
): string {
  if (!list.text) throw new Error("the stage list's texts are not named");
  return `(COUNTIFS(${list.text},${criterionFormula(names.stage)},${list.kind},${exactCriterion(words[kind])})>0)`;
}

/**
 * The sales cycle's sums over the deals of a row-by-row test (`rows`, such as a segment's): days from
 * created to closed of won deals closed in the period with both dates, the close date not before the
 * created date, and the number of such deals; as the stage list's won rows count them.
 */
export function cycleFormulas(
  names: DataNames,
  list: StageListNames,
  words: StageWords,
  rows: string
): { days: string; deals: string } {
  const { created, closed } = names;
  if (!created || !closed) throw new Error("the sales cycle needs created and close dates");
  const from = names.periodFrom ? periodStart(names.periodFrom) : "0";
  const to = names.periodTo ? periodAfter(names.periodTo) : String(AFTER_LAST_DATE);
  const [end, start] = [`INT(${closed})`, `INT(${created})`];
  const counted =
    `${rowOfKind(names, list, words, "won")}*(${rows})${currencyRows(names)}*ISNUMBER(${created})*ISNUMBER(${closed})` +
    `*(${end}>=${start})*(${end}>=${from})*(${end}<${to})`;
  return {
    days: `SUMPRODUCT(IFERROR(${counted}*(${end}-${start}),0))`,
    deals: `SUMPRODUCT(IFERROR(${counted},0))`,
  };
}

/**
 * Deals the stage list does not count: rows with something in the stage column (an error, spaces, a
 * stage added since the sheet was built) that no criterion of the list matches.
 */
export function unlistedStagesFormula(names: DataNames, list: StageListNames): string {
  const only = currencyCriteria(names);
  const listed = `SUMPRODUCT(COUNTIFS(${[names.stage, list.criterion, ...only].join(",")}))`;
  // With one currency, COUNTA of its rows only: an error in the stage cell counts as something.
  const filled = names.currency
    ? `SUMPRODUCT(IFERROR(LEN(${names.stage})>0,TRUE)*IFERROR(${names.currency.column}=${stringLiteral(names.currency.code)},FALSE))`
    : `COUNTA(${names.stage})`;
  return `${filled}-${listed}`;
}

/**
 * Amounts stored as text, which SUMIFS does not add: counted so that the sheet says so. ISTEXT rather
 * than COUNTIF(amounts, "?*"), which LibreOffice also matches to numbers.
 */
export function textAmountsFormula(names: DataNames): string {
  return `SUMPRODUCT(ISTEXT(${names.amount})*1${currencyRows(names)})`;
}

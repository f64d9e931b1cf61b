/**
 * What every block of a KPI sheet reads: the sheet, its language and words, the options, and the
 * defined names through which blocks refer to the data and to each other's columns. Names do not
 * depend on where a block sits, so they are known before the layout places anything.
 */
import { currencyList } from "../../engine";
import { type Language, fill } from "../../i18n";
import { stringLiteral } from "../a1";
import { KPI_SHEET, type KpiSheetWords } from "../../i18n/strings/kpiSheet";
import type { DataNames, StageListNames } from "../dealFormulas";
import type { DataSource, KpiSheetOptions } from "./options";

export interface SheetContext {
  readonly sheet: string;
  readonly language: Language;
  readonly words: KpiSheetWords;
  readonly options: KpiSheetOptions;
  /** The defined name of `base` on this sheet, with the workbook's suffix (KPI_REVENUE_2). */
  name(base: string): string;
  /** The name of a KPI row's value cell (KPI_<ID>). */
  kpiName(id: string): string;
  /** The name of an input's cell (KPI_INPUT_<ID>). */
  inputName(id: string): string;
}

/** A deal table as the sheet's formulas see it: the source, and the names of its columns and lists. */
export interface DealNames {
  readonly source: DataSource;
  /** The data's columns and the sheet's period cells. */
  readonly columns: DataNames;
  /** The stage list's columns. */
  readonly stages: StageListNames;
  /** The stage-entry columns, in the data's order: the stage each names and its defined name. */
  readonly entries: readonly { stage: string; name: string }[];
  /** The previous period's first and last day (computed cells), with the period cells. */
  readonly previous?: { from: string; to: string };
}

/** The prefix of the defined names of a deal table's columns: KPI_DATA_STAGE, KPI_DATA_AMOUNT, ... */
export const DATA_NAME_PREFIX = "KPI_DATA_";

/** The defined name of a deal table's column (a DataSource column key: "stage", "amount", ...). */
export function dataColumnName(field: string, suffix = ""): string {
  return `${DATA_NAME_PREFIX}${field.toUpperCase()}${suffix}`;
}

/** The column key of the i-th stage-entry column (0-based): its name is KPI_DATA_ENTERED_<i + 1>. */
export function entryColumnKey(i: number): string {
  return `entered_${i + 1}`;
}

/** Whether a defined name of a KPI sheet is a KPI's value cell (KPI_<ID>), not data, an input or a list. */
export function isKpiValueName(name: string): boolean {
  return /^KPI_(?!DATA_|INPUT_|PERIOD_|STAGE_|CHECK_)/.test(name);
}

/** The context of a KPI sheet planned with these options. */
export function sheetContext(options: KpiSheetOptions): SheetContext {
  const language = options.language ?? "en";
  const suffix = options.nameSuffix ?? "";
  const name = (base: string) => `${base}${suffix}`;
  return {
    sheet: options.sheetName,
    language,
    words: KPI_SHEET[language],
    options,
    name,
    kpiName: (id) => name(`KPI_${id}`),
    inputName: (id) => name(`KPI_INPUT_${id}`),
  };
}

/**
 * Over a data in several currencies, with none chosen, why its sums of amounts are not made (a
 * formula's text naming each currency with its deals); nothing when the amounts add up.
 */
function mixedCurrencies(
  context: SheetContext,
  source: DataSource
): { refusedMoney: string } | undefined {
  const currencies = source.currencies ?? [];
  if (currencies.length < 2 || (context.options.currency && source.columns.currency))
    return undefined;
  const { language } = context;
  const list = currencyList(currencies)[language];
  return { refusedMoney: stringLiteral(fill(context.words.mixedCurrencies, { list }, language)) };
}

/** The names of a deal table's columns, the period cells (with a close date) and the stage list. */
export function dealNames(context: SheetContext, source: DataSource): DealNames {
  const { name } = context;
  const { created, closed, owner, probability, segment } = source.columns;
  const columns: DataNames = {
    stage: name(dataColumnName("stage")),
    amount: name(dataColumnName("amount")),
    created: created ? name(dataColumnName("created")) : undefined,
    closed: closed ? name(dataColumnName("closed")) : undefined,
    owner: owner ? name(dataColumnName("owner")) : undefined,
    probability: probability ? name(dataColumnName("probability")) : undefined,
    segment: segment ? name(dataColumnName("segment")) : undefined,
    ...(mixedCurrencies(context, source) ?? {}),
    // One currency chosen, of a data with a currency column: every formula counts its deals only.
    ...(context.options.currency && source.columns.currency
      ? {
          currency: {
            column: name(dataColumnName("currency")),
            code: context.options.currency,
          },
        }
      : {}),
    // The period counts close dates: without them there are no period cells.
    ...(closed ? { periodFrom: name("KPI_PERIOD_FROM"), periodTo: name("KPI_PERIOD_TO") } : {}),
  };
  const stages: StageListNames = {
    text: name("KPI_STAGE_TEXTS"),
    criterion: name("KPI_STAGE_CRITERIA"),
    kind: name("KPI_STAGE_CLASSES"),
    deals: name("KPI_STAGE_DEALS"),
    amount: name("KPI_STAGE_AMOUNTS"),
    ...(created && closed
      ? { cycleDays: name("KPI_STAGE_CYCLE_DAYS"), cycleDeals: name("KPI_STAGE_CYCLE_DEALS") }
      : {}),
    ...(probability ? { weighted: name("KPI_STAGE_WEIGHTED") } : {}),
  };
  const entries = (source.stageEntries ?? []).map((entry, i) => ({
    stage: entry.stage,
    name: name(dataColumnName(entryColumnKey(i))),
  }));
  const previous = closed
    ? { from: name("KPI_PERIOD_PREVIOUS_FROM"), to: name("KPI_PERIOD_PREVIOUS_TO") }
    : undefined;
  return { source, columns, stages, entries, ...(previous ? { previous } : {}) };
}

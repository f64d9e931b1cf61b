/**
 * The currencies of a deal table (metric specification, section 9): amounts in two currencies do not
 * add up, so a table whose currency column holds more than one makes every money KPI an error value
 * naming them, until the deals are restricted to one.
 */
import type { DealColumns } from "./deals";
import { KpiError } from "./values";
import { DEAL_KPIS } from "../i18n/strings/dealKpis";
import { type Text, countBoth, sayBoth } from "../i18n";

/** A currency of the table and its number of deals (rows with a stage). */
export interface CurrencyCount {
  /** As first written, trimmed. */
  currency: string;
  deals: number;
}

/** The key under which two spellings of a currency are the same ("usd", "USD"). */
export const currencyKey = (currency: string): string => currency.trim().toUpperCase();

/** Whether two spellings name the same currency ("usd" and "USD "). */
export const sameCurrency = (a: string, b: string): boolean => currencyKey(a) === currencyKey(b);

/**
 * The distinct currencies of the deals, case aside, in order of first appearance; blank cells are
 * no currency (an export leaves them blank in the one currency of the account). Empty without a
 * currency column.
 */
export function currencyCounts(columns: DealColumns): CurrencyCount[] {
  const { currency, stage } = columns;
  if (!currency) return [];
  const counts = new Map<string, CurrencyCount>();
  currency.forEach((value, i) => {
    if (value === null || value.trim() === "" || stage[i] === null) return;
    const key = currencyKey(value);
    const count = counts.get(key);
    if (count) count.deals++;
    else counts.set(key, { currency: value.trim(), deals: 1 });
  });
  return [...counts.values()];
}

/** The currencies with their deals, in both languages: "USD 7 deals, EUR 2 deals". */
export function currencyList(counts: readonly CurrencyCount[]): Text {
  const each = counts.map(({ currency, deals }) =>
    countBoth(DEAL_KPIS, (s) => s.currencyDeals, { currency, count: deals })
  );
  return {
    en: each.map((text) => text.en).join(", "),
    tr: each.map((text) => text.tr).join(", "),
  };
}

/** The error value of a money KPI over deals in several currencies, naming each with its deals. */
export function mixedCurrencies(counts: readonly CurrencyCount[]): KpiError {
  return new KpiError(
    "#VALUE!",
    sayBoth(DEAL_KPIS, (s) => s.mixedCurrencies, { list: currencyList(counts) })
  );
}

/**
 * The deals of one currency only (case aside): the others' rows are blanked, so that the columns keep
 * their rows and every KPI counts the currency's deals alone.
 * @returns The columns, or undefined when no deal is in that currency.
 */
export function onlyCurrency(columns: DealColumns, code: string): DealColumns | undefined {
  const { currency } = columns;
  if (!currency) return undefined;
  const key = currencyKey(code);
  const keep = currency.map((value) => value !== null && currencyKey(value) === key);
  if (!keep.some((kept, i) => kept && columns.stage[i] !== null)) return undefined;
  const mask = <T>(column: readonly (T | null)[]) =>
    column.map((value, i) => (keep[i] ? value : null));
  return {
    ...columns,
    stage: mask(columns.stage),
    amount: mask(columns.amount),
    created: mask(columns.created),
    closed: mask(columns.closed),
    owner: columns.owner && mask(columns.owner),
    probability: columns.probability && mask(columns.probability),
    currency: mask(currency),
    segment: columns.segment && mask(columns.segment),
    stageEntries: columns.stageEntries?.map((entry) => ({ ...entry, dates: mask(entry.dates) })),
  };
}

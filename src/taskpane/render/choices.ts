/**
 * The options that depend on the data: the column to break the deals down by (any column of the
 * data), and, when the deals are in several currencies, the one to count.
 */
import { type CurrencyCount, sameCurrency } from "../../engine";
import { type Language, fill, fillPlural } from "../../i18n";
import { PANE } from "../../i18n/strings/pane";

/* global HTMLOptionElement */

/**
 * The break-down drop-down's options: "(none)", then every column of the data by its header (an
 * untitled one by its position), valued by its index; the chosen one selected.
 */
export function segmentOptions(
  headers: readonly string[],
  chosen: number | null,
  language: Language
): HTMLOptionElement[] {
  const t = PANE[language];
  const none = new Option(t.none, "", false, chosen === null);
  return [
    none,
    ...headers.map(
      (header, i) =>
        new Option(
          header || fill(t.unnamedColumn, { number: String(i + 1) }, language),
          String(i),
          false,
          chosen === i
        )
    ),
  ];
}

/**
 * The currency drop-down's options: every currency ("" valued: the money KPIs are refused), then each
 * currency with its deals; the chosen one selected.
 */
export function currencyOptions(
  counts: readonly CurrencyCount[],
  chosen: string | null,
  language: Language
): HTMLOptionElement[] {
  const t = PANE[language];
  return [
    new Option(t.allCurrencies, "", false, chosen === null),
    ...counts.map(
      ({ currency, deals }) =>
        new Option(
          fillPlural(t.currencyDeals, { currency, count: deals }, language),
          currency,
          false,
          chosen !== null && sameCurrency(chosen, currency)
        )
    ),
  ];
}

/**
 * The header of a KPI sheet: its title, where the data is (or that it is the blank template) and, when
 * the data has close dates, the period cells every KPI counts by. It also names the data's columns.
 */
import { fill } from "../../i18n";
import { previousPeriodFormulas } from "./growth";
import { NUMBER_FORMATS } from "../types";
import type { DealNames, SheetContext } from "./context";
import { BlockWriter, type SheetBlock } from "./layout";

/** The data's columns, in the order their names are defined. */
const FIELDS = ["stage", "amount", "created", "closed", "owner", "probability", "segment"] as const;

/** The header block; `deals` is null for the blank template. */
export function headerBlock(context: SheetContext, deals: DealNames | null): SheetBlock {
  const { words: t, options, language } = context;
  const { periodFrom, periodTo } = deals?.columns ?? {};
  return {
    what: "header",
    // The period row, and the previous period's computed from it.
    height: periodFrom && periodTo ? (deals?.previous ? 4 : 3) : 2,
    place(top) {
      const w = new BlockWriter(context, top);
      w.line([{ value: options.title ?? t.title, style: "title" }]);
      const subtitle = deals
        ? fill(t.data, { source: deals.source.description }, language) +
          (deals.columns.currency
            ? fill(t.onlyCurrency, { currency: deals.columns.currency.code }, language)
            : "")
        : t.template;
      w.line([{ value: subtitle, style: "subtitle" }]);
      if (deals) {
        for (const field of FIELDS) {
          const [name, ref] = [deals.columns[field], deals.source.columns[field]];
          if (name && ref) w.nameRange(name, ref);
        }
        const currency = deals.columns.currency;
        if (currency && deals.source.columns.currency)
          w.nameRange(currency.column, deals.source.columns.currency);
        deals.entries.forEach((entry, i) =>
          w.nameRange(entry.name, deals.source.stageEntries![i].column)
        );
      }
      if (periodFrom && periodTo) {
        const row = w.line([
          { value: t.period, style: "label" },
          { value: options.period?.from ?? null, format: NUMBER_FORMATS.date, style: "input" },
          { value: options.period?.to ?? null, format: NUMBER_FORMATS.date, style: "input" },
          { value: t.periodHint, style: "hint" },
        ]);
        w.nameCell(periodFrom, row, 1);
        w.nameCell(periodTo, row, 2);
        if (deals?.previous) {
          const formulas = previousPeriodFormulas(periodFrom, periodTo);
          const previous = w.line([
            { value: t.previousPeriod, style: "label" },
            { formula: formulas.from, format: NUMBER_FORMATS.date, style: "value" },
            { formula: formulas.to, format: NUMBER_FORMATS.date, style: "value" },
            { value: t.previousPeriodHint, style: "hint" },
          ]);
          w.nameCell(deals.previous.from, previous, 1);
          w.nameCell(deals.previous.to, previous, 2);
        }
      }
      return w.output;
    },
  };
}

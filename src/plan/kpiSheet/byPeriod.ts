/**
 * The breakdown by month or quarter: each period's revenue, deals won and lost, win rate and growth
 * over the period before, counted within the period's own dates (its first two cells).
 */
import { cellAddress, rangeAddress } from "../a1";
import { type DataNames, breakdownFormula } from "../dealFormulas";
import { NUMBER_FORMATS, type PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import { BlockWriter, type SheetBlock } from "./layout";

/** The breakdown of `periods` (first and last day of each), with the revenue and win-rate charts when `chart`. */
export function periodBlock(
  context: SheetContext,
  deals: DealNames,
  periods: [number, number][],
  chart: boolean
): SheetBlock {
  const { words: t, options } = context;
  return {
    what: "byPeriod",
    height: 2 + periods.length,
    place(top) {
      const w = new BlockWriter(context, top);
      w.heading(options.grain === "quarter" ? t.byQuarter : t.byMonth, [
        t.periodStart,
        t.periodEnd,
        t.revenue,
        t.won,
        t.lost,
        t.winRate,
        t.growth,
      ]);
      const first = w.table(periods, ([start, end], r, i): PlanCell[] => {
        const own: DataNames = {
          ...deals.columns,
          periodFrom: `$${cellAddress(r, 0)}`,
          periodTo: `$${cellAddress(r, 1)}`,
        };
        const c = (col: number, row = r) => cellAddress(row, col);
        const count = (figure: "REVENUE" | "DEALS_WON" | "DEALS_LOST") =>
          breakdownFormula(figure, own, deals.stages, t.classes);
        return [
          { value: start, format: NUMBER_FORMATS.period, style: "label" },
          { value: end, format: NUMBER_FORMATS.date, style: "label" },
          { formula: count("REVENUE"), format: NUMBER_FORMATS.money },
          { formula: count("DEALS_WON"), format: NUMBER_FORMATS.count },
          { formula: count("DEALS_LOST"), format: NUMBER_FORMATS.count },
          {
            formula: `IF(${c(3)}+${c(4)}=0,"",${c(3)}/(${c(3)}+${c(4)}))`,
            format: NUMBER_FORMATS.rate,
          },
          // Growth over the row above; the first period has none.
          i === 0
            ? { value: null, format: NUMBER_FORMATS.rate }
            : {
                formula: `IF(${c(2, r - 1)}=0,"",(${c(2)}-${c(2, r - 1)})/${c(2, r - 1)})`,
                format: NUMBER_FORMATS.rate,
              },
        ];
      });
      if (chart) {
        const last = first + periods.length - 1;
        w.output.charts.push({
          kind: "column",
          title: t.revenueChart,
          categories: rangeAddress(first, 0, last, 0),
          values: rangeAddress(first, 2, last, 2),
          seriesName: t.revenue,
          anchor: { row: top, col: 8, width: 8, height: 16 },
        });
        w.output.charts.push({
          kind: "column",
          title: t.winRateChart,
          categories: rangeAddress(first, 0, last, 0),
          values: rangeAddress(first, 5, last, 5),
          seriesName: t.winRate,
          anchor: { row: top, col: 17, width: 8, height: 16 },
        });
      }
      return w.output;
    },
  };
}

/**
 * The stage funnel (metric specification, section 9): the stage-entry columns whose stage is neither
 * won nor lost, in the data's order, each with the deals that entered it, the conversion to the next
 * stage (for the last, won among those that entered it) and the mean days in the stage, to the
 * deal's earliest date in a later funnel column, else the close date of a won or lost deal. Every deal
 * counts, whatever the period, as engine/funnel.ts counts them.
 */
import { isFunnelStage } from "../../engine";
import { cellAddress, rangeAddress } from "../a1";
import { currencyRows, rowOfKind } from "../dealFormulas";
import { NUMBER_FORMATS, type PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import { BlockWriter, type SheetBlock } from "./layout";

/** After every date: a row's "no later date". */
const NONE = "100000000";
/**
 * Half the widest span of days a deal can take: (ABS(x - SPAN) <= SPAN) tests 0 <= x <= 2 SPAN with x
 * written once, and NONE minus any date is beyond it.
 */
const SPAN = "10000000";

/** The longest formula Excel takes, in characters. */
const EXCEL_FORMULA_LIMIT = 8192;

/** Row by row, 1 where the days `x` are 0 or more (and not NONE's): x written once. */
const daysCount = (x: string): string => `(ABS(${x}-${SPAN})<=${SPAN})`;

/** Row by row, a date of the column as its day (as the reader takes a date-time), or NONE. */
const dateOrNone = (column: string): string => `IF(ISNUMBER(${column}),INT(${column}),${NONE})`;

/** Row by row, the smaller of two: (a + b - |a - b|) / 2, each argument written twice. */
const smaller = (a: string, b: string): string => `(${a}+${b}-ABS(${a}-${b}))/2`;

/**
 * Row by row, the earliest date of the columns (NONE without any), halving the list: the formula
 * grows as the square of the columns, so that nine funnel stages stay within Excel's 8,192
 * characters.
 */
function earliest(columns: readonly string[]): string {
  if (columns.length === 1) return dateOrNone(columns[0]);
  const half = Math.ceil(columns.length / 2);
  return `(${smaller(earliest(columns.slice(0, half)), earliest(columns.slice(half)))})`;
}

/** The funnel stages of the data: its stage-entry columns of open stages, in order. */
export function funnelStages(deals: DealNames): DealNames["entries"] {
  return deals.entries.filter((entry) => isFunnelStage(entry.stage));
}

/** The funnel, when the data has stage-entry columns of open stages. */
export function funnelBlock(context: SheetContext, deals: DealNames, chart: boolean): SheetBlock {
  const { words: t } = context;
  const stages = funnelStages(deals);
  const { columns, stages: list } = deals;
  const won = rowOfKind(columns, list, t.classes, "won");
  const lost = rowOfKind(columns, list, t.classes, "lost");
  const closed = columns.closed;
  // With one currency chosen, its deals only: a factor of every row-by-row term.
  const only = currencyRows(columns);
  return {
    what: "funnel",
    height: 2 + stages.length,
    place(top) {
      const w = new BlockWriter(context, top);
      w.heading(t.funnel, [
        t.stage,
        t.entered,
        t.conversion,
        t.avgDays,
        t.daysToNext,
        t.dealsToNext,
        t.daysToClose,
        t.dealsToClose,
      ]);
      const first = w.table(stages, (entry, r, i): PlanCell[] => {
        const c = (col: number, row = r) => cellAddress(row, col);
        const date = entry.name;
        const later = stages.slice(i + 1).map((stage) => stage.name);
        const sums = (rows: string, days: string) => ({
          days: `SUMPRODUCT(IFERROR(${rows}${only}*${daysCount(days)}*(${days}),0))`,
          deals: `SUMPRODUCT(IFERROR(${rows}${only}*${daysCount(days)},0))`,
        });
        // To the earliest date in a later funnel column, where the deal has one.
        const toNext = later.length
          ? sums(`ISNUMBER(${date})`, `${earliest(later)}-INT(${date})`)
          : { days: "0", deals: "0" };
        // Else to the close date of a won or lost deal.
        const noLater = later.map((name) => `*NOT(ISNUMBER(${name}))`).join("");
        const toClose = closed
          ? sums(
              `ISNUMBER(${date})${noLater}*ISNUMBER(${closed})*((${won}+${lost})>0)`,
              `INT(${closed})-INT(${date})`
            )
          : { days: "0", deals: "0" };
        const converted =
          i + 1 < stages.length
            ? c(1, r + 1)
            : `SUMPRODUCT(IFERROR(ISNUMBER(${date})${only}*${won},0))`;
        const deals = `(${c(5)}+${c(7)})`;
        // A stage with too many later ones for Excel's formula length says so instead.
        const tooLong = toNext.days.length > EXCEL_FORMULA_LIMIT;
        const daysCells: PlanCell[] = tooLong
          ? [{ value: t.funnelTooLong, style: "hint" }, { value: null }, { value: null }]
          : [
              {
                formula: `IF(${deals}=0,"",(${c(4)}+${c(6)})/${deals})`,
                format: NUMBER_FORMATS.days,
              },
              { formula: toNext.days, format: NUMBER_FORMATS.days },
              { formula: toNext.deals, format: NUMBER_FORMATS.count },
            ];
        return [
          { value: entry.stage, style: "label" },
          {
            formula: only ? `SUMPRODUCT(IFERROR(ISNUMBER(${date})${only},0))` : `COUNT(${date})`,
            format: NUMBER_FORMATS.count,
          },
          { formula: `IF(${c(1)}=0,"",${converted}/${c(1)})`, format: NUMBER_FORMATS.rate },
          ...daysCells,
          { formula: toClose.days, format: NUMBER_FORMATS.days },
          { formula: toClose.deals, format: NUMBER_FORMATS.count },
        ];
      });
      if (chart && stages.length) {
        const last = first + stages.length - 1;
        w.output.charts.push({
          kind: "bar",
          title: t.funnelChart,
          categories: rangeAddress(first, 0, last, 0),
          values: rangeAddress(first, 1, last, 1),
          seriesName: t.entered,
          anchor: { row: top, col: 8, width: 8, height: 14 },
        });
      }
      return w.output;
    },
  };
}

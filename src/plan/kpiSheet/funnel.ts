/**
 * The stage funnel (metric specification, section 9): the stage-entry columns whose stage is neither
 * won nor lost, in the data's order, each with the deals that entered it, the conversion to the next
 * stage (for the last, won among those that entered it) and the mean days in the stage, to the
 * deal's earliest date in a later funnel column, else the close date of a won or lost deal. Every deal
 * counts, whatever the period, as engine/funnel.ts counts them.
 */
import { classifyStage } from "../../engine";
import { cellAddress, rangeAddress } from "../a1";
import { rowOfKind } from "../dealFormulas";
import { NUMBER_FORMATS, type PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import { BlockWriter, type SheetBlock } from "./layout";

/** After every date: a row's "no later date". */
const NONE = "10000000";

/** Row by row, a date of the column, or NONE where there is none. */
const dateOrNone = (column: string): string => `IF(ISNUMBER(${column}),${column},${NONE})`;

/** Row by row, the smaller of two: (a + b - |a - b|) / 2, each argument written twice. */
const smaller = (a: string, b: string): string => `((${a})+(${b})-ABS((${a})-(${b})))/2`;

/** Row by row, the earliest date of the columns (NONE without any), halving the list. */
function earliest(columns: readonly string[]): string {
  if (columns.length === 1) return dateOrNone(columns[0]);
  const half = Math.ceil(columns.length / 2);
  return smaller(earliest(columns.slice(0, half)), earliest(columns.slice(half)));
}

/** The funnel stages of the data: its stage-entry columns of open stages, in order. */
export function funnelStages(deals: DealNames): DealNames["entries"] {
  return deals.entries.filter((entry) => classifyStage(entry.stage) === "open");
}

/** The funnel, when the data has stage-entry columns of open stages. */
export function funnelBlock(context: SheetContext, deals: DealNames, chart: boolean): SheetBlock {
  const { words: t } = context;
  const stages = funnelStages(deals);
  const { columns, stages: list } = deals;
  const won = rowOfKind(columns, list, t.classes, "won");
  const lost = rowOfKind(columns, list, t.classes, "lost");
  const closed = columns.closed;
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
        t.daysInStage,
        t.withNextDate,
      ]);
      const first = w.table(stages, (entry, r, i): PlanCell[] => {
        const c = (col: number, row = r) => cellAddress(row, col);
        const date = entry.name;
        const later = stages.slice(i + 1).map((stage) => stage.name);
        const afterClose = closed
          ? `IF((${won}+${lost})*ISNUMBER(${closed}),${closed},${NONE})`
          : NONE;
        const next = later.length
          ? `IF(${earliest(later)}<${NONE},${earliest(later)},${afterClose})`
          : afterClose;
        // A next date before the entry contradicts itself and is left out; no next date is NONE.
        const counted = `ISNUMBER(${date})*((${next})<${NONE})*((${next})>=${date})`;
        const converted =
          i + 1 < stages.length ? c(1, r + 1) : `SUMPRODUCT(IFERROR(ISNUMBER(${date})*${won},0))`;
        return [
          { value: entry.stage, style: "label" },
          { formula: `COUNT(${date})`, format: NUMBER_FORMATS.count },
          { formula: `IF(${c(1)}=0,"",${converted}/${c(1)})`, format: NUMBER_FORMATS.rate },
          { formula: `IF(${c(5)}=0,"",${c(4)}/${c(5)})`, format: NUMBER_FORMATS.days },
          {
            formula: `SUMPRODUCT(IFERROR(${counted}*((${next})-${date}),0))`,
            format: NUMBER_FORMATS.days,
          },
          { formula: `SUMPRODUCT(IFERROR(${counted},0))`, format: NUMBER_FORMATS.count },
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

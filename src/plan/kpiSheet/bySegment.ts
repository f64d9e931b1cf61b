/**
 * The breakdown by the segment column (kpi workbook --by, metric specification section 9): one row
 * per value of the column as the engine groups them (segmentKpis: trimmed, case aside, blank cells
 * the "(blank)" segment), largest revenue first when built, with the KPIs of section 9 over the same
 * deals as the KPI table, and a chart of revenue by segment.
 */
import { fill } from "../../i18n";
import { DEAL_KPIS } from "../../i18n/strings/dealKpis";
import { cellAddress, rangeAddress } from "../a1";
import { breakdownFormula, cycleFormulas } from "../dealFormulas";
import { NUMBER_FORMATS, type PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import { BlockWriter, type SheetBlock } from "./layout";

type Counted =
  "REVENUE" | "DEALS_WON" | "DEALS_LOST" | "OPEN_OPPORTUNITIES" | "OPEN_PIPELINE_VALUE";

/** The table's heading rows, above its first segment. */
const HEADING_ROWS = 2;

/** The criterion of a segment's label cell: its text exactly, wildcards escaped (case aside). */
const segmentCriterion = (cell: string): string =>
  `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;

/** The segment table, when the data has a segment column. */
export function segmentBlock(context: SheetContext, deals: DealNames, chart: boolean): SheetBlock {
  const { words: t, language } = context;
  const segment = deals.source.segment;
  const segmentName = deals.columns.segment;
  if (!segment || !segmentName) throw new Error("a segment table needs the data's segment column");
  const values = segment.values;
  const cycle = Boolean(deals.stages.cycleDays);
  const column = segment.header;
  return {
    what: "bySegment",
    height: HEADING_ROWS + values.length,
    place(top) {
      const w = new BlockWriter(context, top);
      const [first, last] = [top + HEADING_ROWS, top + HEADING_ROWS + values.length - 1];
      w.heading(fill(t.bySegment, { column }, language), [
        column,
        t.revenue,
        t.won,
        t.lost,
        t.winRate,
        t.avgDealSize,
        ...(cycle ? [t.salesCycle] : []),
        t.openDeals,
        t.openPipeline,
      ]);
      const openColumn = cycle ? 7 : 6;
      w.table(values, (value, r): PlanCell[] => {
        const c = (col: number) => cellAddress(r, col);
        // The blank cells' segment is what the other segments leave: COUNTIFS cannot match a blank
        // cell the same way in every program. The others match their label's text.
        const others = (col: number) =>
          [
            ...(r > first ? [`SUM(${rangeAddress(first, col, r - 1, col)})`] : []),
            ...(r < last ? [`SUM(${rangeAddress(r + 1, col, last, col)})`] : []),
          ].join("-");
        const count = (figure: Counted, col: number) => {
          if (value !== null)
            return breakdownFormula(figure, deals.columns, deals.stages, t.classes, [
              segmentName,
              segmentCriterion(`$${c(0)}`),
            ]);
          const all = breakdownFormula(figure, deals.columns, deals.stages, t.classes);
          // A sum of amounts refused (several currencies) is its reason, not a difference of them.
          if (all === deals.columns.refusedMoney) return all;
          const rest = others(col);
          return rest ? `${all}-${rest}` : all;
        };
        const cells: PlanCell[] = [
          { value: value ?? DEAL_KPIS[language].blankSegment, style: "label" },
          { formula: count("REVENUE", 1), format: NUMBER_FORMATS.money },
          { formula: count("DEALS_WON", 2), format: NUMBER_FORMATS.count },
          { formula: count("DEALS_LOST", 3), format: NUMBER_FORMATS.count },
          {
            formula: `IF(${c(2)}+${c(3)}=0,"",${c(2)}/(${c(2)}+${c(3)}))`,
            format: NUMBER_FORMATS.rate,
          },
          { formula: `IF(${c(2)}=0,"",${c(1)}/${c(2)})`, format: NUMBER_FORMATS.money },
        ];
        if (cycle) {
          const rows =
            value === null ? `TRIM(${segmentName})=""` : `TRIM(${segmentName})=TRIM($${c(0)})`;
          const sums = cycleFormulas(deals.columns, deals.stages, t.classes, rows);
          cells.push({
            formula: `IF(${sums.deals}=0,"",${sums.days}/${sums.deals})`,
            format: NUMBER_FORMATS.days,
          });
        }
        cells.push(
          { formula: count("OPEN_OPPORTUNITIES", openColumn), format: NUMBER_FORMATS.count },
          { formula: count("OPEN_PIPELINE_VALUE", openColumn + 1), format: NUMBER_FORMATS.money }
        );
        return cells;
      });
      if (chart && values.length) {
        w.output.charts.push({
          kind: "bar",
          title: fill(t.segmentChart, { column }, language),
          categories: rangeAddress(first, 0, last, 0),
          values: rangeAddress(first, 1, last, 1),
          seriesName: t.revenue,
          anchor: { row: top, col: 10, width: 8, height: 14 },
        });
      }
      return w.output;
    },
  };
}

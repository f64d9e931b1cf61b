/**
 * The stage list: one row per stage text of the data with the class it counts as (won, lost or open,
 * editable: every KPI follows), its deals and amount, the criterion that counts it and, for won
 * stages, the sums of the sales cycle. Two checks follow it: rows no stage of the list counts, and
 * amounts stored as text. Its columns are named KPI_STAGE_*, the checks KPI_CHECK_*.
 */
import { rangeAddress, cellAddress, sheetReference } from "../a1";
import {
  type StageListNames,
  criterionFormula,
  stageRowFormulas,
  textAmountsFormula,
  unlistedStagesFormula,
} from "../dealFormulas";
import { NUMBER_FORMATS, type PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import { BlockWriter, type SheetBlock } from "./layout";
import type { DataSource } from "./options";

/** The list's named columns, by column (0-based). */
const NAMED_COLUMNS: [keyof StageListNames, number][] = [
  ["text", 0],
  ["kind", 1],
  ["deals", 2],
  ["amount", 3],
  ["criterion", 4],
  ["cycleDays", 5],
  ["cycleDeals", 6],
  ["weighted", 7],
];

/** The rows of the list: the data's stage texts, or one open "(none)" so that its names have cells. */
function stagesOf(context: SheetContext, source: DataSource): DataSource["stageValues"] {
  return source.stageValues.length
    ? source.stageValues
    : [{ text: context.words.noStage, kind: "open" }];
}

/** A computed figure of the list, or an empty cell where the data cannot give it. */
function figure(formula: string | undefined, unit: "count" | "money" | "days"): PlanCell {
  return formula === undefined
    ? { value: null }
    : { formula, format: NUMBER_FORMATS[unit], style: "value" };
}

/** The stage list and its checks, with the deals-by-stage chart when `chart`. */
export function stageListBlock(
  context: SheetContext,
  deals: DealNames,
  chart: boolean
): SheetBlock {
  const { words: t, sheet } = context;
  const stages = stagesOf(context, deals.source);
  return {
    what: "stageList",
    // The list and its two checks.
    height: 2 + stages.length + 2,
    place(top) {
      const w = new BlockWriter(context, top);
      w.heading(t.stages, [
        t.stage,
        t.countsAs,
        t.deals,
        t.amount,
        t.criterion,
        t.cycleDays,
        t.cycleDeals,
        ...(deals.stages.weighted ? [t.weighted] : []),
      ]);
      const first = w.table(stages, (stage, r): PlanCell[] => {
        const cells = {
          text: `$${cellAddress(r, 0)}`,
          kind: `$${cellAddress(r, 1)}`,
          criterion: `$${cellAddress(r, 4)}`,
        };
        const formulas = stageRowFormulas(cells, deals.columns, t.classes);
        return [
          { value: stage.text, style: "label" },
          { value: t.classes[stage.kind], style: "input" },
          figure(formulas.deals, "count"),
          figure(formulas.amount, "money"),
          // The criterion is text: it takes the wide column, the numbers the narrow ones.
          { formula: criterionFormula(cells.text), style: "hint" },
          figure(formulas.cycleDays, "days"),
          figure(formulas.cycleDeals, "count"),
          ...(formulas.weighted ? [figure(formulas.weighted, "money")] : []),
        ];
      });
      const last = first + stages.length - 1;
      for (const [key, col] of NAMED_COLUMNS) {
        const name = deals.stages[key];
        if (name)
          w.nameRange(name, sheetReference(sheet, rangeAddress(first, col, last, col, true)));
      }
      const unlisted = w.line([
        { value: t.unlisted, style: "label" },
        {
          formula: unlistedStagesFormula(deals.columns, deals.stages),
          format: NUMBER_FORMATS.count,
        },
      ]);
      w.nameCell(context.name("KPI_CHECK_UNLISTED"), unlisted, 1);
      const textAmounts = w.line([
        { value: t.textAmounts, style: "label" },
        { formula: textAmountsFormula(deals.columns), format: NUMBER_FORMATS.count },
      ]);
      w.nameCell(context.name("KPI_CHECK_TEXT_AMOUNTS"), textAmounts, 1);
      if (chart) {
        w.output.charts.push({
          kind: "bar",
          title: t.stageChart,
          categories: rangeAddress(first, 0, last, 0),
          values: rangeAddress(first, 2, last, 2),
          seriesName: t.deals,
          anchor: { row: top, col: 8, width: 8, height: 14 },
        });
      }
      return w.output;
    },
  };
}

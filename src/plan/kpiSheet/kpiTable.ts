/**
 * The KPI table: one row per KPI with its value (a formula, or a yellow cell to type into for a deal
 * figure of the blank template), a target, a status against the target and the KPI's definition.
 * Each value cell is named KPI_<ID>; the status column is coloured met / near / missed.
 */
import { cellAddress, rangeAddress, stringLiteral } from "../a1";
import { type KpiRow, rowDefinition, rowLabel, rowUnit } from "../kpiRows";
import type { PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import { type QuotaColumns, baseFormula, derivedFormula, moneyRefused } from "./kpiFormulas";
import { BlockWriter, type SheetBlock, numberFormat } from "./layout";

/** A block that holds the quotas quota attainment is counted from (the owner table). */
export interface QuotaBlock extends SheetBlock {
  /** Its revenue and quota columns, placed at `top`. */
  quotaColumns(top: number): QuotaColumns;
}

const STATUS_COLOURS = {
  met: { fill: "#DFF6DD", font: "#107C10" },
  near: { fill: "#FFF4CE", font: "#8A6100" },
  missed: { fill: "#FDE7E9", font: "#A4262C" },
};

/**
 * The status of a value against its target: met, near (within 10%) or missed, the way the KPI is
 * better; blank until both are numbers.
 */
function statusFormula(context: SheetContext, row: KpiRow, value: string, target: string): string {
  const t = context.words;
  const [cmp, near] = row.better === "higher" ? [">=", "0.9"] : ["<=", "1.1"];
  return `IF(OR(NOT(ISNUMBER(${value})),NOT(ISNUMBER(${target}))),"",IF(${value}${cmp}${target},${stringLiteral(t.met)},IF(${value}${cmp}${near}*${target},${stringLiteral(t.near)},${stringLiteral(t.missed)})))`;
}

/**
 * The KPI table of `rows`; `deals` is null for the blank template, `quotas` the block holding the
 * quotas when quota attainment is counted from them.
 */
export function kpiTableBlock(
  context: SheetContext,
  deals: DealNames | null,
  rows: KpiRow[],
  quotas: QuotaBlock | null
): SheetBlock {
  const { words: t, options, language } = context;
  return {
    what: "kpiTable",
    height: 2 + rows.length,
    place(top, layout) {
      const quotaColumns = quotas && quotas.quotaColumns(layout.topOf(quotas));
      const w = new BlockWriter(context, top);
      w.heading(t.kpis, [t.metric, t.value, t.target, t.status, t.definition]);
      const first = w.table(rows, (row, r): PlanCell[] => {
        w.nameCell(context.kpiName(row.id), r, 1);
        const format = numberFormat(rowUnit(row));
        // Without data, the deal figures are yellow cells that a person types into.
        const refused = deals && moneyRefused(row, deals);
        const value: PlanCell = refused
          ? { formula: refused, format, style: "value" }
          : row.metric
            ? { formula: derivedFormula(context, row, quotaColumns), format, style: "value" }
            : deals
              ? { formula: baseFormula(context, row, deals), format, style: "value" }
              : { value: null, format, style: "input" };
        const target = options.targets?.[row.id] ?? row.defaultTarget ?? null;
        return [
          { value: rowLabel(row, language), style: "label" },
          value,
          { value: target, format, style: "input" },
          {
            formula: statusFormula(context, row, cellAddress(r, 1), cellAddress(r, 2)),
            style: "label",
          },
          { value: rowDefinition(row, language), style: "definition" },
        ];
      });
      w.output.conditionalFormats.push({
        range: rangeAddress(first, 3, first + rows.length - 1, 3),
        rules: (["met", "near", "missed"] as const).map((status) => ({
          equals: t[status],
          ...STATUS_COLOURS[status],
        })),
      });
      return w.output;
    },
  };
}

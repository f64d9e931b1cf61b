/**
 * The KPI sheet plan: from where the data is (or no data, for the blank template) and the options,
 * every cell, formula, number format, defined name, conditional format and chart of a KPI sheet.
 * Pure: it never sees the data's rows, only their address, so its size does not grow with the data.
 *
 * The sheet is a column of blocks, one module each in this folder: the header, the KPI table, the
 * inputs, and with data the stage list, the breakdowns by period, by owner and by a segment column,
 * and the stage funnel. This module picks the blocks; layout.ts places them.
 */
import { rowsOfPreset, withDataRows } from "../kpiRows";
import { ownerBlock } from "./byOwner";
import { periodBlock } from "./byPeriod";
import { segmentBlock } from "./bySegment";
import { dealNames, sheetContext } from "./context";
import { funnelBlock, funnelStages } from "./funnel";
import { headerBlock } from "./header";
import { inputsBlock, inputsRead } from "./inputs";
import { kpiTableBlock } from "./kpiTable";
import { type SheetBlock, layOut } from "./layout";
import type { DataSource, KpiSheetOptions } from "./options";
import { periodStarts } from "./periods";
import { stageListBlock } from "./stageList";
import type { SheetPlan } from "../types";

export type { DataSource, KpiSheetOptions } from "./options";

/** Column widths in characters: the labels, the values, targets, status, definitions (or criteria). */
const COLUMN_WIDTHS = [38, 16, 14, 12, 70, 12, 14];

/** Builds the plan of a KPI sheet: from a deal table's address, or the blank template when data is null. */
export function planKpiSheet(data: DataSource | null, options: KpiSheetOptions): SheetPlan {
  const context = sheetContext(options);
  const sections = {
    byPeriod: true,
    byOwner: true,
    byStage: true,
    bySegment: true,
    funnel: true,
    charts: true,
    ...options.sections,
  };
  const deals = data && dealNames(context, data);
  const presetRows = rowsOfPreset(options.preset);
  const rows = deals
    ? withDataRows(presetRows, {
        probability: Boolean(deals.columns.probability),
        closeDates: Boolean(deals.previous),
      })
    : presetRows;
  const owners =
    deals && deals.columns.owner && deals.source.owners.length && sections.byOwner
      ? ownerBlock(context, deals)
      : null;
  const periods =
    deals?.columns.closed && sections.byPeriod ? periodStarts(deals.source, options) : [];
  // The KPI table first: its rows come before the inputs they read, which is where a reader looks
  // first. The stage list and the breakdowns follow the inputs.
  const blocks: SheetBlock[] = [
    headerBlock(context, deals),
    kpiTableBlock(context, deals, rows, owners),
    inputsBlock(context, data, inputsRead(rows, owners !== null)),
  ];
  if (deals) {
    blocks.push(stageListBlock(context, deals, sections.byStage && sections.charts));
    if (periods.length) blocks.push(periodBlock(context, deals, periods, sections.charts));
    if (owners) blocks.push(owners);
    if (sections.bySegment && deals.columns.segment && deals.source.segment?.values.length)
      blocks.push(segmentBlock(context, deals, sections.charts));
    if (sections.funnel && funnelStages(deals).length)
      blocks.push(funnelBlock(context, deals, sections.charts));
  }
  const sheet = layOut(blocks);
  return {
    sheets: [
      {
        name: options.sheetName,
        role: "kpi",
        blocks: sheet.cells,
        columnWidths: [...COLUMN_WIDTHS],
        conditionalFormats: sheet.conditionalFormats,
        charts: sheet.charts,
        freezeRows: 0,
      },
    ],
    names: sheet.names,
  };
}

/**
 * The KPIs of each segment of a deal table (metric specification, section 9): the deals grouped by
 * the values of one column (lead source, product, region, deal type), over the same deals as the
 * table's KPIs, the segments sorted by revenue, largest first.
 */
import {
  type DealColumns,
  type DealKpiId,
  DealTally,
  type Period,
  classifyStage,
  kpisOfFigures,
  stageKey,
} from "./deals";
import type { KpiError } from "./values";

/** The KPIs a segment shows, in the order the spec lists them. */
export const SEGMENT_KPI_IDS = [
  "REVENUE",
  "DEALS_WON",
  "DEALS_LOST",
  "WIN_RATE",
  "AVG_DEAL_SIZE",
  "SALES_CYCLE_LENGTH",
  "OPEN_OPPORTUNITIES",
  "OPEN_PIPELINE_VALUE",
] as const satisfies readonly DealKpiId[];

export type SegmentKpiId = (typeof SEGMENT_KPI_IDS)[number];

/** One segment: its value as first written (null for the blank cells) and its KPIs. */
export interface Segment {
  value: string | null;
  kpis: Record<SegmentKpiId, number | KpiError>;
}

/**
 * The key under which two cells are one segment: trimmed, then as spreadsheet criteria tell texts
 * apart (case aside, the Turkish i's alike: see stageKey), so that the sheet's rows count the same.
 */
const segmentKey = (value: string | null): string => (value === null ? "" : stageKey(value.trim()));

/**
 * The segments of the table by its segment column (DealColumns.segment), largest revenue first, ties
 * in order of first appearance; blank cells form one segment whose value is null.
 * @param period The period of the closed deals; all of them when not given.
 */
export function segmentKpis(columns: DealColumns, period?: Period): Segment[] {
  const { segment, stage: stages, stageClasses } = columns;
  if (!segment) return [];
  const groups = new Map<string, { value: string | null; tally: DealTally }>();
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    if (stage === null) continue;
    const raw = segment[i];
    const value = raw === null || raw.trim() === "" ? null : raw.trim();
    const key = segmentKey(value);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { value, tally: new DealTally() }));
    group.tally.add(
      stageClasses?.get(stage) ?? classifyStage(stage),
      columns.amount[i],
      columns.created[i],
      columns.closed[i],
      null,
      period
    );
  }
  const segments = [...groups.values()].map(({ value, tally }) => {
    const all = kpisOfFigures(tally.figures(), false, null);
    const kpis = Object.fromEntries(SEGMENT_KPI_IDS.map((id) => [id, all[id]])) as Segment["kpis"];
    return { value, kpis };
  });
  // Array.prototype.sort is stable: equal revenues keep their order of first appearance.
  return segments.sort((a, b) => (b.kpis.REVENUE as number) - (a.kpis.REVENUE as number));
}

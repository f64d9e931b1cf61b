/**
 * The stage funnel and the time spent in each stage (metric specification, section 9), from the
 * stage-entry dates of a deal table: the article measures the sales cycle "or by measuring the time
 * between each stage in the pipeline".
 */
import { type DealColumns, type StageEntryColumn, classifyStage } from "./deals";

/** One stage of the funnel. */
export interface FunnelStage {
  stage: string;
  /** Deals with a date in the stage's column. */
  entered: number;
  /**
   * Entered of the next stage / entered of this one; for the last stage, deals won among those that
   * entered it / entered. Null when none entered.
   */
  conversion: number | null;
  /** Mean days from entering this stage to the next date the deal has; null when no deal has one. */
  avgDays: number | null;
}

/** Whether a stage-entry column's stage is a funnel stage: neither won nor lost. */
export function isFunnelStage(stage: string): boolean {
  return classifyStage(stage) === "open";
}

/**
 * The funnel of a table: its stage-entry columns whose stage is neither won nor lost, in column
 * order. Every deal counts, whatever the period. Empty without stage-entry columns.
 */
export function funnel(columns: DealColumns): FunnelStage[] {
  const stages = (columns.stageEntries ?? []).filter((entry) => isFunnelStage(entry.stage));
  // Without funnel stages, no pass over the deals (the pane reports on every keystroke).
  if (stages.length === 0) return [];
  const kinds = columns.stage.map((stage) =>
    stage === null ? null : (columns.stageClasses?.get(stage) ?? classifyStage(stage))
  );
  const entered = stages.map((entry) => entry.dates.filter((date) => date !== null).length);
  return stages.map((entry, i) => {
    let converted: number;
    if (i + 1 < stages.length) converted = entered[i + 1];
    else
      converted = entry.dates.filter((date, row) => date !== null && kinds[row] === "won").length;
    return {
      stage: entry.stage,
      entered: entered[i],
      conversion: entered[i] > 0 ? converted / entered[i] : null,
      avgDays: meanDaysInStage(stages, i, columns, kinds),
    };
  });
}

/**
 * Mean days from a deal's date in stage i to its next date: the earliest date in a later funnel
 * column, else the close date of a won or lost deal. A next date before the entry contradicts itself
 * and is left out.
 */
function meanDaysInStage(
  stages: readonly StageEntryColumn[],
  i: number,
  columns: DealColumns,
  kinds: readonly (string | null)[]
): number | null {
  let days = 0;
  let deals = 0;
  stages[i].dates.forEach((date, row) => {
    if (date === null) return;
    let next: number | null = null;
    for (const later of stages.slice(i + 1)) {
      const value = later.dates[row];
      if (value !== null && (next === null || value < next)) next = value;
    }
    if (next === null && (kinds[row] === "won" || kinds[row] === "lost"))
      next = columns.closed[row];
    if (next === null || next < date) return;
    days += next - date;
    deals++;
  });
  return deals > 0 ? days / deals : null;
}

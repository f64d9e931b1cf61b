/**
 * What Excel marshals into the KPI.* calls of the live KPI sheet on each recalculation, as the task
 * pane plans the sheet over a CRM export of a given size (src/tools/customFunctionPayload.ts has the
 * serialization assumptions and their sources). Up to SAMPLE_ROWS rows the export's actual values are
 * counted; beyond, the sample's mean width per column, since a generated million rows would cost
 * seconds and hundreds of MB for the same answer.
 */
import { planPayload } from "../src/tools/customFunctionPayload";
import {
  exportGrid,
  exportTable,
  exportValues,
  liveKpiSheet,
  typicalExportValues,
} from "../test/support/liveKpiSheet";

/** The largest export generated whole; larger sizes are counted at its typical widths. */
export const SAMPLE_ROWS = 100_000;

export interface PayloadRow {
  rows: number;
  /** Whether the data's cells were counted one by one or at a typical width per column. */
  values: "actual" | "typical";
  calls: number;
  total_bytes: number;
  largest_call_bytes: number;
  /** The largest call: its function and cell. */
  largest_call: string;
}

/** The payload at each size (sizes in increasing order). */
export function measurePayload(sizes: number[]): PayloadRow[] {
  const sample = exportGrid(Math.min(SAMPLE_ROWS, Math.max(...sizes)));
  return sizes.map((rows) => {
    const actual = rows <= sample.length - 1;
    const grid = actual ? sample.slice(0, rows + 1) : sample;
    const payload = planPayload(
      liveKpiSheet(exportTable(grid, rows)),
      actual ? exportValues(grid) : typicalExportValues(sample, rows)
    );
    const largest = payload.largest;
    return {
      rows,
      values: actual ? "actual" : "typical",
      calls: payload.calls.length,
      total_bytes: Math.round(payload.totalBytes),
      largest_call_bytes: Math.round(largest?.bytes ?? 0),
      largest_call: largest ? `${largest.fn} in ${largest.sheet}!${largest.cell}` : "none",
    };
  });
}

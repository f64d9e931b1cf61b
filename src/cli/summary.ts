/** The KPI summary as the command line prints it: aligned labels, values formatted by unit. */
import {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  type DealKpis,
  KpiError,
  formatKpi,
} from "../engine";
import type { ReadProblem } from "../reader";

/** The deal KPIs, one per line. */
export function formatSummary(kpis: DealKpis): string[] {
  const width = Math.max(...DEAL_KPI_IDS.map((id) => DEAL_KPI_LABELS[id].en.length));
  return DEAL_KPI_IDS.map((id) => {
    const value = kpis[id];
    const shown =
      value instanceof KpiError
        ? `${value.code} (${value.message})`
        : formatKpi(value, DEAL_KPI_UNITS[id]);
    return `${DEAL_KPI_LABELS[id].en.padEnd(width)}  ${shown}`;
  });
}

/** A problem of the input as one line: "row 17: amount "abc" is not a number ...". */
export function formatProblem(problem: ReadProblem): string {
  return `row ${problem.row}: ${problem.message}`;
}

/** The deal KPIs as JSON values: numbers, or {"error", "message"}. */
export function kpisAsJson(kpis: DealKpis): Record<string, unknown> {
  return Object.fromEntries(
    DEAL_KPI_IDS.map((id) => {
      const value = kpis[id];
      return [
        id,
        value instanceof KpiError ? { error: value.code, message: value.message } : value,
      ];
    })
  );
}

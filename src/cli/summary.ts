/** The KPI summary as the command line prints it: aligned labels, values formatted by unit. */
import {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  type DealKpis,
  KpiError,
  formatKpi,
} from "../engine";
import { type Language, fill } from "../i18n";
import { CLI } from "../i18n/strings/cli";
import type { ReadProblem } from "../reader";

/** The deal KPIs, one per line: "Win rate  39.1%" in English, "Kazanma oranı  %39,1" in Turkish. */
export function formatSummary(kpis: DealKpis, language: Language): string[] {
  const labels = DEAL_KPI_IDS.map((id) => DEAL_KPI_LABELS[id][language]);
  const width = Math.max(...labels.map((label) => label.length));
  return DEAL_KPI_IDS.map((id, i) => {
    const value = kpis[id];
    const shown =
      value instanceof KpiError
        ? fill(
            CLI[language].report.kpiError,
            { code: value.codeIn(language), reason: value.messageIn(language) },
            language
          )
        : formatKpi(value, DEAL_KPI_UNITS[id], language);
    return `${labels[i].padEnd(width)}  ${shown}`;
  });
}

/** A problem of the input as one line: "row 17: amount "abc" is not a number ...". */
export function formatProblem(problem: ReadProblem, language: Language): string {
  // A row number is a position, written as the sheet writes it (no grouping).
  return fill(
    CLI[language].report.problem,
    { row: String(problem.row), message: problem.message[language] },
    language
  );
}

/** The problems as JSON: their machine keys as they are, each reason in the language. */
export function problemsAsJson(
  problems: readonly ReadProblem[],
  language: Language
): Record<string, unknown>[] {
  return problems.map((problem) => ({ ...problem, message: problem.message[language] }));
}

/** The deal KPIs as JSON values: numbers, or {"error", "message"} with the reason in the language. */
export function kpisAsJson(kpis: DealKpis, language: Language): Record<string, unknown> {
  return Object.fromEntries(
    DEAL_KPI_IDS.map((id) => {
      const value = kpis[id];
      return [
        id,
        value instanceof KpiError
          ? { error: value.code, message: value.messageIn(language) }
          : value,
      ];
    })
  );
}

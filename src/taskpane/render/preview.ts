/** The KPI preview: the headline KPIs the engine computes from the data, before anything is written. */
import {
  type DealReport,
  KpiError,
  REPORT_KPI_LABELS,
  REPORT_KPI_UNITS,
  type ReportKpiId,
  formatKpi,
} from "../../engine";
import { type Language, fillPlural } from "../../i18n";
import { DEAL_KPIS } from "../../i18n/strings/dealKpis";
import { element } from "./dom";

/* global HTMLDivElement */

/** The headline KPIs the preview shows, in its order. */
export const PREVIEW_KPIS: readonly ReportKpiId[] = [
  "REVENUE",
  "WIN_RATE",
  "AVG_DEAL_SIZE",
  "SALES_CYCLE_LENGTH",
  "OPEN_PIPELINE_VALUE",
  "PIPELINE_VELOCITY",
];

/**
 * The KPIs the preview shows for a table: the headline ones, the weighted pipeline where the data
 * has probabilities, and the growth where the period has a start and an end (a previous period).
 */
export function previewKpis(hasProbability: boolean, hasPreviousPeriod: boolean): ReportKpiId[] {
  return [
    ...PREVIEW_KPIS,
    ...(hasProbability ? (["WEIGHTED_PIPELINE_VALUE"] as const) : []),
    ...(hasPreviousPeriod ? (["PREVIOUS_REVENUE", "REVENUE_GROWTH"] as const) : []),
  ];
}

/**
 * What the preview says under its KPIs: why the money KPIs are refused (deals in several currencies,
 * none chosen), and how many open deals the weighted pipeline leaves out for want of a probability.
 */
export function previewNotes(report: DealReport, language: Language): string[] {
  const notes: string[] = [];
  const revenue = report.kpis.REVENUE;
  if (report.currencies.length > 1 && revenue instanceof KpiError)
    notes.push(`${revenue.messageIn(language)}.`);
  if (report.openWithoutProbability > 0)
    notes.push(
      `${fillPlural(DEAL_KPIS[language].withoutProbability, { count: report.openWithoutProbability }, language)}.`
    );
  return notes;
}

/**
 * One box per KPI (data-kpi its id): its label, and its value formatted for its unit in the language
 * (%39,1 in Turkish), or its error code with the reason, in the language, as the tooltip.
 */
export function previewItems(
  kpis: Readonly<Partial<Record<ReportKpiId, number | KpiError>>>,
  language: Language,
  ids: readonly ReportKpiId[] = PREVIEW_KPIS
): HTMLDivElement[] {
  return ids.map((id) => {
    const box = element("div");
    box.dataset.kpi = id;
    const kpi = kpis[id];
    const value = element("dd");
    if (kpi instanceof KpiError) {
      value.textContent = kpi.codeIn(language);
      value.title = kpi.messageIn(language);
    } else if (kpi !== undefined)
      value.textContent = formatKpi(kpi, REPORT_KPI_UNITS[id], language);
    box.append(element("dt", REPORT_KPI_LABELS[id][language]), value);
    return box;
  });
}

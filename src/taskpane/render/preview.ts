/** The KPI preview: the headline KPIs the engine computes from the data, before anything is written. */
import { DEAL_KPI_LABELS, DEAL_KPI_UNITS, type DealKpiId, KpiError, formatKpi } from "../../engine";
import type { Language } from "../../i18n";
import { element } from "./dom";

/* global HTMLDivElement */

/** The headline KPIs the preview shows, in its order. */
export const PREVIEW_KPIS: readonly DealKpiId[] = [
  "REVENUE",
  "WIN_RATE",
  "AVG_DEAL_SIZE",
  "SALES_CYCLE_LENGTH",
  "OPEN_PIPELINE_VALUE",
  "PIPELINE_VELOCITY",
];

/**
 * One box per KPI (data-kpi its id): its label, and its value formatted for its unit in the language
 * (%39,1 in Turkish), or its error code with the reason, in the language, as the tooltip.
 */
export function previewItems(
  kpis: Readonly<Partial<Record<DealKpiId, number | KpiError>>>,
  language: Language,
  ids: readonly DealKpiId[] = PREVIEW_KPIS
): HTMLDivElement[] {
  return ids.map((id) => {
    const box = element("div");
    box.dataset.kpi = id;
    const kpi = kpis[id];
    const value = element("dd");
    if (kpi instanceof KpiError) {
      value.textContent = kpi.codeIn(language);
      value.title = kpi.messageIn(language);
    } else if (kpi !== undefined) value.textContent = formatKpi(kpi, DEAL_KPI_UNITS[id], language);
    box.append(element("dt", DEAL_KPI_LABELS[id][language]), value);
    return box;
  });
}

/**
 * The rows of KPI.REVENUE_SIMULATION's answer, apart from the scenario sheet's words: the custom
 * functions' bundle carries these and not those. Percentile names are the same in Turkish.
 */
import { defineSection } from "../table";

export const REVENUE_SIMULATION = defineSection("revenueSimulation", {
  en: { mean: "Mean", p10: "P10", p50: "P50 (median)", p90: "P90" },
  tr: { mean: "Ortalama", p10: "P10", p50: "P50 (medyan)", p90: "P90" },
});

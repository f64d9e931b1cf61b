/**
 * The catalog: every metric of the specification, declared once. Everything else (the engine's
 * evaluate, Excel's metadata, the custom functions, the command line, the docs) is derived from it.
 */
import { checklistMetrics } from "./checklist";
import { conversionMetrics } from "./conversion";
import { customerMetrics } from "./customer";
import { dealTableMetrics } from "./dealTable";
import { pipelineMetrics } from "./pipeline";
import { revenueMetrics } from "./revenue";
import { teamMetrics } from "./team";
import type { CategoryId, MetricEntry, Text } from "./types";
import { unitEconomicsMetrics } from "./unitEconomics";
import { whatIfMetrics } from "./whatIf";

/** Categories in the order of the specification, with their headings. */
export const CATEGORIES: Record<CategoryId, Text> = {
  revenue: { en: "Revenue", tr: "Gelir" },
  conversion: { en: "Conversion", tr: "Dönüşüm" },
  pipeline: { en: "Pipeline", tr: "Boru hattı" },
  customer: { en: "Customer relationship", tr: "Müşteri ilişkisi" },
  team: { en: "Sales team", tr: "Satış ekibi" },
  checklist: { en: "The article's checklist", tr: "Makalenin kontrol listesi" },
  unit_economics: { en: "Unit economics", tr: "Birim ekonomisi" },
  what_if: { en: "What-if functions", tr: "Ya olursa işlevleri" },
  deal_table: { en: "Deal table", tr: "Anlaşma tablosu" },
};

/** Every function of the add-in, in the order of the specification. */
export const CATALOG: readonly MetricEntry[] = [
  ...revenueMetrics,
  ...conversionMetrics,
  ...pipelineMetrics,
  ...customerMetrics,
  ...teamMetrics,
  ...checklistMetrics,
  ...unitEconomicsMetrics,
  ...whatIfMetrics,
  ...dealTableMetrics,
];

const BY_ID = new Map(CATALOG.map((entry) => [entry.id, entry]));

/** The entry of a function id (case-insensitive, with or without the KPI. prefix). */
export function findEntry(id: string): MetricEntry | undefined {
  return BY_ID.get(
    id
      .trim()
      .toUpperCase()
      .replace(/^KPI\./, "")
  );
}

export type * from "./types";

/**
 * The KPIs of a deal table: their labels (KPI.DEAL_SUMMARY's first column, the KPI sheet's rows, the
 * task pane's preview) and why one of them cannot be worked out from the table given.
 */
import { defineSection } from "../table";

export const DEAL_KPIS = defineSection("dealKpis", {
  en: {
    labels: {
      REVENUE: "Revenue",
      DEALS_WON: "Deals won",
      DEALS_LOST: "Deals lost",
      OPEN_OPPORTUNITIES: "Open opportunities",
      OPEN_PIPELINE_VALUE: "Open pipeline value",
      AVG_DEAL_SIZE: "Average deal size",
      WIN_RATE: "Win rate",
      SALES_CYCLE_LENGTH: "Sales cycle length (days)",
      PIPELINE_VELOCITY: "Pipeline velocity (per day)",
      REP_PRODUCTIVITY: "Rep productivity",
      PIPELINE_COVERAGE: "Pipeline coverage",
    },
    noOwners: "no owner column: rep productivity needs the deal owners",
    noTarget: "no target given: pipeline coverage needs a quota or revenue target",
  },
  tr: {
    labels: {
      REVENUE: "Gelir",
      DEALS_WON: "Kazanılan anlaşmalar",
      DEALS_LOST: "Kaybedilen anlaşmalar",
      OPEN_OPPORTUNITIES: "Açık fırsatlar",
      OPEN_PIPELINE_VALUE: "Açık boru hattı değeri",
      AVG_DEAL_SIZE: "Ortalama anlaşma büyüklüğü",
      WIN_RATE: "Kazanma oranı",
      SALES_CYCLE_LENGTH: "Satış döngüsü uzunluğu (gün)",
      PIPELINE_VELOCITY: "Boru hattı hızı (günlük)",
      REP_PRODUCTIVITY: "Temsilci verimliliği",
      PIPELINE_COVERAGE: "Boru hattı kapsamı",
    },
    noOwners: "temsilci sütunu yok: temsilci verimliliği için anlaşma sahipleri gerekir",
    noTarget: "hedef verilmedi: boru hattı kapsamı için kota veya gelir hedefi gerekir",
  },
});

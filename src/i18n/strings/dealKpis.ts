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
      WEIGHTED_PIPELINE_VALUE: "Weighted pipeline value",
      PREVIOUS_REVENUE: "Revenue of the previous period",
      REVENUE_GROWTH: "Revenue growth",
    },
    noOwners: "no owner column: rep productivity needs the deal owners",
    noTarget: "no target given: pipeline coverage needs a quota or revenue target",
    noProbability: "no probability column: the weighted pipeline needs each deal's probability",
    noPeriod: "no period: the previous period's revenue needs a period with a start and an end",
    mixedCurrencies:
      "the amounts are in several currencies ({list}) and do not add up: choose one currency",
    currencyDeals: { one: "{currency} {count} deal", other: "{currency} {count} deals" },
    withoutProbability: {
      one: "{count} open deal has no probability: it is left out of the weighted pipeline",
      other: "{count} open deals have no probability: they are left out of the weighted pipeline",
    },
    blankSegment: "(blank)",
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
      WEIGHTED_PIPELINE_VALUE: "Ağırlıklı boru hattı değeri",
      PREVIOUS_REVENUE: "Önceki dönemin geliri",
      REVENUE_GROWTH: "Gelir artışı",
    },
    noOwners: "temsilci sütunu yok: temsilci verimliliği için anlaşma sahipleri gerekir",
    noTarget: "hedef verilmedi: boru hattı kapsamı için kota veya gelir hedefi gerekir",
    noProbability:
      "olasılık sütunu yok: ağırlıklı boru hattı için her anlaşmanın olasılığı gerekir",
    noPeriod: "dönem yok: önceki dönemin geliri için başı ve sonu olan bir dönem gerekir",
    mixedCurrencies:
      "tutarlar birden çok para biriminde ({list}) ve toplanamaz: bir para birimi seçin",
    currencyDeals: { one: "{currency} {count} anlaşma", other: "{currency} {count} anlaşma" },
    withoutProbability: {
      one: "{count} açık anlaşmanın olasılığı yok: ağırlıklı boru hattına katılmadı",
      other: "{count} açık anlaşmanın olasılığı yok: ağırlıklı boru hattına katılmadı",
    },
    blankSegment: "(boş)",
  },
});

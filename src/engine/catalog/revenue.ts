/** Section 1 of the metric specification: revenue. */
import { divide, param, reasonAbout } from "./helpers";
import type { MetricEntry } from "./types";

const previousRevenue = param(
  "previous_revenue",
  "onceki_donem_gelir",
  "money",
  "Revenue of the previous period.",
  "Önceki dönemin geliri."
);
const dealsClosed = param(
  "deals_closed",
  "kapanan_anlasma",
  "count",
  "Number of deals closed (won).",
  "Kapanan (kazanılan) anlaşma sayısı."
);

const NO_PREVIOUS_REVENUE = reasonAbout(previousRevenue, {
  en: "{name} is 0: growth on nothing is undefined",
  tr: "{name} 0: sıfır üzerinden büyüme tanımsızdır",
});
const NO_DEAL = reasonAbout(dealsClosed, {
  en: "{name} is 0: no deal, no average",
  tr: "{name} 0: anlaşma yoksa ortalama da yok",
});

export const revenueMetrics: MetricEntry[] = [
  {
    id: "TOTAL_REVENUE",
    trName: "TOPLAM_GELIR",
    category: "revenue",
    title: { en: "Total revenue", tr: "Toplam gelir" },
    description: {
      en: "Revenue from the average price per unit and the units sold.",
      tr: "Birim başına ortalama fiyat ile satılan birim sayısından elde edilen gelir.",
    },
    formula: {
      en: "average price per unit × units sold",
      tr: "birim başına ortalama fiyat × satılan birim",
    },
    params: [
      param(
        "average_price",
        "ortalama_fiyat",
        "money",
        "Average price per unit.",
        "Birim başına ortalama fiyat."
      ),
      param(
        "units_sold",
        "satilan_birim",
        "count",
        "Number of units sold.",
        "Satılan birim sayısı."
      ),
    ],
    unit: "money",
    compute: (price: number, units: number) => price * units,
    excel: (price, units) => `${price}*${units}`,
    examples: [
      { args: [10000, 100], expect: 1000000, note: "the article's example" },
      { args: [10000, -5], expect: "#NUM!", note: "a negative count" },
    ],
  },
  {
    id: "REVENUE_GROWTH",
    trName: "GELIR_ARTISI",
    category: "revenue",
    title: { en: "Revenue growth", tr: "Gelir artışı" },
    description: {
      en: "Growth of revenue on the previous period, as a fraction.",
      tr: "Gelirin bir önceki döneme göre artışı, oran olarak.",
    },
    formula: {
      en: "(current period revenue − previous period revenue) / previous period revenue",
      tr: "(bu dönemin geliri − önceki dönemin geliri) / önceki dönemin geliri",
    },
    params: [
      param(
        "current_revenue",
        "bu_donem_gelir",
        "money",
        "Revenue of the current period.",
        "Bu dönemin geliri."
      ),
      previousRevenue,
    ],
    unit: "rate",
    compute: (current: number, previous: number) =>
      divide(current - previous, previous, NO_PREVIOUS_REVENUE),
    excel: (current, previous) => `(${current}-${previous})/${previous}`,
    examples: [
      { args: [1000000, 800000], expect: 0.25, note: "the article's example" },
      { args: [600000, 800000], expect: -0.25, note: "a decline is negative growth" },
      { args: [1000000, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "AVG_DEAL_SIZE",
    trName: "ORTALAMA_ANLASMA_BUYUKLUGU",
    category: "revenue",
    title: { en: "Average deal size", tr: "Ortalama anlaşma büyüklüğü" },
    description: {
      en: "Revenue per deal closed (won).",
      tr: "Kapanan (kazanılan) anlaşma başına gelir.",
    },
    formula: {
      en: "revenue / deals closed",
      tr: "gelir / kapanan anlaşma",
    },
    params: [
      param(
        "revenue",
        "gelir",
        "money",
        "Revenue from the closed deals.",
        "Kapanan anlaşmalardan elde edilen gelir."
      ),
      dealsClosed,
    ],
    unit: "money",
    compute: (revenue: number, deals: number) => divide(revenue, deals, NO_DEAL),
    excel: (revenue, deals) => `${revenue}/${deals}`,
    examples: [
      { args: [500000, 50], expect: 10000, note: "the article's example" },
      { args: [0, 0], expect: "#DIV/0!" },
    ],
  },
];

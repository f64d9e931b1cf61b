/** Section 7 of the metric specification: what analysts expect beside the article's metrics. */
import { combined, divide, exceeds, nameOf, param, reasonAbout } from "./helpers";
import type { MetricEntry, Text } from "./types";
import { type KpiError, divZero } from "../values";

const startingRevenue = param(
  "starting_revenue",
  "donem_basi_gelir",
  "money",
  "Recurring revenue at the start of the period.",
  "Dönem başındaki yinelenen gelir."
);
const contraction = param(
  "contraction",
  "daralma",
  "money",
  "Revenue lost to downgrades.",
  "Alt pakete geçişlerle kaybedilen gelir."
);
const churned = param(
  "churned",
  "kaybedilen_gelir",
  "money",
  "Revenue lost with customers who left.",
  "Ayrılan müşterilerle kaybedilen gelir."
);
const monthlyRevenue = param(
  "monthly_revenue_per_customer",
  "musteri_basi_aylik_gelir",
  "money",
  "Monthly revenue per customer.",
  "Müşteri başına aylık gelir."
);
const grossMargin = param(
  "gross_margin",
  "brut_marj",
  "rate",
  "Gross margin, 0 to 1.",
  "Brüt marj, 0 ile 1 arası."
);

const acquisitionCost = param(
  "cac",
  "cac",
  "money",
  "Customer acquisition cost.",
  "Müşteri edinme maliyeti."
);
const monthlyChurnRate = param(
  "monthly_churn_rate",
  "aylik_kayip_orani",
  "rate",
  "Share of customers lost per month, 0 to 1.",
  "Aylık kaybedilen müşteri payı, 0 ile 1 arası."
);

const NO_REVENUE = reasonAbout(startingRevenue, {
  en: "{name} is 0: retention of no revenue is undefined",
  tr: "{name} 0: gelir yoksa elde tutma tanımsızdır",
});
const LOSSES = combined("+", contraction, churned);
const STARTING_REVENUE = nameOf(startingRevenue);
const NO_CAC = reasonAbout(acquisitionCost, {
  en: "{name} is 0: the ratio is undefined",
  tr: "{name} 0: oran tanımsızdır",
});
const NO_MONTHLY_PROFIT: Text = {
  en: "monthly gross profit per customer is 0: the cost is never paid back",
  tr: "müşteri başına aylık brüt kâr 0: maliyet hiçbir zaman geri kazanılmaz",
};
const NO_CHURN = reasonAbout(monthlyChurnRate, {
  en: "{name} is 0: a customer who never leaves has no finite lifetime value",
  tr: "{name} 0: hiç ayrılmayan bir müşterinin sonlu bir yaşam boyu değeri yoktur",
});

/** Share of starting revenue kept: (start + expansion − losses) / start, losses no larger than the start. */
function retained(start: number, expansion: number, lost: number): number | KpiError {
  if (start === 0) return divZero(NO_REVENUE);
  if (lost > start) return exceeds(LOSSES, lost, STARTING_REVENUE, start);
  return (start + expansion - lost) / start;
}

export const unitEconomicsMetrics: MetricEntry[] = [
  {
    id: "LTV_CAC_RATIO",
    trName: "CLTV_CAC_ORANI",
    category: "unit_economics",
    title: { en: "LTV to CAC ratio", tr: "CLTV / CAC oranı" },
    description: {
      en: "Customer lifetime value per unit of acquisition cost; 3 or more is the common rule of thumb.",
      tr: "Edinme maliyeti başına müşteri yaşam boyu değeri; genel kabul gören eşik 3 veya üstüdür.",
    },
    formula: {
      en: "CLTV / CAC",
      tr: "CLTV / CAC",
    },
    params: [
      param("cltv", "cltv", "money", "Customer lifetime value.", "Müşteri yaşam boyu değeri."),
      acquisitionCost,
    ],
    unit: "ratio",
    compute: (cltv: number, cost: number) => divide(cltv, cost, NO_CAC),
    excel: (cltv, cac) => `${cltv}/${cac}`,
    examples: [
      { args: [15000, 2000], expect: 7.5, note: "the specification's example" },
      { args: [15000, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "CAC_PAYBACK_MONTHS",
    trName: "CAC_GERI_ODEME_AYI",
    category: "unit_economics",
    title: { en: "CAC payback", tr: "CAC geri ödeme süresi" },
    description: {
      en: "Months of gross profit from a customer needed to earn back its acquisition cost.",
      tr: "Bir müşterinin edinme maliyetini brüt kârıyla geri kazanmak için gereken ay sayısı.",
    },
    formula: {
      en: "CAC / (monthly revenue per customer × gross margin)",
      tr: "CAC / (müşteri başına aylık gelir × brüt marj)",
    },
    params: [acquisitionCost, monthlyRevenue, grossMargin],
    unit: "months",
    compute: (cost: number, monthly: number, margin: number) =>
      divide(cost, monthly * margin, NO_MONTHLY_PROFIT),
    excel: (cac, monthly, margin) => `${cac}/(${monthly}*${margin})`,
    examples: [
      { args: [2000, 500, 0.8], expect: 5, note: "the specification's example" },
      { args: [2000, 500, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "NET_REVENUE_RETENTION",
    trName: "NET_GELIR_ELDE_TUTMA",
    category: "unit_economics",
    title: { en: "Net revenue retention", tr: "Net gelir elde tutma" },
    description: {
      en: "Recurring revenue kept from the starting customers, expansion included; above 100% means the base grew.",
      tr: "Dönem başındaki müşterilerden korunan yinelenen gelir, genişleme dahil; %100'ün üstü gelir tabanının büyüdüğünü gösterir.",
    },
    formula: {
      en: "(starting recurring revenue + expansion − contraction − churned) / starting recurring revenue",
      tr: "(dönem başındaki yinelenen gelir + genişleme − daralma − kaybedilen gelir) / dönem başındaki yinelenen gelir",
    },
    params: [
      startingRevenue,
      param(
        "expansion",
        "genisleme",
        "money",
        "Revenue added by upgrades and upsell.",
        "Üst pakete geçişlerle ve ek satışla eklenen gelir."
      ),
      contraction,
      churned,
    ],
    unit: "rate",
    compute: (start: number, expansion: number, down: number, lost: number) =>
      retained(start, expansion, down + lost),
    excel: (s, e, c, l) => `(${s}+${e}-${c}-${l})/${s}`,
    examples: [
      { args: [100000, 15000, 3000, 5000], expect: 1.07, note: "the specification's example" },
      { args: [0, 15000, 3000, 5000], expect: "#DIV/0!" },
    ],
  },
  {
    id: "GROSS_REVENUE_RETENTION",
    trName: "BRUT_GELIR_ELDE_TUTMA",
    category: "unit_economics",
    title: { en: "Gross revenue retention", tr: "Brüt gelir elde tutma" },
    description: {
      en: "Recurring revenue kept from the starting customers, expansion left out; at most 100%.",
      tr: "Dönem başındaki müşterilerden korunan yinelenen gelir, genişleme hariç; en çok %100.",
    },
    formula: {
      en: "(starting recurring revenue − contraction − churned) / starting recurring revenue",
      tr: "(dönem başındaki yinelenen gelir − daralma − kaybedilen gelir) / dönem başındaki yinelenen gelir",
    },
    params: [startingRevenue, contraction, churned],
    unit: "rate",
    compute: (start: number, down: number, lost: number) => retained(start, 0, down + lost),
    excel: (s, c, l) => `(${s}-${c}-${l})/${s}`,
    examples: [
      { args: [100000, 3000, 5000], expect: 0.92, note: "the specification's example" },
      { args: [100000, 80000, 30000], expect: "#NUM!", note: "more lost than there was" },
    ],
  },
  {
    id: "CLTV_FROM_CHURN",
    trName: "KAYIPTAN_CLTV",
    category: "unit_economics",
    title: { en: "Lifetime value from churn", tr: "Kayıp oranından yaşam boyu değer" },
    description: {
      en: "Gross profit a customer brings over its expected lifetime, from the monthly churn rate.",
      tr: "Aylık kayıp oranından, bir müşterinin beklenen ömrü boyunca getirdiği brüt kâr.",
    },
    formula: {
      en: "monthly revenue per customer × gross margin / monthly churn rate",
      tr: "müşteri başına aylık gelir × brüt marj / aylık kayıp oranı",
    },
    params: [monthlyRevenue, grossMargin, monthlyChurnRate],
    unit: "money",
    compute: (monthly: number, margin: number, churn: number) =>
      divide(monthly * margin, churn, NO_CHURN),
    excel: (monthly, margin, churn) => `${monthly}*${margin}/${churn}`,
    examples: [
      { args: [500, 0.8, 0.02], expect: 20000, note: "the specification's example" },
      { args: [500, 0.8, 0], expect: "#DIV/0!" },
    ],
  },
];

/** Section 8 of the metric specification: what-if (inverse) functions. */
import { divide, param } from "./helpers";
import type { MetricEntry } from "./types";
import { numError } from "../values";

const target = param(
  "target_revenue",
  "hedef_gelir",
  "money",
  "Revenue to reach.",
  "Ulaşılacak gelir."
);
const opportunities = param(
  "opportunities",
  "firsat_sayisi",
  "count",
  "Opportunities in the pipeline.",
  "Boru hattındaki fırsatlar."
);
const winRate = param(
  "win_rate",
  "kazanma_orani",
  "rate",
  "Share of deals won, 0 to 1.",
  "Kazanılan anlaşmaların payı, 0 ile 1 arası."
);
const dealSize = param(
  "avg_deal_size",
  "ortalama_anlasma",
  "money",
  "Average deal size.",
  "Ortalama anlaşma büyüklüğü."
);

/** Relative slack for rounding up: 2000.0000000000002 leads is 2000 leads, not 2001. */
const CEILING_TOLERANCE = 1e-9;

export const whatIfMetrics: MetricEntry[] = [
  {
    id: "REQUIRED_LEADS",
    trName: "GEREKLI_POTANSIYEL_MUSTERI",
    category: "what_if",
    title: { en: "Leads required", tr: "Gereken potansiyel müşteri" },
    description: {
      en: "Smallest whole number of leads that reaches a revenue target.",
      tr: "Bir gelir hedefine ulaşan en küçük tam potansiyel müşteri sayısı.",
    },
    formula: "ceil(target revenue / (lead conversion × win rate × average deal size))",
    params: [
      target,
      param(
        "lead_conversion_rate",
        "donusum_orani",
        "rate",
        "Share of leads that become opportunities, 0 to 1.",
        "Fırsata dönüşen potansiyel müşteri payı, 0 ile 1 arası."
      ),
      winRate,
      dealSize,
    ],
    unit: "count",
    compute: (revenue: number, conversion: number, rate: number, size: number) => {
      const leads = divide(
        revenue,
        conversion * rate * size,
        "revenue per lead is 0: no number of leads reaches the target"
      );
      return typeof leads === "number" ? Math.ceil(leads * (1 - CEILING_TOLERANCE)) : leads;
    },
    excel: (t, c, w, s) => `ROUNDUP(${t}/(${c}*${w}*${s}),0)`,
    examples: [
      { args: [1000000, 0.2, 0.25, 10000], expect: 2000, note: "the specification's example" },
      { args: [1000001, 0.2, 0.25, 10000], expect: 2001, note: "a part of a lead rounds up" },
      { args: [1000000, 0, 0.25, 10000], expect: "#DIV/0!" },
    ],
  },
  {
    id: "REQUIRED_WIN_RATE",
    trName: "GEREKLI_KAZANMA_ORANI",
    category: "what_if",
    title: { en: "Win rate required", tr: "Gereken kazanma oranı" },
    description: {
      en: "Win rate that reaches a revenue target with the pipeline at hand; #NUM! when above 100% (unreachable).",
      tr: "Eldeki boru hattıyla gelir hedefine ulaştıran kazanma oranı; %100'ü aşarsa #SAYI! (ulaşılamaz).",
    },
    formula: "target revenue / (opportunities × average deal size)",
    params: [target, opportunities, dealSize],
    unit: "rate",
    compute: (revenue: number, count: number, size: number) => {
      const rate = divide(
        revenue,
        count * size,
        "opportunities × avg_deal_size is 0: no win rate reaches the target"
      );
      if (typeof rate === "number" && rate > 1) {
        return numError(
          `the target needs a win rate of ${(rate * 100).toFixed(1)}%: unreachable with this pipeline`
        );
      }
      return rate;
    },
    excel: (t, o, s) => `${t}/(${o}*${s})`,
    examples: [
      { args: [1000000, 200, 10000], expect: 0.5, note: "the specification's example" },
      { args: [3000000, 200, 10000], expect: "#NUM!", note: "a win rate of 150% is unreachable" },
    ],
  },
  {
    id: "REQUIRED_DEAL_SIZE",
    trName: "GEREKLI_ANLASMA_BUYUKLUGU",
    category: "what_if",
    title: { en: "Deal size required", tr: "Gereken anlaşma büyüklüğü" },
    description: {
      en: "Average deal size that reaches a revenue target with the pipeline and win rate at hand.",
      tr: "Eldeki boru hattı ve kazanma oranıyla gelir hedefine ulaştıran ortalama anlaşma büyüklüğü.",
    },
    formula: "target revenue / (opportunities × win rate)",
    params: [target, opportunities, winRate],
    unit: "money",
    compute: (revenue: number, count: number, rate: number) =>
      divide(
        revenue,
        count * rate,
        "opportunities × win_rate is 0: no deal size reaches the target"
      ),
    excel: (t, o, w) => `${t}/(${o}*${w})`,
    examples: [
      { args: [1000000, 200, 0.25], expect: 20000, note: "the specification's example" },
      { args: [1000000, 0, 0.25], expect: "#DIV/0!" },
    ],
  },
];

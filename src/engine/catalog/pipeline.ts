/** Section 3 of the metric specification: the pipeline (and section 9's weighted pipeline). */
import { fillBoth } from "../../i18n/format";
import { REASONS } from "../../i18n/strings/reasons";
import { sayBoth } from "../../i18n/table";
import { divide, nameOf, param, rangeParam, reasonAbout } from "./helpers";
import type { MetricEntry, NumberColumn, Text } from "./types";
import { exactNumber } from "../params";
import { type KpiError, numError } from "../values";

const salesCycleDays = param(
  "sales_cycle_days",
  "dongu_gun",
  "days",
  "Sales cycle length in days.",
  "Gün cinsinden satış döngüsü uzunluğu."
);
const actualSales = param("actual", "gerceklesen", "money", "Actual sales.", "Gerçekleşen satış.");

const NO_ACTUALS: Text = {
  en: "the actuals add up to 0: accuracy against nothing is undefined",
  tr: "gerçekleşenlerin toplamı 0: sıfıra göre doğruluk tanımsızdır",
};
const NO_CYCLE = reasonAbout(salesCycleDays, {
  en: "{name} is 0: velocity needs a cycle length",
  tr: "{name} 0: hız için döngü uzunluğu gerekir",
});
const NO_ACTUAL = reasonAbout(actualSales, {
  en: "{name} is 0: accuracy against nothing is undefined",
  tr: "{name} 0: sıfıra göre doğruluk tanımsızdır",
});

/** 1 − Σ|actual − forecast| / Σ actual over the periods that have both figures. */
function rangeForecastAccuracy(actual: NumberColumn, forecast: NumberColumn): number | KpiError {
  let miss = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const f = forecast[i];
    if (a === null || f === null) continue;
    miss += Math.abs(a - f);
    total += a;
  }
  const share = divide(miss, total, NO_ACTUALS);
  return typeof share === "number" ? 1 - share : share;
}

const dealAmounts = rangeParam(
  "amounts",
  "tutarlar",
  "numbers",
  "Amount of each open deal.",
  "Her açık anlaşmanın tutarı.",
  { min: 0 }
);
const dealProbabilities = rangeParam(
  "probabilities",
  "olasiliklar",
  "numbers",
  "Probability of winning each deal, same rows, as a fraction: 40% or 0.4.",
  "Aynı satırlarda her anlaşmanın kazanma olasılığı, kesir olarak: %40 ya da 0,4.",
  { min: 0 }
);

/** A probability above 1, typed as a percentage without its sign ({value} 40: 40% is 0.4). */
const PERCENT_AS_NUMBER: Text = {
  en: "{name} is {value}, above 1: a probability is a fraction ({value}% is {fraction}); type {value}% or {fraction}",
  tr: "{name} {value}: olasılık 1'den büyük olamaz, kesir olarak yazılır (%{value}, {fraction} demektir); %{value} ya da {fraction} yazın",
};

/** #NUM! for the probability above 1 in the row (0-based) of a range. */
function probabilityAboveOne(index: number, value: number): KpiError {
  const name = sayBoth(REASONS, (s) => s.atCell, {
    name: nameOf(dealProbabilities),
    cell: String(index + 1),
  });
  const fraction = Number((value / 100).toPrecision(15)); // 0.4, not 0.39999999999999997
  return numError(
    fillBoth(PERCENT_AS_NUMBER, {
      name,
      value: exactNumber(value),
      fraction: exactNumber(fraction),
    })
  );
}

/**
 * Σ amount × probability over the rows that have both (a blank in either leaves the row out): the
 * weighted pipeline value of open deals' amounts and probabilities as fractions, for KPI.WEIGHTED_PIPELINE
 * and the deal table. #NUM! at the first probability above 1 (a percentage typed without its sign),
 * whether or not its row has an amount; with probabilities within 0 to 1 it is always a number.
 */
export function weightedSum(amounts: NumberColumn, probabilities: NumberColumn): number | KpiError {
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (p === null) continue;
    if (p > 1) return probabilityAboveOne(i, p);
    const amount = amounts[i];
    if (amount !== null && amount !== undefined) total += amount * p;
  }
  return total;
}

export const pipelineMetrics: MetricEntry[] = [
  {
    id: "QUALIFIED_LEADS",
    trName: "NITELIKLI_POTANSIYEL_MUSTERI",
    category: "pipeline",
    title: { en: "Qualified leads", tr: "Nitelikli potansiyel müşteri sayısı" },
    description: {
      en: "Number of leads whose score is at or above the qualification threshold; blanks and text are skipped.",
      tr: "Puanı nitelik eşiğinde veya üstünde olan potansiyel müşteri sayısı; boş ve metin hücreler atlanır.",
    },
    formula: {
      en: "count of lead scores ≥ threshold",
      tr: "puanı ≥ eşik olan potansiyel müşteri sayısı",
    },
    params: [
      rangeParam(
        "lead_scores",
        "puanlar",
        "numbers",
        "Lead scores, one per lead.",
        "Her potansiyel müşterinin puanı.",
        { onText: "skip" }
      ),
      param(
        "threshold",
        "esik",
        "number",
        "Lowest score that qualifies.",
        "Nitelikli sayılan en düşük puan."
      ),
    ],
    unit: "count",
    compute: (scores: NumberColumn, threshold: number) =>
      scores.filter((s) => s !== null && s >= threshold).length,
    excel: (scores, threshold) => `COUNTIF(${scores},">="&${threshold})`,
    examples: [
      { args: [[[40], [75], [90], [60]], 60], expect: 3, note: "the specification's example" },
      { args: [[[40], ["n/a"], [null], [90]], 50], expect: 1, note: "text and blanks are skipped" },
      { args: [[[40], [75]], ""], expect: "#N/A", note: "a blank threshold" },
    ],
  },
  {
    id: "PIPELINE_VELOCITY",
    trName: "BORU_HATTI_HIZI",
    category: "pipeline",
    title: { en: "Pipeline velocity", tr: "Boru hattı hızı" },
    description: {
      en: "Money the pipeline turns into revenue per day.",
      tr: "Boru hattının günde gelire dönüştürdüğü tutar.",
    },
    formula: {
      en: "qualified opportunities × win rate × average deal size / sales cycle length in days",
      tr: "nitelikli fırsat × kazanma oranı × ortalama anlaşma büyüklüğü / satış döngüsü (gün)",
    },
    params: [
      param(
        "opportunities",
        "firsat_sayisi",
        "count",
        "Qualified opportunities in the pipeline.",
        "Boru hattındaki nitelikli fırsat sayısı."
      ),
      param(
        "win_rate",
        "kazanma_orani",
        "rate",
        "Share of deals won, 0 to 1.",
        "Kazanılan anlaşmaların payı, 0 ile 1 arası."
      ),
      param(
        "avg_deal_size",
        "ortalama_anlasma",
        "money",
        "Average deal size.",
        "Ortalama anlaşma büyüklüğü."
      ),
      salesCycleDays,
    ],
    unit: "money_per_day",
    compute: (opportunities: number, winRate: number, dealSize: number, days: number) =>
      divide(opportunities * winRate * dealSize, days, NO_CYCLE),
    excel: (o, w, s, d) => `${o}*${w}*${s}/${d}`,
    examples: [
      {
        args: [200, 0.25, 10000, 25],
        expect: 20000,
        note: "the article's example; the article prints 200",
      },
      { args: [200, 1.5, 10000, 25], expect: "#NUM!", note: "a win rate above 100%" },
      { args: [200, 0.25, 10000, 0], expect: "#DIV/0!" },
    ],
    note: {
      en: "The article prints 200 as the velocity of its example (200 opportunities, 25% win rate, 10,000 average deal, 25 days); its own formula gives 20,000 per day, and the formula stands.",
      tr: "Makale, örneğinin (200 fırsat, %25 kazanma oranı, 10.000 ortalama anlaşma büyüklüğü, 25 gün) hızını 200 olarak yazar; kendi formülü ise günde 20.000 verir ve geçerli olan formüldür.",
    },
  },
  {
    id: "FORECAST_ACCURACY",
    trName: "TAHMIN_DOGRULUGU",
    category: "pipeline",
    title: { en: "Forecast accuracy", tr: "Satış tahmini doğruluğu" },
    description: {
      en: "How close the forecast came to the actual sales: 1 means exact; below 0 when the miss exceeds the actual.",
      tr: "Tahminin gerçekleşen satışa yakınlığı: 1 tam isabettir; sapma gerçekleşeni aşarsa 0'ın altına iner.",
    },
    formula: {
      en: "1 − |actual − forecast| / actual",
      tr: "1 − |gerçekleşen − tahmin| / gerçekleşen",
    },
    params: [
      actualSales,
      param("forecast", "tahmin", "money", "Forecast sales.", "Tahmin edilen satış."),
    ],
    unit: "rate",
    compute: (actual: number, forecast: number) => {
      const share = divide(Math.abs(actual - forecast), actual, NO_ACTUAL);
      return typeof share === "number" ? 1 - share : share;
    },
    excel: (actual, forecast) => `1-ABS(${actual}-${forecast})/${actual}`,
    examples: [
      { args: [1000000, 900000], expect: 0.9, note: "the article's example" },
      {
        args: [1000000, 1100000],
        expect: 0.9,
        note: "over-forecasting misses as much as under-forecasting",
      },
      { args: [0, 900000], expect: "#DIV/0!" },
    ],
  },
  {
    id: "FORECAST_ACCURACY_RANGE",
    trName: "TAHMIN_DOGRULUGU_ARALIK",
    category: "pipeline",
    title: { en: "Forecast accuracy over periods", tr: "Dönemler boyunca tahmin doğruluğu" },
    description: {
      en: "Forecast accuracy over several periods, weighted by actual sales (1 − total miss / total actual).",
      tr: "Birden çok dönemde gerçekleşen satışa göre ağırlıklı tahmin doğruluğu (1 − toplam sapma / toplam gerçekleşen).",
    },
    formula: {
      en: "1 − Σ|actual − forecast| / Σ actual, over the periods that have both",
      tr: "1 − Σ|gerçekleşen − tahmin| / Σ gerçekleşen, ikisi de olan dönemler üzerinden",
    },
    params: [
      rangeParam(
        "actuals",
        "gerceklesenler",
        "numbers",
        "Actual sales per period.",
        "Dönem başına gerçekleşen satış.",
        { min: 0 }
      ),
      rangeParam(
        "forecasts",
        "tahminler",
        "numbers",
        "Forecast sales, same periods.",
        "Aynı dönemler için tahmin edilen satış.",
        { min: 0 }
      ),
    ],
    unit: "rate",
    compute: rangeForecastAccuracy,
    excel: (a, f) =>
      `1-SUMPRODUCT((${a}<>"")*(${f}<>"")*ABS(${a}-${f}))/SUMPRODUCT((${a}<>"")*(${f}<>"")*${a})`,
    examples: [
      {
        args: [
          [[100], [200], [300]],
          [[90], [220], [300]],
        ],
        expect: 0.95,
        note: "misses of 10 and 20 on 600",
      },
      {
        args: [
          [[100], [-5]],
          [[90], [10]],
        ],
        expect: "#NUM!",
        note: "a negative actual",
      },
    ],
  },
  {
    id: "WEIGHTED_PIPELINE",
    trName: "AGIRLIKLI_BORU_HATTI",
    category: "pipeline",
    title: { en: "Weighted pipeline value", tr: "Ağırlıklı boru hattı değeri" },
    description: {
      en: "Open pipeline value weighted by each deal's probability of being won; deals missing an amount or a probability are skipped.",
      tr: "Her anlaşmanın kazanılma olasılığıyla ağırlıklandırılmış açık boru hattı değeri; tutarı veya olasılığı eksik anlaşmalar atlanır.",
    },
    formula: {
      en: "Σ amount × probability, over the open deals that have both",
      tr: "Σ tutar × olasılık, ikisi de olan açık anlaşmalar üzerinden",
    },
    params: [dealAmounts, dealProbabilities],
    unit: "money",
    compute: weightedSum,
    excel: (amounts, probabilities) => `SUMPRODUCT(${amounts},${probabilities})`,
    examples: [
      {
        args: [
          [[10000], [25000], [40000]],
          [[0.1], [0.5], [0.9]],
        ],
        expect: 49500,
        note: "1,000 + 12,500 + 36,000",
      },
      {
        args: [
          [[10000], [null], [40000], [8000]],
          [[0.1], [0.5], [null], ["25%"]],
        ],
        expect: 3000,
        note: "a deal without an amount or a probability is skipped; 25% reads as 0.25",
      },
      {
        args: [[[10000]], [[40]]],
        expect: "#NUM!",
        note: "a probability of 40 for 40%",
      },
      {
        args: [
          [[10000], [25000]],
          [[0.1], [0.5], [0.9]],
        ],
        expect: "#VALUE!",
        note: "ranges of different sizes",
      },
    ],
  },
];

/**
 * Section 8 of the metric specification: what-if (inverse) functions, with expected revenue (the
 * forward function they invert) and its simulated range.
 */
import { fillBoth, formatNumber, formatPercent } from "../../i18n/format";
import { exactNumber } from "../params";
import { combined, divide, nameOf, param } from "./helpers";
import type { EvaluationContext, MetricEntry, ScalarParam, Text } from "./types";
import {
  MAX_TRIALS,
  MIN_TRIALS,
  SIMULATION_LABELS,
  type Triangle,
  simulateRevenue,
} from "../simulation";
import { type KpiError, isError, numError } from "../values";

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

/** Trials of a simulation when none is given: a P10 / P90 steady to about 1% for typical spreads. */
const DEFAULT_TRIALS = 10_000;
const DEFAULT_SEED = 1;

const trialsParam = param(
  "trials",
  "deneme_sayisi",
  "count",
  `Number of trials, 1 to ${formatNumber(MAX_TRIALS, "en")}; ${formatNumber(DEFAULT_TRIALS, "en")} when left out.`,
  `Deneme sayısı, 1 ile ${formatNumber(MAX_TRIALS, "tr")} arası; boş bırakılırsa ${formatNumber(DEFAULT_TRIALS, "tr")}.`,
  { optional: true }
);

/** The levers of the simulation, by the stem of their parameters' names in each language. */
const LEVERS = {
  opportunities: { en: "opportunities", tr: "firsat" },
  winRate: { en: "win_rate", tr: "kazanma" },
  dealSize: { en: "avg_deal_size", tr: "anlasma" },
} satisfies Record<string, Text>;

/** The low, likely and high parameters of a lever of the simulation. */
function triangleParams(
  { en: name, tr: trName }: Text,
  kind: ScalarParam["kind"],
  what: { en: string; tr: string }
): ScalarParam[] {
  const parts = [
    ["low", "dusuk", "Lowest", "En düşük"],
    ["likely", "olasi", "Most likely", "En olası"],
    ["high", "yuksek", "Highest", "En yüksek"],
  ] as const;
  return parts.map(([suffix, trSuffix, en, tr]) =>
    param(
      `${name}_${suffix}`,
      `${trName}_${trSuffix}`,
      kind,
      `${en} ${what.en}.`,
      `${tr} ${what.tr}.`
    )
  );
}

/** A triangle from its three values, or #NUM! when they are not in order. */
function triangle(lever: Text, low: number, likely: number, high: number): Triangle | KpiError {
  if (low > likely || likely > high) {
    return numError(
      fillBoth(
        {
          en: "{name}: low ({low}) <= likely ({likely}) <= high ({high}) must hold",
          tr: "{name}: düşük ({low}) <= olası ({likely}) <= yüksek ({high}) olmalı",
        },
        {
          name: lever,
          low: exactNumber(low),
          likely: exactNumber(likely),
          high: exactNumber(high),
        }
      )
    );
  }
  return { low, likely, high };
}

/** #NUM! for a number of trials the simulation does not run. */
function badTrials(trials: number): KpiError {
  return numError(
    fillBoth(
      {
        en: "{name} must be a whole number from {min} to {max}, not {value}",
        tr: "{name} {min} ile {max} arasında bir tam sayı olmalı, {value} değil",
      },
      {
        name: nameOf(trialsParam),
        min: exactNumber(MIN_TRIALS),
        max: MAX_TRIALS, // fill writes it in each language: 100,000 and 100.000
        value: exactNumber(trials),
      }
    )
  );
}

/** KPI.REVENUE_SIMULATION: the mean and P10 / P50 / P90 of simulated revenue, as a label / value table. */
function revenueSimulation(...args: (number | null | EvaluationContext)[]) {
  const [oL, oM, oH, wL, wM, wH, sL, sM, sH] = args as number[];
  const trials = (args[9] as number | null) ?? DEFAULT_TRIALS;
  const seed = (args[10] as number | null) ?? DEFAULT_SEED;
  const context = args[11] as EvaluationContext;
  const opportunities = triangle(LEVERS.opportunities, oL, oM, oH);
  if (isError(opportunities)) return opportunities;
  const winRate = triangle(LEVERS.winRate, wL, wM, wH);
  if (isError(winRate)) return winRate;
  const dealSize = triangle(LEVERS.dealSize, sL, sM, sH);
  if (isError(dealSize)) return dealSize;
  if (!Number.isInteger(trials) || trials < MIN_TRIALS || trials > MAX_TRIALS)
    return badTrials(trials);
  const result = simulateRevenue(opportunities, winRate, dealSize, trials, seed);
  const label = (key: keyof typeof SIMULATION_LABELS) => SIMULATION_LABELS[key][context.language];
  return [
    [label("mean"), result.mean],
    [label("p10"), result.p10],
    [label("p50"), result.p50],
    [label("p90"), result.p90],
  ];
}

/** Relative slack for rounding up: 2000.0000000000002 leads is 2000 leads, not 2001. */
const CEILING_TOLERANCE = 1e-9;

const NO_REVENUE_PER_LEAD: Text = {
  en: "revenue per lead is 0: no number of leads reaches the target",
  tr: "potansiyel müşteri başına gelir 0: hiçbir potansiyel müşteri sayısı hedefe ulaştırmaz",
};
const NO_PIPELINE_VALUE = fillBoth(
  {
    en: "{product} is 0: no win rate reaches the target",
    tr: "{product} 0: hiçbir kazanma oranı hedefe ulaştırmaz",
  },
  { product: combined("×", opportunities, dealSize) }
);
const NO_EXPECTED_WINS = fillBoth(
  {
    en: "{product} is 0: no deal size reaches the target",
    tr: "{product} 0: hiçbir anlaşma büyüklüğü hedefe ulaştırmaz",
  },
  { product: combined("×", opportunities, winRate) }
);

/** #NUM! for a target that needs a win rate above 100%, the rate shown as a percentage. */
function unreachableWinRate(rate: number): KpiError {
  return numError(
    fillBoth(
      {
        en: "the target needs a win rate of {rate}: unreachable with this pipeline",
        tr: "hedef için {rate} kazanma oranı gerekiyor: bu boru hattıyla ulaşılamaz",
      },
      { rate: { en: formatPercent(rate, "en", 1), tr: formatPercent(rate, "tr", 1) } }
    )
  );
}

export const whatIfMetrics: MetricEntry[] = [
  {
    id: "EXPECTED_REVENUE",
    trName: "BEKLENEN_GELIR",
    category: "what_if",
    title: { en: "Expected revenue", tr: "Beklenen gelir" },
    description: {
      en: "Revenue the open pipeline is expected to bring: the forward function that the REQUIRED_* functions invert.",
      tr: "Açık boru hattının getirmesi beklenen gelir: REQUIRED_* (GEREKLI_*) işlevlerinin tersini aldığı işlev.",
    },
    formula: {
      en: "open opportunities × win rate × average deal size",
      tr: "açık fırsat × kazanma oranı × ortalama anlaşma büyüklüğü",
    },
    params: [opportunities, winRate, dealSize],
    unit: "money",
    compute: (count: number, rate: number, size: number) => count * rate * size,
    excel: (o, w, s) => `${o}*${w}*${s}`,
    examples: [
      {
        args: [200, 0.25, 10000],
        expect: 500000,
        note: "REQUIRED_WIN_RATE(500000, 200, 10000) gives back 0.25",
      },
      { args: [200, 1.5, 10000], expect: "#NUM!", note: "a win rate above 100%" },
    ],
  },
  {
    id: "REQUIRED_LEADS",
    trName: "GEREKLI_POTANSIYEL_MUSTERI",
    category: "what_if",
    title: { en: "Leads required", tr: "Gereken potansiyel müşteri sayısı" },
    description: {
      en: "Smallest whole number of leads that reaches a revenue target.",
      tr: "Gelir hedefine ulaştıran en küçük potansiyel müşteri sayısı (tam sayı).",
    },
    formula: {
      en: "ceil(target revenue / (lead conversion × win rate × average deal size))",
      tr: "yukarı yuvarla(hedef gelir / (potansiyel müşteri dönüşümü × kazanma oranı × ortalama anlaşma büyüklüğü))",
    },
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
      const leads = divide(revenue, conversion * rate * size, NO_REVENUE_PER_LEAD);
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
    formula: {
      en: "target revenue / (opportunities × average deal size)",
      tr: "hedef gelir / (fırsat sayısı × ortalama anlaşma büyüklüğü)",
    },
    params: [target, opportunities, dealSize],
    unit: "rate",
    compute: (revenue: number, count: number, size: number) => {
      const rate = divide(revenue, count * size, NO_PIPELINE_VALUE);
      return typeof rate === "number" && rate > 1 ? unreachableWinRate(rate) : rate;
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
    formula: {
      en: "target revenue / (opportunities × win rate)",
      tr: "hedef gelir / (fırsat sayısı × kazanma oranı)",
    },
    params: [target, opportunities, winRate],
    unit: "money",
    compute: (revenue: number, count: number, rate: number) =>
      divide(revenue, count * rate, NO_EXPECTED_WINS),
    excel: (t, o, w) => `${t}/(${o}*${w})`,
    examples: [
      { args: [1000000, 200, 0.25], expect: 20000, note: "the specification's example" },
      { args: [1000000, 0, 0.25], expect: "#DIV/0!" },
    ],
  },
  {
    id: "REVENUE_SIMULATION",
    trName: "GELIR_SIMULASYONU",
    category: "what_if",
    title: { en: "Simulated revenue", tr: "Gelir simülasyonu" },
    description: {
      en: "Range of expected revenue when opportunities, win rate and deal size are uncertain: each drawn from a triangular distribution (low, likely, high); spills the mean, P10, P50 and P90. The same seed gives the same answer everywhere.",
      tr: "Fırsat sayısı, kazanma oranı ve anlaşma büyüklüğü belirsizken beklenen gelirin aralığı: her biri üçgen dağılımdan (düşük, olası, yüksek) çekilir; ortalama, P10, P50 ve P90 değerleri tablo olarak taşar. Aynı tohum her yerde aynı sonucu verir.",
    },
    formula: {
      en: "per trial: opportunities × win rate × average deal size, each drawn from its triangle (low, likely, high) with a seeded generator; mean and percentiles (as PERCENTILE.INC) over the trials",
      tr: "her denemede: fırsat sayısı × kazanma oranı × ortalama anlaşma büyüklüğü, her biri kendi üçgeninden (düşük, olası, yüksek) tohumlu bir üreteçle çekilir; denemeler üzerinden ortalama ve yüzdebirlikler (YÜZDEBİRLİK.DHL gibi)",
    },
    params: [
      ...triangleParams(LEVERS.opportunities, "count", {
        en: "number of open opportunities",
        tr: "açık fırsat sayısı",
      }),
      ...triangleParams(LEVERS.winRate, "rate", {
        en: "win rate, 0 to 1",
        tr: "kazanma oranı, 0 ile 1 arası",
      }),
      ...triangleParams(LEVERS.dealSize, "money", {
        en: "average deal size",
        tr: "ortalama anlaşma büyüklüğü",
      }),
      trialsParam,
      param(
        "seed",
        "tohum",
        "count",
        "Seed of the random numbers (a whole number); the same seed gives the same answer. 1 when left out.",
        "Rastgele sayıların tohumu (tam sayı); aynı tohum aynı sonucu verir. Boş bırakılırsa 1.",
        { optional: true }
      ),
    ],
    unit: "table",
    compute: revenueSimulation,
    examples: [
      {
        args: [200, 200, 200, 0.25, 0.25, 0.25, 10000, 10000, 10000, 1000, 7],
        expect: [
          ["Mean", 500000],
          ["P10", 500000],
          ["P50 (median)", 500000],
          ["P90", 500000],
        ],
        note: "no uncertainty: every percentile is the expected revenue",
      },
      {
        args: [150, 200, 260, 0.2, 0.25, 0.3, 8000, 10000, 14000, 1000, 42],
        expect: [
          ["Mean", 542796.876368658],
          ["P10", 425138.6137050014],
          ["P50 (median)", 531279.3570190929],
          ["P90", 678895.3522316978],
        ],
        note: "seed 42: pinned, so that every platform gives these numbers",
      },
      {
        args: [150, 300, 260, 0.2, 0.25, 0.3, 8000, 10000, 14000],
        expect: "#NUM!",
        note: "likely above high",
      },
      {
        args: [200, 200, 200, 0.25, 0.25, 0.25, 10000, 10000, 10000, 0],
        expect: "#NUM!",
        note: "no trials",
      },
    ],
  },
];

/** Section 5 of the metric specification: the sales team. */
import { divide, nameOf, param, rangeParam, reasonAbout, shareOf } from "./helpers";
import type { MetricEntry, NumberColumn, Text } from "./types";
import type { KpiError } from "../values";

const repsAtQuota = param(
  "reps_at_quota",
  "kotaya_ulasan",
  "count",
  "Reps at or above quota.",
  "Kotasına ulaşan temsilci sayısı."
);
const totalReps = param(
  "total_reps",
  "toplam_temsilci",
  "count",
  "All reps with a quota.",
  "Kotası olan tüm temsilciler."
);
const repCount = param(
  "reps",
  "temsilci_sayisi",
  "count",
  "Number of sales reps.",
  "Satış temsilcisi sayısı."
);
const sellingHours = param(
  "selling_hours",
  "satis_saati",
  "hours",
  "Hours on selling activities.",
  "Satış faaliyetlerine ayrılan saat."
);
const workingHours = param(
  "working_hours",
  "calisma_saati",
  "hours",
  "Total working hours.",
  "Toplam çalışma saati."
);

const REPS_AT_QUOTA = nameOf(repsAtQuota);
const TOTAL_REPS = nameOf(totalReps);
const SELLING_HOURS = nameOf(sellingHours);
const WORKING_HOURS = nameOf(workingHours);
const NO_QUOTA_ROW: Text = {
  en: "no row has both an achieved figure and a quota",
  tr: "hiçbir satırda hem gerçekleşen hem kota yok",
};
const NO_REP = reasonAbout(repCount, {
  en: "{name} is 0: no rep to divide the revenue among",
  tr: "{name} 0: gelirin bölüneceği temsilci yok",
});

/** Share of reps (rows with both figures) whose achieved amount reaches their quota. */
function rangeQuotaAttainment(achieved: NumberColumn, quota: NumberColumn): number | KpiError {
  let reps = 0;
  let atQuota = 0;
  for (let i = 0; i < achieved.length; i++) {
    const a = achieved[i];
    const q = quota[i];
    if (a === null || q === null) continue;
    reps++;
    if (a >= q) atQuota++;
  }
  return divide(atQuota, reps, NO_QUOTA_ROW);
}

export const teamMetrics: MetricEntry[] = [
  {
    id: "QUOTA_ATTAINMENT",
    trName: "KOTA_ULASMA_ORANI",
    category: "team",
    title: { en: "Quota attainment", tr: "Kota ulaşma oranı" },
    description: {
      en: "Share of sales reps at or above their quota.",
      tr: "Kotasına ulaşan veya kotasını aşan satış temsilcilerinin payı.",
    },
    formula: {
      en: "reps at or above quota / total reps",
      tr: "kotasına ulaşan veya kotasını aşan temsilci / toplam temsilci",
    },
    params: [repsAtQuota, totalReps],
    unit: "rate",
    compute: (at: number, total: number) => shareOf(at, REPS_AT_QUOTA, total, TOTAL_REPS),
    excel: (at, total) => `${at}/${total}`,
    examples: [
      { args: [15, 20], expect: 0.75, note: "the article's example" },
      { args: [25, 20], expect: "#NUM!", note: "more reps at quota than reps" },
    ],
  },
  {
    id: "QUOTA_ATTAINMENT_RANGE",
    trName: "KOTA_ULASMA_ORANI_ARALIK",
    category: "team",
    title: { en: "Quota attainment from ranges", tr: "Aralıklardan kota ulaşma oranı" },
    description: {
      en: "Share of rows (reps) whose achieved figure is at or above their quota; rows missing either are skipped.",
      tr: "Gerçekleşen değeri kotasına eşit veya kotasından yüksek olan satırların (temsilcilerin) payı; iki değerden biri eksik olan satırlar atlanır.",
    },
    formula: {
      en: "count of rows with achieved ≥ quota / rows with both",
      tr: "gerçekleşen ≥ kota olan satır sayısı / ikisi de olan satır sayısı",
    },
    params: [
      rangeParam(
        "achieved",
        "gerceklesen",
        "numbers",
        "What each rep achieved.",
        "Her temsilcinin gerçekleştirdiği tutar.",
        { min: 0 }
      ),
      rangeParam(
        "quotas",
        "kotalar",
        "numbers",
        "Each rep's quota, same rows.",
        "Aynı satırlarda her temsilcinin kotası.",
        { min: 0 }
      ),
    ],
    unit: "rate",
    compute: rangeQuotaAttainment,
    excel: (a, q) =>
      `SUMPRODUCT((${a}<>"")*(${q}<>"")*(${a}>=${q}))/SUMPRODUCT((${a}<>"")*(${q}<>""))`,
    examples: [
      {
        args: [
          [[120], [80], [100], [95]],
          [[100], [100], [100], [90]],
        ],
        expect: 0.75,
        note: "three of four reps at or above quota",
      },
      {
        args: [
          [[120], [80]],
          [[100], [100], [100]],
        ],
        expect: "#VALUE!",
        note: "ranges of different sizes",
      },
    ],
  },
  {
    id: "REP_PRODUCTIVITY",
    trName: "TEMSILCI_VERIMLILIGI",
    category: "team",
    title: { en: "Rep productivity", tr: "Satış temsilcisi verimliliği" },
    description: {
      en: "Revenue per sales rep.",
      tr: "Satış temsilcisi başına gelir.",
    },
    formula: {
      en: "revenue / number of sales reps",
      tr: "gelir / satış temsilcisi sayısı",
    },
    params: [
      param("revenue", "gelir", "money", "Revenue of the team.", "Ekibin geliri."),
      repCount,
    ],
    unit: "money",
    compute: (revenue: number, reps: number) => divide(revenue, reps, NO_REP),
    excel: (revenue, reps) => `${revenue}/${reps}`,
    examples: [
      { args: [1000000, 20], expect: 50000, note: "the article's example" },
      { args: [1000000, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "TIME_SELLING",
    trName: "SATISA_AYRILAN_ZAMAN",
    category: "team",
    title: { en: "Time spent selling", tr: "Satış için harcanan zaman" },
    description: {
      en: "Share of working hours spent on selling activities.",
      tr: "Çalışma saatlerinin satış faaliyetlerine ayrılan payı.",
    },
    formula: {
      en: "hours on selling activities / total working hours",
      tr: "satış faaliyetlerine ayrılan saat / toplam çalışma saati",
    },
    params: [sellingHours, workingHours],
    unit: "rate",
    compute: (selling: number, working: number) =>
      shareOf(selling, SELLING_HOURS, working, WORKING_HOURS),
    excel: (selling, working) => `${selling}/${working}`,
    examples: [
      { args: [30, 40], expect: 0.75, note: "the article's example" },
      { args: [50, 40], expect: "#NUM!", note: "more selling hours than working hours" },
    ],
  },
];

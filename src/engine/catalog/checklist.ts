/** Section 6 of the metric specification: the article's checklist, defined. */
import { combined, divide, exceeds, nameOf, param, reasonAbout } from "./helpers";
import type { MetricEntry } from "./types";
import { divZero } from "../values";

const periodTarget = param(
  "target",
  "hedef",
  "money",
  "Quota or revenue target for the period.",
  "Dönemin kotası veya gelir hedefi."
);
const customersAtEnd = param(
  "customers_at_end",
  "donem_sonu_musteri",
  "count",
  "Customers at the end of the period.",
  "Dönem sonundaki müşteriler."
);
const newCustomers = param(
  "new_customers",
  "yeni_musteri",
  "count",
  "New customers won in the period.",
  "Dönemde kazanılan yeni müşteriler."
);
const customersAtStart = param(
  "customers_at_start",
  "donem_basi_musteri",
  "count",
  "Customers at the start of the period.",
  "Dönem başındaki müşteriler."
);

const NOTHING_CLOSED = {
  en: "no deal was won or lost: nothing has closed",
  tr: "kazanılan ya da kaybedilen anlaşma yok: hiçbir anlaşma kapanmadı",
};
const NO_TARGET = reasonAbout(periodTarget, {
  en: "{name} is 0: coverage of no target is undefined",
  tr: "{name} 0: hedef yoksa kapsam tanımsızdır",
});
const NO_CUSTOMERS = reasonAbout(customersAtStart, {
  en: "{name} is 0: retention of no customers is undefined",
  tr: "{name} 0: müşteri yoksa elde tutma tanımsızdır",
});
const NEW_CUSTOMERS = nameOf(newCustomers);
const CUSTOMERS_AT_END = nameOf(customersAtEnd);
const CUSTOMERS_AT_START = nameOf(customersAtStart);
const RETAINED = combined("−", customersAtEnd, newCustomers);

export const checklistMetrics: MetricEntry[] = [
  {
    id: "WIN_RATE",
    trName: "KAZANMA_ORANI",
    category: "checklist",
    title: { en: "Win rate", tr: "Kazanma oranı" },
    description: {
      en: "Share of closed deals that were won; open deals do not count.",
      tr: "Kapanan anlaşmalardan kazanılanların payı; açık anlaşmalar sayılmaz.",
    },
    formula: {
      en: "deals won / (deals won + deals lost)",
      tr: "kazanılan anlaşma / (kazanılan anlaşma + kaybedilen anlaşma)",
    },
    params: [
      param("deals_won", "kazanilan", "count", "Deals won.", "Kazanılan anlaşmalar."),
      param("deals_lost", "kaybedilen", "count", "Deals lost.", "Kaybedilen anlaşmalar."),
    ],
    unit: "rate",
    compute: (won: number, lost: number) => divide(won, won + lost, NOTHING_CLOSED),
    excel: (won, lost) => `${won}/(${won}+${lost})`,
    examples: [
      { args: [25, 75], expect: 0.25, note: "the specification's example" },
      { args: [0, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "PIPELINE_COVERAGE",
    trName: "BORU_HATTI_KAPSAMI",
    category: "checklist",
    title: { en: "Pipeline coverage", tr: "Boru hattı kapsamı" },
    description: {
      en: "Open pipeline value as a multiple of the quota or revenue target for the period (3 means 3×).",
      tr: "Açık boru hattı değerinin dönem kotasına veya gelir hedefine katı (3, 3 kat demektir).",
    },
    formula: {
      en: "open pipeline value / quota (or revenue target) for the period",
      tr: "açık boru hattı değeri / dönemin kotası (veya gelir hedefi)",
    },
    params: [
      param(
        "open_pipeline_value",
        "acik_boru_hatti",
        "money",
        "Value of the open deals.",
        "Açık anlaşmaların değeri."
      ),
      periodTarget,
    ],
    unit: "ratio",
    compute: (pipeline: number, target: number) => divide(pipeline, target, NO_TARGET),
    excel: (pipeline, target) => `${pipeline}/${target}`,
    examples: [
      { args: [3000000, 1000000], expect: 3, note: "the specification's example" },
      { args: [3000000, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "RETENTION_RATE",
    trName: "ELDE_TUTMA_ORANI",
    category: "checklist",
    title: { en: "Customer retention rate", tr: "Müşteri elde tutma oranı" },
    description: {
      en: "Share of the customers at the start who are still customers at the end (new customers excluded).",
      tr: "Dönem başındaki müşterilerden dönem sonunda hâlâ müşteri olanların payı (yeni müşteriler hariç).",
    },
    formula: {
      en: "(customers at end − new customers) / customers at start",
      tr: "(dönem sonundaki müşteri − yeni müşteri) / dönem başındaki müşteri",
    },
    params: [customersAtEnd, newCustomers, customersAtStart],
    unit: "rate",
    compute: (end: number, gained: number, start: number) => {
      if (start === 0) return divZero(NO_CUSTOMERS);
      const retained = end - gained;
      if (retained < 0) return exceeds(NEW_CUSTOMERS, gained, CUSTOMERS_AT_END, end);
      if (retained > start) return exceeds(RETAINED, retained, CUSTOMERS_AT_START, start);
      return retained / start;
    },
    excel: (end, gained, start) => `(${end}-${gained})/${start}`,
    examples: [
      { args: [490, 20, 500], expect: 0.94, note: "the specification's example" },
      {
        args: [490, 500, 500],
        expect: "#NUM!",
        note: "more new customers than customers at the end",
      },
    ],
  },
];

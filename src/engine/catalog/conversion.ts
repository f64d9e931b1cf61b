/** Section 2 of the metric specification: conversion and the sales cycle. */
import { fillBoth } from "../../i18n/format";
import { divide, nameOf, param, rangeParam, reasonAbout, shareOf } from "./helpers";
import type { MetricEntry, NumberColumn, Text } from "./types";
import { type KpiError, numError } from "../values";

const leadsConverted = param(
  "leads_converted",
  "donusen_potansiyel",
  "count",
  "Leads that converted.",
  "Dönüşen potansiyel müşteri sayısı."
);
const totalLeads = param(
  "total_leads",
  "toplam_potansiyel",
  "count",
  "All leads in the period.",
  "Dönemdeki tüm potansiyel müşteriler."
);
const opportunitiesWon = param(
  "opportunities_won",
  "kazanilan_firsat",
  "count",
  "Opportunities closed won.",
  "Kazanılarak kapanan fırsatlar."
);
const totalOpportunities = param(
  "total_opportunities",
  "toplam_firsat",
  "count",
  "All opportunities.",
  "Tüm fırsatlar."
);
const dealsClosed = param(
  "deals_closed",
  "kapanan_anlasma",
  "count",
  "Number of deals closed.",
  "Kapanan anlaşma sayısı."
);
const createdDates = rangeParam(
  "created_dates",
  "olusturma_tarihleri",
  "dates",
  "Created dates, one per deal.",
  "Her anlaşmanın oluşturma tarihi.",
  { min: 0 }
);
const closedDates = rangeParam(
  "closed_dates",
  "kapanis_tarihleri",
  "dates",
  "Close dates, in the same rows.",
  "Aynı satırlarda kapanış tarihleri.",
  { min: 0 }
);

const LEADS_CONVERTED = nameOf(leadsConverted);
const TOTAL_LEADS = nameOf(totalLeads);
const OPPORTUNITIES_WON = nameOf(opportunitiesWon);
const TOTAL_OPPORTUNITIES = nameOf(totalOpportunities);
const NO_DEAL = reasonAbout(dealsClosed, {
  en: "{name} is 0: no deal, no cycle",
  tr: "{name} 0: anlaşma yoksa döngü de yok",
});
const NO_DATED_ROW: Text = {
  en: "no row has both a created and a closed date",
  tr: "hiçbir satırda hem oluşturma hem kapanış tarihi yok",
};

/** The error of a row (0-based) whose close date comes before its created date. */
export function closedBeforeCreated(index: number): KpiError {
  return numError(
    fillBoth(
      {
        en: "{closed} (cell {cell}) is before {created} (cell {cell})",
        tr: "{closed} (hücre {cell}), {created} (hücre {cell}) tarihinden önce",
      },
      { closed: nameOf(closedDates), created: nameOf(createdDates), cell: String(index + 1) }
    )
  );
}

/** The mean cycle from the sum of the cycles and their count (shared with the deal-table pass). */
export function cycleMean(totalDays: number, count: number): number | KpiError {
  return divide(totalDays, count, NO_DATED_ROW);
}

/** Mean of (closed − created) in days over the rows that have both dates. */
export function meanCycleDays(created: NumberColumn, closed: NumberColumn): number | KpiError {
  let total = 0;
  let count = 0;
  for (let i = 0; i < created.length; i++) {
    const start = created[i];
    const end = closed[i];
    if (start === null || end === null) continue; // an open deal has no close date yet
    if (end < start) return closedBeforeCreated(i);
    total += end - start;
    count++;
  }
  return cycleMean(total, count);
}

export const conversionMetrics: MetricEntry[] = [
  {
    id: "LEAD_CONVERSION_RATE",
    trName: "POTANSIYEL_MUSTERI_DONUSUM_ORANI",
    category: "conversion",
    title: { en: "Lead conversion rate", tr: "Potansiyel müşteri dönüşüm oranı" },
    description: {
      en: "Share of leads that converted into opportunities or customers.",
      tr: "Fırsata veya müşteriye dönüşen potansiyel müşterilerin payı.",
    },
    formula: {
      en: "leads converted / total leads",
      tr: "dönüşen potansiyel müşteri / toplam potansiyel müşteri",
    },
    params: [leadsConverted, totalLeads],
    unit: "rate",
    compute: (converted: number, total: number) =>
      shareOf(converted, LEADS_CONVERTED, total, TOTAL_LEADS),
    excel: (converted, total) => `${converted}/${total}`,
    examples: [
      { args: [200, 1000], expect: 0.2, note: "the article's example" },
      { args: [1200, 1000], expect: "#NUM!", note: "more converted than there were leads" },
      { args: [0, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "OPPORTUNITY_CONVERSION_RATE",
    trName: "FIRSAT_DONUSUM_ORANI",
    category: "conversion",
    title: { en: "Opportunity conversion rate", tr: "Fırsat dönüşüm oranı" },
    description: {
      en: "Share of opportunities that closed won.",
      tr: "Kazanılarak kapanan fırsatların payı.",
    },
    formula: {
      en: "opportunities closed won / total opportunities",
      tr: "kazanılarak kapanan fırsat / toplam fırsat",
    },
    params: [opportunitiesWon, totalOpportunities],
    unit: "rate",
    compute: (won: number, total: number) =>
      shareOf(won, OPPORTUNITIES_WON, total, TOTAL_OPPORTUNITIES),
    excel: (won, total) => `${won}/${total}`,
    examples: [
      { args: [25, 100], expect: 0.25, note: "the article's example" },
      { args: [25, ""], expect: "#N/A", note: "a blank required argument" },
    ],
  },
  {
    id: "SALES_CYCLE_LENGTH",
    trName: "SATIS_DONGUSU_UZUNLUGU",
    category: "conversion",
    title: { en: "Sales cycle length", tr: "Satış döngüsü uzunluğu" },
    description: {
      en: "Average days from first contact to close, from the total days and the deals closed.",
      tr: "İlk temastan kapanışa ortalama gün sayısı; toplam gün sayısından ve kapanan anlaşma sayısından hesaplanır.",
    },
    formula: {
      en: "total days from first contact to close / deals closed",
      tr: "ilk temastan kapanışa toplam gün / kapanan anlaşma",
    },
    params: [
      param(
        "total_days",
        "toplam_gun",
        "days",
        "Days from first contact to close, added over the deals.",
        "İlk temastan kapanışa geçen günlerin tüm anlaşmalar üzerinden toplamı."
      ),
      dealsClosed,
    ],
    unit: "days",
    compute: (days: number, deals: number) => divide(days, deals, NO_DEAL),
    excel: (days, deals) => `${days}/${deals}`,
    examples: [
      { args: [200, 10], expect: 20, note: "the article's example" },
      { args: ["two hundred", 10], expect: "#VALUE!", note: "text where a number is needed" },
    ],
  },
  {
    id: "SALES_CYCLE_LENGTH_RANGE",
    trName: "SATIS_DONGUSU_UZUNLUGU_ARALIK",
    category: "conversion",
    title: { en: "Sales cycle length from dates", tr: "Tarihlerden satış döngüsü uzunluğu" },
    description: {
      en: "Mean days from created to closed over the rows that have both dates.",
      tr: "Her iki tarihi olan satırlarda oluşturmadan kapanışa ortalama gün sayısı.",
    },
    formula: {
      en: "mean of (closed date − created date) in days; rows missing a date are skipped",
      tr: "gün cinsinden (kapanış tarihi − oluşturma tarihi) ortalaması; tarihi eksik satırlar atlanır",
    },
    params: [createdDates, closedDates],
    unit: "days",
    compute: meanCycleDays,
    excel: (created, closed) =>
      `SUMPRODUCT((${created}<>"")*(${closed}<>"")*(${closed}-${created}))/SUMPRODUCT((${created}<>"")*(${closed}<>""))`,
    examples: [
      {
        args: [
          [["2026-01-01"], ["2026-01-11"], ["2026-02-01"]],
          [["2026-01-21"], ["2026-02-10"], [null]],
        ],
        expect: 25,
        note: "20 and 30 days; the open deal without a close date is skipped",
      },
      {
        args: [
          [[46000], [46010]],
          [[46030], [46020], [46040]],
        ],
        expect: "#VALUE!",
        note: "ranges of different sizes",
      },
      { args: [[[46030]], [[46000]]], expect: "#NUM!", note: "closed before created" },
    ],
  },
];

/** KPI.DEAL_SUMMARY and KPI.DEAL_KPI: the KPIs of a deal table, as a label / value table or one by one. */
import { dealFiguresOfGrids, dealGridsOf, plainScalar } from "../dealGrids";
import {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  type DealKpiId,
  type DealKpis,
  dealKpis,
  kpisOfFigures,
} from "../deals";
import type { Arg, KpiError, ResultCell } from "../values";
import { param, rangeParam } from "./helpers";
import type {
  EvaluationContext,
  LabelColumn,
  MetricEntry,
  NumberColumn,
  Outcome,
  RangeParam,
  ScalarParam,
} from "./types";

/** The summary table: a label and a value per KPI; coverage only with a target. */
function summaryTable(
  kpis: DealKpis,
  target: number | null,
  context: EvaluationContext
): ResultCell[][] {
  return DEAL_KPI_IDS.filter((id) => id !== "PIPELINE_COVERAGE" || target !== null).map((id) => [
    DEAL_KPI_LABELS[id][context.language],
    kpis[id],
  ]);
}

function dealSummary(
  stage: LabelColumn,
  amount: NumberColumn,
  created: NumberColumn,
  closed: NumberColumn,
  owner: LabelColumn | null,
  target: number | null,
  context: EvaluationContext
): ResultCell[][] {
  return summaryTable(dealKpis({ stage, amount, created, closed, owner }, target), target, context);
}

/** One deal-table KPI over the deals closed in a period (and every open deal). */
function dealKpi(
  kpi: DealKpiId,
  stage: LabelColumn,
  amount: NumberColumn,
  created: NumberColumn,
  closed: NumberColumn,
  owner: LabelColumn | null,
  target: number | null,
  from: number | null,
  to: number | null
): number | KpiError {
  return dealKpis({ stage, amount, created, closed, owner }, target, { from, to })[kpi];
}

/** DEAL_SUMMARY in one pass over Excel's ranges (see dealGrids.ts); undefined hands it back. */
function dealSummaryShortcut(args: Arg[], context: EvaluationContext): Outcome | undefined {
  const grids = dealGridsOf(args, 0);
  const target = plainScalar(args[5], dealColumns[5] as ScalarParam);
  if (!grids || target === undefined) return undefined;
  const figures = dealFiguresOfGrids(grids, rangeParams);
  if (!figures) return undefined;
  const amount = target as number | null;
  return summaryTable(kpisOfFigures(figures, grids.owner !== null, amount), amount, context);
}

/** DEAL_KPI in one pass over Excel's ranges; undefined hands it back to the general reading. */
function dealKpiShortcut(args: Arg[]): Outcome | undefined {
  const [kpiParam, , , , , , targetParam, fromParam, toParam] = dealKpiParams as ScalarParam[];
  const kpi = plainScalar(args[0], kpiParam);
  const grids = dealGridsOf(args, 1);
  const target = plainScalar(args[6], targetParam);
  const from = plainScalar(args[7], fromParam);
  const to = plainScalar(args[8], toParam);
  if (typeof kpi !== "string" || !grids) return undefined;
  if (target === undefined || from === undefined || to === undefined) return undefined;
  const period = { from: from as number | null, to: to as number | null };
  const figures = dealFiguresOfGrids(grids, rangeParams, period);
  if (!figures) return undefined;
  return kpisOfFigures(figures, grids.owner !== null, target as number | null)[kpi as DealKpiId];
}

const dealColumns = [
  rangeParam(
    "stages",
    "asamalar",
    "labels",
    "Stage or status of each deal: won, lost, or anything else for open.",
    "Her anlaşmanın aşaması veya durumu: kazanıldı, kaybedildi ya da açık için başka bir değer.",
    { inPlace: true }
  ),
  rangeParam("amounts", "tutarlar", "numbers", "Amount of each deal.", "Her anlaşmanın tutarı.", {
    min: 0,
    inPlace: true,
  }),
  rangeParam(
    "created_dates",
    "olusturma_tarihleri",
    "dates",
    "Created date of each deal.",
    "Her anlaşmanın oluşturma tarihi.",
    { min: 0, inPlace: true }
  ),
  rangeParam(
    "closed_dates",
    "kapanis_tarihleri",
    "dates",
    "Close date of each deal.",
    "Her anlaşmanın kapanış tarihi.",
    { min: 0, inPlace: true }
  ),
  rangeParam(
    "owners",
    "temsilciler",
    "labels",
    "Owner (sales rep) of each deal; optional.",
    "Her anlaşmanın sahibi (temsilci); isteğe bağlı.",
    { optional: true, inPlace: true }
  ),
  param(
    "target",
    "hedef",
    "money",
    "Quota or revenue target, for pipeline coverage; optional.",
    "Boru hattı kapsamı için kota veya gelir hedefi; isteğe bağlı.",
    { optional: true }
  ),
];

const rangeParams = {
  amount: dealColumns[1] as RangeParam,
  created: dealColumns[2] as RangeParam,
  closed: dealColumns[3] as RangeParam,
};

const dealKpiParams = [
  param(
    "kpi",
    "gosterge",
    "choice",
    `Which KPI: ${DEAL_KPI_IDS.join(", ")}.`,
    `Hangi gösterge: ${DEAL_KPI_IDS.join(", ")}.`,
    {
      choices: DEAL_KPI_IDS,
    }
  ),
  ...dealColumns,
  param(
    "period_from",
    "donem_basi",
    "date",
    "First close date of the period; optional.",
    "Dönemin ilk kapanış tarihi; isteğe bağlı.",
    { optional: true }
  ),
  param(
    "period_to",
    "donem_sonu",
    "date",
    "Last close date of the period; optional.",
    "Dönemin son kapanış tarihi; isteğe bağlı.",
    { optional: true }
  ),
];

export const dealTableMetrics: MetricEntry[] = [
  {
    id: "DEAL_SUMMARY",
    trName: "ANLASMA_OZETI",
    category: "deal_table",
    title: { en: "Deal table summary", tr: "Anlaşma tablosu özeti" },
    description: {
      en: "Headline KPIs of a deal table (a CRM export), spilled as a two-column table of labels and values.",
      tr: "Bir anlaşma tablosunun (CRM dışa aktarımı) temel göstergeleri; etiket ve değer sütunlarından oluşan bir tablo olarak taşar.",
    },
    formula: {
      en: "revenue = Σ amount of won deals; win rate = won / (won + lost); sales cycle = mean days from created to closed over won deals; velocity = open × win rate × average deal / cycle; productivity = revenue / distinct owners; coverage = open pipeline value / target",
      tr: "gelir = kazanılan anlaşmaların Σ tutarı; kazanma oranı = kazanılan / (kazanılan + kaybedilen); satış döngüsü = kazanılan anlaşmalarda oluşturmadan kapanışa ortalama gün; hız = açık × kazanma oranı × ortalama anlaşma / döngü; verimlilik = gelir / farklı temsilci sayısı; kapsam = açık boru hattı değeri / hedef",
    },
    params: dealColumns,
    unit: "table",
    compute: dealSummary,
    shortcut: dealSummaryShortcut,
    examples: [
      {
        args: [
          [["Won"], ["Won"], ["Closed Lost"], ["Negotiation"], ["Proposal"]],
          [[10000], [30000], [5000], [20000], [40000]],
          // Date cells: 2026-01-01, 01-10, 01-05, 02-01, 02-03; closed 01-21, 02-09, 01-25, 03-31.
          [[46023], [46032], [46027], [46054], [46056]],
          [[46043], [46062], [46047], [46112], [null]],
          [["Ayşe"], ["Ben"], ["Ayşe"], ["Ben"], ["Cem"]],
          20000,
        ],
        expect: [
          ["Revenue", 40000],
          ["Deals won", 2],
          ["Deals lost", 1],
          ["Open opportunities", 2],
          ["Open pipeline value", 60000],
          ["Average deal size", 20000],
          ["Win rate", 2 / 3],
          ["Sales cycle length (days)", 25],
          ["Pipeline velocity (per day)", (2 * (2 / 3) * 20000) / 25],
          ["Rep productivity", 40000 / 3],
          ["Pipeline coverage", 3],
        ],
        note: "two won deals of 20 and 30 days; the open deals' close dates are expected dates and do not count",
      },
      {
        args: [
          [["Won"], ["Lost"]],
          [[1000], [2000], [3000]],
          [[46000], [46001]],
          [[46010], [46011]],
        ],
        expect: "#VALUE!",
        note: "columns of different lengths",
      },
    ],
  },
  {
    id: "DEAL_KPI",
    trName: "ANLASMA_GOSTERGESI",
    category: "deal_table",
    title: { en: "One deal-table KPI", tr: "Tek bir anlaşma tablosu göstergesi" },
    description: {
      en: "One KPI of a deal table (REVENUE, WIN_RATE, ...) over the deals closed in a period and every open deal.",
      tr: "Bir anlaşma tablosunun tek göstergesi (REVENUE, WIN_RATE, ...): dönemde kapanan anlaşmalar ve tüm açık anlaşmalar üzerinden.",
    },
    formula: {
      en: "as KPI.DEAL_SUMMARY, for one KPI; won and lost deals count when their close date falls in the period",
      tr: "KPI.ANLASMA_OZETI gibi, tek bir gösterge için; kazanılan ve kaybedilen anlaşmalar kapanış tarihi dönem içindeyse sayılır",
    },
    params: dealKpiParams,
    unit: "number",
    compute: dealKpi,
    shortcut: dealKpiShortcut,
    examples: [
      {
        args: [
          "WIN_RATE",
          [["Won"], ["Lost"], ["Won"], ["Open"]],
          [[100], [200], [300], [400]],
          [[46000], [46000], [46000], [46000]],
          [[46010], [46040], [46070], [46100]],
          null,
          null,
          "2026-01-01",
          "2026-02-28",
        ],
        expect: 0.5,
        note: "closed 2025-12-19, 2026-01-18 and 2026-02-17: one lost and one won deal in the period",
      },
      {
        args: [
          "REVENUE",
          [["Won"], ["Lost"], ["Won"], ["Open"]],
          [[100], [200], [300], [400]],
          [[46000], [46000], [46000], [46000]],
          [[46010], [46040], [46070], [46100]],
        ],
        expect: 400,
        note: "no period: every won deal",
      },
      {
        args: ["MARGIN", [["Won"]], [[100]], [[46000]], [[46010]]],
        expect: "#VALUE!",
        note: "not a deal-table KPI",
      },
    ],
  },
];

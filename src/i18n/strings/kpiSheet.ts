/**
 * The KPI sheet's words: its header, the KPI table and its status words, the inputs, the stage list
 * and its checks, the breakdowns by period and by owner, the charts, and the sheet names of the KPI
 * workbook. The metrics' own titles and definitions come from the catalog, the deal-table KPIs'
 * labels from DEAL_KPI_LABELS.
 */
import { defineSection } from "../table";

export const KPI_SHEET = defineSection("kpiSheet", {
  en: {
    /** The KPI sheet's name in a workbook ("KPI (2)" when taken). */
    sheetName: "KPI",
    /** The sheet of a new KPI workbook that holds the export's rows. */
    dataSheetName: "Data",
    title: "Sales KPIs",
    data: "Data: {source}",
    /** Where the data is, as the header describes a range of a sheet and an Excel table. */
    source: {
      range: { one: "{range} ({count} row)", other: "{range} ({count} rows)" },
      table: {
        one: "{table}, a table on {sheet} ({count} row when built; rows added to it count)",
        other: "{table}, a table on {sheet} ({count} rows when built; rows added to it count)",
      },
    },
    template: "Blank template: type your figures into the yellow cells",
    period: "Period (close dates)",
    periodHint: "Closed deals in this period count; leave blank for all",
    kpis: "KPIs",
    metric: "Metric",
    value: "Value",
    target: "Target",
    status: "Status",
    definition: "Definition",
    /** The status column: the KPI against its target. */
    met: "met",
    near: "near",
    missed: "missed",
    /** What a KPI shows until what it needs is there. */
    needs: "Needs: {items}",
    /** Between the labels of what a KPI needs ("Needs: Sales and marketing spend, New customers won"). */
    listSeparator: ", ",
    datesNeeded: "created and close dates",
    /** What quota attainment needs when the owner table holds the quotas: "Quota (By owner)". */
    quotaNeeded: "{quota} ({table})",
    /** What the deal table's own figures mean; the other KPIs show the catalog's definition. */
    definitions: {
      REVENUE: "sum of the amounts of won deals closed in the period",
      DEALS_WON: "won deals closed in the period",
      DEALS_LOST: "lost deals closed in the period",
      OPEN_OPPORTUNITIES: "deals neither won nor lost, whatever their expected close date",
      OPEN_PIPELINE_VALUE: "sum of the amounts of open deals",
      SALES_CYCLE_LENGTH: "mean days from created to closed over won deals closed in the period",
    },
    inputs: "Inputs",
    input: "Input",
    /** The inputs a deal table cannot give, by their id (KPI_INPUT_<ID>). */
    inputLabels: {
      TARGET: "Revenue target or quota for the period",
      REPS: "Sales reps",
      PREVIOUS_REVENUE: "Revenue of the previous period",
      FORECAST: "Forecast revenue for the period",
      LEADS: "Leads in the period",
      LEADS_CONVERTED: "Leads converted",
      SPEND: "Sales and marketing spend",
      NEW_CUSTOMERS: "New customers won",
      CUSTOMERS_START: "Customers at the start",
      CUSTOMERS_END: "Customers at the end",
      CUSTOMERS_LOST: "Customers lost",
      REVENUE_PER_CUSTOMER_YEAR: "Revenue per customer per year",
      LIFETIME_YEARS: "Customer lifetime (years)",
      MONTHLY_REVENUE_PER_CUSTOMER: "Monthly revenue per customer",
      GROSS_MARGIN: "Gross margin",
      MONTHLY_CHURN: "Monthly churn rate",
      STARTING_REVENUE: "Recurring revenue at the start",
      EXPANSION: "Expansion revenue",
      CONTRACTION: "Contraction revenue",
      CHURNED_REVENUE: "Churned revenue",
      SELLING_HOURS: "Hours on selling",
      WORKING_HOURS: "Working hours",
      REPS_AT_QUOTA: "Reps at or above quota",
    },
    stages: "Stages: what each counts as (change a class here and every KPI follows)",
    stage: "Stage",
    countsAs: "Counts as",
    deals: "Deals",
    amount: "Amount",
    criterion: "Criterion",
    cycleDays: "Days to close (won)",
    cycleDeals: "Deals with both dates (won)",
    /**
     * The classes a stage counts as, typed into the stage list's "Counts as" cells: the sheet's
     * formulas compare those cells with these words.
     */
    classes: { won: "won", lost: "lost", open: "open" },
    /** The stage list's one row when the data has no stage at all. */
    noStage: "(none)",
    unlisted: "Rows not counted: stage not in this list (an error, spaces, a new stage)",
    textAmounts: "Amounts stored as text, not added (convert them to numbers)",
    byMonth: "By month",
    byQuarter: "By quarter",
    periodStart: "Period",
    periodEnd: "Until",
    revenue: "Revenue",
    won: "Won",
    lost: "Lost",
    winRate: "Win rate",
    growth: "Growth",
    byOwner: "By owner",
    owner: "Owner",
    quota: "Quota",
    attainment: "Attainment",
    revenueChart: "Revenue by period",
    stageChart: "Deals by stage",
  },
  tr: {
    // Excel's own word is no different in Turkish sales teams: the sheet stays "KPI".
    sheetName: "KPI",
    dataSheetName: "Veri",
    title: "Satış Göstergeleri",
    data: "Veri: {source}",
    source: {
      // Turkish nouns stay singular after a number: "250 satır".
      range: { one: "{range} ({count} satır)", other: "{range} ({count} satır)" },
      table: {
        one: "{table}, {sheet} sayfasındaki tablo (oluşturulduğunda {count} satır; sonradan eklenen satırlar da sayılır)",
        other:
          "{table}, {sheet} sayfasındaki tablo (oluşturulduğunda {count} satır; sonradan eklenen satırlar da sayılır)",
      },
    },
    template: "Boş şablon: rakamlarınızı sarı hücrelere yazın",
    period: "Dönem (kapanış tarihleri)",
    periodHint: "Bu dönemde kapanan anlaşmalar sayılır; tümü için boş bırakın",
    kpis: "Göstergeler",
    metric: "Gösterge",
    value: "Değer",
    target: "Hedef",
    status: "Durum",
    definition: "Tanım",
    met: "ulaşıldı",
    near: "yakın",
    missed: "ulaşılamadı",
    needs: "Gerekli: {items}",
    listSeparator: ", ",
    datesNeeded: "oluşturma ve kapanış tarihleri",
    quotaNeeded: "{quota} ({table})",
    definitions: {
      REVENUE: "dönemde kapanan kazanılmış anlaşmaların tutarları toplamı",
      DEALS_WON: "dönemde kapanan kazanılmış anlaşmalar",
      DEALS_LOST: "dönemde kapanan kaybedilmiş anlaşmalar",
      OPEN_OPPORTUNITIES:
        "ne kazanılmış ne kaybedilmiş anlaşmalar, beklenen kapanış tarihleri ne olursa olsun",
      OPEN_PIPELINE_VALUE: "açık anlaşmaların tutarları toplamı",
      SALES_CYCLE_LENGTH:
        "dönemde kapanan kazanılmış anlaşmalarda oluşturmadan kapanışa geçen ortalama gün",
    },
    inputs: "Girdiler",
    input: "Girdi",
    inputLabels: {
      TARGET: "Dönemin gelir hedefi veya kotası",
      REPS: "Satış temsilcileri",
      PREVIOUS_REVENUE: "Önceki dönemin geliri",
      FORECAST: "Dönem için gelir tahmini",
      LEADS: "Dönemdeki potansiyel müşteriler",
      LEADS_CONVERTED: "Dönüşen potansiyel müşteriler",
      SPEND: "Satış ve pazarlama harcaması",
      NEW_CUSTOMERS: "Kazanılan yeni müşteriler",
      CUSTOMERS_START: "Dönem başındaki müşteriler",
      CUSTOMERS_END: "Dönem sonundaki müşteriler",
      CUSTOMERS_LOST: "Kaybedilen müşteriler",
      REVENUE_PER_CUSTOMER_YEAR: "Müşteri başına yıllık gelir",
      LIFETIME_YEARS: "Müşteri ömrü (yıl)",
      MONTHLY_REVENUE_PER_CUSTOMER: "Müşteri başına aylık gelir",
      GROSS_MARGIN: "Brüt marj",
      MONTHLY_CHURN: "Aylık kayıp oranı",
      STARTING_REVENUE: "Dönem başındaki yinelenen gelir",
      EXPANSION: "Genişleme geliri",
      CONTRACTION: "Daralma geliri",
      CHURNED_REVENUE: "Kaybedilen gelir",
      SELLING_HOURS: "Satışa ayrılan saat",
      WORKING_HOURS: "Çalışma saati",
      REPS_AT_QUOTA: "Kotasına ulaşan temsilciler",
    },
    stages:
      "Aşamalar: her birinin nasıl sayıldığı (sınıfı burada değiştirin, tüm göstergeler buna uyar)",
    stage: "Aşama",
    countsAs: "Nasıl sayılır",
    deals: "Anlaşma",
    amount: "Tutar",
    criterion: "Ölçüt",
    cycleDays: "Kapanışa kadar gün (kazanılan)",
    cycleDeals: "İki tarihi de olan anlaşma (kazanılan)",
    classes: { won: "kazanıldı", lost: "kaybedildi", open: "açık" },
    noStage: "(yok)",
    unlisted: "Sayılmayan satırlar: aşaması bu listede yok (hata, boşluk, yeni aşama)",
    textAmounts: "Metin olarak saklanan tutarlar, toplanmadı (sayıya dönüştürün)",
    byMonth: "Aylara göre",
    byQuarter: "Çeyreklere göre",
    periodStart: "Dönem",
    periodEnd: "Bitiş",
    revenue: "Gelir",
    won: "Kazanılan",
    lost: "Kaybedilen",
    winRate: "Kazanma oranı",
    growth: "Büyüme",
    byOwner: "Temsilciye göre",
    owner: "Temsilci",
    quota: "Kota",
    attainment: "Gerçekleşme",
    revenueChart: "Döneme göre gelir",
    stageChart: "Aşamaya göre anlaşmalar",
  },
});

/** The KPI sheet's words in one language. */
export type KpiSheetWords = (typeof KPI_SHEET)["en"];

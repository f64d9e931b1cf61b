/**
 * What a KPI sheet holds: the inputs a deal table cannot give, and the KPI rows, each defined by the
 * catalog function that computes it and the names of its arguments. Labels come from the catalog.
 */
import type { Text, Unit } from "../engine";

/** Inputs to type into (or prefilled from the data), each with a defined name KPI_INPUT_<ID>. */
export interface InputSpec {
  id: string;
  label: Text;
  unit: Unit;
}

export const INPUTS: InputSpec[] = [
  {
    id: "TARGET",
    label: { en: "Revenue target or quota for the period", tr: "Dönemin gelir hedefi veya kotası" },
    unit: "money",
  },
  { id: "REPS", label: { en: "Sales reps", tr: "Satış temsilcileri" }, unit: "count" },
  {
    id: "PREVIOUS_REVENUE",
    label: { en: "Revenue of the previous period", tr: "Önceki dönemin geliri" },
    unit: "money",
  },
  {
    id: "FORECAST",
    label: { en: "Forecast revenue for the period", tr: "Dönem için gelir tahmini" },
    unit: "money",
  },
  {
    id: "LEADS",
    label: { en: "Leads in the period", tr: "Dönemdeki potansiyel müşteriler" },
    unit: "count",
  },
  {
    id: "LEADS_CONVERTED",
    label: { en: "Leads converted", tr: "Dönüşen potansiyel müşteriler" },
    unit: "count",
  },
  {
    id: "SPEND",
    label: { en: "Sales and marketing spend", tr: "Satış ve pazarlama harcaması" },
    unit: "money",
  },
  {
    id: "NEW_CUSTOMERS",
    label: { en: "New customers won", tr: "Kazanılan yeni müşteriler" },
    unit: "count",
  },
  {
    id: "CUSTOMERS_START",
    label: { en: "Customers at the start", tr: "Dönem başı müşteriler" },
    unit: "count",
  },
  {
    id: "CUSTOMERS_END",
    label: { en: "Customers at the end", tr: "Dönem sonu müşteriler" },
    unit: "count",
  },
  {
    id: "CUSTOMERS_LOST",
    label: { en: "Customers lost", tr: "Kaybedilen müşteriler" },
    unit: "count",
  },
  {
    id: "REVENUE_PER_CUSTOMER_YEAR",
    label: { en: "Revenue per customer per year", tr: "Müşteri başına yıllık gelir" },
    unit: "money",
  },
  {
    id: "LIFETIME_YEARS",
    label: { en: "Customer lifetime (years)", tr: "Müşteri ömrü (yıl)" },
    unit: "days",
  },
  {
    id: "MONTHLY_REVENUE_PER_CUSTOMER",
    label: { en: "Monthly revenue per customer", tr: "Müşteri başına aylık gelir" },
    unit: "money",
  },
  { id: "GROSS_MARGIN", label: { en: "Gross margin", tr: "Brüt marj" }, unit: "rate" },
  {
    id: "MONTHLY_CHURN",
    label: { en: "Monthly churn rate", tr: "Aylık kayıp oranı" },
    unit: "rate",
  },
  {
    id: "STARTING_REVENUE",
    label: { en: "Recurring revenue at the start", tr: "Dönem başı yinelenen gelir" },
    unit: "money",
  },
  { id: "EXPANSION", label: { en: "Expansion revenue", tr: "Genişleme geliri" }, unit: "money" },
  { id: "CONTRACTION", label: { en: "Contraction revenue", tr: "Daralma geliri" }, unit: "money" },
  {
    id: "CHURNED_REVENUE",
    label: { en: "Churned revenue", tr: "Kaybedilen gelir" },
    unit: "money",
  },
  {
    id: "SELLING_HOURS",
    label: { en: "Hours on selling", tr: "Satışa ayrılan saat" },
    unit: "count",
  },
  { id: "WORKING_HOURS", label: { en: "Working hours", tr: "Çalışma saati" }, unit: "count" },
  {
    id: "REPS_AT_QUOTA",
    label: { en: "Reps at or above quota", tr: "Kotasına ulaşan temsilciler" },
    unit: "count",
  },
];

/** An argument of a KPI row: another KPI (KPI_<ID>), an input (KPI_INPUT_<ID>) or an expression of KPIs. */
export type RowArg = { kpi: string } | { input: string } | { sum: string[] };

export interface KpiRow {
  /** The KPI's id: its defined name is KPI_<id>. */
  id: string;
  /** The catalog function computing it, where one does. */
  metric?: string;
  args?: RowArg[];
  /** Higher or lower is better, for the status column. */
  better: "higher" | "lower";
  /** A rule-of-thumb target, editable on the sheet. */
  defaultTarget?: number;
}

/** The figures a deal table gives; without data they are inputs of the KPI table itself. */
export const BASE_ROWS: KpiRow[] = [
  { id: "REVENUE", better: "higher" },
  { id: "DEALS_WON", better: "higher" },
  { id: "DEALS_LOST", better: "lower" },
  { id: "OPEN_OPPORTUNITIES", better: "higher" },
  { id: "OPEN_PIPELINE_VALUE", better: "higher" },
  { id: "SALES_CYCLE_LENGTH", better: "lower" },
];

const kpi = (id: string): RowArg => ({ kpi: id });
const input = (id: string): RowArg => ({ input: id });

/** The KPIs computed from the base figures and the inputs, in the order the sheet lists them. */
export const DERIVED_ROWS: KpiRow[] = [
  {
    id: "AVG_DEAL_SIZE",
    metric: "AVG_DEAL_SIZE",
    args: [kpi("REVENUE"), kpi("DEALS_WON")],
    better: "higher",
  },
  {
    id: "WIN_RATE",
    metric: "WIN_RATE",
    args: [kpi("DEALS_WON"), kpi("DEALS_LOST")],
    better: "higher",
  },
  {
    id: "PIPELINE_VELOCITY",
    metric: "PIPELINE_VELOCITY",
    args: [
      kpi("OPEN_OPPORTUNITIES"),
      kpi("WIN_RATE"),
      kpi("AVG_DEAL_SIZE"),
      kpi("SALES_CYCLE_LENGTH"),
    ],
    better: "higher",
  },
  {
    id: "REP_PRODUCTIVITY",
    metric: "REP_PRODUCTIVITY",
    args: [kpi("REVENUE"), input("REPS")],
    better: "higher",
  },
  {
    id: "PIPELINE_COVERAGE",
    metric: "PIPELINE_COVERAGE",
    args: [kpi("OPEN_PIPELINE_VALUE"), input("TARGET")],
    better: "higher",
    defaultTarget: 3,
  },
  {
    id: "REVENUE_GROWTH",
    metric: "REVENUE_GROWTH",
    args: [kpi("REVENUE"), input("PREVIOUS_REVENUE")],
    better: "higher",
  },
  {
    id: "LEAD_CONVERSION_RATE",
    metric: "LEAD_CONVERSION_RATE",
    args: [input("LEADS_CONVERTED"), input("LEADS")],
    better: "higher",
  },
  {
    id: "OPPORTUNITY_CONVERSION_RATE",
    metric: "OPPORTUNITY_CONVERSION_RATE",
    args: [kpi("DEALS_WON"), { sum: ["DEALS_WON", "DEALS_LOST", "OPEN_OPPORTUNITIES"] }],
    better: "higher",
  },
  {
    id: "QUOTA_ATTAINMENT",
    metric: "QUOTA_ATTAINMENT",
    args: [input("REPS_AT_QUOTA"), input("REPS")],
    better: "higher",
  },
  {
    id: "FORECAST_ACCURACY",
    metric: "FORECAST_ACCURACY",
    args: [kpi("REVENUE"), input("FORECAST")],
    better: "higher",
  },
  { id: "CAC", metric: "CAC", args: [input("SPEND"), input("NEW_CUSTOMERS")], better: "lower" },
  {
    id: "CLTV",
    metric: "CLTV",
    args: [input("REVENUE_PER_CUSTOMER_YEAR"), input("LIFETIME_YEARS")],
    better: "higher",
  },
  {
    id: "LTV_CAC_RATIO",
    metric: "LTV_CAC_RATIO",
    args: [kpi("CLTV"), kpi("CAC")],
    better: "higher",
    defaultTarget: 3,
  },
  {
    id: "CAC_PAYBACK_MONTHS",
    metric: "CAC_PAYBACK_MONTHS",
    args: [kpi("CAC"), input("MONTHLY_REVENUE_PER_CUSTOMER"), input("GROSS_MARGIN")],
    better: "lower",
    defaultTarget: 12,
  },
  {
    id: "CLTV_FROM_CHURN",
    metric: "CLTV_FROM_CHURN",
    args: [input("MONTHLY_REVENUE_PER_CUSTOMER"), input("GROSS_MARGIN"), input("MONTHLY_CHURN")],
    better: "higher",
  },
  {
    id: "CHURN_RATE",
    metric: "CHURN_RATE",
    args: [input("CUSTOMERS_LOST"), input("CUSTOMERS_START")],
    better: "lower",
  },
  {
    id: "NET_CHURN_RATE",
    metric: "NET_CHURN_RATE",
    args: [input("CUSTOMERS_LOST"), input("NEW_CUSTOMERS"), input("CUSTOMERS_START")],
    better: "lower",
  },
  {
    id: "RETENTION_RATE",
    metric: "RETENTION_RATE",
    args: [input("CUSTOMERS_END"), input("NEW_CUSTOMERS"), input("CUSTOMERS_START")],
    better: "higher",
  },
  {
    id: "NET_REVENUE_RETENTION",
    metric: "NET_REVENUE_RETENTION",
    args: [
      input("STARTING_REVENUE"),
      input("EXPANSION"),
      input("CONTRACTION"),
      input("CHURNED_REVENUE"),
    ],
    better: "higher",
    defaultTarget: 1,
  },
  {
    id: "GROSS_REVENUE_RETENTION",
    metric: "GROSS_REVENUE_RETENTION",
    args: [input("STARTING_REVENUE"), input("CONTRACTION"), input("CHURNED_REVENUE")],
    better: "higher",
  },
  {
    id: "TIME_SELLING",
    metric: "TIME_SELLING",
    args: [input("SELLING_HOURS"), input("WORKING_HOURS")],
    better: "higher",
  },
];

/** The article's seven-metric checklist. */
export const CHECKLIST = [
  "LEAD_CONVERSION_RATE",
  "AVG_DEAL_SIZE",
  "WIN_RATE",
  "QUOTA_ATTAINMENT",
  "REVENUE_GROWTH",
  "PIPELINE_COVERAGE",
  "RETENTION_RATE",
];

/**
 * What a KPI sheet holds: the inputs a deal table cannot give, and the KPI rows, each defined by the
 * catalog function that computes it and the names of its arguments. Labels and definitions come from
 * the catalog, the deal-table KPIs' labels from DEAL_KPI_LABELS, the rest from the string table.
 */
import {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  REPORT_KPI_LABELS,
  REPORT_KPI_UNITS,
  type ReportKpiId,
  type Unit,
  findEntry,
} from "../engine";
import type { Language } from "../i18n";
import { KPI_SHEET, type KpiSheetWords } from "../i18n/strings/kpiSheet";
import type { BaseFigure } from "./dealFormulas";

/** The figures of section 9 a deal table gives on the sheet, beyond the base figures. */
export type DataFigure = BaseFigure | "WEIGHTED_PIPELINE_VALUE" | "PREVIOUS_REVENUE";

/** An input a deal table cannot give: its id names it (KPI_INPUT_<ID>) and its label. */
export type InputId = keyof KpiSheetWords["inputLabels"];

/** Inputs to type into (or prefilled from the data), each with a defined name KPI_INPUT_<ID>. */
export interface InputSpec {
  id: InputId;
  unit: Unit;
}

/** The inputs in the order the sheet lists them; their labels are in the string table. */
export const INPUTS: InputSpec[] = [
  { id: "TARGET", unit: "money" },
  { id: "REPS", unit: "count" },
  { id: "PREVIOUS_REVENUE", unit: "money" },
  { id: "FORECAST", unit: "money" },
  { id: "LEADS", unit: "count" },
  { id: "LEADS_CONVERTED", unit: "count" },
  { id: "SPEND", unit: "money" },
  { id: "NEW_CUSTOMERS", unit: "count" },
  { id: "CUSTOMERS_START", unit: "count" },
  { id: "CUSTOMERS_END", unit: "count" },
  { id: "CUSTOMERS_LOST", unit: "count" },
  { id: "REVENUE_PER_CUSTOMER_YEAR", unit: "money" },
  { id: "LIFETIME_YEARS", unit: "days" },
  { id: "MONTHLY_REVENUE_PER_CUSTOMER", unit: "money" },
  { id: "GROSS_MARGIN", unit: "rate" },
  { id: "MONTHLY_CHURN", unit: "rate" },
  { id: "STARTING_REVENUE", unit: "money" },
  { id: "EXPANSION", unit: "money" },
  { id: "CONTRACTION", unit: "money" },
  { id: "CHURNED_REVENUE", unit: "money" },
  { id: "SELLING_HOURS", unit: "count" },
  { id: "WORKING_HOURS", unit: "count" },
  { id: "REPS_AT_QUOTA", unit: "count" },
];

/** The label of an input in the sheet's language. */
export function inputLabel(id: InputId, language: Language): string {
  return KPI_SHEET[language].inputLabels[id];
}

/** An argument of a KPI row: another KPI (KPI_<ID>), an input (KPI_INPUT_<ID>) or an expression of KPIs. */
export type RowArg = { kpi: string } | { input: InputId } | { sum: string[] };

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
const input = (id: InputId): RowArg => ({ input: id });

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

/** The weighted pipeline: with a probability column. */
const WEIGHTED_ROW: KpiRow = { id: "WEIGHTED_PIPELINE_VALUE", better: "higher" };

/**
 * The previous period's revenue from the data: with close dates. The input of the same name, when
 * typed in, overrides it; revenue growth then reads this row.
 */
const PREVIOUS_REVENUE_ROW: KpiRow = {
  id: "PREVIOUS_REVENUE",
  args: [input("PREVIOUS_REVENUE")],
  better: "higher",
};

const ALL_ROWS = [...BASE_ROWS, ...DERIVED_ROWS];
const ROWS_BY_ID = new Map(
  [...ALL_ROWS, WEIGHTED_ROW, PREVIOUS_REVENUE_ROW].map((row) => [row.id, row])
);

/** The KPI row of an id. */
export function rowOf(id: string): KpiRow {
  const row = ROWS_BY_ID.get(id);
  if (!row) throw new Error(`no KPI row ${id}`);
  return row;
}

/** The ids a row's arguments read: KPIs, each KPI of a sum, and inputs. */
function kpisRead(row: KpiRow): string[] {
  return (row.args ?? []).flatMap((arg) =>
    "kpi" in arg ? [arg.kpi] : "sum" in arg ? arg.sum : []
  );
}

/**
 * The rows with those a deal table adds: the weighted pipeline after the open pipeline, and the
 * previous period's revenue before revenue growth (which then reads it rather than the input).
 */
export function withDataRows(
  rows: readonly KpiRow[],
  data: { probability: boolean; closeDates: boolean }
): KpiRow[] {
  return rows.flatMap((row) => {
    if (row.id === "OPEN_PIPELINE_VALUE" && data.probability) return [row, WEIGHTED_ROW];
    if (row.id === "REVENUE_GROWTH" && data.closeDates)
      return [PREVIOUS_REVENUE_ROW, { ...row, args: [kpi("REVENUE"), kpi("PREVIOUS_REVENUE")] }];
    return [row];
  });
}

/** The rows of a preset, with every row they depend on, in sheet order. */
export function rowsOfPreset(preset: "checklist" | "all"): KpiRow[] {
  // Every sheet has the deal table's own KPIs, whatever the preset.
  const wanted = new Set<string>([
    ...DEAL_KPI_IDS,
    ...(preset === "all" ? DERIVED_ROWS.map((row) => row.id) : CHECKLIST),
  ]);
  const pending = [...wanted];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const dep of kpisRead(rowOf(id))) {
      if (!wanted.has(dep)) {
        wanted.add(dep);
        pending.push(dep);
      }
    }
  }
  return ALL_ROWS.filter((row) => wanted.has(row.id));
}

/** A row's label: the deal-table KPI's, or its catalog entry's title. */
export function rowLabel(row: KpiRow, language: Language): string {
  // The deal table's KPIs, and its figures of section 9 (revenue growth keeps the catalog's title).
  if (row.id in DEAL_KPI_LABELS || (!row.metric && row.id in REPORT_KPI_LABELS))
    return REPORT_KPI_LABELS[row.id as ReportKpiId][language];
  return findEntry(row.metric ?? row.id)!.title[language];
}

/** A row's definition: its catalog entry's formula, or what the deal table's figure counts. */
export function rowDefinition(row: KpiRow, language: Language): string {
  if (row.metric) return findEntry(row.metric)!.formula[language];
  return KPI_SHEET[language].definitions[row.id as DataFigure];
}

/** What a row's value measures, for its number format. */
export function rowUnit(row: KpiRow): Unit {
  return row.metric ? findEntry(row.metric)!.unit : REPORT_KPI_UNITS[row.id as ReportKpiId];
}

/** The metric engine: pure TypeScript, no Office or DOM. */
export { CATALOG, CATEGORIES, findEntry } from "./catalog";
export type * from "./catalog/types";
export { isRangeParam } from "./catalog/types";
export { evaluate, evaluateEntry, plainNumberEntry } from "./evaluate";
export type { EvaluateOptions, PlainNumberEntry } from "./evaluate";
export {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  classifyStage,
  closedInPeriod,
  dealFigures,
  dealKpis,
  stageKey,
  stageOverrideKey,
} from "./deals";
export type {
  DealColumns,
  DealFigures,
  DealKpiId,
  DealKpis,
  Period,
  StageClass,
  StageEntryColumn,
} from "./deals";
export * from "./dealReport";
export {
  type CurrencyCount,
  currencyCounts,
  currencyList,
  onlyCurrency,
  sameCurrency,
} from "./currencies";
export { SEGMENT_KPI_IDS, type Segment, type SegmentKpiId, segmentKpis } from "./segments";
export { type FunnelStage, funnel, isFunnelStage } from "./funnel";
export {
  CALENDAR_MONTHS,
  type ClosedPeriod,
  calendarMonths,
  previousPeriod,
} from "./previousPeriod";
export * from "./whatIfModel";
export {
  type LeverSolution,
  type Objective,
  SOLVE_TOLERANCE,
  type Solution,
  findInput,
  solveLever,
} from "./solve";
export {
  MAX_TRIALS,
  SIMULATION_LABELS,
  type RevenueSimulation,
  type Triangle,
  percentileOfSorted,
  seededUniform,
  simulateRevenue,
  triangularQuantile,
} from "./simulation";
export { parseIsoDate, parseNumberText, parseTypedNumber, foldText } from "./coerce";
export {
  MAX_SERIAL,
  calendarDaySerial,
  dateToSerial,
  firstOfMonthSerial,
  serialToDate,
  serialToIsoDate,
} from "./excelDate";
export * from "./values";
export { formatKpi } from "./format";

/** The metric engine: pure TypeScript, no Office or DOM. */
export { CATALOG, CATEGORIES, findEntry } from "./catalog";
export type * from "./catalog/types";
export { isRangeParam } from "./catalog/types";
export { evaluate, evaluateEntry } from "./evaluate";
export type { EvaluateOptions } from "./evaluate";
export {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  classifyStage,
  closedInPeriod,
  dealFigures,
  dealKpis,
} from "./deals";
export type { DealColumns, DealFigures, DealKpiId, DealKpis, Period, StageClass } from "./deals";
export { parseIsoDate, parseNumberText, serialToIsoDate, dateToSerial, foldText } from "./coerce";
export * from "./values";

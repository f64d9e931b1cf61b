/** Small builders that keep the catalog entries short and uniform. */
import { KpiError, divZero, numError } from "../values";
import type { RangeKind, RangeParam, ScalarKind, ScalarParam } from "./types";

/** A single-value parameter: name in English and Turkish Excel, kind, description in both languages. */
export function param(
  name: string,
  trName: string,
  kind: ScalarKind,
  en: string,
  tr: string,
  extra: Partial<ScalarParam> = {}
): ScalarParam {
  return { name, trName, kind, description: { en, tr }, ...extra };
}

/** A range parameter (a column of data). */
export function rangeParam(
  name: string,
  trName: string,
  range: RangeKind,
  en: string,
  tr: string,
  extra: Partial<RangeParam> = {}
): RangeParam {
  return { name, trName, range, description: { en, tr }, ...extra };
}

/** numerator / denominator, or #DIV/0! with the reason when the denominator is 0. */
export function divide(
  numerator: number,
  denominator: number,
  whenZero: string
): number | KpiError {
  return denominator === 0 ? divZero(whenZero) : numerator / denominator;
}

/**
 * A rate of part over whole: #DIV/0! when the whole is 0, #NUM! when the part exceeds it
 * (converted leads above total leads, customers lost above customers at start, ...).
 */
export function shareOf(
  part: number,
  partName: string,
  whole: number,
  wholeName: string
): number | KpiError {
  if (whole === 0) return divZero(`${wholeName} is 0: a share of nothing is undefined`);
  if (part > whole) return numError(`${partName} (${part}) cannot exceed ${wholeName} (${whole})`);
  return part / whole;
}

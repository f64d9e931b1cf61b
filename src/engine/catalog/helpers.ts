/** Small builders that keep the catalog entries short and uniform. */
import { fillBoth } from "../../i18n/format";
import { REASONS } from "../../i18n/strings/reasons";
import { sayBoth } from "../../i18n/table";
import { exactNumber, nameOf } from "../params";
import { KpiError, divZero, numError } from "../values";
import type { ParamSpec, RangeKind, RangeParam, ScalarKind, ScalarParam, Text } from "./types";

export { nameOf };

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

/**
 * A metric's own reason about one of its parameters, in both languages: `{name}` in the template is
 * the parameter's name in each language's Excel. Made once, where the entry is declared, so that a
 * computation only hands it on.
 */
export function reasonAbout(param: ParamSpec, template: Text): Text {
  return fillBoth(template, { name: nameOf(param) });
}

/**
 * Names of parameters joined by an operator, as a reason writes a combination of them
 * ("contraction + churned"), in each language's Excel names.
 */
export function combined(operator: string, ...params: ParamSpec[]): Text {
  return {
    en: params.map((param) => param.name).join(` ${operator} `),
    tr: params.map((param) => param.trName).join(` ${operator} `),
  };
}

/** numerator / denominator, or #DIV/0! with the reason when the denominator is 0. */
export function divide(numerator: number, denominator: number, whenZero: Text): number | KpiError {
  return denominator === 0 ? divZero(whenZero) : numerator / denominator;
}

/** #NUM!: a part (a parameter, or a combination of them) larger than the whole it is part of. */
export function exceeds(partName: Text, part: number, wholeName: Text, whole: number): KpiError {
  return numError(
    sayBoth(REASONS, (s) => s.cannotExceed, {
      part: partName,
      partValue: exactNumber(part),
      whole: wholeName,
      wholeValue: exactNumber(whole),
    })
  );
}

/**
 * A rate of part over whole: #DIV/0! when the whole is 0, #NUM! when the part exceeds it
 * (converted leads above total leads, customers lost above customers at start, ...).
 * @param partName The part's parameter name in each language (see nameOf).
 * @param wholeName The whole's parameter name in each language.
 */
export function shareOf(
  part: number,
  partName: Text,
  whole: number,
  wholeName: Text
): number | KpiError {
  if (whole === 0) return divZero(sayBoth(REASONS, (s) => s.shareOfNothing, { whole: wholeName }));
  if (part > whole) return exceeds(partName, part, wholeName, whole);
  return part / whole;
}

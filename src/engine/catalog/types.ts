/**
 * The shape of a catalog entry. One entry declares a metric once; the engine, the Excel metadata, the
 * custom-function registrations, the command line, the docs and the example tests are derived from it.
 */
import type { Arg, ErrorCode, KpiError, ResultCell } from "../values";

import type { Language, Text } from "../../i18n/language";

export type { Language, Text };

/** What a single-value parameter holds; each kind carries its bounds (see params.ts). */
export type ScalarKind =
  "count" | "money" | "rate" | "days" | "years" | "hours" | "number" | "date" | "choice";

/** What the cells of a range parameter hold. */
export type RangeKind = "numbers" | "dates" | "labels";

interface ParamBase {
  /** Parameter name in English Excel (snake_case, as Excel's own functions name theirs). */
  name: string;
  /** Parameter name in Turkish Excel. */
  trName: string;
  description: Text;
  optional?: boolean;
}

/** A single value; given a range instead, the function answers element by element. */
export interface ScalarParam extends ParamBase {
  kind: ScalarKind;
  /** The values a "choice" parameter accepts (matched case-insensitively). */
  choices?: readonly string[];
}

/** A column of data, consumed whole; blank cells are skipped. */
export interface RangeParam extends ParamBase {
  range: RangeKind;
  /** Smallest number allowed in the range (numbers and dates). */
  min?: number;
  /** Text that is not a number: skip it (as COUNTIF does) or answer #VALUE! (the default). */
  onText?: "skip" | "error";
  /**
   * A column of a deal table in the user's sheet, read as the KPI sheet's formulas read it in place
   * and as the task pane reads it (metric specification, "A deal table"): only numbers count, at or
   * above `min`, dates as their day; text, error values and other numbers count as blank, so that one
   * bad cell leaves out one deal, and only of the KPIs it would distort.
   */
  inPlace?: boolean;
}

export type ParamSpec = ScalarParam | RangeParam;

export function isRangeParam(param: ParamSpec): param is RangeParam {
  return "range" in param;
}

/** The unit of a result, which decides its number format. */
export type Unit =
  "money" | "money_per_day" | "rate" | "ratio" | "count" | "days" | "months" | "number" | "table";

export type CategoryId =
  | "revenue"
  | "conversion"
  | "pipeline"
  | "customer"
  | "team"
  | "checklist"
  | "unit_economics"
  | "what_if"
  | "deal_table";

/** A validated range: one entry per cell, row by row; null where the cell was blank or skipped. */
export type NumberColumn = (number | null)[];
export type LabelColumn = (string | null)[];

/** What a computation gives back; the engine turns non-finite numbers into #NUM!. */
export type Outcome = number | KpiError | ResultCell[][];

/** A worked example: arguments as a person types them, and the expected value or error code. */
export interface Example {
  args: Arg[];
  expect: number | ErrorCode | ResultCell[][];
  /** Where the example comes from or what it shows. */
  note?: string;
}

export interface MetricEntry {
  /** Excel id and English name under the KPI namespace: KPI.<id>. */
  id: string;
  /** Function name in Turkish Excel (A-Z, 0-9, _ and . only, as Excel requires). */
  trName: string;
  category: CategoryId;
  title: Text;
  description: Text;
  /** The definition in plain notation, in each language, for the docs and the KPI sheet. */
  formula: Text;
  params: ParamSpec[];
  unit: Unit;
  /**
   * The arithmetic alone: arguments arrive validated (numbers within their bounds, ranges as columns),
   * so the body only checks what relates one argument to another.
   */
  compute: (...args: never[]) => Outcome;
  /**
   * A quicker way to the same answer over the arguments as given (the deal table's one pass over its
   * ranges); it returns undefined whenever the general reading must answer, which then says why.
   */
  shortcut?: (args: Arg[], context: EvaluationContext) => Outcome | undefined;
  /** The same metric as a native Excel formula over cell references, where one exists. */
  excel?: (...refs: string[]) => string;
  examples: Example[];
  /** A correction or caveat the reference must show (the article's wrong worked examples). */
  note?: Text;
}

/** What a computation may need to know of where it runs. */
export interface EvaluationContext {
  /** Language of labels in a result table (Excel's display language). */
  language: Language;
}

/**
 * The custom functions' adapter: Excel's arguments in, the engine's answer out as Excel values.
 * Kept free of globals so that tests can hand it a stand-in for the CustomFunctions runtime.
 */
// The engine's modules, not its index: the functions' bundle carries only what they call (the index
// also brings the what-if model, the solver and their words).
import type { MetricEntry } from "../engine/catalog/types";
import { evaluateEntry, plainNumberEntry } from "../engine/evaluate";
import {
  type Arg,
  type Cell,
  type ErrorCode,
  KpiError,
  type Result,
  parseErrorCode,
} from "../engine/values";
import { type Language, type Text, languageOf } from "../i18n/language";
import { REASONS } from "../i18n/strings/reasons";
import { sayBoth, textOf } from "../i18n/table";

/** The parts of the CustomFunctions runtime the adapter uses. */
export interface CustomFunctionsRuntime {
  Error: new (code: never, message?: string) => unknown;
}

/** Error codes a custom function may return (Excel refuses #NAME? and #REF! as results). */
const RETURNABLE = new Set<ErrorCode>(["#DIV/0!", "#VALUE!", "#NUM!", "#N/A", "#NULL!"]);
/** Excel shows a custom message only with these. */
const WITH_MESSAGE = new Set<ErrorCode>(["#VALUE!", "#N/A"]);

/**
 * Error values Excel may pass in that the engine has no code of its own for (#BUSY! while an input
 * still calculates, #SPILL!, #CALC! ...): they come through as #VALUE!, the message naming them.
 */
const ERROR_TEXT = /^#[A-Z0-9/_]+[!?]?$|^#N\/A$/;

/** An Error of any realm (Excel's runtime, or a test's sandbox, has its own Error constructor). */
const isJsError = (value: object): boolean =>
  Object.prototype.toString.call(value) === "[object Error]";

/** An error value's text as each language's Excel writes it: #N/A, #YOK in Turkish. */
function errorText(text: string, known: ErrorCode | undefined): Text {
  return known ? textOf(REASONS, (s) => s.errorCodes[known]) : { en: text, tr: text };
}

/**
 * An input error as Excel passes it to an `any` parameter once functions.json sets
 * allowErrorForDataTypeAny (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors):
 * - a CustomFunctions.Error, whose `code` is a CustomFunctions.ErrorCode value, which is the error's
 *   text ("#N/A", "#NAME?", "#REF!": https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode),
 *   with an optional `message`;
 * - an Excel.ErrorCellValue of the data-types API ({ type: "Error", basicValue: "#N/A", errorType },
 *   https://learn.microsoft.com/javascript/api/excel/excel.errorcellvalue), which custom functions
 *   accept as input (custom-functions-data-types-concepts);
 * - a JavaScript Error whose message is the error's text.
 * Anything else is not an error value (undefined).
 */
export function excelErrorOf(value: unknown): KpiError | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const { code, type, basicValue, errorType, message } = value as Record<string, unknown>;
  const text =
    typeof code === "string" && code.startsWith("#")
      ? code
      : type === "Error" || type === "error"
        ? typeof basicValue === "string"
          ? basicValue
          : `#${String(errorType ?? "VALUE!")}`
        : isJsError(value) && ERROR_TEXT.test(String(message).trim())
          ? String(message).trim()
          : undefined;
  if (text === undefined) return undefined;
  const known = parseErrorCode(text);
  const given = typeof message === "string" && message && message !== text ? message : undefined;
  const answer = known ?? "#VALUE!";
  if (!given)
    return new KpiError(
      answer,
      sayBoth(REASONS, (s) => s.inputError, { code: errorText(text, known) })
    );
  // Excel's own message is in Office's language already: it passes on as it is, in both.
  if (known) return new KpiError(answer, { en: given, tr: given });
  return new KpiError(
    answer,
    sayBoth(REASONS, (s) => s.inputErrorWithMessage, {
      message: given,
      code: errorText(text, known),
    })
  );
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return excelErrorOf(value) ?? String(value);
}

const isPlainCell = (cell: unknown): boolean =>
  cell === null ||
  typeof cell === "number" ||
  typeof cell === "string" ||
  typeof cell === "boolean";

/** A row of a range as engine cells: the row itself when every cell is already one. */
function engineRow(row: unknown): Cell[] {
  if (!Array.isArray(row)) return [toCell(row)];
  for (let c = 0; c < row.length; c++) if (!isPlainCell(row[c])) return row.map(toCell);
  return row as Cell[];
}

/** One Excel argument as the engine reads it: a 2-D range stays a grid, null stays an omitted argument. */
export function toEngineArg(value: unknown): Arg {
  if (!Array.isArray(value)) return toCell(value);
  // A range of a million plain cells is passed on as it is (the engine never changes its arguments);
  // only the rows holding an error value (or given flat) are copied.
  let grid: unknown[] = value;
  for (let r = 0; r < value.length; r++) {
    const row = engineRow(value[r]);
    if (row === value[r]) continue;
    if (grid === value) grid = value.slice();
    grid[r] = row;
  }
  return grid as Cell[][];
}

/**
 * One engine result as Excel takes it from a function whose result is a matrix.
 * @param language The language of the reasons Excel shows with #VALUE! and #N/A: Office's display language.
 */
export function toExcelResult(
  result: Result,
  runtime: CustomFunctionsRuntime,
  language: Language = "en"
): unknown[][] {
  const cell = (value: number | string | KpiError): unknown => {
    if (!(value instanceof KpiError)) return value;
    const code = RETURNABLE.has(value.code) ? value.code : "#VALUE!";
    const message = WITH_MESSAGE.has(code) ? value.messageIn(language) : undefined;
    return new runtime.Error(code as never, message);
  };
  return Array.isArray(result) ? result.map((row) => row.map(cell)) : [[cell(result)]];
}

/** The number in an argument given as a number or a range of one number; NaN for anything else. */
function numberIn(arg: unknown): number {
  if (typeof arg === "number") return arg;
  if (!Array.isArray(arg) || arg.length !== 1) return NaN;
  const row: unknown = arg[0];
  if (!Array.isArray(row) || row.length !== 1) return NaN;
  const cell: unknown = row[0];
  return typeof cell === "number" ? cell : NaN;
}

/**
 * The function Excel calls for a catalog entry: the declared arguments (Excel appends an invocation
 * object), the answer as a matrix. A function of single numbers given plain numbers within their
 * bounds goes straight to its arithmetic: a recalculation calls it once per cell, and the general
 * path's checks (blanks, text, ranges, messages) were most of its time. Everything else goes through
 * evaluate, which also names what is wrong.
 * @param language Office's display language, asked only when a table's labels or a reason need it.
 */
export function excelFunction(
  entry: MetricEntry,
  runtime: CustomFunctionsRuntime,
  language: () => string | undefined
): (...args: unknown[]) => unknown[][] {
  const arity = entry.params.length;
  const general = (args: unknown[]): unknown[][] => {
    const shown = languageOf(language());
    return toExcelResult(
      evaluateEntry(entry, args.slice(0, arity).map(toEngineArg), { language: shown }),
      runtime,
      shown
    );
  };
  const plain = arity <= 4 ? plainNumberEntry(entry) : undefined;
  if (!plain) return (...args: unknown[]) => general(args);
  const { min, max, compute } = plain;
  // Four named parameters, not a rest parameter: no array is made for a call that needs none.
  return (p0?: unknown, p1?: unknown, p2?: unknown, p3?: unknown): unknown[][] => {
    const a = numberIn(p0);
    const b = arity > 1 ? numberIn(p1) : 0;
    const c = arity > 2 ? numberIn(p2) : 0;
    const d = arity > 3 ? numberIn(p3) : 0;
    // x - x is 0 for a finite number only; NaN (not a plain number) fails every comparison.
    if (
      !(a - a === 0 && a >= min[0] && a <= max[0]) ||
      (arity > 1 && !(b - b === 0 && b >= min[1] && b <= max[1])) ||
      (arity > 2 && !(c - c === 0 && c >= min[2] && c <= max[2])) ||
      (arity > 3 && !(d - d === 0 && d >= min[3] && d <= max[3]))
    )
      return general([p0, p1, p2, p3]);
    // + 0 reads -0 as 0, as evaluate does for its arguments and its answers.
    const outcome =
      arity === 1
        ? compute(a + 0)
        : arity === 2
          ? compute(a + 0, b + 0)
          : arity === 3
            ? compute(a + 0, b + 0, c + 0)
            : compute(a + 0, b + 0, c + 0, d + 0);
    if (typeof outcome !== "number") return toExcelResult(outcome, runtime, languageOf(language()));
    return outcome - outcome === 0 ? [[outcome + 0]] : general([p0, p1, p2, p3]);
  };
}

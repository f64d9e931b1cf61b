/**
 * The custom functions' adapter: Excel's arguments in, the engine's answer out as Excel values.
 * Kept free of globals so that tests can hand it a stand-in for the CustomFunctions runtime.
 */
import { type Arg, type Cell, ERROR_CODES, type ErrorCode, KpiError, type Result } from "../engine";

/** The parts of the CustomFunctions runtime the adapter uses. */
export interface CustomFunctionsRuntime {
  Error: new (code: never, message?: string) => unknown;
}

/** Error codes a custom function may return (Excel refuses #NAME? and #REF! as results). */
const RETURNABLE = new Set<ErrorCode>(["#DIV/0!", "#VALUE!", "#NUM!", "#N/A", "#NULL!"]);
/** Excel shows a custom message only with these. */
const WITH_MESSAGE = new Set<ErrorCode>(["#VALUE!", "#N/A"]);

/** Reads an error that Excel passed in (a CustomFunctions.Error or an error-like object). */
function excelErrorToCell(value: { code?: unknown; message?: unknown }): Cell {
  const code = ERROR_CODES.find((candidate) => candidate === value.code) ?? "#VALUE!";
  return new KpiError(
    code,
    typeof value.message === "string" && value.message ? value.message : `${code} in an input`
  );
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (typeof value === "object" && "code" in value)
    return excelErrorToCell(value as { code?: unknown });
  return String(value);
}

/** One Excel argument as the engine reads it: a 2-D range stays a grid, null stays an omitted argument. */
export function toEngineArg(value: unknown): Arg {
  if (Array.isArray(value))
    return value.map((row) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
  return toCell(value);
}

/** One engine result as Excel takes it from a function whose result is a matrix. */
export function toExcelResult(result: Result, runtime: CustomFunctionsRuntime): unknown[][] {
  const cell = (value: number | string | KpiError): unknown => {
    if (!(value instanceof KpiError)) return value;
    const code = RETURNABLE.has(value.code) ? value.code : "#VALUE!";
    const message = WITH_MESSAGE.has(code) ? value.message : undefined;
    return new runtime.Error(code as never, message);
  };
  return Array.isArray(result) ? result.map((row) => row.map(cell)) : [[cell(result)]];
}

/** The language for labels in result tables, from Office's display language ("tr-TR" -> "tr"). */
export function labelLanguage(displayLanguage: string | undefined): "en" | "tr" {
  return displayLanguage?.toLowerCase().startsWith("tr") ? "tr" : "en";
}

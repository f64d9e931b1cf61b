/** How the command line prints results: plain text as Excel shows a value, or one line of JSON. */
import { KpiError, type Result, type ResultCell } from "../engine";

/** A number as Excel shows it: 15 significant digits, no trailing noise (0.1 + 0.2 shows 0.3). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function plainCell(cell: ResultCell): number | string {
  if (cell instanceof KpiError) return cell.code;
  return typeof cell === "number" ? Number(cell.toPrecision(15)) : cell;
}

function jsonCell(cell: ResultCell): unknown {
  return cell instanceof KpiError ? { error: cell.code, message: cell.message } : cell;
}

/** The plain output: the value, a JSON array, or the error code followed by its reason. */
export function formatPlain(result: Result): string {
  if (result instanceof KpiError) return `${result.code} ${result.message}`;
  if (Array.isArray(result)) return JSON.stringify(result.map((row) => row.map(plainCell)));
  return formatNumber(result);
}

/** The --json output: {"value": ...} or {"error": "#DIV/0!", "message": "..."}. */
export function formatJson(result: Result): string {
  if (result instanceof KpiError)
    return JSON.stringify({ error: result.code, message: result.message });
  return JSON.stringify({
    value: Array.isArray(result) ? result.map((row) => row.map(jsonCell)) : result,
  });
}

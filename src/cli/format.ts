/**
 * How the command line prints results: plain text as Excel's General format shows a value in the
 * reader's language, or one line of JSON (machine keys and numbers, reasons in the reader's language).
 */
import { KpiError, type Result, type ResultCell } from "../engine";
import { type Language, plainNumber } from "../i18n";

function plainCell(cell: ResultCell, language: Language): number | string {
  if (cell instanceof KpiError) return cell.codeIn(language);
  return typeof cell === "number" ? Number(cell.toPrecision(15)) : cell;
}

function jsonCell(cell: ResultCell, language: Language): unknown {
  return cell instanceof KpiError ? { error: cell.code, message: cell.messageIn(language) } : cell;
}

/**
 * The plain output: the value, a JSON array (a range stays JSON, to be read back as one), or the
 * error code (as the language's Excel names it: #YOK in Turkish) followed by its reason.
 */
export function formatPlain(result: Result, language: Language): string {
  if (result instanceof KpiError) return `${result.codeIn(language)} ${result.messageIn(language)}`;
  if (Array.isArray(result))
    return JSON.stringify(result.map((row) => row.map((cell) => plainCell(cell, language))));
  return plainNumber(result, language);
}

/** The --json output: {"value": ...} or {"error": "#DIV/0!", "message": "..."}. */
export function formatJson(result: Result, language: Language): string {
  if (result instanceof KpiError)
    return JSON.stringify({ error: result.code, message: result.messageIn(language) });
  return JSON.stringify({
    value: Array.isArray(result)
      ? result.map((row) => row.map((cell) => jsonCell(cell, language)))
      : result,
  });
}

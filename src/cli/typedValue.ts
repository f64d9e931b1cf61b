/**
 * Command-line arguments as cells: a JSON array is a range ([[1],[2]] a column, [1,2] a row); anything
 * else is the text of one cell, read as Excel reads a typed value (numbers, percentages, currency,
 * ISO dates, TRUE/FALSE, error codes; an empty argument is a blank cell).
 */
import {
  type Arg,
  type Cell,
  KpiError,
  parseErrorCode,
  parseIsoDate,
  parseNumberText,
} from "../engine";
import { type Text, TextError, sayBoth } from "../i18n";
import { CLI } from "../i18n/strings/cli";

/**
 * Thrown for what was typed wrong (an argument, an option's value); the command line exits with 2 and
 * says why in its language. The reason is a Text, or a string already in the reader's language (as a
 * command that knows it writes it).
 */
export class UsageError extends TextError {
  constructor(reason: Text | string) {
    super(typeof reason === "string" ? { en: reason, tr: reason } : reason);
  }
}

/** One typed cell, as Excel reads what a person types into it. */
export function readTypedCell(text: string): Cell {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  const code = parseErrorCode(trimmed);
  if (code)
    return new KpiError(
      code,
      sayBoth(CLI, (s) => s.calc.errorGiven, { code })
    );
  return parseIsoDate(trimmed) ?? parseNumberText(trimmed) ?? text;
}

/**
 * One cell of a JSON range: JSON numbers, text, logicals and null stay what they are.
 * @param position The argument's position (1 for the first), which the reasons name.
 */
function jsonCell(value: unknown, position: string): Cell {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") {
    const code = parseErrorCode(value);
    return code
      ? new KpiError(
          code,
          sayBoth(CLI, (s) => s.calc.errorInRange, { code, position })
        )
      : value;
  }
  throw new UsageError(
    sayBoth(CLI, (s) => s.calc.badCell, { position, value: JSON.stringify(value) })
  );
}

/** One command-line argument as a cell or a range. */
export function readArgument(text: string, position: number): Arg {
  const trimmed = text.trim();
  if (!trimmed.startsWith("[")) return readTypedCell(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return readTypedCell(text); // not JSON: the text of one cell
  }
  if (!Array.isArray(parsed)) return readTypedCell(text);
  // A position, written as typed (no grouping).
  const where = String(position);
  if (parsed.length === 0)
    throw new UsageError(sayBoth(CLI, (s) => s.calc.emptyRange, { position: where }));
  if (parsed.every(Array.isArray)) {
    const rows = parsed as unknown[][];
    if (rows.some((row) => row.length !== rows[0].length || row.length === 0)) {
      throw new UsageError(sayBoth(CLI, (s) => s.calc.ragged, { position: where }));
    }
    return rows.map((row) => row.map((cell) => jsonCell(cell, where)));
  }
  return [parsed.map((cell) => jsonCell(cell, where))];
}

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

/** Thrown for an argument that cannot be a cell or a range; the command line exits with 2. */
export class UsageError extends Error {}

/** One typed cell, as Excel reads what a person types into it. */
export function readTypedCell(text: string): Cell {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  const code = parseErrorCode(trimmed);
  if (code) return new KpiError(code, `${code} given as an argument`);
  return parseIsoDate(trimmed) ?? parseNumberText(trimmed) ?? text;
}

/** One cell of a JSON range: JSON numbers, text, logicals and null stay what they are. */
function jsonCell(value: unknown, where: string): Cell {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") {
    const code = parseErrorCode(value);
    return code ? new KpiError(code, `${code} in ${where}`) : value;
  }
  throw new UsageError(
    `${where}: a range holds numbers, text, true/false or null, not ${JSON.stringify(value)}`
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
  const where = `argument ${position}`;
  if (parsed.length === 0) throw new UsageError(`${where} is an empty range`);
  if (parsed.every(Array.isArray)) {
    const rows = parsed as unknown[][];
    if (rows.some((row) => row.length !== rows[0].length || row.length === 0)) {
      throw new UsageError(`${where}: every row of a range must have the same number of cells`);
    }
    return rows.map((row) => row.map((cell) => jsonCell(cell, where)));
  }
  return [parsed.map((cell) => jsonCell(cell, where))];
}

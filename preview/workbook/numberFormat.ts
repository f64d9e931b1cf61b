/**
 * Shows a value with its number format, roughly as Excel does: General, thousands separators, fixed
 * decimals, percentages, quoted literals and dates (yyyy, mm, dd, mmm..., hh:mm:ss). Enough for the formats the
 * add-in writes; anything else falls back to General.
 */
import { serialToDate } from "../../src/engine/excelDate";
import type { CellValue } from "./evaluator";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A number as Excel's General format shows it in a normal-width column. */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9)
    return value
      .toExponential(5)
      .replace(/\.?0+(?=e)/, "")
      .replace("e", "E");
  if (Number.isInteger(value)) return String(value);
  // Ten significant digits, trailing zeros dropped.
  return String(Number(value.toPrecision(10)));
}

/** The section of a format for this value: positive;negative;zero;text. */
function section(format: string, value: number): { text: string; negativeSection: boolean } {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  if (value < 0 && sections.length > 1) return { text: sections[1], negativeSection: true };
  if (value === 0 && sections.length > 2) return { text: sections[2], negativeSection: false };
  return { text: sections[0], negativeSection: false };
}

/** Splits a format into literal text and code, dropping colours ([Red]) and escapes. */
function tokens(format: string): { literal: boolean; text: string }[] {
  const out: { literal: boolean; text: string }[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      out.push({ literal: true, text: format.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? format.length : end;
    } else if (ch === "\\" && i + 1 < format.length) {
      out.push({ literal: true, text: format[++i] });
    } else if (ch === "[") {
      const end = format.indexOf("]", i);
      i = end < 0 ? format.length : end;
    } else if (ch === "_" || ch === "*") {
      i++; // padding to the width of the next character: ignored
    } else out.push({ literal: false, text: ch });
  }
  return out;
}

function isDateFormat(code: string): boolean {
  return /[ymd]/i.test(code.replace(/"[^"]*"/g, ""));
}

function formatDate(serial: number, format: string): string {
  const date = serialToDate(serial);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  const hours = date.getUTCHours();
  const mins = date.getUTCMinutes();
  const seconds = date.getUTCSeconds();
  let lastCode = "";
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = "";
  const parts = tokens(format);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.literal) {
      out += part.text;
      continue;
    }
    const ch = part.text.toLowerCase();
    if (!"ymdhs".includes(ch)) {
      out += part.text;
      continue;
    }
    let run = 1;
    while (
      i + run < parts.length &&
      !parts[i + run].literal &&
      parts[i + run].text.toLowerCase() === ch
    )
      run++;
    i += run - 1;
    // m right after an hour, or right before seconds, is minutes (hh:mm, mm:ss), as in Excel.
    const nextCode = parts.slice(i + 1).find((p) => !p.literal && /\w/.test(p.text));
    const minutes =
      ch === "m" && run <= 2 && (lastCode === "h" || nextCode?.text.toLowerCase() === "s");
    lastCode = ch;
    if (ch === "h") out += run === 1 ? String(hours) : pad(hours);
    else if (ch === "s") out += run === 1 ? String(seconds) : pad(seconds);
    else if (minutes) out += run === 1 ? String(mins) : pad(mins);
    else if (ch === "y") out += run <= 2 ? pad(y % 100) : String(y);
    else if (ch === "d") out += run === 1 ? String(d) : pad(d);
    else if (run >= 4) out += date.toLocaleString("en", { month: "long", timeZone: "UTC" });
    else if (run === 3) out += MONTHS[m];
    else out += run === 2 ? pad(m + 1) : String(m + 1);
  }
  return out;
}

function formatNumber(value: number, format: string, negativeSection: boolean): string {
  const parts = tokens(format);
  const code = parts
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join("");
  const digits = /[0#?]/;
  const first = parts.findIndex((p) => !p.literal && digits.test(p.text));
  if (first < 0) return parts.map((p) => p.text).join("");
  let last = first;
  for (let i = first; i < parts.length; i++)
    if (!parts[i].literal && /[0#?.,]/.test(parts[i].text)) last = i;
    else break;
  const numberCode = parts
    .slice(first, last + 1)
    .map((p) => p.text)
    .join("");
  const percent = code.includes("%");
  const decimals = (numberCode.split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
  const grouping = /[0#?],[0#?]/.test(numberCode);
  let n = Math.abs(value) * (percent ? 100 : 1);
  // Trailing commas scale by thousands (#,##0, shows thousands).
  const scale = /,+$/.exec(numberCode)?.[0].length ?? 0;
  n /= 1000 ** scale;
  const text = n.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  const render = (slice: { literal: boolean; text: string }[]) => slice.map((p) => p.text).join("");
  const sign =
    value < 0 && !negativeSection && Number(text.replace(/[^0-9.]/g, "")) !== 0 ? "-" : "";
  return sign + render(parts.slice(0, first)) + text + render(parts.slice(last + 1));
}

/**
 * The text Excel would show for a value in a cell of this number format.
 * @example formatValue(0.25, "0.0%") // "25.0%"
 */
export function formatValue(value: CellValue, format = "General"): string {
  if (value === null || value === "") return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value; // text shows as typed whatever the number format
  if (!format || /^general$/i.test(format) || format === "@") return formatGeneral(value);
  const { text, negativeSection } = section(format, value);
  if (/^general$/i.test(text.trim())) return formatGeneral(value);
  try {
    return isDateFormat(text)
      ? formatDate(value, text)
      : formatNumber(value, text, negativeSection);
  } catch {
    return formatGeneral(value);
  }
}

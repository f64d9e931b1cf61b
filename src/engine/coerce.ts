/**
 * Reading numbers and dates out of cells the way Excel reads a typed value: numbers stored as text
 * ("1,200", "$1,200.00", "12%", "(300)") become numbers where the reading is unambiguous, ISO dates
 * become serial numbers. Anything else stays text, for the caller to reject or skip.
 */

import type { Language } from "../i18n/language";
import { dateToSerial } from "./excelDate";

const CURRENCY = /^(?:[$€£¥₺]|TL|TRY|USD|EUR|GBP)\s*|\s*(?:[$€£¥₺]|TL|TRY|USD|EUR|GBP)$/i;
const SPACES = /[\s\u00a0\u202f]/g;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/; // 1,234,567.89
const TR_GROUPED = /^\d{1,3}(?:\.\d{3})+,\d+$/; // 1.234.567,89 (both separators: unambiguous)
const TR_DECIMAL = /^\d+,\d{1,2}$|^\d+,\d{4,}$/; // 1,5 or 12,25: a comma that cannot be a thousands separator
const PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number written as text. Returns undefined when the text is not an unambiguous number.
 * @example parseNumberText("$12,500.00") // 12500
 * @example parseNumberText("12%") // 0.12
 */
export function parseNumberText(text: string): number | undefined {
  let body = text.trim();
  if (body === "") return undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(body)) {
    sign = -1; // accounting negative: (1,200)
    body = body.slice(1, -1).trim();
  }
  if (body.startsWith("-") || body.startsWith("+")) {
    if (body.startsWith("-")) sign = -sign;
    body = body.slice(1).trim();
  }
  body = body.replace(CURRENCY, "");
  if (body.startsWith("-")) {
    sign = -sign; // $-1,200
    body = body.slice(1);
  }
  let scale = 1;
  if (body.endsWith("%")) {
    scale = 0.01;
    body = body.slice(0, -1).trim();
  }
  body = body.replace(SPACES, "");
  let digits: string | undefined;
  if (PLAIN.test(body)) digits = body;
  else if (EN_GROUPED.test(body)) digits = body.replace(/,/g, "");
  else if (TR_GROUPED.test(body)) digits = body.replace(/\./g, "").replace(",", ".");
  else if (TR_DECIMAL.test(body)) digits = body.replace(",", ".");
  if (digits === undefined) return undefined;
  const value = sign * Number(digits) * scale;
  return Number.isFinite(value) ? value : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z)?$/;

/**
 * Reads an ISO date ("2026-03-15", optionally with a time) as an Excel serial number.
 * Returns undefined for any other text or an impossible date (2026-02-30).
 */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d, hh = "0", mm = "0", ss = "0"] = match;
  const year = Number(y);
  const month = Number(m) - 1;
  const day = Number(d);
  const ms = Date.UTC(year, month, day, Number(hh), Number(mm), 0) + Number(ss) * 1000;
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month ||
    check.getUTCDate() !== day
  )
    return undefined;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) >= 60) return undefined;
  return dateToSerial(ms);
}

/** A number in Turkish writing: dots group thousands (3.000.000), a comma marks the decimals. */
const TR_TYPED = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/**
 * A number as a person types it into the add-in (a target, a lever's value) in the conventions of
 * the language it speaks to them, so that what it shows can be typed back: "3.000.000", "1.500"
 * (one thousand five hundred), "0,25" and "%25" in Turkish; in English, and for anything else,
 * what parseNumberText reads.
 */
export function parseTypedNumber(text: string, language: Language): number | undefined {
  if (language !== "tr") return parseNumberText(text);
  const compact = text.replace(SPACES, "");
  const percent = compact.startsWith("%") || compact.endsWith("%");
  const digits = percent ? compact.replace(/^%|%$/g, "") : compact;
  if (!TR_TYPED.test(digits)) return parseNumberText(text);
  const value = Number(digits.replace(/\./g, "").replace(",", "."));
  return percent ? value / 100 : value;
}

/** Folds text for matching headers and stage names: lower case, no accents, Turkish dotless i as i. */
export function foldText(text: string): string {
  return text
    .replace(/İ/g, "i")
    .replace(/I/g, "i")
    .toLowerCase()
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim();
}

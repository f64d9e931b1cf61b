/** KPI values as people read them, by unit, in the display language's conventions. */
import { formatPercent } from "../i18n/format";
import { LOCALES } from "../i18n/language";
import type { Language, Unit } from "./catalog/types";

/**
 * Formats a KPI value: 1,234,567 for money and counts, 31.2% for a rate, 3.10x for a ratio, 62.8 for
 * days or months.
 * @param language "en" (1,234.5) or "tr" (1.234,5).
 */
export function formatKpi(value: number, unit: Unit, language: Language = "en"): string {
  const fixed = (digits: number) =>
    new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  switch (unit) {
    case "rate":
      return formatPercent(value, language);
    case "ratio":
      return `${fixed(2).format(value)}x`;
    case "days":
    case "months":
      return fixed(1).format(value);
    default:
      return fixed(0).format(value);
  }
}

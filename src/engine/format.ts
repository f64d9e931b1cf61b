/** KPI values as people read them, by unit, in the display language's conventions. */
import { formatFixed, formatPercent } from "../i18n/format";
import type { Language, Unit } from "./catalog/types";

/**
 * Formats a KPI value: 1,234,567 for money and counts, 31.2% for a rate, 3.10x for a ratio, 62.8 for
 * days or months.
 * @param language "en" (1,234.5) or "tr" (1.234,5).
 */
export function formatKpi(value: number, unit: Unit, language: Language = "en"): string {
  switch (unit) {
    case "rate":
      return formatPercent(value, language);
    case "ratio":
      return `${formatFixed(value, language, 2)}x`;
    case "days":
    case "months":
      return formatFixed(value, language, 1);
    default:
      return formatFixed(value, language, 0);
  }
}

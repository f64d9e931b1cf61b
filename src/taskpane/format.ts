/** Numbers as the pane shows them, in the display language's conventions. */
import type { Unit } from "../engine";

/** A KPI value as a person reads it: 1,234,567 for money, 31.2% for a rate, 3.10x for a ratio. */
export function formatKpi(value: number, unit: Unit, language: "en" | "tr"): string {
  const locale = language === "tr" ? "tr-TR" : "en-US";
  const number = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (unit) {
    case "rate":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
        value
      );
    case "ratio":
      return `${number(2).format(value)}x`;
    case "days":
    case "months":
      return number(1).format(value);
    default:
      return number(0).format(value);
  }
}

/**
 * The period before a period (metric specification, section 9): the previous calendar month, quarter
 * or year when the period is exactly one, otherwise as many days ending the day before it starts.
 * The KPI sheet writes the same rule as a formula (plan/kpiSheet/growth.ts); tests hold one to the
 * other.
 */
import type { Period } from "./deals";
import { firstOfMonthSerial, serialToDate } from "./excelDate";

/** A period with both ends: Excel serial days, both included. */
export interface ClosedPeriod {
  from: number;
  to: number;
}

/** Months in a calendar period of each kind, in the order they are tried. */
export const CALENDAR_MONTHS = [1, 3, 12] as const;

/**
 * How many months long the period is when it is exactly a calendar month (1), quarter (3) or year
 * (12): it starts on the first day of such a period and ends on its last day.
 */
export function calendarMonths(period: ClosedPeriod): number | undefined {
  const start = serialToDate(period.from);
  if (start.getUTCDate() !== 1 || !Number.isInteger(period.from)) return undefined;
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  return CALENDAR_MONTHS.find(
    (months) =>
      month % months === 0 && firstOfMonthSerial(year, month + months) - 1 === Math.floor(period.to)
  );
}

/**
 * The previous period of the same kind, or undefined when the period is open at either end (then
 * there is no length to repeat).
 */
export function previousPeriod(period: Period | undefined): ClosedPeriod | undefined {
  if (!period || period.from == null || period.to == null) return undefined;
  const closed = { from: period.from, to: period.to };
  const months = calendarMonths(closed);
  if (months !== undefined) {
    const start = serialToDate(closed.from);
    return {
      from: firstOfMonthSerial(start.getUTCFullYear(), start.getUTCMonth() - months),
      to: closed.from - 1,
    };
  }
  const days = Math.floor(closed.to) - Math.floor(closed.from) + 1;
  return { from: closed.from - days, to: closed.from - 1 };
}

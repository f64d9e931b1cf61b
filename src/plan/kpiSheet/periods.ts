/** The months or quarters of a KPI sheet's breakdown by period, as Excel serial dates. */
import { firstOfMonthSerial, serialToDate } from "../../engine";
import type { DataSource, KpiSheetOptions } from "./options";

/** Ten years of months: a breakdown longer than that is no longer read. */
const MAX_PERIODS = 120;

/** Start and end serials of each month or quarter from the period (or the data's close dates). */
export function periodStarts(data: DataSource, options: KpiSheetOptions): [number, number][] {
  const from = options.period?.from ?? data.closedRange?.from;
  const to = options.period?.to ?? data.closedRange?.to;
  if (from == null || to == null || to < from) return [];
  const months = options.grain === "quarter" ? 3 : 1;
  const start = serialToDate(from);
  const year = start.getUTCFullYear();
  // The month or quarter the period starts in; later months run into later years.
  let month = Math.floor(start.getUTCMonth() / months) * months;
  const periods: [number, number][] = [];
  while (periods.length < MAX_PERIODS) {
    const first = firstOfMonthSerial(year, month);
    if (first > to) break;
    periods.push([first, firstOfMonthSerial(year, month + months) - 1]);
    month += months;
  }
  return periods;
}

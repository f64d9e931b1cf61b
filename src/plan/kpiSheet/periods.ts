/** The months or quarters of a KPI sheet's breakdown by period, as Excel serial dates. */
import type { DataSource, KpiSheetOptions } from "./options";

const MS_PER_DAY = 86_400_000;
/** Excel's serial 0 (1899-12-30, as the 1900 date system counts from it after its leap-year bug). */
const EPOCH = Date.UTC(1899, 11, 30);
/** Ten years of months: a breakdown longer than that is no longer read. */
const MAX_PERIODS = 120;

/** The serial of the first day of a month (0-based month, beyond 11 into later years). */
const monthStart = (year: number, month: number): number =>
  (Date.UTC(year, month, 1) - EPOCH) / MS_PER_DAY;

/** Start and end serials of each month or quarter from the period (or the data's close dates). */
export function periodStarts(data: DataSource, options: KpiSheetOptions): [number, number][] {
  const from = options.period?.from ?? data.closedRange?.from;
  const to = options.period?.to ?? data.closedRange?.to;
  if (from == null || to == null || to < from) return [];
  const months = options.grain === "quarter" ? 3 : 1;
  const start = new Date(EPOCH + from * MS_PER_DAY);
  const year = start.getUTCFullYear();
  // The month or quarter the period starts in.
  let month = Math.floor(start.getUTCMonth() / months) * months;
  const periods: [number, number][] = [];
  while (periods.length < MAX_PERIODS) {
    const first = monthStart(year, month);
    if (first > to) break;
    periods.push([first, monthStart(year, month + months) - 1]);
    month += months;
  }
  return periods;
}

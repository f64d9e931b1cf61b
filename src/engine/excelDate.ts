/**
 * Excel's dates, known in one place: a date is a serial number of days in the 1900 date system, and
 * its day 0 is 1899-12-30 for every date after February 1900 (Excel keeps Lotus 1-2-3's 29 February
 * 1900, a day that never was, so counting from 1899-12-31 would be off by one from March 1900:
 * https://learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year). A serial's
 * fraction is the time of day.
 */

export const MS_PER_DAY = 86_400_000;

/** Day 0 of the 1900 date system, in milliseconds since the Unix epoch. */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The serial of 1970-01-01, the Unix epoch (25569). */
export const UNIX_EPOCH_SERIAL = -EPOCH_UTC / MS_PER_DAY;

/** Milliseconds since the Unix epoch (UTC) to an Excel serial date, time of day as its fraction. */
export function dateToSerial(msUtc: number): number {
  return (msUtc - EPOCH_UTC) / MS_PER_DAY;
}

/** The serial of a day of the calendar (month 0-based; beyond 11 it runs into later years). */
export function daySerial(year: number, month: number, day = 1): number {
  return dateToSerial(Date.UTC(year, month, day));
}

/** An Excel serial date as a UTC Date, to the nearest millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH_UTC + Math.round(serial * MS_PER_DAY));
}

/** An Excel serial date to an ISO date (yyyy-mm-dd). */
export function serialToIsoDate(serial: number): string {
  return serialToDate(serial).toISOString().slice(0, 10);
}

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

/** Latest date Excel can show (9999-12-31); serial 1 is 1900-01-01. */
export const MAX_SERIAL = 2958465;

/** The serial of the first day of a month (month 0-based; beyond 11 it runs into later years). */
export function firstOfMonthSerial(year: number, month: number): number {
  return dateToSerial(Date.UTC(year, month, 1));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The serial of a day of the calendar given as its numbers (month 1-based), or undefined when there
 * is no such day (31 April, 29 February 2025). Arithmetic alone, without Date objects: the reader
 * turns a million dates of an export into serials with it.
 */
export function calendarDaySerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0)) return undefined;
  return daysFromCivil(year, month, day) + UNIX_EPOCH_SERIAL;
}

/** An Excel serial date as a UTC Date, to the nearest millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH_UTC + Math.round(serial * MS_PER_DAY));
}

/** An Excel serial date to an ISO date (yyyy-mm-dd). */
export function serialToIsoDate(serial: number): string {
  return serialToDate(serial).toISOString().slice(0, 10);
}

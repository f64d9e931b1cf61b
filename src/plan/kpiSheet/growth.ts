/**
 * The previous period on the sheet (metric specification, section 9), as engine/previousPeriod.ts
 * computes it: when the period cells hold exactly a calendar month, quarter or year, the previous one
 * of the same kind; otherwise as many days ending the day before the period starts. Tests hold the
 * formulas to the engine's function.
 */
import { CALENDAR_MONTHS } from "../../engine";

/** Whether the period from `from` to `to` is exactly a calendar period of `months` months. */
function calendar(from: string, to: string, months: number): string {
  const starts = months === 1 ? [] : [`MOD(MONTH(${from})-1,${months})=0`];
  return `AND(DAY(${from})=1,${from}=INT(${from}),${[...starts, `INT(${to})=EDATE(${from},${months})-1`].join(",")})`;
}

/** Until both period cells hold a number there is no previous period: both cells show "". */
const unlessPeriod = (from: string, to: string, formula: string): string =>
  `IF(OR(NOT(ISNUMBER(${from})),NOT(ISNUMBER(${to}))),"",${formula})`;

/** The first and last day of the period before the one in the cells `from` and `to`. */
export function previousPeriodFormulas(from: string, to: string): { from: string; to: string } {
  const days = `(INT(${to})-INT(${from})+1)`;
  const first = CALENDAR_MONTHS.reduceRight(
    (otherwise, months) =>
      `IF(${calendar(from, to, months)},EDATE(${from},-${months}),${otherwise})`,
    `${from}-${days}`
  );
  return { from: unlessPeriod(from, to, first), to: unlessPeriod(from, to, `${from}-1`) };
}

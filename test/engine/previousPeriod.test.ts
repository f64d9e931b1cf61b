/** The previous period (metric specification, section 9), against calendar facts written out. */
import { calendarDaySerial, previousPeriod } from "../../src/engine";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return calendarDaySerial(y, m, d)!;
};
const period = (from: string, to: string) => ({ from: day(from), to: day(to) });

describe("previousPeriod", () => {
  it.each([
    ["a month", "2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"],
    ["a month after a leap February", "2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"],
    ["January, into the year before", "2026-01-01", "2026-01-31", "2025-12-01", "2025-12-31"],
    ["a quarter", "2026-04-01", "2026-06-30", "2026-01-01", "2026-03-31"],
    ["the first quarter", "2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31"],
    ["a year", "2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31"],
    // Not a calendar period: as many days, ending the day before.
    ["two weeks", "2026-03-10", "2026-03-23", "2026-02-24", "2026-03-09"],
    ["a quarter not on quarter months", "2026-02-01", "2026-04-30", "2025-11-04", "2026-01-31"],
    ["a month and a day", "2026-03-01", "2026-04-01", "2026-01-28", "2026-02-28"],
  ])("of %s", (_, from, to, previousFrom, previousTo) => {
    expect(previousPeriod(period(from, to))).toEqual(period(previousFrom, previousTo));
  });

  it("is not there for a period open at an end", () => {
    expect(previousPeriod(undefined)).toBeUndefined();
    expect(previousPeriod({ from: day("2026-01-01") })).toBeUndefined();
    expect(previousPeriod({ to: day("2026-01-31") })).toBeUndefined();
  });
});

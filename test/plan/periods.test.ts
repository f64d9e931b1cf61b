/** The breakdown's months and quarters: whole calendar months, from the one the period starts in. */
import { periodStarts } from "../../src/plan/kpiSheet/periods";
import type { DataSource } from "../../src/plan/kpiSheet/options";

const data = { closedRange: { from: 45_700, to: 46_100 } } as DataSource;
const options = { sheetName: "KPI", mode: "live", preset: "all" } as const;

describe("the periods of the breakdown", () => {
  it("are the quarters the period touches, from the first day of each to its last", () => {
    // 2025-02-14 to 2025-08-05: Q1 (from 2025-01-01), Q2, Q3 (to 2025-09-30).
    expect(
      periodStarts(data, { ...options, grain: "quarter", period: { from: 45_702, to: 45_874 } })
    ).toEqual([
      [45_658, 45_747],
      [45_748, 45_838],
      [45_839, 45_930],
    ]);
  });

  it("run into the next year by month, and come from the data's close dates when no period is set", () => {
    // 2025-02-12 to 2026-03-19: 14 months, the last March 2026 (46082 to 46112).
    const months = periodStarts(data, { ...options, grain: "month" });
    expect(months).toHaveLength(14);
    expect(months[0]).toEqual([45_689, 45_716]);
    expect(months[11]).toEqual([46_023, 46_053]);
    expect(months[13]).toEqual([46_082, 46_112]);
  });

  it("are none for a period that ends before it starts", () => {
    expect(periodStarts(data, { ...options, period: { from: 46_000, to: 45_000 } })).toEqual([]);
  });
});

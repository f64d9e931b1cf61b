/**
 * The funnel of a sheet built in place over date-times (HubSpot's "Date entered" cells are
 * timestamps): the sheet counts each date as its day, as the reader does, so that its days in stage
 * equal the engine's (the pane's preview and kpi report).
 */
import type { RawCellContent } from "hyperformula";
import { type Cell, funnel } from "../../src/engine";
import { KPI_SHEET } from "../../src/i18n/strings/kpiSheet";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { isReadFailure, readDealTable } from "../../src/reader";
import { evaluatePlan } from "../support/formulaEngine";
import { rowAfter } from "../support/planCells";

// 46054 is 2026-02-01; a fraction is the time of day.
const GRID: Cell[][] = [
  [
    "Deal Stage",
    "Amount",
    "Close Date",
    'Date entered "Qualified (P)"',
    'Date entered "Proposal (P)"',
  ],
  ["Closed won", 100, 46070.25, 46054.9, 46060.1], // days: 6 in qualified (not 5.2), 10 in proposal
  ["Closed lost", 100, 46066.75, 46055.5, null], // 11 in qualified, to the close date (not 11.25)
  ["Proposal", 100, null, 46056.2, 46058.95], // 2 in qualified; still in proposal
];

it("counts days in stage between days, not date-times", () => {
  const table = readDealTable(GRID, { inPlace: true });
  if (isReadFailure(table)) throw new Error(table.failure.en);
  const source = dataSourceFor(table, { sheet: "Data", row: 0, col: 0 });
  const plan = planKpiSheet(source, { sheetName: "KPI", mode: "portable", preset: "all" });
  const sheet = evaluatePlan(plan, { Data: GRID as RawCellContent[][] });
  const engine = funnel(table.columns);
  expect(engine.map((stage) => stage.avgDays)).toEqual([(6 + 11 + 2) / 3, 10]);
  for (const stage of engine) {
    const [entered, , days] = rowAfter(plan, sheet, stage.stage, 3, KPI_SHEET.en.funnel);
    expect(entered).toBe(stage.entered);
    expect(days).toBeCloseTo(stage.avgDays!, 9);
  }
});

/**
 * The KPI sheet plan evaluated by a real formula engine gives the engine's numbers, in live mode
 * (KPI.* functions registered from the engine) and in portable mode (native formulas only).
 */
import type { RawCellContent } from "hyperformula";
import {
  type DealColumns,
  DEAL_KPI_IDS,
  KpiError,
  classifyStage,
  dealFigures,
  dealKpis,
} from "../../src/engine";
import { planKpiSheet, type DataSource, type KpiSheetOptions } from "../../src/plan/kpiSheet";
import { evaluatePlan } from "../support/formulaEngine";
import { closeTo } from "../helpers";

const STAGES = [
  "Closed Won",
  "closed-won",
  "Closed Lost",
  "Prospecting",
  "Negotiation",
  "Kazanıldı",
  "LOST",
  "Won",
];
const OWNERS = ["Ayşe", "Ben", "Cem", "Dilek"];

/** A deal table with every kind of stage spelling, blank rows and deals without dates. */
function makeDeals(count: number): { rows: RawCellContent[][]; columns: DealColumns } {
  const rows: RawCellContent[][] = [["Stage", "Amount", "Created", "Closed", "Owner"]];
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < count; i++) {
    if (i % 17 === 5) {
      rows.push([null, null, null, null, null]); // a blank line
      continue;
    }
    const stage = STAGES[Math.floor(next() * STAGES.length)];
    const created = 45658 + Math.floor(next() * 400); // 2025-01-01 onwards
    const closed = i % 23 === 3 ? null : created + 5 + Math.floor(next() * 90);
    rows.push([
      stage,
      Math.round(next() * 500) * 100,
      created,
      closed,
      OWNERS[Math.floor(next() * OWNERS.length)],
    ]);
  }
  const body = rows.slice(1);
  const text = (v: RawCellContent) => (v === null ? null : String(v));
  const num = (v: RawCellContent) => (typeof v === "number" ? v : null);
  return {
    rows,
    columns: {
      stage: body.map((r) => text(r[0])),
      amount: body.map((r) => num(r[1])),
      created: body.map((r) => num(r[2])),
      closed: body.map((r) => num(r[3])),
      owner: body.map((r) => text(r[4])),
    },
  };
}

function dataSource(
  columns: DealColumns,
  rowCount: number,
  period?: { from?: number; to?: number }
): DataSource {
  const last = rowCount + 1;
  const seen = new Map<string, string>();
  for (const stage of columns.stage) if (stage) seen.set(stage, stage);
  const closedDates = columns.closed.filter(
    (d, i): d is number =>
      d !== null && columns.stage[i] !== null && classifyStage(columns.stage[i]!) !== "open"
  );
  return {
    columns: {
      stage: `'Data'!$A$2:$A$${last}`,
      amount: `'Data'!$B$2:$B$${last}`,
      created: `'Data'!$C$2:$C$${last}`,
      closed: `'Data'!$D$2:$D$${last}`,
      owner: `'Data'!$E$2:$E$${last}`,
    },
    description: "test data",
    stageValues: [...seen.values()].map((text) => ({ text, kind: classifyStage(text) })),
    owners: OWNERS,
    closedRange: { from: Math.min(...closedDates), to: Math.max(...closedDates) },
    activeOwners: dealFigures(columns, period).owners,
  };
}

const { rows, columns } = makeDeals(300);

describe.each(["live", "portable"] as const)("a KPI sheet in %s mode", (mode) => {
  const cases: [string, { from?: number; to?: number } | undefined][] = [
    ["over every closed deal", undefined],
    ["over a period", { from: 45750, to: 45900 }],
  ];
  it.each(cases)("gives the engine's deal KPIs %s", (_label, period) => {
    const target = 250000;
    const options: KpiSheetOptions = {
      sheetName: "KPI",
      mode,
      preset: "all",
      period,
      inputs: { TARGET: target },
    };
    const plan = planKpiSheet(dataSource(columns, rows.length - 1, period), options);
    const sheet = evaluatePlan(plan, { Data: rows });
    const expected = dealKpis(columns, target, period);
    for (const id of DEAL_KPI_IDS) {
      const want = expected[id];
      const got = sheet.name(`KPI_${id}`);
      if (want instanceof KpiError) expect(got).toBeInstanceOf(KpiError);
      else if (typeof got !== "number" || !closeTo(got, want))
        throw new Error(`KPI_${id}: engine ${want}, sheet ${String(got)}`);
    }
    expect(expected.DEALS_WON).toBeGreaterThan(20);
  });

  it("shows a hint, not an error, where an input is empty", () => {
    const plan = planKpiSheet(dataSource(columns, rows.length - 1), {
      sheetName: "KPI",
      mode,
      preset: "all",
    });
    const sheet = evaluatePlan(plan, { Data: rows });
    expect(String(sheet.name("KPI_CAC"))).toMatch(
      /^Needs: Sales and marketing spend, New customers won$/
    );
    expect(String(sheet.name("KPI_PIPELINE_COVERAGE"))).toMatch(/^Needs: .*target/i);
  });

  it("computes the input-based KPIs once the inputs are typed", () => {
    const inputs = {
      SPEND: 100000,
      NEW_CUSTOMERS: 50,
      REVENUE_PER_CUSTOMER_YEAR: 5000,
      LIFETIME_YEARS: 3,
      MONTHLY_REVENUE_PER_CUSTOMER: 500,
      GROSS_MARGIN: 0.8,
    };
    const plan = planKpiSheet(dataSource(columns, rows.length - 1), {
      sheetName: "KPI",
      mode,
      preset: "all",
      inputs,
    });
    const sheet = evaluatePlan(plan, { Data: rows });
    expect(sheet.name("KPI_CAC")).toBe(2000);
    expect(sheet.name("KPI_LTV_CAC_RATIO")).toBe(7.5);
    expect(sheet.name("KPI_CAC_PAYBACK_MONTHS")).toBe(5);
  });

  it("lets a blank template compute from typed figures", () => {
    const plan = planKpiSheet(null, {
      sheetName: "KPI",
      mode,
      preset: "all",
      inputs: { TARGET: 1000000 },
    });
    const kpiSheet = plan.sheets[0];
    const cellOf = (name: string) => {
      const ref = plan.names.find((n) => n.name === name)!.refersTo;
      const [, col, row] = /\$([A-Z]+)\$(\d+)$/.exec(ref)!;
      return { row: Number(row) - 1, col: col.charCodeAt(0) - 65 };
    };
    // Type the deal figures into their cells, as a person would.
    const typed: Record<string, number> = {
      KPI_REVENUE: 500000,
      KPI_DEALS_WON: 50,
      KPI_DEALS_LOST: 150,
      KPI_OPEN_OPPORTUNITIES: 200,
      KPI_OPEN_PIPELINE_VALUE: 3000000,
      KPI_SALES_CYCLE_LENGTH: 25,
    };
    for (const [name, value] of Object.entries(typed)) {
      const { row, col } = cellOf(name);
      const block = kpiSheet.blocks.find(
        (b) => b.row <= row && row < b.row + b.cells.length && b.col <= col
      )!;
      block.cells[row - block.row][col - block.col] = { value };
    }
    const sheet = evaluatePlan(plan, {});
    expect(sheet.name("KPI_AVG_DEAL_SIZE")).toBe(10000);
    expect(sheet.name("KPI_WIN_RATE")).toBe(0.25);
    expect(sheet.name("KPI_PIPELINE_VELOCITY")).toBe(20000);
    expect(sheet.name("KPI_PIPELINE_COVERAGE")).toBe(3);
  });
});

/**
 * The scenario sheet, evaluated by a real formula engine (HyperFormula) in live and portable modes:
 * changing a lever's cell moves every output of every scenario exactly as the engine predicts, the
 * Base column follows the KPI sheet, and the sensitivity grid and tornado are live formulas too.
 */
import * as path from "path";
import {
  LEVER_IDS,
  LEVERS,
  type LeverId,
  type LeverValues,
  OUTPUT_IDS,
  type OutputId,
  computeOutputs,
  dealKpis,
  exampleLevers,
  isError,
  leverOf,
  leversOf,
} from "../../src/engine";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { loadDeals } from "../../src/cli/loadDeals";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { BASE_COL, SCENARIO_ROWS } from "../../src/plan/scenarioLayout";
import {
  type NamedScenario,
  planScenarioSheet,
  withScenarioSheet,
} from "../../src/plan/scenarioSheet";
import type { SheetPlan } from "../../src/plan/types";
import { type EvaluatedPlan, evaluatePlan } from "../support/formulaEngine";
import { closeTo } from "../helpers";

const SHEET = "Scenarios";
const SWING = 0.1;
const PUSH: NamedScenario = { name: "Push", levers: { WIN_RATE: 0.3, LEADS: 1500 } };

/** The cell a defined name points at. */
function cellOf(plan: SheetPlan, name: string): { sheet: string; row: number; col: number } {
  const ref = plan.names.find((n) => n.name === name)!.refersTo;
  const [, sheet, letters, row] = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(ref)!;
  return { sheet, row: Number(row) - 1, col: letters.charCodeAt(0) - 65 };
}

/** Types a number into a cell, over whatever formula it held. */
function type(
  sheet: EvaluatedPlan,
  at: { sheet: string; row: number; col: number },
  value: number
) {
  sheet.hf.setCellContents({ sheet: sheet.hf.getSheetId(at.sheet)!, row: at.row, col: at.col }, [
    [value],
  ]);
}

/** A lever moved by the swing, as Best and Worst do: the favourable way for Best, within its bounds. */
function swung(id: LeverId, value: number, up: boolean): number {
  const moved = Math.max(0, value * (up ? 1 + SWING : 1 - SWING));
  return leverOf(id).kind === "rate" ? Math.min(1, moved) : moved;
}

/** The levers of each scenario column (Base, Best, Worst, then the named ones), as the sheet defines them. */
function scenarioLevers(base: LeverValues, named: NamedScenario[]): LeverValues[] {
  const moved = (best: boolean): LeverValues =>
    Object.fromEntries(
      LEVERS.map((l) => [l.id, swung(l.id, base[l.id]!, (l.better === "higher") === best)])
    );
  return [base, moved(true), moved(false), ...named.map((s) => ({ ...base, ...s.levers }))];
}

/** Compares a cell with the engine's value: the same number, or a non-number where it is an error. */
function expectSame(got: unknown, want: number | object, what: string): void {
  if (isError(want)) {
    if (typeof got === "number") throw new Error(`${what}: engine ${String(want)}, sheet ${got}`);
  } else if (typeof got !== "number" || !closeTo(got, want as number)) {
    throw new Error(`${what}: engine ${String(want)}, sheet ${String(got)}`);
  }
}

/** Every output of every scenario column against the engine. */
function expectOutputs(sheet: EvaluatedPlan, base: LeverValues, named = [PUSH]): void {
  scenarioLevers(base, named).forEach((levers, k) => {
    const want = computeOutputs(levers);
    for (const id of OUTPUT_IDS) {
      const got = sheet.cell(SHEET, SCENARIO_ROWS.output(id), BASE_COL + k);
      expectSame(got, want[id], `${id} in scenario column ${k + 1}`);
    }
  });
}

/** A new value for a lever, far enough from its example to move every output it feeds. */
function changed(id: LeverId): number {
  const example = leverOf(id).example;
  return leverOf(id).kind === "rate" ? Math.min(0.95, example * 1.7) : example * 1.37;
}

describe.each(["live", "portable"] as const)("the scenario sheet in %s mode", (mode) => {
  const plan = planScenarioSheet({
    sheetName: SHEET,
    mode,
    base: exampleLevers(),
    swing: SWING,
    scenarios: [PUSH],
  });

  it("defines WHATIF_BASE_ names for every lever and output, and gives the engine's outputs", () => {
    const names = plan.names.map((n) => n.name);
    for (const id of [...LEVER_IDS, ...OUTPUT_IDS]) expect(names).toContain(`WHATIF_BASE_${id}`);
    const sheet = evaluatePlan(plan, {});
    expect(sheet.name("WHATIF_BASE_EXPECTED_REVENUE")).toBe(500000);
    expect(sheet.name("WHATIF_BASE_PIPELINE_VELOCITY")).toBe(20000);
    expect(sheet.name("WHATIF_BASE_CAC")).toBe(2000);
    expect(sheet.name("WHATIF_BASE_CAC_PAYBACK_MONTHS")).toBe(5);
    expectOutputs(sheet, exampleLevers());
  });

  it.each(LEVER_IDS.map((id) => [id]))(
    "moves every output of every scenario as the engine predicts when %s changes",
    (lever) => {
      const sheet = evaluatePlan(plan, {});
      const value = changed(lever);
      type(sheet, cellOf(plan, `WHATIF_BASE_${lever}`), value);
      const base = { ...exampleLevers(), [lever]: value };
      expectOutputs(sheet, base);
      // Every output that depends on the lever moved, and no other.
      const before = computeOutputs(exampleLevers());
      const moved = OUTPUT_IDS.filter((id) => sheet.name(`WHATIF_BASE_${id}`) !== before[id]);
      expect(moved).toEqual(OUTPUT_IDS.filter((id) => leversOf(id).includes(lever)));
    }
  );

  it("follows a typed-over Best cell and the swing cell", () => {
    const sheet = evaluatePlan(plan, {});
    type(sheet, cellOf(plan, "WHATIF_SWING"), 0.25);
    const wider = Object.fromEntries(
      LEVERS.map((l) => {
        const moved = Math.max(0, l.example * (l.better === "higher" ? 1.25 : 0.75));
        return [l.id, l.kind === "rate" ? Math.min(1, moved) : moved];
      })
    ) as LeverValues;
    const want = computeOutputs(wider);
    for (const id of OUTPUT_IDS)
      expectSame(sheet.cell(SHEET, SCENARIO_ROWS.output(id), BASE_COL + 1), want[id], id);
    type(sheet, { sheet: SHEET, row: SCENARIO_ROWS.lever("WIN_RATE"), col: BASE_COL + 1 }, 0.9);
    expectSame(
      sheet.cell(SHEET, SCENARIO_ROWS.output("EXPECTED_REVENUE"), BASE_COL + 1),
      computeOutputs({ ...wider, WIN_RATE: 0.9 }).EXPECTED_REVENUE,
      "expected revenue with Best's win rate typed over"
    );
  });

  it("names the levers an output needs where one is blank, instead of an error value", () => {
    const blank = planScenarioSheet({ sheetName: SHEET, mode, base: { WIN_RATE: 0.25 } });
    const sheet = evaluatePlan(blank, {});
    expect(sheet.name("WHATIF_BASE_EXPECTED_REVENUE")).toBe(
      "Needs: Open opportunities, Win rate, Average deal size"
    );
  });

  it("computes each cell of the sensitivity grid and the tornado as the engine does", () => {
    const sheet = evaluatePlan(plan, {});
    const grid = findGrid(plan);
    const steps = [-0.2, -0.1, 0, 0.1, 0.2];
    const base = exampleLevers();
    steps.forEach((down, i) =>
      steps.forEach((across, j) => {
        const levers = {
          ...base,
          WIN_RATE: Math.min(1, base.WIN_RATE * (1 + down)),
          AVG_DEAL_SIZE: base.AVG_DEAL_SIZE * (1 + across),
        };
        const got = sheet.cell(SHEET, grid.row + i, grid.col + j);
        expectSame(got, computeOutputs(levers).EXPECTED_REVENUE, `grid (${i}, ${j})`);
      })
    );
    const tornado = findTornado(plan);
    expect(tornado.levers).toEqual(["OPEN_OPPORTUNITIES", "WIN_RATE", "AVG_DEAL_SIZE"]);
    tornado.levers.forEach((id, i) => {
      for (const [col, up] of [
        [3, false],
        [4, true],
      ] as const) {
        const want = computeOutputs({ ...base, [id]: swung(id, base[id], up) }).EXPECTED_REVENUE;
        expectSame(sheet.cell(SHEET, tornado.row + i, col), want, `tornado ${id} ${up}`);
      }
    });
  });
});

/** Where the grid's body starts: the first cell right of the first row lever value. */
function findGrid(plan: SheetPlan): { row: number; col: number } {
  const block = plan.sheets[0].blocks.find((b) =>
    /^Sensitivity/.test(String(b.cells[0][0].value))
  )!;
  return { row: block.row + 3, col: BASE_COL };
}

function findTornado(plan: SheetPlan): { row: number; levers: LeverId[] } {
  const blocks = plan.sheets[0].blocks;
  const index = blocks.findIndex((b) => /^Tornado/.test(String(b.cells[0][0].value)));
  const table = blocks[index + 1];
  const byLabel = new Map(LEVERS.map((l) => [l.label.en, l.id]));
  return {
    row: table.row + 1,
    levers: table.cells.slice(1).map((row) => byLabel.get(String(row[0].value))!),
  };
}

describe("the scenario sheet beside a KPI sheet", () => {
  const inputs = {
    LEADS: 1000,
    LEADS_CONVERTED: 200,
    SPEND: 100000,
    NEW_CUSTOMERS: 50,
    MONTHLY_REVENUE_PER_CUSTOMER: 500,
    GROSS_MARGIN: 0.8,
    MONTHLY_CHURN: 0.02,
  };

  it.each(["live", "portable"] as const)(
    "takes its Base from the KPI sheet's cells and moves with them (%s)",
    async (mode) => {
      const loaded = await loadDeals(path.join(__dirname, "..", "..", "samples", "crm-export.csv"));
      const data = dataSheetOf(loaded.grid, loaded.table);
      const source = dataSourceFor(loaded.table, {
        sheet: data.name,
        row: -loaded.table.headerRow,
        col: 0,
      });
      const kpiPlan = planKpiSheet(source, { sheetName: "KPI", mode, preset: "all", inputs });
      const plan = withScenarioSheet(kpiPlan, { sheetName: SHEET, mode, swing: SWING });
      const sheet = evaluatePlan(plan, { Data: data.rows as never });
      const kpis = dealKpis(loaded.table.columns, null);
      const base: LeverValues = {
        OPEN_OPPORTUNITIES: kpis.OPEN_OPPORTUNITIES as number,
        WIN_RATE: kpis.WIN_RATE as number,
        AVG_DEAL_SIZE: kpis.AVG_DEAL_SIZE as number,
        SALES_CYCLE_LENGTH: kpis.SALES_CYCLE_LENGTH as number,
        LEADS: 1000,
        LEAD_CONVERSION_RATE: 0.2,
        CHURN_RATE: 0.02,
        REVENUE_PER_CUSTOMER: 500,
        GROSS_MARGIN: 0.8,
        SALES_MARKETING_SPEND: 100000,
      };
      for (const id of LEVER_IDS)
        expectSame(sheet.name(`WHATIF_BASE_${id}`), base[id]!, `WHATIF_BASE_${id}`);
      expectOutputs(sheet, base, []);

      // A typed-over win rate on the KPI sheet reaches every scenario.
      type(sheet, cellOf(plan, "KPI_WIN_RATE"), 0.42);
      expectOutputs(sheet, { ...base, WIN_RATE: 0.42 }, []);
    },
    60_000
  );

  it("leaves unlinked the levers whose KPI sheet cells the preset does not have", () => {
    const kpiPlan = planKpiSheet(null, { sheetName: "KPI", mode: "portable", preset: "checklist" });
    const plan = withScenarioSheet(kpiPlan, { sheetName: SHEET, mode: "portable" });
    const scenarioSheet = plan.sheets[1];
    const sources = scenarioSheet.blocks.find(
      (b) => b.row === SCENARIO_ROWS.leverHeader && b.col === 0
    )!;
    const linked = sources.cells.slice(1).map((row) => String(row[1].value));
    expect(linked).toContain("KPI_WIN_RATE");
    expect(linked).toContain("typed in"); // spend, margin... are inputs of the "all" preset only
  });

  it("outputs as the engine does for the specification's numbers", () => {
    const outputs: Record<OutputId, number | object> = computeOutputs(exampleLevers());
    expect(outputs).toEqual({
      EXPECTED_REVENUE: 500000,
      PIPELINE_VELOCITY: 20000,
      NEW_CUSTOMERS: 50,
      NEW_CUSTOMER_REVENUE: 500000,
      CAC: 2000,
      CLTV: 20000,
      LTV_CAC_RATIO: 10,
      CAC_PAYBACK_MONTHS: 5,
    });
  });
});

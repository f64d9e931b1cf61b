/**
 * The scenario sheet in an open workbook, through the Office.js double: written in two syncs beside
 * the KPI sheet it follows, with its colour scale and charts; and "Reach a target" adding the answer
 * as a new scenario column that a formula engine then computes to the target.
 */
import type { RawCellContent } from "hyperformula";
import { exampleLevers } from "../../src/engine";
import { placeScenarioSheet } from "../../src/plan/placeScenarioSheet";
import { BASE_COL, SCENARIO_ROWS } from "../../src/plan/scenarioLayout";
import { writePlanToWorkbook } from "../../src/writers/excel";
import { reachTargetInWorkbook } from "../../src/writers/scenarioColumn";
import { OfficeDouble } from "../doubles/officeDouble";
import { evaluatePlan } from "../support/formulaEngine";
import { closeTo } from "../helpers";

const address = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

/** A workbook with two KPI sheets already built: the scenarios follow the latest. */
const withKpiSheets = () =>
  new OfficeDouble({
    sheets: { Data: { A1: "Stage" }, KPI: {}, "KPI (2)": {} },
    names: {
      KPI_WIN_RATE: "='KPI'!$B$12",
      KPI_OPEN_OPPORTUNITIES: "='KPI'!$B$9",
      KPI_WIN_RATE_2: "='KPI (2)'!$B$12",
      KPI_OPEN_OPPORTUNITIES_2: "='KPI (2)'!$B$9",
      KPI_INPUT_SPEND_2: "='KPI (2)'!$B$40",
    },
  });

describe("the scenario sheet in an open workbook", () => {
  it("is written in two syncs, following the latest KPI sheet, with its colour scale and charts", async () => {
    const double = withKpiSheets();
    const report = await writePlanToWorkbook(double.context, (existing) =>
      placeScenarioSheet(existing, { mode: "live" })
    );
    expect(report.syncs).toBe(2);
    expect(report.sheets).toEqual(["Scenarios"]);
    expect(report.names).toContain("WHATIF_BASE_WIN_RATE");
    expect(report.names).toContain("WHATIF_BASE_EXPECTED_REVENUE");
    const winRate = double.cell("Scenarios", address(SCENARIO_ROWS.lever("WIN_RATE"), BASE_COL));
    expect(winRate?.formula).toBe('IF(ISBLANK(KPI_WIN_RATE_2),"",KPI_WIN_RATE_2)');
    const spend = double.cell(
      "Scenarios",
      address(SCENARIO_ROWS.lever("SALES_MARKETING_SPEND"), BASE_COL)
    );
    expect(spend?.formula).toBe('IF(ISBLANK(KPI_INPUT_SPEND_2),"",KPI_INPUT_SPEND_2)');
    const sheet = double.sheet("Scenarios")!;
    expect(sheet.conditionalFormats.map((f) => f.type)).toEqual(["ColorScale"]);
    expect(sheet.conditionalFormats[0].props.criteria).toMatchObject({
      minimum: { type: "LowestValue" },
      maximum: { type: "HighestValue" },
    });
    expect(sheet.charts.map((c) => [c.type, c.seriesBy])).toEqual([
      ["ColumnClustered", "Rows"],
      ["BarClustered", "Columns"],
    ]);
    expect(sheet.charts[1].props["series[1].name"]).toBe("Change, lever up");
  });

  it("takes a new sheet name and WHATIF_ names with a suffix when built twice", async () => {
    const double = withKpiSheets();
    const build = () =>
      writePlanToWorkbook(double.context, (existing) =>
        placeScenarioSheet(existing, { mode: "portable" })
      );
    await build();
    const second = await build();
    expect(second.sheets).toEqual(["Scenarios (2)"]);
    expect(second.names).toContain("WHATIF_BASE_WIN_RATE_2");
  });
});

describe("Reach a target in an open workbook", () => {
  /** A scenario sheet with the Base typed in (no KPI sheet), evaluated later from the double's cells. */
  async function scenarioWorkbook(): Promise<OfficeDouble> {
    const double = new OfficeDouble();
    await writePlanToWorkbook(double.context, (existing) =>
      placeScenarioSheet(existing, { mode: "portable", base: exampleLevers() })
    );
    return double;
  }

  /** The double's scenario sheet as a grid, computed by HyperFormula. */
  function computed(double: OfficeDouble) {
    const grid: RawCellContent[][] = [];
    for (const [a, cell] of Object.entries(double.sheet("Scenarios")!.cells)) {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(a)!;
      const r = Number(row) - 1;
      const c = letters.charCodeAt(0) - 65;
      grid[r] ??= [];
      grid[r][c] = cell.formula !== undefined ? `=${cell.formula}` : (cell.value ?? null);
    }
    let width = 0;
    for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0); // holes
    const rows = Array.from({ length: grid.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null)
    );
    return evaluatePlan({ sheets: [], names: [] }, { Scenarios: rows });
  }

  it("writes the answer as a new scenario column that reaches the target, in two syncs", async () => {
    const double = await scenarioWorkbook();
    const before = double.syncs;
    const report = await reachTargetInWorkbook(double.context, "Scenarios", {
      output: "EXPECTED_REVENUE",
      lever: "WIN_RATE",
      target: 1_234_567,
    });
    expect(double.syncs - before).toBe(2);
    expect(report.column).toBe("F"); // after Base, Best and Worst
    expect(report.answer.solution.found).toBe(true);
    const col = BASE_COL + 3;
    expect(double.cell("Scenarios", address(SCENARIO_ROWS.leverHeader, col))?.value).toBe(
      "Expected revenue = 1,234,567"
    );
    const sheet = computed(double);
    const reached = sheet.cell("Scenarios", SCENARIO_ROWS.output("EXPECTED_REVENUE"), col);
    expect(typeof reached === "number" && closeTo(reached, 1_234_567)).toBe(true);
    expect(sheet.cell("Scenarios", SCENARIO_ROWS.lever("OPEN_OPPORTUNITIES"), col)).toBe(200);

    const next = await reachTargetInWorkbook(double.context, "Scenarios", {
      output: "CAC",
      lever: "SALES_MARKETING_SPEND",
      target: 1500,
    });
    expect(next.column).toBe("G");
    const cac = computed(double).cell("Scenarios", SCENARIO_ROWS.output("CAC"), col + 1);
    expect(typeof cac === "number" && closeTo(cac, 1500)).toBe(true);
  });

  it("finds the scenario sheet by its names when none is given, whatever language built it", async () => {
    const double = await scenarioWorkbook(); // built in English: "Scenarios"
    const before = double.syncs;
    const report = await reachTargetInWorkbook(
      double.context,
      undefined,
      { output: "EXPECTED_REVENUE", lever: "WIN_RATE", target: 1_234_567 },
      "tr" // Office now speaks Turkish, whose sheet would be "Senaryolar"
    );
    expect(report.sheet).toBe("Scenarios");
    expect(report.column).toBe("F");
    // Two syncs to find it (the names, then the swing cell's sheet), two to solve and write.
    expect(double.syncs - before).toBe(4);
    expect(double.cell("Scenarios", address(SCENARIO_ROWS.leverHeader, BASE_COL + 3))?.value).toBe(
      "Beklenen gelir = 1.234.567"
    );
  });

  it("writes nothing and says why when the target is out of reach", async () => {
    const double = await scenarioWorkbook();
    const before = double.snapshot();
    const report = await reachTargetInWorkbook(double.context, "Scenarios", {
      output: "EXPECTED_REVENUE",
      lever: "WIN_RATE",
      target: 3e6,
    });
    expect(report.syncs).toBe(1);
    expect(report.column).toBeUndefined();
    expect(report.answer.solution.found).toBe(false);
    expect(double.snapshot()).toEqual(before);
  });
});

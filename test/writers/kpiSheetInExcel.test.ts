/**
 * The real KPI sheet plan written into an open workbook through the Office.js double: the same number
 * of syncs and the same request size whatever the data's size, and the workbook left as it was when a
 * sync fails.
 */
import { placeKpiSheet } from "../../src/plan/placeKpiSheet";
import { WriteError, writePlanToWorkbook } from "../../src/writers/excel";
import { OfficeDouble, type Seed } from "../doubles/officeDouble";
import { DATA, exportSource } from "../support/exportSource";

const userWorkbook = (): Seed => ({
  sheets: { [DATA]: { A1: "Deal Name", B1: "Deal Owner", C1: "Stage", D1: "Amount" } },
});

function build(rows: number, mode: "live" | "portable" = "live") {
  return (existing: { sheetNames: string[]; definedNames: string[] }) =>
    placeKpiSheet(existing, exportSource(rows), {
      mode,
      preset: "all",
      inputs: { TARGET: 1_000_000 },
    });
}

describe("building the KPI sheet in an open workbook", () => {
  it.each(["live", "portable"] as const)(
    "takes the same syncs and request size for 100, 10,000 and 100,000 rows (%s)",
    async (mode) => {
      const runs = [];
      for (const rows of [100, 10_000, 100_000]) {
        const double = new OfficeDouble(userWorkbook());
        const report = await writePlanToWorkbook(double.context, build(rows, mode));
        runs.push({
          rows,
          syncs: report.syncs,
          bytes: double.requestBytes.reduce((a, b) => a + b, 0),
        });
      }
      console.log(
        runs
          .map((run) => `${mode}: rows=${run.rows} syncs=${run.syncs} request_bytes=${run.bytes}`)
          .join("\n")
      );
      for (const run of runs) {
        expect(run.syncs).toBe(2);
        expect(Math.abs(run.bytes - runs[0].bytes) / runs[0].bytes).toBeLessThan(0.02);
      }
    }
  );

  it("writes the KPI names and formulas that refer to the data by name", async () => {
    const double = new OfficeDouble(userWorkbook());
    const report = await writePlanToWorkbook(double.context, build(200));
    expect(report.sheets).toEqual(["KPI"]);
    for (const id of ["REVENUE", "WIN_RATE", "PIPELINE_VELOCITY", "PIPELINE_COVERAGE"])
      expect(report.names).toContain(`KPI_${id}`);
    const names = double.state.names.map((n) => n.name);
    expect(names).toContain("KPI_DATA_STAGE");
    const revenue = double.state.names.find((n) => n.name === "KPI_REVENUE")!;
    const address = revenue.formula.replace(/^=.*!/, "").replace(/\$/g, "");
    // Revenue adds up the stage list by class; the list counts the data's columns by name.
    expect(double.cell("KPI", address)?.formula).toBe(
      'SUMIFS(KPI_STAGE_AMOUNTS,KPI_STAGE_CLASSES,"=won")'
    );
    const amounts = double.state.names.find((n) => n.name === "KPI_STAGE_AMOUNTS")!;
    const firstAmount = amounts.formula.replace(/^=.*!/, "").replace(/\$/g, "").split(":")[0];
    expect(double.cell("KPI", firstAmount)?.formula).toContain(
      "SUMIFS(KPI_DATA_AMOUNT,KPI_DATA_STAGE"
    );
  });

  it("adds a second KPI sheet beside the first with names of its own", async () => {
    const double = new OfficeDouble(userWorkbook());
    await writePlanToWorkbook(double.context, build(200));
    const second = new OfficeDouble({
      sheets: { [DATA]: { A1: "Deal Name" }, KPI: { A1: "Sales KPIs" } },
      names: Object.fromEntries(double.state.names.map((n) => [n.name, n.formula])),
    });
    const report = await writePlanToWorkbook(second.context, build(200));
    expect(report.sheets).toEqual(["KPI (2)"]);
    expect(report.names).toContain("KPI_REVENUE_2");
    expect(report.names.every((name) => name.endsWith("_2"))).toBe(true);
  });

  it.each([1, 2])("leaves the workbook as it was when sync %i fails", async (sync) => {
    const double = new OfficeDouble(userWorkbook(), [{ sync, opIndex: sync === 1 ? 0 : 40 }]);
    const before = double.snapshot();
    await expect(writePlanToWorkbook(double.context, build(200))).rejects.toBeInstanceOf(
      WriteError
    );
    expect(double.snapshot()).toEqual(before);
  });
});

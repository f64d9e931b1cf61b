/**
 * `kpi workbook --scenarios`: the KPI sheet, the scenario sheet that follows it, and the data, in one
 * file; the simulated revenue as an array formula over its four rows, the sensitivity grid coloured.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { LEVER_IDS, OUTPUT_IDS } from "../../src/engine";
import { ROOT, kpi } from "../support/cli";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-scenarios-"));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The cell a defined name points at. */
function named(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const model = workbook.definedNames.model.find((n) => n.name === name);
  if (!model) throw new Error(`no name ${name}`);
  const [sheet, address] = model.ranges[0].split("!");
  return workbook.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(address.replace(/\$/g, ""));
}

describe("kpi workbook --scenarios", () => {
  it("writes the KPI sheet, the scenario sheet that follows it, and the data", async () => {
    const out = path.join(work, "live.xlsx");
    const sample = path.join(ROOT, "samples", "crm-export.csv");
    expect(kpi("workbook", sample, "--out", out, "--scenarios").status).toBe(0);
    const workbook = await open(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["KPI", "Scenarios", "Data"]);
    const names = workbook.definedNames.model.map((n) => n.name);
    for (const id of [...LEVER_IDS, ...OUTPUT_IDS]) expect(names).toContain(`WHATIF_BASE_${id}`);
    expect(named(workbook, "WHATIF_BASE_WIN_RATE").formula).toBe(
      'IF(ISBLANK(KPI_WIN_RATE),"",KPI_WIN_RATE)'
    );
    expect(named(workbook, "WHATIF_BASE_EXPECTED_REVENUE").formula).toMatch(
      /KPI\.EXPECTED_REVENUE\(C7,C10,C11\)/
    );

    const scenarios = workbook.getWorksheet("Scenarios")!;
    const simulation: ExcelJS.Cell[] = [];
    scenarios.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.formula ?? "").startsWith("KPI.REVENUE_SIMULATION")) simulation.push(cell);
      })
    );
    expect(simulation).toHaveLength(1);
    const value = simulation[0].value as { shareType?: string; ref?: string };
    expect(value.shareType).toBe("array");
    const row = Number(simulation[0].row);
    expect(value.ref).toBe(`A${row}:B${row + 3}`);
    const rules = (
      scenarios as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }
    ).conditionalFormattings.flatMap((f) => f.rules.map((rule) => rule.type));
    expect(rules).toEqual(["colorScale"]);
  });

  it("in Turkish and without data, gives the blank template its Senaryolar sheet", async () => {
    const out = path.join(work, "template-tr.xlsx");
    const run = kpi("workbook", "--out", out, "--scenarios", "--language", "tr", "--portable");
    expect(run.status).toBe(0);
    const workbook = await open(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["KPI", "Senaryolar"]);
    expect(workbook.getWorksheet("Senaryolar")!.getCell("A1").value).toBe("Senaryolar");
    // Portable: no KPI function anywhere on the scenario sheet.
    let live = 0;
    workbook.getWorksheet("Senaryolar")!.eachRow((r) =>
      r.eachCell((cell) => {
        if (String(cell.formula ?? "").includes("KPI.")) live++;
      })
    );
    expect(live).toBe(0);
  });
});

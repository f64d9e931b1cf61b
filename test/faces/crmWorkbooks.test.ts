/**
 * Each CRM's default export (test/fixtures/crm/, whose figures crmExports.test.ts checks by hand) gives
 * the same KPIs in every face: `kpi report`, the portable KPI workbook recalculated by LibreOffice, and
 * the live and portable plans of that workbook evaluated by HyperFormula.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEAL_KPI_IDS } from "../../src/engine";
import { loadDeals } from "../../src/cli/loadDeals";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { evaluatePlan } from "../support/formulaEngine";
import { namedValues, recalculateAll } from "../support/libreOffice";
import { closeTo } from "../helpers";
import { ROOT, kpi } from "../support/cli";

const FIXTURES = path.join(ROOT, "test", "fixtures", "crm");
const EXPORTS = fs.readdirSync(FIXTURES).filter((name) => name.endsWith(".csv"));
const TARGET = 100000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-crm-"));

/** What `kpi report --json` says for an export. */
function reported(file: string): Record<string, unknown> {
  const run = kpi("report", file, "--json", "--target", String(TARGET));
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout).metrics;
}

/** The KPIs on which a face differs from the report, as messages. */
function differences(
  face: string,
  report: Record<string, unknown>,
  got: (id: string) => unknown
): string[] {
  return DEAL_KPI_IDS.flatMap((id) => {
    const want = report[id];
    const value = got(id);
    if (typeof want !== "number")
      return typeof value === "number"
        ? [`${id}: report ${JSON.stringify(want)}, ${face} ${value}`]
        : [];
    return typeof value === "number" && closeTo(value, want)
      ? []
      : [`${id}: report ${want}, ${face} ${String(value)}`];
  });
}

describe("the CRMs' default exports in every face", () => {
  it("gives kpi report's KPIs in the portable workbook recalculated by LibreOffice", async () => {
    const workbooks = EXPORTS.map((name) => {
      const out = path.join(work, name.replace(/\.csv$/, ".xlsx"));
      const run = kpi(
        "workbook",
        path.join(FIXTURES, name),
        "--out",
        out,
        "--portable",
        "--target",
        String(TARGET)
      );
      if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
      return out;
    });
    const recalculated = recalculateAll(workbooks);
    const wrong: string[] = [];
    for (const [i, name] of EXPORTS.entries()) {
      const values = await namedValues(
        recalculated[i],
        DEAL_KPI_IDS.map((id) => `KPI_${id}`)
      );
      const report = reported(path.join(FIXTURES, name));
      wrong.push(
        ...differences("LibreOffice", report, (id) => values[`KPI_${id}`]).map(
          (d) => `${name} ${d}`
        )
      );
    }
    expect(wrong).toEqual([]);
    expect(EXPORTS.length).toBeGreaterThanOrEqual(10);
  }, 300_000);

  it.each(EXPORTS)("gives kpi report's KPIs in the live and portable plans of %s", async (name) => {
    const file = path.join(FIXTURES, name);
    const report = reported(file);
    const loaded = await loadDeals(file);
    const data = dataSheetOf(loaded.grid, loaded.table);
    const source = dataSourceFor(loaded.table, {
      sheet: data.name,
      row: -loaded.table.headerRow,
      col: 0,
    });
    for (const mode of ["live", "portable"] as const) {
      const plan = planKpiSheet(source, {
        sheetName: "KPI",
        mode,
        preset: "all",
        inputs: { TARGET },
      });
      const sheet = evaluatePlan(plan, { [data.name]: data.rows });
      expect(differences(`${mode} plan`, report, (id) => sheet.name(`KPI_${id}`))).toEqual([]);
    }
  });
});

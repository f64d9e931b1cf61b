/**
 * One number everywhere, for section 9: the weighted pipeline, the previous quarter's revenue and the
 * growth of a Pipedrive-shaped export, through `kpi report`, the live and the portable KPI sheet
 * evaluated by HyperFormula, and the portable workbook recalculated by LibreOffice, against figures
 * worked out by hand beside the rows.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseIsoDate } from "../../src/engine";
import { loadDeals } from "../../src/cli/loadDeals";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { kpi } from "../support/cli";
import { evaluatePlan } from "../support/formulaEngine";
import { namedValues, recalculate } from "../support/libreOffice";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-section9-faces-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Pipedrive's deal export (entity-prefixed headers; the status decides won / lost / open; the
 * probability a whole percentage, blank where the deal has none of its own).
 */
const EXPORT = [
  "Deal - Title,Deal - Value,Deal - Currency,Deal - Status,Deal - Stage,Deal - Owner,Deal - Deal created,Deal - Deal closed on,Deal - Probability,Deal - Label",
  "Acme,12000,EUR,won,Negotiations Started,Ann,2026-03-01,2026-04-15,100,Hot", // won in Q2
  "Beta,8000,EUR,won,Proposal Made,Bob,2026-01-05,2026-02-20,,Warm", // won in Q1
  "Gamma,5000,EUR,lost,Contact Made,Bob,2026-02-01,2026-05-10,20,Cold", // lost in Q2
  "Delta,20000,EUR,open,Negotiations Started,Ann,2026-04-01,,70,Hot", // 20,000 x 0.7 = 14,000
  "Epsilon,10000,EUR,open,Qualified,Cem,2026-05-01,,10,", // 10,000 x 0.1 = 1,000
  "Zeta,3000,EUR,open,Proposal Made,Cem,2026-06-01,,,Warm", // no probability: left out
  "Eta,4500,EUR,won,Proposal Made,Ann,2026-03-20,2026-06-30,90,Warm", // won on Q2's last day
].join("\n");

/** Q2 2026 by hand: won Acme and Eta; the previous quarter's revenue is Beta's. */
const BY_HAND = {
  REVENUE: 12000 + 4500,
  WEIGHTED_PIPELINE_VALUE: 14000 + 1000,
  PREVIOUS_REVENUE: 8000,
  REVENUE_GROWTH: (16500 - 8000) / 8000,
};
const IDS = Object.keys(BY_HAND) as (keyof typeof BY_HAND)[];
const FROM = "2026-04-01";
const TO = "2026-06-30";

const file = path.join(work, "pipedrive-deals.csv");
fs.writeFileSync(file, EXPORT);

/** The KPIs a face got that differ from the hand-computed ones (none, for a face that agrees). */
function differences(face: string, got: (id: string) => unknown): string[] {
  return IDS.filter((id) => {
    const value = got(id);
    return (
      typeof value !== "number" || Math.abs(value - BY_HAND[id]) > 1e-9 * Math.max(1, BY_HAND[id])
    );
  }).map((id) => `${id}: ${face} ${String(got(id))}, by hand ${BY_HAND[id]}`);
}

describe("section 9 through every face", () => {
  it("kpi report", () => {
    const run = kpi("report", file, "--json", "--from", FROM, "--to", TO);
    expect(run.status).toBe(0);
    const { metrics } = JSON.parse(run.stdout);
    expect(differences("kpi report", (id) => metrics[id])).toEqual([]);
  });

  it.each(["live", "portable"] as const)(
    "the %s KPI sheet, evaluated by HyperFormula",
    async (mode) => {
      const loaded = await loadDeals(file);
      const data = dataSheetOf(loaded.grid, loaded.table);
      const period = { from: parseIsoDate(FROM)!, to: parseIsoDate(TO)! };
      const source = dataSourceFor(
        loaded.table,
        { sheet: data.name, row: -loaded.table.headerRow, col: 0 },
        period
      );
      const plan = planKpiSheet(source, { sheetName: "KPI", mode, preset: "all", period });
      const sheet = evaluatePlan(plan, { [data.name]: data.rows });
      expect(differences(`${mode} sheet`, (id) => sheet.name(`KPI_${id}`))).toEqual([]);
    }
  );

  it("the portable workbook, recalculated by LibreOffice", async () => {
    const out = path.join(work, "portable.xlsx");
    const run = kpi("workbook", file, "--out", out, "--portable", "--from", FROM, "--to", TO);
    expect(run.status).toBe(0);
    const values = await namedValues(
      recalculate(out),
      IDS.map((id) => `KPI_${id}`)
    );
    expect(differences("LibreOffice", (id) => values[`KPI_${id}`])).toEqual([]);
  }, 120_000);
});

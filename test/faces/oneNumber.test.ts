/**
 * One number everywhere: the same messy deal export through every face that shows its KPIs — `kpi
 * report`, the live and the portable KPI sheet evaluated by HyperFormula, the portable (and the live
 * sheet's native figures) recalculated by LibreOffice, the scenario sheet's Base — against figures
 * computed by hand in this file. Then the same deals as cells of an open workbook, read in place as
 * the task pane reads them (text amounts and error cells included): the pane's preview equals the
 * sheet built over those cells.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RawCellContent } from "hyperformula";
import {
  type Cell,
  DEAL_KPI_IDS,
  KpiError,
  OUTPUT_IDS,
  computeOutputs,
  dealKpis,
  isError,
  leversFromDealKpis,
  parseIsoDate,
} from "../../src/engine";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { isReadFailure, readDealTable } from "../../src/reader";
import { loadDeals } from "../../src/cli/loadDeals";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { evaluatePlan } from "../support/formulaEngine";
import { namedValues, recalculate } from "../support/libreOffice";
import { closeTo } from "../helpers";
import { kpi } from "../support/cli";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-faces-"));

/**
 * A Salesforce-shaped export as people leave it: stages padded and in other cases, Zoho's lost stage,
 * a text amount in each locale, an unreadable amount, a blank line, date-times, an unreadable date and
 * a won deal closed before it was created.
 */
const EXPORT = [
  "Opportunity Name,Opportunity Owner,Stage,Amount,Created Date,Close Date",
  'A,Ann,Closed Won ,"$2,000",2026-01-05,2026-01-25',
  "B,ann,closed won,3000,2026-01-10,2026-02-09",
  "C,Bob,Closed Lost to Competition,1500,2026-01-02,2026-01-12",
  "D,Bob, Closed Lost,800,2026-01-03,2026-02-03",
  'E,Cem,Negotiation/Review,"1.250,00",2026-02-01,2026-06-30',
  "F,Cem,Closed Won,4000,2026-03-10,2026-03-01",
  "G,Ann,Proposal/Price Quote,abc,2026-02-01,2026-05-01",
  ",,,,,",
  "H,Dan,CLOSED WON,5000,2026-02-01 10:30:00,2026-02-11 09:00:00",
  "I,Dan,Closed Won,1000,not a date,2026-03-15",
  "J,Eve,Qualification,700,2026-03-01,",
].join("\n");

/**
 * By hand. Won: A 2,000, B 3,000, F 4,000, H 5,000, I 1,000; lost: C, D; open: E 1,250, G (no
 * amount), J 700. Sales cycle: A 20, B 30, H 10 days (date-times count as their day); F closed before
 * it was created and I has no readable created date, so both are left out of the cycle only. Owners:
 * Ann (and "ann"), Bob, Cem, Dan, Eve.
 */
const ALL = {
  REVENUE: 15000,
  DEALS_WON: 5,
  DEALS_LOST: 2,
  OPEN_OPPORTUNITIES: 3,
  OPEN_PIPELINE_VALUE: 1950,
  AVG_DEAL_SIZE: 3000,
  WIN_RATE: 5 / 7,
  SALES_CYCLE_LENGTH: 20,
  PIPELINE_VELOCITY: (3 * (5 / 7) * 3000) / 20,
  REP_PRODUCTIVITY: 3000,
  PIPELINE_COVERAGE: 1950 / 10000,
};
/** February 2026 by close date: B and H won (30 and 10 days), D lost; open deals whatever their date. */
const FEBRUARY = {
  REVENUE: 8000,
  DEALS_WON: 2,
  DEALS_LOST: 1,
  OPEN_OPPORTUNITIES: 3,
  OPEN_PIPELINE_VALUE: 1950,
  AVG_DEAL_SIZE: 4000,
  WIN_RATE: 2 / 3,
  SALES_CYCLE_LENGTH: 20,
  PIPELINE_VELOCITY: (3 * (2 / 3) * 4000) / 20,
  REP_PRODUCTIVITY: 8000 / 5,
  PIPELINE_COVERAGE: 1950 / 10000,
};
const TARGET = 10000;

const serial = (iso: string) => parseIsoDate(iso)!;

function expectFigures(
  face: string,
  got: (id: string) => unknown,
  want: Record<string, number>,
  ids: readonly string[] = DEAL_KPI_IDS
): void {
  const wrong = ids
    .filter((id) => {
      const value = got(id);
      return typeof value !== "number" || !closeTo(value, want[id]);
    })
    .map((id) => `${id}: ${face} ${String(got(id))}, by hand ${want[id]}`);
  expect(wrong).toEqual([]);
}

const file = path.join(work, "export.csv");
fs.writeFileSync(file, EXPORT);

function report(...flags: string[]): Record<string, unknown> {
  const run = kpi("report", file, "--json", "--target", String(TARGET), ...flags);
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout).metrics;
}

describe("a messy export, file by file", () => {
  it("kpi report gives the hand-computed figures, over all deals and over a period", () => {
    const all = report();
    expectFigures("kpi report", (id) => all[id], ALL);
    const february = report("--from", "2026-02-01", "--to", "2026-02-28");
    expectFigures("kpi report", (id) => february[id], FEBRUARY);
  });

  it.each([
    ["live", undefined, ALL],
    ["portable", undefined, ALL],
    ["live", { from: serial("2026-02-01"), to: serial("2026-02-28") }, FEBRUARY],
    ["portable", { from: serial("2026-02-01"), to: serial("2026-02-28") }, FEBRUARY],
  ] as const)(
    "the %s KPI workbook's plan, evaluated by HyperFormula, gives them too (period %j)",
    async (mode, period, want) => {
      const loaded = await loadDeals(file);
      const data = dataSheetOf(loaded.grid, loaded.table);
      const source = dataSourceFor(
        loaded.table,
        { sheet: data.name, row: -loaded.table.headerRow, col: 0 },
        period
      );
      const plan = planKpiSheet(source, {
        sheetName: "KPI",
        mode,
        preset: "all",
        period,
        inputs: { TARGET },
      });
      const sheet = evaluatePlan(plan, { [data.name]: data.rows });
      expectFigures(`${mode} sheet`, (id) => sheet.name(`KPI_${id}`), want);
      // The sheet says what it could not count: no stage is missing from its list, and the one
      // unreadable amount ("abc") is the one text it cannot add.
      expect(sheet.name("KPI_CHECK_UNLISTED")).toBe(0);
      expect(sheet.name("KPI_CHECK_TEXT_AMOUNTS")).toBe(1);
    }
  );

  it("the portable workbook recalculated by LibreOffice, and the live one's native figures", async () => {
    const ids = DEAL_KPI_IDS.map((id) => `KPI_${id}`);
    for (const mode of ["portable", "live"] as const) {
      const out = path.join(work, `${mode}.xlsx`);
      const flags = mode === "portable" ? ["--portable"] : [];
      const run = kpi("workbook", file, "--out", out, "--target", String(TARGET), ...flags);
      expect(run.status).toBe(0);
      const values = await namedValues(recalculate(out), ids);
      // In the live workbook the metrics made of other KPIs call KPI.*, which LibreOffice lacks;
      // the figures counted from the data are native formulas in both.
      const counted = [
        "REVENUE",
        "DEALS_WON",
        "DEALS_LOST",
        "OPEN_OPPORTUNITIES",
        "OPEN_PIPELINE_VALUE",
        "SALES_CYCLE_LENGTH",
      ];
      expectFigures(
        `LibreOffice (${mode})`,
        (id) => values[`KPI_${id}`],
        ALL,
        mode === "portable" ? DEAL_KPI_IDS : counted
      );
    }
  }, 240_000);

  it("the scenario sheet's Base, recalculated by LibreOffice, follows those figures", async () => {
    const out = path.join(work, "scenarios.xlsx");
    const run = kpi(
      "workbook",
      file,
      "--out",
      out,
      "--portable",
      "--scenarios",
      "--target",
      String(TARGET)
    );
    expect(run.status).toBe(0);
    const names = OUTPUT_IDS.map((id) => `WHATIF_BASE_${id}`);
    const values = await namedValues(recalculate(out), names);
    const kpis = dealKpis((await loadDeals(file)).table.columns, TARGET);
    expectFigures("the engine", (id) => kpis[id as keyof typeof kpis], ALL);
    const outputs = computeOutputs(leversFromDealKpis(kpis));
    let compared = 0;
    for (const id of OUTPUT_IDS) {
      const want = outputs[id];
      const got = values[`WHATIF_BASE_${id}`];
      if (isError(want)) continue; // needs an input a deal table cannot give: a hint on the sheet
      compared++;
      if (typeof got !== "number" || !closeTo(got, want))
        throw new Error(`WHATIF_BASE_${id}: engine ${want}, LibreOffice ${String(got)}`);
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  }, 240_000);
});

/**
 * The same deals as cells of an open workbook, as Excel holds them: numbers, date serials (a
 * date-time with its time of day), amounts stored as text, an error cell in the stage and in the
 * amount column.
 */
const NA = new KpiError("#N/A", {
  en: "the cell holds the error #N/A",
  tr: "the cell holds the error #N/A",
});
const CELLS: Cell[][] = [
  ["Opportunity Name", "Opportunity Owner", "Stage", "Amount", "Created Date", "Close Date"],
  ["A", "Ann", "Closed Won ", "$2,000", serial("2026-01-05"), serial("2026-01-25")],
  ["B", "ann", "closed won", 3000, serial("2026-01-10"), serial("2026-02-09")],
  ["C", "Bob", "Closed Lost to Competition", 1500, serial("2026-01-02"), serial("2026-01-12")],
  ["D", "Bob", " Closed Lost", 800, serial("2026-01-03"), serial("2026-02-03")],
  ["E", "Cem", "Negotiation/Review", 1250, serial("2026-02-01"), serial("2026-06-30")],
  ["F", "Cem", "Closed Won", 4000, serial("2026-03-10"), serial("2026-03-01")],
  ["G", "Ann", "Proposal/Price Quote", NA, serial("2026-02-01"), serial("2026-05-01")],
  [null, null, null, null, null, null],
  ["H", "Dan", "CLOSED WON", 5000, serial("2026-02-01") + 0.4375, serial("2026-02-11") + 0.375],
  ["I", "Dan", "Closed Won", 1000, "not a date", serial("2026-03-15")],
  ["J", "Eve", "Qualification", 700, serial("2026-03-01"), null],
  ["K", "Eve", NA, 900, serial("2026-03-01"), serial("2026-03-02")],
];

/** In place, A's "$2,000" is text the sheet cannot add: won revenue 13,000 and so on. */
const IN_PLACE = {
  ...ALL,
  REVENUE: 13000,
  AVG_DEAL_SIZE: 2600,
  PIPELINE_VELOCITY: (3 * (5 / 7) * 2600) / 20,
  REP_PRODUCTIVITY: 2600,
};

describe("the same deals in place, as the task pane reads them", () => {
  const table = readDealTable(CELLS, { inPlace: true });
  if (isReadFailure(table)) throw new Error(table.failure.en);

  it("reports the text amount, the error cells and the contradicting row, each with its row", () => {
    const rows = (pattern: RegExp) =>
      table.problems.filter((p) => pattern.test(p.message.en)).map((p) => p.row);
    expect(rows(/text/)).toContain(2);
    expect(rows(/#N\/A/)).toEqual([8, 13]);
    expect(rows(/before it was created/)).toEqual([7]);
    // An error cell is never a stage.
    expect(table.stageValues.map((value) => value.text)).not.toContain("#N/A");
  });

  it.each(["live", "portable"] as const)(
    "the preview's figures equal the %s sheet built over the same cells",
    (mode) => {
      const preview = dealKpis(table.columns, TARGET) as unknown as Record<string, number>;
      expectFigures("preview", (id) => preview[id], IN_PLACE);
      const source = dataSourceFor(table, { sheet: "CRM Export", row: 0, col: 0 });
      const plan = planKpiSheet(source, {
        sheetName: "KPI",
        mode,
        preset: "all",
        inputs: { TARGET },
      });
      const sheet = evaluatePlan(plan, { "CRM Export": CELLS as (RawCellContent | KpiError)[][] });
      expectFigures(`${mode} sheet`, (id) => sheet.name(`KPI_${id}`), IN_PLACE);
      expect(sheet.name("KPI_CHECK_UNLISTED")).toBe(1); // K's #N/A stage
      expect(sheet.name("KPI_CHECK_TEXT_AMOUNTS")).toBe(1); // A's "$2,000"
    }
  );
});

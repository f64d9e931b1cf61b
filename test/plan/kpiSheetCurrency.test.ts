/**
 * The KPI sheet over deals in several currencies: every sum of amounts says why it is not made, the
 * counts stay; with one currency chosen, every figure (the KPI table, the segments, the funnel) counts
 * that currency's deals only, and equals what `kpi report --currency` says, evaluated by HyperFormula
 * in both modes and recalculated by LibreOffice.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RawCellContent } from "hyperformula";
import { parseIsoDate } from "../../src/engine";
import { type LoadedDeals, loadDeals } from "../../src/cli/loadDeals";
import { KPI_SHEET } from "../../src/i18n/strings/kpiSheet";
import { dataSourceFor } from "../../src/plan/dataSource";
import { type KpiSheetOptions, planKpiSheet } from "../../src/plan/kpiSheet";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { kpi } from "../support/cli";
import { evaluatePlan } from "../support/formulaEngine";
import { namedValues, recalculate } from "../support/libreOffice";
import { rowAfter } from "../support/planCells";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-currency-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A HubSpot deal export of an account with two currencies, with its Date entered columns. */
const EXPORT = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Deal probability,Currency,Deal Type,"Date entered ""Appointment scheduled (Sales Pipeline)""","Date entered ""Qualified to buy (Sales Pipeline)""","Date entered ""Contract sent (Sales Pipeline)"""',
  // USD: won in Q2; appointment Mar 1, qualified Mar 5, contract Mar 20, closed Apr 10.
  "1,A,Closed won,1000,2026-04-10,2026-03-01,Ann,1,USD,New Business,2026-03-01,2026-03-05,2026-03-20",
  // USD: lost in Q2; qualified Mar 12, closed May 1.
  "2,B,Closed lost,2000,2026-05-01,2026-03-02,Bob,0,USD,Existing Business,2026-03-02,2026-03-12,",
  // EUR: open at contract sent, 80 %.
  "3,C,Contract sent,3000,2026-07-30,2026-04-01,Ann,0.8,EUR,New Business,2026-04-01,2026-04-03,2026-04-13",
  // USD: open at appointment, 20 %.
  "4,D,Appointment scheduled,500,2026-08-30,2026-05-01,Bob,0.2,usd,,2026-05-01,,",
  // USD: won in Q1 (the previous quarter), 4,000.
  "5,E,Closed won,4000,2026-01-15,2025-12-01,Ann,1,USD,New Business,2025-12-01,2025-12-11,2026-01-01",
  // EUR: won in Q2 by an owner, in a segment, that have no USD deal.
  "6,F,Closed won,2500,2026-05-20,2026-04-02,Cem,1,EUR,Partner,2026-04-02,,",
].join("\n");
const FROM = "2026-04-01";
const TO = "2026-06-30";
const period = { from: parseIsoDate(FROM)!, to: parseIsoDate(TO)! };

const file = path.join(work, "hubspot-two-currencies.csv");
fs.writeFileSync(file, EXPORT);
let deals: LoadedDeals;
beforeAll(async () => {
  deals = await loadDeals(file, { reading: { segmentBy: "Deal Type" } });
});

function evaluate(options: Partial<KpiSheetOptions>) {
  const data = dataSheetOf(deals.grid, deals.table);
  const origin = { sheet: data.name, row: 0, col: 0 };
  const source = dataSourceFor(deals.table, origin, period, undefined, options.currency);
  const plan = planKpiSheet(source, {
    sheetName: "KPI",
    mode: "portable",
    preset: "all",
    period,
    ...options,
  });
  return { plan, sheet: evaluatePlan(plan, { [data.name]: data.rows as RawCellContent[][] }) };
}

/** `kpi report --json` of the export, restricted to a currency. */
function report(currency: string): Record<string, any> {
  const run = kpi(
    "report",
    file,
    "--json",
    "--from",
    FROM,
    "--to",
    TO,
    "--by",
    "Deal Type",
    "--currency",
    currency
  );
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe("a KPI sheet over two currencies", () => {
  it("shows why no sum of amounts is made, naming the currencies; counts and rates stay", () => {
    for (const mode of ["live", "portable"] as const) {
      const { sheet } = evaluate({ mode });
      for (const id of [
        "REVENUE",
        "OPEN_PIPELINE_VALUE",
        "WEIGHTED_PIPELINE_VALUE",
        "PREVIOUS_REVENUE",
      ])
        expect(sheet.name(`KPI_${id}`)).toBe(
          "Several currencies (USD 4 deals, EUR 2 deals): build the sheet for one currency"
        );
      // The KPIs made of those sums say why too, not what they need.
      for (const id of ["AVG_DEAL_SIZE", "PIPELINE_VELOCITY", "REP_PRODUCTIVITY", "REVENUE_GROWTH"])
        expect([id, sheet.name(`KPI_${id}`)]).toEqual([id, sheet.name("KPI_REVENUE")]);
      // Q2, both currencies: won A and F, lost B, open C and D.
      expect(sheet.name("KPI_DEALS_WON")).toBe(2);
      expect(sheet.name("KPI_DEALS_LOST")).toBe(1);
      expect(sheet.name("KPI_OPEN_OPPORTUNITIES")).toBe(2);
      expect(sheet.name("KPI_WIN_RATE")).toBeCloseTo(2 / 3, 9);
    }
  });

  it.each(["live", "portable"] as const)(
    "for USD only (%s): the KPIs, the segments and the funnel equal kpi report --currency USD",
    (mode) => {
      const { plan, sheet } = evaluate({ mode, currency: "USD" });
      const { metrics, segments, funnel } = report("USD");
      for (const id of [
        "REVENUE",
        "DEALS_WON",
        "DEALS_LOST",
        "OPEN_OPPORTUNITIES",
        "OPEN_PIPELINE_VALUE",
        "WEIGHTED_PIPELINE_VALUE",
        "PREVIOUS_REVENUE",
        "REVENUE_GROWTH",
        // Cem sells in EUR only: the USD sheet's reps are Ann and Bob, as the report's.
        "REP_PRODUCTIVITY",
      ])
        expect([id, sheet.name(`KPI_${id}`)]).toEqual([id, metrics[id]]);
      // No row for the EUR-only segment "Partner": the USD segments, in the report's order.
      expect(() => rowAfter(plan, sheet, "Partner", 1)).toThrow();
      // By hand: revenue A's 1,000; weighted D's 500 x 0.2; previous quarter E's 4,000.
      expect([metrics.REVENUE, metrics.WEIGHTED_PIPELINE_VALUE, metrics.PREVIOUS_REVENUE]).toEqual([
        1000, 100, 4000,
      ]);
      expect(sheet.name("KPI_CHECK_UNLISTED")).toBe(0);
      for (const segment of segments.values) {
        const [revenue, won, lost] = rowAfter(plan, sheet, segment.segment, 3);
        expect([segment.segment, revenue, won, lost]).toEqual([
          segment.segment,
          segment.REVENUE,
          segment.DEALS_WON,
          segment.DEALS_LOST,
        ]);
      }
      for (const stage of funnel) {
        // Below the funnel's heading: the stage list above names the stages too.
        const [entered, conversion, days] = rowAfter(
          plan,
          sheet,
          stage.stage,
          3,
          KPI_SHEET.en.funnel
        );
        expect(entered).toBe(stage.entered);
        expect(conversion).toBeCloseTo(stage.conversion, 9);
        expect(days).toBeCloseTo(stage.avg_days, 9);
      }
      // USD: the funnel's first stage had A, B, D and E (C is in EUR).
      expect(funnel[0].entered).toBe(4);
    }
  );

  it("kpi workbook --currency USD, recalculated by LibreOffice, says the same", async () => {
    const out = path.join(work, "usd.xlsx");
    const run = kpi(
      "workbook",
      file,
      "--out",
      out,
      "--portable",
      "--from",
      FROM,
      "--to",
      TO,
      "--currency",
      "USD"
    );
    expect(run.status).toBe(0);
    const ids = [
      "REVENUE",
      "OPEN_PIPELINE_VALUE",
      "WEIGHTED_PIPELINE_VALUE",
      "PREVIOUS_REVENUE",
      "DEALS_WON",
    ];
    const values = await namedValues(
      recalculate(out),
      ids.map((id) => `KPI_${id}`)
    );
    const { metrics } = report("USD");
    expect(ids.map((id) => values[`KPI_${id}`])).toEqual(ids.map((id) => metrics[id]));
  }, 120_000);
});

/**
 * Section 9 of the metric specification on the KPI sheet, in live and portable modes: the weighted
 * pipeline, the previous period (its bounds computed by the sheet's formulas) and its revenue, the
 * breakdown by a segment column and the stage funnel, evaluated by HyperFormula over a HubSpot-shaped
 * and a Salesforce-shaped export written here, against figures worked out by hand beside the rows;
 * the previous period's bounds against engine/previousPeriod.ts over many periods; the portable
 * workbook recalculated by LibreOffice; and the Turkish sheet's words.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import {
  type Cell,
  type Period,
  dealReport,
  firstOfMonthSerial,
  funnel,
  isError,
  parseIsoDate,
  previousPeriod,
  segmentKpis,
} from "../../src/engine";
import { type LoadedDeals, loadDeals } from "../../src/cli/loadDeals";
import { columnIndex } from "../../src/plan/a1";
import { dataSourceFor } from "../../src/plan/dataSource";
import { type DataSource, type KpiSheetOptions, planKpiSheet } from "../../src/plan/kpiSheet";
import type { SheetPlan } from "../../src/plan/types";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { buildKpiWorkbook } from "../../src/writers/kpiWorkbook";
import { evaluatePlan } from "../support/formulaEngine";
import { find, rowAfter } from "../support/planCells";
import { namedValues, recalculate, recalculateAll } from "../support/libreOffice";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-sheet-section9-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const day = (iso: string): number => parseIsoDate(iso)!;
const Q2: Period = { from: day("2026-04-01"), to: day("2026-06-30") };

/**
 * A HubSpot deals export (CSV): fractions of probability, a "Deal Type" to break down by, and the
 * "Date entered" columns of three open stages and of Closed Won (not a funnel stage: it is won).
 */
const HUBSPOT = [
  'Deal Name,Deal Stage,Amount,Deal probability,Create Date,Close Date,Deal owner,Deal Type,Date entered "Appointment Scheduled (Sales Pipeline)",Date entered "Qualified To Buy (Sales Pipeline)",Date entered "Presentation Scheduled (Sales Pipeline)",Date entered "Closed Won (Sales Pipeline)"',
  // A: won in Q2 (Apr 15), created Jan 10: 95 days. Funnel: AS Jan 10, QTB Jan 20, PS Feb 1.
  "A,Closed Won,10000,1,2026-01-10,2026-04-15,Ann,New Business,2026-01-10,2026-01-20,2026-02-01,2026-04-15",
  // B: won in Q1 (the previous quarter). Funnel: AS Feb 1, PS Feb 20 (QTB skipped).
  "B,Closed Won,5000,1,2026-02-01,2026-03-10,Ben,Existing Business,2026-02-01,,2026-02-20,2026-03-10",
  // C: lost in Q2 (May 2). Funnel: AS Mar 1, QTB Mar 15.
  "C,Closed Lost,3000,0,2026-03-01,2026-05-02,Ann,New Business,2026-03-01,2026-03-15,,",
  // D: open, 8,000 x 0.6 = 4,800. Funnel: AS Apr 1, QTB Apr 10, PS May 1.
  "D,Presentation Scheduled,8000,0.6,2026-04-01,2026-07-30,Ben,New Business,2026-04-01,2026-04-10,2026-05-01,",
  // E: open, 4,000 x 0.4 = 1,600, no deal type. Funnel: AS May 1, QTB May 11.
  "E,Qualified To Buy,4000,0.4,2026-05-01,2026-08-15,Cem,,2026-05-01,2026-05-11,,",
  // F: open, 2,000 x 0.2 = 400. Funnel: AS Jun 1.
  "F,Appointment Scheduled,2000,0.2,2026-06-01,2026-09-01,Cem,Existing Business,2026-06-01,,,",
  // G: won in Q2 (Jun 30), created Apr 5: 86 days, no deal type. Funnel: AS Apr 5, PS May 20.
  "G,Closed Won,7000,1,2026-04-05,2026-06-30,Ann,,2026-04-05,,2026-05-20,2026-06-30",
  // H: open without a probability (left out of the weighted pipeline); "new business" in lower case.
  "H,Appointment Scheduled,1000,,2026-06-10,,Ben,new business,2026-06-10,,,",
].join("\r\n");

/**
 * A Salesforce opportunity report (Lightning CSV): "Probability (%)" in whole percentages, broken down
 * by "Lead Source".
 */
const SALESFORCE = [
  "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Probability (%),Close Date,Created Date,Lead Source",
  // 1: won in Q2, Feb 1 to Apr 20: 78 days.
  "Ann Lee,Acme,Acme renewal,Closed Won,12000,100,2026-04-20,2026-02-01,Web",
  // 2: won in Q1.
  "Ann Lee,Beta,Beta new,Closed Won,8000,100,2026-02-15,2026-01-10,Partner",
  // 3: lost in Q2.
  "Bob Stone,Gamma,Gamma,Closed Lost,5000,0,2026-05-05,2026-03-01,Web",
  // 4: open, 90 %: 18,000.
  "Bob Stone,Delta,Delta,Negotiation/Review,20000,90,2026-07-15,2026-04-01,Web",
  // 5: open, 75 %: 7,500.
  "Cem Ak,Epsilon,Epsilon,Proposal/Price Quote,10000,75,2026-08-01,2026-05-01,Trade Show",
  // 6: won in Q2, May 10 to Jun 10: 31 days.
  "Cem Ak,Zeta,Zeta,Closed Won,6000,100,2026-06-10,2026-05-10,Trade Show",
  // 7: open, 10 %: 400.
  "Ann Lee,Eta,Eta,Prospecting,4000,10,2026-09-30,2026-06-01,Partner",
  // 8: won on the last day of Q1.
  "Dan Roe,Theta,Theta,Closed Won,3000,100,2026-03-31,2026-03-01,Web",
  // 9: open without a probability; "web" in lower case.
  "Dan Roe,Iota,Iota,Qualification,7000,,2026-09-01,2026-06-15,web",
].join("\r\n");

async function load(name: string, text: string, segmentBy: string): Promise<LoadedDeals> {
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  return loadDeals(file, { reading: { segmentBy } });
}

/** The KPI sheet of an export as `kpi workbook` plans it: the rows on a data sheet from A1. */
function planOf(deals: LoadedDeals, options: Omit<KpiSheetOptions, "sheetName">): SheetPlan {
  const source = dataSourceFor(deals.table, { sheet: "Data", row: 0, col: 0 }, options.period);
  return planKpiSheet(source, { ...options, sheetName: "KPI" });
}

function evaluate(deals: LoadedDeals, options: Omit<KpiSheetOptions, "sheetName">) {
  const plan = planOf(deals, options);
  const rows = dataSheetOf(deals.grid, deals.table).rows as RawCellContent[][];
  return { plan, sheet: evaluatePlan(plan, { Data: rows }) };
}

/** The funnel's heading, below which its stages are (the stage list names them too). */
const FUNNEL = "Funnel: deals that entered each stage (all deals, whatever the period)";

/** Numbers to 1e-9, "" for a blank figure. */
function expectRow(got: Cell[], want: (number | "")[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((value, i) => {
    if (value === "") expect(got[i]).toBe("");
    else if (typeof got[i] !== "number" || Math.abs((got[i] as number) - value) > 1e-9)
      throw new Error(
        `column ${i + 1}: expected ${value}, got ${String(got[i])} (${got.join(", ")})`
      );
  });
}

let hubspot: LoadedDeals;
let salesforce: LoadedDeals;
beforeAll(async () => {
  hubspot = await load("hubspot-deals.csv", HUBSPOT, "Deal Type");
  salesforce = await load("salesforce-opportunities.csv", SALESFORCE, "Lead Source");
});

describe.each(["live", "portable"] as const)("section 9 on a KPI sheet in %s mode", (mode) => {
  const options = { mode, preset: "all" as const, period: Q2 };

  it("a HubSpot export: weighted pipeline, previous quarter, growth", () => {
    const { sheet } = evaluate(hubspot, options);
    expect(sheet.name("KPI_REVENUE")).toBe(17000); // A and G
    expect(sheet.name("KPI_WEIGHTED_PIPELINE_VALUE")).toBeCloseTo(6800, 9); // D, E, F; H has none
    expect(sheet.name("KPI_PERIOD_PREVIOUS_FROM")).toBe(day("2026-01-01"));
    expect(sheet.name("KPI_PERIOD_PREVIOUS_TO")).toBe(day("2026-03-31"));
    expect(sheet.name("KPI_PREVIOUS_REVENUE")).toBe(5000); // B
    expect(sheet.name("KPI_REVENUE_GROWTH")).toBeCloseTo((17000 - 5000) / 5000, 9);
  });

  it("a HubSpot export: by deal type, largest revenue first, blank cells one segment", () => {
    const { plan, sheet } = evaluate(hubspot, options);
    // Revenue, won, lost, win rate, average deal, sales cycle, open, open pipeline.
    expectRow(rowAfter(plan, sheet, "New Business", 8), [10000, 1, 1, 0.5, 10000, 95, 2, 9000]);
    expectRow(rowAfter(plan, sheet, "(blank)", 8), [7000, 1, 0, 1, 7000, 86, 1, 4000]);
    expectRow(rowAfter(plan, sheet, "Existing Business", 8), [0, 0, 0, "", "", "", 1, 2000]);
    const [newRow] = find(plan, "New Business");
    const [blankRow] = find(plan, "(blank)");
    const [existingRow] = find(plan, "Existing Business");
    expect(newRow).toBeLessThan(blankRow);
    expect(blankRow).toBeLessThan(existingRow);
    // The engine's segments agree.
    const engine = segmentKpis(hubspot.table.columns, Q2);
    expect(engine.map((s) => s.value)).toEqual(["New Business", null, "Existing Business"]);
    for (const segment of engine) {
      const got = rowAfter(plan, sheet, segment.value ?? "(blank)", 8);
      const want = Object.values(segment.kpis).map((v) => (isError(v) ? "" : v));
      expectRow(got, want as (number | "")[]);
    }
  });

  it("a HubSpot export: the funnel of its open stages, all deals whatever the period", () => {
    const { plan, sheet } = evaluate(hubspot, options);
    // Entered, conversion, mean days (then the sums they come from).
    // AS: 8 entered, 4 to QTB; days 10 + 19 + 14 + 9 + 10 + 45 over 6 (F and H are open, no later date).
    expectRow(rowAfter(plan, sheet, "Appointment Scheduled", 3, FUNNEL), [8, 0.5, 107 / 6]);
    // QTB: 4 entered, 4 in PS; A 12, C to its loss 48, D 21 (E open).
    expectRow(rowAfter(plan, sheet, "Qualified To Buy", 3, FUNNEL), [4, 1, 27]);
    // PS, the last: A, B, G won of 4; A 73, B 18, G 41 days to their close (D open).
    expectRow(rowAfter(plan, sheet, "Presentation Scheduled", 3, FUNNEL), [4, 0.75, 44]);
    expect(() => find(plan, "Closed Won", FUNNEL)).toThrow(); // a won stage is no funnel stage
    const engine = funnel(hubspot.table.columns);
    expect(engine.map((s) => [s.entered, s.conversion, s.avgDays])).toEqual([
      [8, 0.5, 107 / 6],
      [4, 1, 27],
      [4, 0.75, 44],
    ]);
  });

  it("a Salesforce export: percentages, the previous quarter, by lead source", () => {
    const { plan, sheet } = evaluate(salesforce, options);
    expect(sheet.name("KPI_REVENUE")).toBe(18000); // 1 and 6
    // 20,000 x 90 % + 10,000 x 75 % + 4,000 x 10 %; 9 has no probability.
    expect(sheet.name("KPI_WEIGHTED_PIPELINE_VALUE")).toBeCloseTo(25900, 9);
    expect(sheet.name("KPI_PREVIOUS_REVENUE")).toBe(11000); // 2 and 8
    expect(sheet.name("KPI_REVENUE_GROWTH")).toBeCloseTo(7000 / 11000, 9);
    expectRow(rowAfter(plan, sheet, "Web", 8), [12000, 1, 1, 0.5, 12000, 78, 2, 27000]);
    expectRow(rowAfter(plan, sheet, "Trade Show", 8), [6000, 1, 0, 1, 6000, 31, 1, 10000]);
    expectRow(rowAfter(plan, sheet, "Partner", 8), [0, 0, 0, "", "", "", 1, 4000]);
    // No stage-entry columns: no funnel.
    expect(() => find(plan, FUNNEL)).toThrow();
  });

  it("the previous period's revenue typed in overrides the data's", () => {
    const { sheet } = evaluate(hubspot, { ...options, inputs: { PREVIOUS_REVENUE: 8500 } });
    expect(sheet.name("KPI_PREVIOUS_REVENUE")).toBe(8500);
    expect(sheet.name("KPI_REVENUE_GROWTH")).toBeCloseTo((17000 - 8500) / 8500, 9);
  });

  it("without a period, the previous period's revenue and the growth say what they need", () => {
    const { sheet } = evaluate(hubspot, { ...options, period: undefined });
    expect(sheet.name("KPI_PREVIOUS_REVENUE")).toBe("Needs: the period's first and last day");
    expect(sheet.name("KPI_REVENUE_GROWTH")).toBe("Needs: Revenue, Revenue of the previous period");
    expect(sheet.name("KPI_PERIOD_PREVIOUS_FROM")).toBe("");
  });
});

describe("the data source of an export with section 9's columns", () => {
  it("refers to them in the grid and, as an Excel table, by structured references", () => {
    const grid = dataSourceFor(hubspot.table, { sheet: "CRM", row: 0, col: 0 });
    expect(grid.columns.probability).toBe("'CRM'!$D$2:$D$9");
    expect(grid.columns.segment).toBe("'CRM'!$H$2:$H$9");
    expect(grid.stageEntries).toEqual([
      { stage: "Appointment Scheduled", column: "'CRM'!$I$2:$I$9" },
      { stage: "Qualified To Buy", column: "'CRM'!$J$2:$J$9" },
      { stage: "Presentation Scheduled", column: "'CRM'!$K$2:$K$9" },
      { stage: "Closed Won", column: "'CRM'!$L$2:$L$9" },
    ]);
    // Every closed deal: New Business 10,000 (A), blank 7,000 (G), Existing Business 5,000 (B).
    expect(grid.segment).toEqual({
      header: "Deal Type",
      values: ["New Business", null, "Existing Business"],
    });
    const table = dataSourceFor(hubspot.table, { sheet: "CRM", row: 0, col: 0 }, Q2, {
      name: "Deals",
      columns: hubspot.table.headers,
    });
    expect(table.columns.probability).toBe("Deals[Deal probability]");
    expect(table.columns.segment).toBe("Deals[Deal Type]");
    // Quotes and parentheses take the column's own brackets; only [ ] # ' are escaped.
    expect(table.stageEntries![0].column).toBe(
      'Deals[[Date entered "Appointment Scheduled (Sales Pipeline)"]]'
    );
    // Sorted by the revenue of the period's deals: B closed in Q1, Existing Business has none.
    expect(table.segment!.values).toEqual(["New Business", null, "Existing Business"]);
  });
});

describe("a funnel of many stages", () => {
  it("keeps every formula within Excel's 8,192 characters, saying so where a stage cannot", () => {
    const column = (letters: string) => `'CRM Export'!$${letters}$2:$${letters}$100001`;
    const stages = Array.from({ length: 14 }, (_, i) => `Stage ${i + 1}`);
    const source: DataSource = {
      columns: {
        stage: column("A"),
        amount: column("B"),
        created: column("C"),
        closed: column("D"),
        owner: column("E"),
        probability: column("F"),
        segment: column("G"),
      },
      description: "CRM Export",
      stageValues: [
        { text: "Won", kind: "won" },
        { text: "Lost", kind: "lost" },
        { text: "Stage 1", kind: "open" },
      ],
      owners: ["Ann"],
      closedRange: { from: day("2026-01-01"), to: day("2026-06-30") },
      activeOwners: 1,
      stageEntries: stages.map((stage, i) => ({
        stage,
        column: column(String.fromCharCode(72 + i)),
      })),
      segment: { header: "Region", values: ["North", null] },
    };
    const plan = planKpiSheet(source, {
      sheetName: "KPI",
      mode: "live",
      preset: "all",
      period: Q2,
    });
    const formulas = plan.sheets[0].blocks.flatMap((block) =>
      block.cells.flatMap((row) => row.flatMap((cell) => (cell.formula ? [cell.formula] : [])))
    );
    expect(Math.max(...formulas.map((formula) => formula.length))).toBeLessThanOrEqual(8192);
    const cellAt = (row: number, col: number) => {
      const block = plan.sheets[0].blocks.find(
        (b) => b.row <= row && row < b.row + b.cells.length && b.col <= col
      )!;
      return block.cells[row - block.row][col - block.col];
    };
    const [first, col] = find(plan, "Stage 1", FUNNEL);
    expect(cellAt(first, col + 3).value).toBe(
      "Too many later stages for one formula (Excel takes 8,192 characters)"
    );
    // The last stages have few later ones: their days are counted.
    const [last] = find(plan, "Stage 14", FUNNEL);
    expect(cellAt(last, col + 3).formula).toMatch(/^IF\(/);
  });
});

describe("the previous period's bounds on the sheet", () => {
  /** Periods of every kind: months (a leap February), quarters, years, and other spans. */
  const m = (y: number, month: number) => firstOfMonthSerial(y, month);
  const periods: [string, number, number][] = [
    ["January", m(2026, 0), m(2026, 1) - 1],
    ["a leap February", m(2024, 1), m(2024, 2) - 1],
    ["March after a leap February", m(2024, 2), m(2024, 3) - 1],
    ["March", m(2026, 2), m(2026, 3) - 1],
    ["December", m(2025, 11), m(2026, 0) - 1],
    ["Q1", m(2026, 0), m(2026, 3) - 1],
    ["Q2 of a leap year", m(2024, 3), m(2024, 6) - 1],
    ["Q3", m(2026, 6), m(2026, 9) - 1],
    ["Q4", m(2025, 9), m(2026, 0) - 1],
    ["a year", m(2025, 0), m(2026, 0) - 1],
    ["a leap year", m(2024, 0), m(2025, 0) - 1],
    ["February to April (three months, not a quarter)", m(2026, 1), m(2026, 4) - 1],
    ["July to June (a year, not a calendar one)", m(2025, 6), m(2026, 6) - 1],
    ["two months", m(2026, 0), m(2026, 2) - 1],
    ["half a month", m(2026, 0) + 14, m(2026, 1) - 1],
    ["a month less a day", m(2026, 0), m(2026, 1) - 2],
    ["one day", m(2026, 4) + 9, m(2026, 4) + 9],
    ["a week across a leap day", m(2024, 1) + 25, m(2024, 2) + 2],
    ["a month from the 15th", m(2026, 0) + 14, m(2026, 1) + 13],
  ];
  it.each(periods)("%s: the engine's previous period and its revenue", (_label, from, to) => {
    const { sheet } = evaluate(hubspot, {
      mode: "portable",
      preset: "checklist",
      period: { from, to },
    });
    const want = previousPeriod({ from, to })!;
    expect([sheet.name("KPI_PERIOD_PREVIOUS_FROM"), sheet.name("KPI_PERIOD_PREVIOUS_TO")]).toEqual([
      want.from,
      want.to,
    ]);
    expect(sheet.name("KPI_PREVIOUS_REVENUE")).toBe(
      dealReport(hubspot.table.columns, null, { from, to }).kpis.PREVIOUS_REVENUE
    );
  });
});

describe("the Turkish sheet", () => {
  it("names the sections of section 9 in Turkish and counts the same", () => {
    const options = { mode: "portable" as const, preset: "all" as const, period: Q2 };
    const en = evaluate(hubspot, options);
    const tr = evaluate(hubspot, { ...options, language: "tr" });
    for (const text of [
      "Deal Type kırılımı",
      "(boş)",
      "Huni: her aşamaya giren anlaşmalar (dönemden bağımsız, tüm anlaşmalar)",
      "Önceki dönem",
      "Ağırlıklı boru hattı değeri",
      "Önceki dönemin geliri",
    ])
      expect(() => find(tr.plan, text)).not.toThrow();
    for (const text of ["By Deal Type", "(blank)", "Previous period", "Weighted pipeline value"])
      expect(() => find(tr.plan, text)).toThrow();
    for (const name of [
      "KPI_WEIGHTED_PIPELINE_VALUE",
      "KPI_PREVIOUS_REVENUE",
      "KPI_REVENUE_GROWTH",
    ])
      expect(tr.sheet.name(name)).toEqual(en.sheet.name(name));
    expectRow(rowAfter(tr.plan, tr.sheet, "(boş)", 8), [7000, 1, 0, 1, 7000, 86, 1, 4000]);
    const huni = "Huni: her aşamaya giren anlaşmalar (dönemden bağımsız, tüm anlaşmalar)";
    expectRow(rowAfter(tr.plan, tr.sheet, "Qualified To Buy", 3, huni), [4, 1, 27]);
    const noPeriod = evaluate(hubspot, { ...options, language: "tr", period: undefined });
    expect(noPeriod.sheet.name("KPI_PREVIOUS_REVENUE")).toBe("Gerekli: dönemin ilk ve son günü");
  });

  it("charts revenue and win rate by period, revenue by segment and the funnel", () => {
    const { plan } = evaluate(hubspot, { mode: "live", preset: "all", period: Q2 });
    const titles = plan.sheets[0].charts.map((chart) => `${chart.kind} ${chart.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        "column Revenue by period",
        "column Win rate by period",
        "bar Revenue by Deal Type",
        "bar Funnel",
      ])
    );
  });
});

describe("the portable workbook recalculated by LibreOffice", () => {
  it("gives the weighted pipeline, the previous quarter's revenue, a segment and a funnel stage", async () => {
    const options = { mode: "portable" as const, preset: "all" as const, period: Q2 };
    const out = path.join(work, "hubspot-portable.xlsx");
    await buildKpiWorkbook(hubspot, options).xlsx.writeFile(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculate(out));
    const kpiSheet = book.getWorksheet("KPI")!;
    const value = (row: number, col: number) => {
      const cell = kpiSheet.getCell(row + 1, col + 1);
      return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
    };
    const named = (name: string) => {
      const ref = book.definedNames.model.find((n) => n.name === name)!.ranges[0];
      const [, address] = ref.split("!");
      const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(address)!;
      return value(Number(digits) - 1, columnIndex(letters));
    };
    expect(named("KPI_WEIGHTED_PIPELINE_VALUE")).toBeCloseTo(6800, 9);
    expect(named("KPI_PREVIOUS_REVENUE")).toBe(5000);
    expect(named("KPI_REVENUE_GROWTH")).toBeCloseTo(2.4, 9);
    // The data sheet is a "Data" sheet from A1: the plan's cells are where the workbook's are.
    const plan = planOf(hubspot, options);
    const after = (label: string, count: number, below?: string) => {
      const [row, col] = find(plan, label, below);
      return Array.from({ length: count }, (_, i) => value(row, col + 1 + i) ?? "");
    };
    expectRow(after("New Business", 8) as Cell[], [10000, 1, 1, 0.5, 10000, 95, 2, 9000]);
    expectRow(after("(blank)", 8) as Cell[], [7000, 1, 0, 1, 7000, 86, 1, 4000]);
    expectRow(after("Appointment Scheduled", 3, FUNNEL) as Cell[], [8, 0.5, 107 / 6]);
    expectRow(after("Presentation Scheduled", 3, FUNNEL) as Cell[], [4, 0.75, 44]);
  }, 120_000);

  it("computes the previous period of a leap February and of an arbitrary span as the engine", async () => {
    const periods: Period[] = [
      { from: day("2024-02-01"), to: day("2024-02-29") },
      { from: day("2026-01-15"), to: day("2026-02-14") },
      // 41 days: the 41 before, Jan 29 to Mar 10, hold B's 5,000.
      { from: day("2026-03-11"), to: day("2026-04-20") },
    ];
    const files = await Promise.all(
      periods.map(async (period, i) => {
        const out = path.join(work, `previous-${i}.xlsx`);
        await buildKpiWorkbook(hubspot, {
          mode: "portable",
          preset: "checklist",
          period,
        }).xlsx.writeFile(out);
        return out;
      })
    );
    const saved = recalculateAll(files);
    for (const [i, period] of periods.entries()) {
      const names = ["KPI_PERIOD_PREVIOUS_FROM", "KPI_PERIOD_PREVIOUS_TO", "KPI_PREVIOUS_REVENUE"];
      const values = await namedValues(saved[i], names);
      // A date cell reads back as a Date at midnight UTC: its serial is the days since 1899-12-30.
      const serial = (v: unknown) =>
        v instanceof Date ? Math.round(v.getTime() / 86_400_000) + 25569 : v;
      const want = previousPeriod(period)!;
      expect([
        serial(values.KPI_PERIOD_PREVIOUS_FROM),
        serial(values.KPI_PERIOD_PREVIOUS_TO),
      ]).toEqual([want.from, want.to]);
      expect(values.KPI_PREVIOUS_REVENUE).toBe(
        dealReport(hubspot.table.columns, null, period).kpis.PREVIOUS_REVENUE
      );
    }
    expect(dealReport(hubspot.table.columns, null, periods[2]).kpis.PREVIOUS_REVENUE).toBe(5000);
  }, 120_000);
});

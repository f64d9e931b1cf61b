/**
 * `kpi report --json` on exports shaped as CRMs and people's Excel write them, for the figures of the
 * metric specification's section 9: the weighted pipeline, the previous period's revenue and the
 * growth on it, the segments of a chosen column, the stage funnel, and mixed currencies refused until
 * --currency picks one. Every expected figure is worked out by hand in the comments beside the rows.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { kpi } from "../support/cli";
import { codePage } from "../support/codePage";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-section9-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The parsed --json output of a run that must succeed. */
function report(...args: string[]): Record<string, any> {
  const run = kpi("report", ...args, "--json");
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

/**
 * A Salesforce opportunity report (Lightning's CSV export: "Opportunity Currency" appears in a
 * multi-currency org, "Probability (%)" as whole percentages), seven deals in USD and two in EUR.
 */
const SALESFORCE = [
  "Opportunity Owner,Account Name,Opportunity Name,Stage,Fiscal Period,Amount,Opportunity Currency,Probability (%),Close Date,Created Date,Lead Source,Type",
  // 1: won in Q2, USD. Cycle 2026-02-01 to 2026-04-20: 28 + 31 + 19 = 78 days.
  "Ann Lee,Acme,Acme renewal,Closed Won,Q2-2026,12000,USD,100,2026-04-20,2026-02-01,Web,Existing Business",
  // 2: won in Q1 (the previous quarter), USD.
  "Ann Lee,Beta,Beta new,Closed Won,Q1-2026,8000,USD,100,2026-02-15,2026-01-10,Partner,New Business",
  // 3: lost in Q2, USD.
  "Bob Stone,Gamma,Gamma,Closed Lost,Q2-2026,5000,USD,0,2026-05-05,2026-03-01,Web,New Business",
  // 4: open, USD, 90 %: weighs 18,000.
  "Bob Stone,Delta,Delta,Negotiation/Review,Q3-2026,20000,USD,90,2026-07-15,2026-04-01,Web,New Business",
  // 5: open, EUR.
  "Cem Ak,Epsilon,Epsilon,Proposal/Price Quote,Q3-2026,10000,EUR,75,2026-08-01,2026-05-01,Trade Show,New Business",
  // 6: won in Q2, EUR.
  "Cem Ak,Zeta,Zeta,Closed Won,Q2-2026,6000,EUR,100,2026-06-10,2026-05-10,Trade Show,Existing Business",
  // 7: open, USD, 10 %: weighs 400.
  "Ann Lee,Eta,Eta,Prospecting,Q3-2026,4000,USD,10,2026-09-30,2026-06-01,Partner,New Business",
  // 8: won on the last day of Q1, USD.
  "Dan Roe,Theta,Theta,Closed Won,Q1-2026,3000,USD,100,2026-03-31,2026-03-01,Web,New Business",
  // 9: open, USD, no probability: left out of the weighted pipeline, with a warning.
  "Dan Roe,Iota,Iota,Qualification,Q3-2026,7000,USD,,2026-09-01,2026-06-15,Web,Existing Business",
].join("\r\n");

const Q2 = ["--from", "2026-04-01", "--to", "2026-06-30"];

describe("a Salesforce report in two currencies", () => {
  const file = write("salesforce-opportunities.csv", SALESFORCE);

  it("refuses every money KPI, naming the currencies and their deals, and keeps counts and rates", () => {
    const { metrics, currencies } = report(file, ...Q2);
    expect(currencies).toEqual([
      { currency: "USD", deals: 7 },
      { currency: "EUR", deals: 2 },
    ]);
    for (const id of [
      "REVENUE",
      "PREVIOUS_REVENUE",
      "OPEN_PIPELINE_VALUE",
      "WEIGHTED_PIPELINE_VALUE",
      "AVG_DEAL_SIZE",
      "PIPELINE_VELOCITY",
      "REP_PRODUCTIVITY",
      "REVENUE_GROWTH",
    ]) {
      expect(metrics[id].error).toBe("#VALUE!");
      expect(metrics[id].message).toContain("USD 7 deals");
      expect(metrics[id].message).toContain("EUR 2 deals");
    }
    // Q2, both currencies: won 1 and 6, lost 3, open 4, 5, 7 and 9.
    expect(metrics.DEALS_WON).toBe(2);
    expect(metrics.DEALS_LOST).toBe(1);
    expect(metrics.OPEN_OPPORTUNITIES).toBe(4);
    expect(metrics.WIN_RATE).toBeCloseTo(2 / 3, 9);
  });

  it("names the currencies in Turkish too", () => {
    const { metrics } = report(file, ...Q2, "--language", "tr");
    expect(metrics.REVENUE.message).toContain("USD 7 anlaşma");
  });

  it("restricted to USD: the weighted pipeline, the previous quarter and the growth", () => {
    const run = kpi("report", file, ...Q2, "--currency", "usd", "--json");
    expect(run.status).toBe(0);
    const { metrics, warnings, previous_period } = JSON.parse(run.stdout);
    expect(previous_period).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(metrics.REVENUE).toBe(12000); // deal 1
    expect(metrics.DEALS_WON).toBe(1);
    expect(metrics.DEALS_LOST).toBe(1); // deal 3
    expect(metrics.OPEN_OPPORTUNITIES).toBe(3); // 4, 7, 9
    expect(metrics.OPEN_PIPELINE_VALUE).toBe(31000);
    expect(metrics.WEIGHTED_PIPELINE_VALUE).toBe(18400); // 20,000 x 0.9 + 4,000 x 0.1
    expect(metrics.PREVIOUS_REVENUE).toBe(11000); // deals 2 and 8
    expect(metrics.REVENUE_GROWTH).toBeCloseTo((12000 - 11000) / 11000, 9);
    expect(warnings).toEqual([
      { message: "1 open deal has no probability: it is left out of the weighted pipeline" },
    ]);
  });

  it("breaks the USD deals down by a chosen column, largest revenue first", () => {
    const { segments } = report(file, ...Q2, "--currency", "USD", "--by", "Type");
    expect(segments.by).toBe("Type");
    expect(segments.values).toEqual([
      {
        segment: "Existing Business", // deal 1 won, deal 9 open
        REVENUE: 12000,
        DEALS_WON: 1,
        DEALS_LOST: 0,
        WIN_RATE: 1,
        AVG_DEAL_SIZE: 12000,
        SALES_CYCLE_LENGTH: 78,
        OPEN_OPPORTUNITIES: 1,
        OPEN_PIPELINE_VALUE: 7000,
      },
      {
        segment: "New Business", // deal 3 lost, deals 4 and 7 open; 2 and 8 closed in Q1
        REVENUE: 0,
        DEALS_WON: 0,
        DEALS_LOST: 1,
        WIN_RATE: 0,
        AVG_DEAL_SIZE: expect.objectContaining({ error: "#DIV/0!" }),
        SALES_CYCLE_LENGTH: expect.objectContaining({ error: "#DIV/0!" }),
        OPEN_OPPORTUNITIES: 2,
        OPEN_PIPELINE_VALUE: 24000,
      },
    ]);
  });

  it("names the blank cells' segment (blank) in the JSON of every language", () => {
    const { segments } = report(
      file,
      "--currency",
      "USD",
      "--by",
      "Account Name",
      "--language",
      "tr"
    );
    // Every row has an account: no blank segment; then a column with blanks.
    expect(segments.values.some((s: any) => s.segment === "(blank)")).toBe(false);
    const probabilities = report(
      file,
      "--currency",
      "USD",
      "--by",
      "Probability (%)",
      "--language",
      "tr"
    );
    expect(probabilities.segments.values.map((s: any) => s.segment)).toContain("(blank)");
  });

  it("takes a field's name for --by: source is the Lead Source column", () => {
    const { segments } = report(file, ...Q2, "--currency", "USD", "--by", "source");
    expect(segments.by).toBe("Lead Source");
    // Web: deal 1 won (12,000), 3 lost, 4 and 9 open; Partner: 7 open (2 closed in Q1).
    expect(segments.values.map((s: any) => [s.segment, s.REVENUE, s.OPEN_OPPORTUNITIES])).toEqual([
      ["Web", 12000, 2],
      ["Partner", 0, 1],
    ]);
  });

  it("refuses a currency no deal is in (exit code 2) and a --by column the export lacks (3, as a --map header)", () => {
    const currency = kpi("report", file, "--currency", "GBP");
    expect(currency.status).toBe(2);
    expect(currency.stderr).toContain('no deal is in the currency "GBP"');
    expect(currency.stderr).toContain("USD, EUR");
    const by = kpi("report", file, "--by", "Region");
    expect(by.status).toBe(3);
    expect(by.stderr).toContain('no column "Region"');
  });

  it("has no funnel: the export has no stage-entry columns", () => {
    expect(report(file).funnel).toBeUndefined();
  });
});

describe("a HubSpot deal export saved as .xlsx, with its Date entered columns", () => {
  const day = (iso: string) => new Date(`${iso}Z`);
  const pipeline = (stage: string) => `Date entered "${stage} (Sales Pipeline)"`;
  const headers = [
    "Record ID",
    "Deal Name",
    "Deal Stage",
    "Amount",
    "Close Date",
    "Create Date",
    "Deal owner",
    "Deal probability",
    pipeline("Appointment scheduled"),
    pipeline("Qualified to buy"),
    pipeline("Presentation scheduled"),
    pipeline("Closed won"),
    pipeline("Closed lost"),
    `Date exited "Appointment scheduled (Sales Pipeline)"`,
  ];
  // Stage-entry dates are date-times, as HubSpot writes them; they count as their day.
  const rows = [
    // 1: won; appointment Jan 2, qualified Jan 12 (10 days), presentation Feb 1 (20), won Feb 20 (19).
    [
      101,
      "Won A",
      "Closed won",
      5000,
      day("2026-02-20T00:00:00"),
      day("2026-01-02T00:00:00"),
      "Ann",
      1,
      day("2026-01-02T09:00:00"),
      day("2026-01-12T10:00:00"),
      day("2026-02-01T08:00:00"),
      day("2026-02-20T17:00:00"),
      null,
      day("2026-01-12T10:00:00"),
    ],
    // 2: lost; appointment Jan 5, qualified Jan 15 (10), lost Feb 10 (26 days in qualified).
    [
      102,
      "Lost B",
      "Closed lost",
      3000,
      day("2026-02-10T00:00:00"),
      day("2026-01-05T00:00:00"),
      "Bob",
      0,
      day("2026-01-05T11:00:00"),
      day("2026-01-15T11:00:00"),
      null,
      null,
      day("2026-02-10T12:00:00"),
      day("2026-01-15T11:00:00"),
    ],
    // 3: open at presentation, 60 %; appointment Feb 1, qualified Feb 4 (3), presentation Feb 14 (10).
    [
      103,
      "Open C",
      "Presentation scheduled",
      8000,
      day("2026-04-30T00:00:00"),
      day("2026-02-01T00:00:00"),
      "Ann",
      0.6,
      day("2026-02-01T09:00:00"),
      day("2026-02-04T09:00:00"),
      day("2026-02-14T09:00:00"),
      null,
      null,
      day("2026-02-04T09:00:00"),
    ],
    // 4: open at appointment, 20 %: no later date, so no days in stage.
    [
      104,
      "Open D",
      "Appointment scheduled",
      2000,
      day("2026-05-31T00:00:00"),
      day("2026-03-01T00:00:00"),
      "Bob",
      0.2,
      day("2026-03-01T09:00:00"),
      null,
      null,
      null,
      null,
      null,
    ],
    // 5: won, skipped qualified; appointment Feb 10, presentation Feb 20 (10), won Mar 15 (23).
    [
      105,
      "Won E",
      "Closed won",
      4000,
      day("2026-03-15T00:00:00"),
      day("2026-02-10T00:00:00"),
      "Ann",
      1,
      day("2026-02-10T09:00:00"),
      null,
      day("2026-02-20T09:00:00"),
      day("2026-03-15T09:00:00"),
      null,
      day("2026-02-20T09:00:00"),
    ],
  ];
  let file: string;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Deals");
    sheet.addRow(headers);
    rows.forEach((row) => sheet.addRow(row));
    file = path.join(work, "hubspot-deals.xlsx");
    await workbook.xlsx.writeFile(file);
  });

  it("gives the funnel: deals that entered each stage, conversion to the next, days spent", () => {
    const { funnel } = report(file);
    expect(funnel.map((stage: any) => stage.stage)).toEqual([
      "Appointment scheduled",
      "Qualified to buy",
      "Presentation scheduled",
    ]);
    expect(funnel.map((stage: any) => stage.entered)).toEqual([5, 3, 3]);
    // 3 of 5 reached qualified; 3 presentations of 3 qualified; 2 of the 3 presented were won.
    expect(funnel[0].conversion).toBeCloseTo(3 / 5, 9);
    expect(funnel[1].conversion).toBeCloseTo(1, 9);
    expect(funnel[2].conversion).toBeCloseTo(2 / 3, 9);
    expect(funnel[0].avg_days).toBeCloseTo((10 + 10 + 3 + 10) / 4, 9);
    expect(funnel[1].avg_days).toBeCloseTo((20 + 26 + 10) / 3, 9);
    expect(funnel[2].avg_days).toBeCloseTo((19 + 23) / 2, 9);
  });

  it("weighs the open deals by their fractions, and a month's previous month has no revenue", () => {
    const { metrics, previous_period } = report(file, "--from", "2026-02-01", "--to", "2026-02-28");
    expect(metrics.WEIGHTED_PIPELINE_VALUE).toBe(5200); // 8,000 x 0.6 + 2,000 x 0.2
    expect(previous_period).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(metrics.REVENUE).toBe(5000); // deal 1; deal 5 closed in March
    expect(metrics.PREVIOUS_REVENUE).toBe(0);
    expect(metrics.REVENUE_GROWTH.error).toBe("#DIV/0!");
  });

  it("without a period, has no previous period", () => {
    const { metrics } = report(file);
    expect(metrics.PREVIOUS_REVENUE.error).toBe("#N/A");
    expect(metrics.REVENUE_GROWTH.error).toBe("#N/A");
  });
});

describe("a sheet saved by Turkish Excel as CSV (semicolons, Windows-1254)", () => {
  const text = [
    "Fırsat Adı;Temsilci;Aşama;Tutar;Para Birimi;Olasılık;Oluşturma Tarihi;Kapanış Tarihi;Sektör",
    "A;Ayşe;Kazanıldı;12.500,00;TRY;%100;10.01.2026;15.03.2026;Üretim", // won in Q1
    "B;Mehmet;Teklif;8.000,00;TRY;%40;01.02.2026;30.06.2026;Perakende", // open, 40 %
    "C;Ayşe;Görüşme;4.000,00;TRY;%25;15.02.2026;31.07.2026;Üretim", // open, 25 %
    "D;Mehmet;Kaybedildi;3.000,00;TRY;%0;01.01.2026;20.02.2026;Perakende", // lost in Q1
    "E;Ayşe;Kazanıldı;6.000,00;TRY;%100;01.10.2025;20.12.2025;üretim", // won in Q4 2025
  ].join("\r\n");
  const bytes = codePage(text, "windows-1254");
  const file = write("firsatlar.csv", bytes);

  it("reads % probabilities and gives the quarter against the previous one, by sector", () => {
    const { metrics, segments, currencies } = report(
      file,
      "--from",
      "2026-01-01",
      "--to",
      "2026-03-31",
      "--by",
      "Sektör"
    );
    expect(currencies).toEqual([{ currency: "TRY", deals: 5 }]);
    expect(metrics.REVENUE).toBe(12500);
    expect(metrics.WEIGHTED_PIPELINE_VALUE).toBe(4200); // 8,000 x 0.4 + 4,000 x 0.25
    expect(metrics.PREVIOUS_REVENUE).toBe(6000); // E, in Q4 2025
    expect(metrics.REVENUE_GROWTH).toBeCloseTo((12500 - 6000) / 6000, 9);
    // "üretim" is the segment first written "Üretim".
    expect(
      segments.values.map((s: any) => [s.segment, s.REVENUE, s.DEALS_LOST, s.OPEN_PIPELINE_VALUE])
    ).toEqual([
      ["Üretim", 12500, 0, 4000],
      ["Perakende", 0, 1, 8000],
    ]);
  });
});

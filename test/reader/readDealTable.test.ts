/** Reading a grid of cells as a deal table: header row, mapping, columns and problems. */
import { dealKpis, KpiError, parseIsoDate } from "../../src/engine";
import {
  type Cell,
  type DealTable,
  isReadFailure,
  type ReadResult,
  readDealTable,
} from "../../src/reader";
import { english } from "./english";

const HEADERS = ["Deal Name", "Owner", "Stage", "Amount", "Created Date", "Close Date"];

function serial(iso: string): number {
  const value = parseIsoDate(iso);
  if (value === undefined) throw new Error(`bad date in test: ${iso}`);
  return value;
}

function table(result: ReadResult): DealTable {
  if (isReadFailure(result)) throw new Error(`expected a table, got: ${result.failure.en}`);
  return result;
}

function failureOf(result: ReadResult): string {
  if (!isReadFailure(result)) throw new Error("expected a failure, got a table");
  return result.failure.en;
}

describe("readDealTable: the header row", () => {
  it("finds the header below a title row and blank rows", () => {
    const grid: Cell[][] = [
      ["Pipeline export, March 2026", null, null],
      [null, null, null],
      ["Stage", "Amount", "Owner"],
      ["Won", 100, "Ann"],
    ];
    const result = table(readDealTable(grid));
    expect(result.headerRow).toBe(2);
    expect(result.headers).toEqual(["Stage", "Amount", "Owner"]);
    expect(result.mapping).toEqual({ stage: 0, amount: 1, owner: 2 });
    expect(result.firstDataRow).toBe(3);
    expect(result.lastDataRow).toBe(3);
    expect(result.columns.stage).toEqual(["Won"]);
  });

  it("skips up to 20 blank rows without counting them, but not 20 rows of notes", () => {
    const blanks: Cell[][] = Array.from({ length: 25 }, () => [null, null]);
    expect(table(readDealTable([...blanks, ["Stage", "Amount"], ["Won", 1]])).headerRow).toBe(25);
    const notes: Cell[][] = Array.from({ length: 20 }, (_, i) => [`note ${i}`, null]);
    expect(failureOf(readDealTable([...notes, ["Stage", "Amount"], ["Won", 1]]))).toMatch(
      /first 20 rows/
    );
    expect(
      table(readDealTable([...notes.slice(1), ["Stage", "Amount"], ["Won", 1]])).headerRow
    ).toBe(19);
  });

  it("lets the status decide where there are both a status and a stage column", () => {
    const grid: Cell[][] = [
      ["Deal", "Stage", "Status", "Amount"],
      ["A", "Negotiation", "Won", 100],
      ["B", "Closed Won", "Open", 200],
      ["C", "Proposal", null, 300],
    ];
    const result = table(readDealTable(grid));
    expect(result.mapping).toEqual({ id: 0, stage: 1, status: 2, amount: 3 });
    expect(result.decidingColumn).toBe(2);
    expect(result.columns.stage).toEqual(["Won", "Open", null]);
    expect(result.stageValues).toEqual([
      { text: "Won", kind: "won", count: 1, by: "rule" },
      { text: "Open", kind: "open", count: 1, by: "rule" },
    ]);
    expect(english(result.problems)).toEqual([
      {
        row: 4,
        field: "status",
        column: "Status",
        message: "status is blank: the deal is left out",
      },
    ]);
  });

  it("reads a status column as the stage when there is no stage column", () => {
    const result = table(
      readDealTable([
        ["Durum", "Tutar"],
        ["Kazanıldı", "1.500"],
      ])
    );
    expect(result.mapping).toEqual({ stage: 0, amount: 1 });
    expect(result.decidingColumn).toBe(0);
    expect(result.stageValues).toEqual([{ text: "Kazanıldı", kind: "won", count: 1, by: "rule" }]);
    expect(result.columns.amount).toEqual([1500]);
  });
});

describe("readDealTable: mapping overrides", () => {
  const grid: Cell[][] = [
    ["Name", "Phase", "Worth", "Opened", "Done", "Lead Source"],
    ["A", "Won", 100, "2026-01-01", "2026-01-11", "Web"],
  ];

  it("reads a table whose headers are unknown once the caller maps the columns", () => {
    const result = readDealTable(grid);
    expect(result).toEqual({
      failure: expect.objectContaining({
        en:
          "no header row with a stage and an amount column found in the first 20 rows; " +
          "headers seen: Name, Phase, Worth, Opened, Done, Lead Source",
      }),
      headers: ["Name", "Phase", "Worth", "Opened", "Done", "Lead Source"],
      mapping: { id: 0, stage: 1, created: 3, source: 5 },
    });
    const mapped = table(
      readDealTable(grid, { mapping: { stage: 1, amount: 2, created: 3, closed: 4 } })
    );
    expect(mapped.mapping).toEqual({
      id: 0,
      stage: 1,
      amount: 2,
      created: 3,
      closed: 4,
      source: 5,
    });
    expect(mapped.columns).toEqual({
      stage: ["Won"],
      stageClasses: new Map([["Won", "won"]]),
      amount: [100],
      created: [serial("2026-01-01")],
      closed: [serial("2026-01-11")],
    });
  });

  it("removes a field mapped to null, and moves a field to another column", () => {
    const sheet: Cell[][] = [
      ["Stage", "Amount", "Deal Value", "Lead Source"],
      ["Won", 100, 250, "Web"],
    ];
    const result = table(readDealTable(sheet, { mapping: { source: null, amount: 2 } }));
    expect(result.mapping).toEqual({ stage: 0, amount: 2 });
    expect(result.columns.amount).toEqual([250]);
  });

  it("takes a column away from the field detection gave it to", () => {
    const sheet: Cell[][] = [
      ["Stage", "Amount", "Lead Source"],
      ["Won", 100, "250"],
    ];
    expect(table(readDealTable(sheet, { mapping: { amount: 2 } })).mapping).toEqual({
      stage: 0,
      amount: 2,
    });
  });

  it("fails when an override removes a required column, naming it and the headers", () => {
    expect(readDealTable(grid.slice(0), { mapping: { stage: 1 } })).toEqual({
      failure: {
        en: "no amount column; the headers are: Name, Phase, Worth, Opened, Done, Lead Source",
        tr: "tutar sütunu yok; başlıklar: Name, Phase, Worth, Opened, Done, Lead Source",
      },
      headers: ["Name", "Phase", "Worth", "Opened", "Done", "Lead Source"],
      mapping: { id: 0, stage: 1, created: 3, source: 5 },
    });
    const sheet: Cell[][] = [
      ["Stage", "Amount"],
      ["Won", 1],
    ];
    expect(failureOf(readDealTable(sheet, { mapping: { stage: null, amount: null } }))).toBe(
      "no stage and no amount column; the headers are: Stage, Amount"
    );
  });

  it("fails on a column outside the table or two fields in one column", () => {
    const sheet: Cell[][] = [
      ["Stage", "Amount"],
      ["Won", 1],
    ];
    expect(failureOf(readDealTable(sheet, { mapping: { amount: 5 } }))).toBe(
      "the mapping puts amount in column 5, but the table has columns 0 to 1"
    );
    expect(failureOf(readDealTable(sheet, { mapping: { stage: 1, amount: 1 } }))).toBe(
      "the mapping puts both stage and amount in column B"
    );
  });
});

describe("readDealTable: other failures", () => {
  it("fails on an empty grid", () => {
    expect(failureOf(readDealTable([]))).toBe("the table is empty: no header row and no deals");
    expect(failureOf(readDealTable([[null], ["  "]]))).toBe(
      "the table is empty: no header row and no deals"
    );
  });

  it("fails on a header row with no deals below it", () => {
    expect(
      readDealTable(
        [
          ["Stage", "Amount"],
          [null, null],
        ],
        { firstRowNumber: 4 }
      )
    ).toEqual({
      failure: {
        en: "the header row (row 4) has no deals below it",
        tr: "başlık satırının (4. satır) altında anlaşma yok",
      },
      headers: ["Stage", "Amount"],
    });
  });

  it("fails without an amount column, listing the headers", () => {
    expect(
      failureOf(
        readDealTable([
          ["Deal", "Stage", "Owner"],
          ["A", "Won", "Ann"],
        ])
      )
    ).toBe(
      "no header row with a stage and an amount column found in the first 20 rows; headers seen: Deal, Stage, Owner"
    );
  });
});

describe("readDealTable: messy values", () => {
  const grid: Cell[][] = [
    ["Q1 pipeline", null, null, null, null, null],
    [null, null, null, null, null, null],
    HEADERS,
    ["A", "Ayşe", "Closed Won", "$12,500.00", "2026-01-05", "2026-02-04"],
    ["B", "ayse", "Closed Lost", "1.234,56", "2026-01-10", "2026-03-01"],
    [null, "", "  ", null, null, null],
    ["C", "Mehmet", "Negotiation", "₺1.250", "2026-02-01", "2026-12-01"],
    ["D", "Mehmet", "Won", "abc", "2026-02-03", "next week"],
    ["E", "Zeynep", "Lost", "-500", "15.03.2026", "2026-03-20"],
    ["F", " Zeynep ", "Closed Won", null, "2026-03-01", "2026-02-01"],
    ["Total", null, null, 14234.56, null, null],
    ["H", "Ann", "Closed Lost", 900, 46000, null],
    [null, null, null, null, null, null],
  ];

  it("reports every unreadable cell with its row number, field, column and value", () => {
    const result = table(readDealTable(grid));
    expect(english(result.problems)).toEqual([
      {
        row: 5,
        field: "amount",
        column: "Amount",
        message:
          'the amounts of column "Amount" are written with both decimal marks ("$12,500.00" on row 4, ' +
          '"1.234,56" here): each such amount is read as written, and one that reads both ways (as "1.250") as the first',
      },
      {
        row: 8,
        field: "amount",
        column: "Amount",
        value: "abc",
        message: 'amount "abc" is not a number: left out of the sums',
      },
      {
        row: 8,
        field: "closed",
        column: "Close Date",
        value: "next week",
        message:
          'closed date "next week" is not a date (use ISO 2026-03-15 or choose a date format)',
      },
      {
        row: 9,
        field: "amount",
        column: "Amount",
        value: "-500",
        message: 'amount "-500" is negative: left out of the sums',
      },
      { row: 10, field: "amount", column: "Amount", message: "won deal without an amount" },
      {
        row: 10,
        field: "closed",
        column: "Close Date",
        value: "2026-02-01",
        message: "won deal closed (2026-02-01) before it was created (2026-03-01)",
      },
      { row: 11, field: "stage", column: "Stage", message: "stage is blank: the deal is left out" },
      {
        row: 12,
        field: "closed",
        column: "Close Date",
        message: "closed deal without a close date: left out of period figures",
      },
    ]);
  });

  it("numbers the rows from firstRowNumber", () => {
    const result = table(readDealTable(grid, { firstRowNumber: 5 }));
    expect(result.problems.map((problem) => problem.row)).toEqual([9, 12, 12, 13, 14, 14, 15, 16]);
  });

  it("keeps one entry per grid row from the first to the last data row, blank rows as nulls", () => {
    const result = table(readDealTable(grid));
    expect(result.firstDataRow).toBe(3);
    expect(result.lastDataRow).toBe(11);
    expect(result.columns).toEqual({
      stage: [
        "Closed Won",
        "Closed Lost",
        null,
        "Negotiation",
        "Won",
        "Lost",
        "Closed Won",
        null,
        "Closed Lost",
      ],
      stageClasses: new Map([
        ["Closed Won", "won"],
        ["Closed Lost", "lost"],
        ["Negotiation", "open"],
        ["Won", "won"],
        ["Lost", "lost"],
      ]),
      amount: [12500, 1234.56, null, 1250, null, null, null, 14234.56, 900],
      created: [
        serial("2026-01-05"),
        serial("2026-01-10"),
        null,
        serial("2026-02-01"),
        serial("2026-02-03"),
        serial("2026-03-15"),
        serial("2026-03-01"),
        null,
        46000,
      ],
      closed: [
        serial("2026-02-04"),
        serial("2026-03-01"),
        null,
        serial("2026-12-01"),
        null,
        serial("2026-03-20"),
        serial("2026-02-01"),
        null,
        null,
      ],
      owner: ["Ayşe", "ayse", null, "Mehmet", "Mehmet", "Zeynep", "Zeynep", null, "Ann"],
    });
  });

  it("lists owners once each (first spelling), stage values with counts, and the closed range", () => {
    const result = table(readDealTable(grid));
    expect(result.owners).toEqual(["Ayşe", "Mehmet", "Zeynep", "Ann"]);
    expect(result.stageValues).toEqual([
      { text: "Closed Won", kind: "won", count: 2, by: "rule" },
      { text: "Closed Lost", kind: "lost", count: 2, by: "rule" },
      { text: "Negotiation", kind: "open", count: 1, by: "rule" },
      { text: "Won", kind: "won", count: 1, by: "rule" },
      { text: "Lost", kind: "lost", count: 1, by: "rule" },
    ]);
    // The open deal's expected close (2026-12-01) does not count; row 8's date was unreadable.
    expect(result.closedRange).toEqual({ from: serial("2026-02-01"), to: serial("2026-03-20") });
  });

  it("reads day.month.year always, slashed dates as a part above 12 shows, date-times as their day", () => {
    const dates: Cell[][] = [
      ["Stage", "Amount", "Created", "Closed"],
      ["Won", 1, "15.03.2026", "15/04/2026 14:30"],
      ["Won", 1, "03/15/2026", "31.02.2026"],
    ];
    // Without a chosen format the values decide each column's order.
    const result = table(readDealTable(dates));
    expect(result.columns.created).toEqual([serial("2026-03-15"), serial("2026-03-15")]);
    expect(result.columns.closed).toEqual([serial("2026-04-15"), null]);
    expect(result.problems.map((problem) => [problem.row, problem.field])).toEqual([[3, "closed"]]);
    // A chosen format decides; a slashed date that reads only the other way is reported.
    const chosen = table(readDealTable(dates, { dateFormat: "mdy" }));
    expect(chosen.columns.created).toEqual([serial("2026-03-15"), serial("2026-03-15")]);
    expect(chosen.columns.closed).toEqual([null, null]);
    expect(
      table(readDealTable(dates, { dateFormat: "dmy" })).problems.map((p) => p.message.en)
    ).toEqual([
      'created date "03/15/2026" is not a date (use ISO 2026-03-15 or 15.03.2026)',
      'closed date "31.02.2026" is not a date (use ISO 2026-03-15 or 15.03.2026)',
    ]);
  });

  it("reads serial numbers, Date objects and rejects serials out of Excel's range", () => {
    const dates = [
      ["Stage", "Amount", "Created", "Closed"],
      ["Won", 1, 46000, new Date(Date.UTC(2026, 2, 15))],
      ["Won", 1, 0, 2958466],
    ] as unknown as Cell[][];
    const result = table(readDealTable(dates));
    expect(result.columns.created).toEqual([46000, null]);
    expect(result.columns.closed).toEqual([serial("2026-03-15"), null]);
    expect(result.problems.map((problem) => problem.message.en)).toEqual([
      'created date "0" is not a date (use ISO 2026-03-15 or choose a date format)',
      'closed date "2958466" is not a date (use ISO 2026-03-15 or choose a date format)',
    ]);
  });

  it("reports error values and logicals in cells", () => {
    const sheet: Cell[][] = [
      ["Stage", "Amount", "Owner"],
      [
        new KpiError("#N/A", { en: "x", tr: "x" }),
        new KpiError("#REF!", { en: "y", tr: "y" }),
        true,
      ],
    ];
    expect(english(table(readDealTable(sheet)).problems)).toEqual([
      {
        row: 2,
        field: "stage",
        column: "Stage",
        value: "#N/A",
        message: "stage is the error #N/A: the deal is left out",
      },
      {
        row: 2,
        field: "amount",
        column: "Amount",
        value: "#REF!",
        message: "amount is the error #REF!: left out of the sums",
      },
      {
        row: 2,
        field: "owner",
        column: "Owner",
        value: "TRUE",
        message: 'owner "TRUE" is not a text',
      },
    ]);
  });
});

describe("dealKpis over a table read from a grid", () => {
  // Hand-computed: won A (10,000; 20 days) and B (30,000; 30 days); lost C, D, E; open F and G.
  const grid: Cell[][] = [
    ["Deal", "Owner", "Stage", "Amount", "Created", "Closed"],
    ["A", "Ann", "Closed Won", 10000, "2026-01-01", "2026-01-21"],
    ["B", "Bob", "Closed Won", "$30,000.00", "2026-01-10", "2026-02-09"],
    ["C", "Ann", "Closed Lost", 5000, "2026-01-05", "2026-02-01"],
    ["D", "Cem", "closed-lost", 8000, "2026-02-01", "2026-03-01"],
    ["E", "bob", "Lost", 1000, "2026-02-01", "2026-02-15"],
    [null, null, null, null, null, null],
    ["F", "Ann", "Proposal", 20000, "2026-02-10", "2026-05-01"],
    ["G", "Cem", "Negotiation", "12,000", "2026-03-01", null],
  ];

  it("gives the hand-computed figures over all rows", () => {
    const result = table(readDealTable(grid));
    expect(result.problems).toEqual([]);
    const kpis = dealKpis(result.columns, 64000);
    expect(kpis.REVENUE).toBe(40000);
    expect(kpis.DEALS_WON).toBe(2);
    expect(kpis.DEALS_LOST).toBe(3);
    expect(kpis.OPEN_OPPORTUNITIES).toBe(2);
    expect(kpis.OPEN_PIPELINE_VALUE).toBe(32000);
    expect(kpis.AVG_DEAL_SIZE).toBe(20000);
    expect(kpis.WIN_RATE).toBeCloseTo(0.4, 12);
    expect(kpis.SALES_CYCLE_LENGTH).toBeCloseTo(25, 12);
    expect(kpis.PIPELINE_VELOCITY).toBeCloseTo((2 * 0.4 * 20000) / 25, 9); // 640 per day
    expect(kpis.REP_PRODUCTIVITY).toBeCloseTo(40000 / 3, 9); // Ann, Bob (and bob), Cem
    expect(kpis.PIPELINE_COVERAGE).toBeCloseTo(0.5, 12);
  });

  it("gives the hand-computed figures over the deals closed in February 2026", () => {
    const result = table(readDealTable(grid));
    const kpis = dealKpis(result.columns, null, {
      from: serial("2026-02-01"),
      to: serial("2026-02-28"),
    });
    // B won (02-09); C (02-01) and E (02-15) lost; D closed in March, A in January; F and G open.
    expect(kpis.REVENUE).toBe(30000);
    expect(kpis.DEALS_WON).toBe(1);
    expect(kpis.DEALS_LOST).toBe(2);
    expect(kpis.OPEN_OPPORTUNITIES).toBe(2);
    expect(kpis.WIN_RATE).toBeCloseTo(1 / 3, 12);
    expect(kpis.SALES_CYCLE_LENGTH).toBeCloseTo(30, 12);
    expect(result.closedRange).toEqual({ from: serial("2026-01-21"), to: serial("2026-03-01") });
  });
});

describe("readDealTable: stages as spreadsheet criteria tell them apart", () => {
  const grid: Cell[][] = [
    ["Stage", "Amount"],
    ["Closed Won ", 1],
    ["closed won", 2],
    ["Closed Won", 4],
    ["KAZANILDI", 8],
    ["Kazanıldı", 16],
    ["Signed - awaiting PO", 32],
    ["Closed Lost to Competition", 64],
  ];

  it("keeps texts apart that differ in spaces, and together those that differ in case or Turkish i", () => {
    const read = table(readDealTable(grid));
    expect(read.stageValues).toEqual([
      { text: "Closed Won ", kind: "won", count: 1, by: "rule" },
      { text: "closed won", kind: "won", count: 2, by: "rule" },
      { text: "KAZANILDI", kind: "won", count: 2, by: "rule" },
      { text: "Signed - awaiting PO", kind: "open", count: 1, by: "rule" },
      { text: "Closed Lost to Competition", kind: "lost", count: 1, by: "rule" },
    ]);
    // Every row carries the text of its stage value, as the sheet's stage list writes it.
    expect(read.columns.stage).toEqual([
      "Closed Won ",
      "closed won",
      "closed won",
      "KAZANILDI",
      "KAZANILDI",
      "Signed - awaiting PO",
      "Closed Lost to Competition",
    ]);
    const kpis = dealKpis(read.columns, null);
    expect(kpis.REVENUE).toBe(1 + 2 + 4 + 8 + 16);
    expect(kpis.DEALS_LOST).toBe(1);
    expect(kpis.OPEN_PIPELINE_VALUE).toBe(32);
  });

  it("classifies a value as the person says, matched without case or surrounding spaces", () => {
    const read = table(
      readDealTable(grid, {
        stageClasses: { won: [" signed - AWAITING po"], open: ["closed won"] },
      })
    );
    const byText = new Map(read.stageValues.map((value) => [value.text, value]));
    expect(byText.get("Signed - awaiting PO")).toMatchObject({ kind: "won", by: "user" });
    // "Closed Won " and "closed won" fold to the same text: both become open.
    expect(byText.get("Closed Won ")).toMatchObject({ kind: "open", by: "user" });
    expect(byText.get("closed won")).toMatchObject({ kind: "open", by: "user" });
    const kpis = dealKpis(read.columns, null);
    expect(kpis.REVENUE).toBe(8 + 16 + 32);
    expect(kpis.OPEN_OPPORTUNITIES).toBe(3);
  });
});

/**
 * Amounts and dates read the way their column is written, the same whether the grid is read whole
 * (readDealTable) or row by row (DealTableStream); cells read in place; error cells in every field.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KpiError, parseIsoDate } from "../../src/engine";
import {
  type Cell,
  type DealTable,
  type ReadOptions,
  isReadFailure,
  readDealTable,
} from "../../src/reader";
import { DealTableStream } from "../../src/reader/stream";
import { kpi } from "../support/cli";
import { english } from "./english";

const serial = (iso: string) => parseIsoDate(iso) as number;

/** The table read whole, checked to be what reading it row by row gives. */
function read(grid: Cell[][], options?: ReadOptions): DealTable {
  const whole = readDealTable(grid, options);
  const stream = new DealTableStream(options);
  for (const row of grid) stream.push(row);
  expect(stream.finish()).toEqual(whole);
  if (isReadFailure(whole)) throw new Error(whole.failure.en);
  return whole;
}

const amounts = (...values: Cell[]) =>
  read([["Stage", "Amount"], ...values.map((value) => ["Open", value])]).columns.amount;

describe("amounts, by their column's decimal mark", () => {
  it("reads 1.250 and 1,250 as the unambiguous values of their column show", () => {
    expect(amounts("1.250", "8.300,00", "1,250")).toEqual([1250, 8300, 1.25]);
    expect(amounts("1,250", "8300,5", "1.250")).toEqual([1.25, 8300.5, 1250]);
    expect(amounts("1,250", "8 300,00", "2.500")).toEqual([1.25, 8300, 2500]);
    expect(amounts("1,250", "8,300.00", "1.250")).toEqual([1250, 8300, 1.25]);
    expect(amounts("1.250", "99.90")).toEqual([1.25, 99.9]);
    expect(amounts("1.250", "1,250,000")).toEqual([1.25, 1250000]);
    expect(amounts("1,250", "1.250.000")).toEqual([1.25, 1250000]);
  });

  it("groups thousands where no value shows the mark, and reads a currency as its country writes", () => {
    expect(amounts("1.250", "2,500", 300, "4000")).toEqual([1250, 2500, 300, 4000]);
    expect(amounts("8,300.00", "₺1.250", "1.250 TL", "1.250")).toEqual([8300, 1250, 1250, 1.25]);
    expect(amounts("8.300,00", "$1,250", "£1,250", "1,250")).toEqual([8300, 1250, 1250, 1.25]);
  });

  it("reports a negative or unreadable amount at once, and keeps the rows' problems in order", () => {
    const table = read([
      ["Stage", "Amount"],
      ["Won", "1.250"],
      ["Won", "-1.250"],
      ["Won", "x"],
      ["Won", "8,300.00"],
    ]);
    expect(table.columns.amount).toEqual([1.25, null, null, 8300]);
    expect(table.problems.map((problem) => [problem.row, problem.message.en])).toEqual([
      [3, 'amount "-1.250" is negative: left out of the sums'],
      [4, 'amount "x" is not a number: left out of the sums'],
    ]);
  });

  it("warns once about a column written with both decimal marks, reading each value as written", () => {
    const table = read([
      ["Deal", "Stage", "Amount"],
      ["A", "Won", "8,300.00"],
      ["B", "Won", "12.500,00"],
      ["C", "Won", "9.999,50"],
    ]);
    expect(table.columns.amount).toEqual([8300, 12500, 9999.5]);
    expect(table.problems.map((problem) => [problem.row, problem.field])).toEqual([[3, "amount"]]);
    expect(table.problems[0].message.en).toMatch(
      /both decimal marks \("8,300.00" on row 2, "12.500,00"/
    );
  });
});

const HEADERS = ["Deal", "Stage", "Amount", "Created", "Closed"];
const deals = (...rows: unknown[][]) => [HEADERS, ...rows] as Cell[][];

describe("dates, by their column's day order", () => {
  it("reads slashed dates day first or month first as a part above 12 shows, each column its own", () => {
    const table = read(
      deals(
        ["A", "Won", 1, "06/11/2026", "11/06/2026"],
        ["B", "Won", 1, "13/06/2026", "06/13/2026"],
        ["C", "Won", 1, "01.02.2026", "02/01/2026"]
      )
    );
    // Created: day first (13/06); closed: month first (06/13); dots always day first.
    expect(table.columns.created).toEqual(["2026-11-06", "2026-06-13", "2026-02-01"].map(serial));
    expect(table.columns.closed).toEqual(["2026-11-06", "2026-06-13", "2026-02-01"].map(serial));
    expect(table.problems).toEqual([]);
  });

  it("reads date-times, and serials with a time of day, as their day", () => {
    const day = serial("2026-06-11");
    const table = read(
      deals(
        ["A", "Won", 1, "2026-06-11 10:57:15", "11.06.2026 10:57"],
        ["B", "Won", 1, "2026-06-11T10:57:15Z", "6/11/2026 10:57 AM"],
        ["C", "Won", 1, day + 0.4565, "6/13/2026 11:59:59 PM"],
        ["D", "Won", 1, "2026-06-11T23:30:00+03:00", new Date(Date.UTC(2026, 5, 11, 18))]
      )
    );
    expect(table.columns.created).toEqual([day, day, day, day]);
    expect(table.columns.closed).toEqual([day, day, day + 2, day]);
    expect(table.problems).toEqual([]);
  });

  it("reports a value against its column's order, naming the value that decided it", () => {
    const table = read(
      deals(["A", "Won", 1, "13/06/2026", null], ["B", "Won", 1, "06/13/2026", null])
    );
    expect(table.columns.created).toEqual([serial("2026-06-13"), null]);
    expect(english(table.problems).find((problem) => problem.field === "created")).toEqual({
      row: 3,
      field: "created",
      column: "Created",
      value: "06/13/2026",
      message:
        'created date "06/13/2026" is not a date written day first, as the column\'s dates are ' +
        '("13/06/2026" on row 2)',
    });
  });

  const undecided = deals(
    ["A", "Won", 1000, "2026-05-01", "06/11/2026"],
    ["B", "Won", 3000, "2026-05-02", "01/02/2026"],
    ["C", "Lost", 500, "2026-05-03", "2026-06-20"]
  );

  it("reports a column it cannot decide, naming it and its first such row, and reads none of it", () => {
    const table = read(undecided);
    expect(table.columns.closed).toEqual([null, null, serial("2026-06-20")]);
    expect(english(table.problems)).toEqual([
      {
        row: 2,
        field: "closed",
        column: "Closed",
        value: "06/11/2026",
        message:
          'the closed dates of column "Closed" read both day first and month first (none has a day ' +
          'above 12, as "06/11/2026"): choose a date format (dmy or mdy; --date-format on the ' +
          "command line); 2 dates of it count as blank",
      },
    ]);
    expect(table.closedRange).toEqual({ from: serial("2026-06-20"), to: serial("2026-06-20") });
  });

  it("reads such a column in the date format chosen, with what depends on its dates", () => {
    const dmy = read(undecided, { dateFormat: "dmy" });
    expect(dmy.columns.closed).toEqual(["2026-11-06", "2026-02-01", "2026-06-20"].map(serial));
    expect(dmy.closedRange).toEqual({ from: serial("2026-02-01"), to: serial("2026-11-06") });
    // B was created on 2 May and closed on 1 February: reported once its date is read.
    expect(dmy.problems.map((problem) => [problem.row, problem.message.en])).toEqual([
      [3, "won deal closed (2026-02-01) before it was created (2026-05-02)"],
    ]);
    const mdy = read(undecided, { dateFormat: "mdy" });
    expect(mdy.columns.closed).toEqual(["2026-06-11", "2026-01-02", "2026-06-20"].map(serial));
    // The chosen format decides: a value written the other way is reported, not read, since it
    // says the format chosen may be wrong for the whole column.
    const against = read([...undecided, ["D", "Open", 1, null, "25/12/2026"]], {
      dateFormat: "mdy",
    });
    expect(against.columns.closed).toEqual([...mdy.columns.closed, null]);
    expect(against.problems.map((problem) => problem.message.en)).toContain(
      'closed date "25/12/2026" is not a date (use ISO 2026-03-15 or 03/15/2026)'
    );
  });

  it("gives kpi report an undecided column as a warning, and the KPIs without its dates", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-formats-"));
    try {
      const file = path.join(folder, "undecided.csv");
      fs.writeFileSync(
        file,
        "Deal,Stage,Amount,Created Date,Close Date\n" +
          "A,Won,1000,5/1/2026,6/11/2026\n" +
          "B,Won,3000,5/2/2026,7/10/2026\n" +
          "C,Lost,500,5/3/2026,6/5/2026\n"
      );
      const run = kpi("report", file, "--json");
      const { metrics, warnings } = JSON.parse(run.stdout);
      // No date of either column has a part above 12.
      expect(warnings.map((w: { row: number; column: string }) => [w.row, w.column])).toEqual([
        [2, "Created Date"],
        [2, "Close Date"],
      ]);
      expect(metrics.REVENUE).toBe(4000);
      expect(metrics.WIN_RATE).toBeCloseTo(2 / 3, 12);
      expect(metrics.SALES_CYCLE_LENGTH).toEqual(expect.objectContaining({ error: "#DIV/0!" }));
      const chosen = JSON.parse(kpi("report", file, "--json", "--date-format", "mdy").stdout);
      expect(chosen.warnings).toEqual([]);
      expect(chosen.metrics.SALES_CYCLE_LENGTH).toBe((41 + 69) / 2); // 5/1 to 6/11, 5/2 to 7/10
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("takes the day order one date column shows for the other, whose dates leave it open", () => {
    const table = read(
      deals(
        ["A", "Won", 1000, "5/1/2026", "6/11/2026"],
        ["B", "Won", 3000, "5/2/2026", "7/10/2026"],
        ["C", "Lost", 500, "5/3/2026", "6/20/2026"]
      )
    );
    // 6/20/2026 shows month first: the created dates are read so too.
    expect(table.columns.created).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"].map(serial));
    expect(table.problems).toEqual([]);
  });
});

describe("reading in place", () => {
  it("reports amounts and dates stored as text, and reads numbers and serials (as their day)", () => {
    const grid: Cell[][] = deals(
      ["A", "Won", "$2,000", 46000.75, "2026-03-15"],
      ["B", "Won", 2000, "15.03.2026", 46100]
    );
    const table = read(grid, { inPlace: true });
    expect(table.columns.amount).toEqual([null, 2000]);
    expect(table.columns.created).toEqual([46000, null]);
    expect(table.columns.closed).toEqual([null, 46100]);
    expect(
      table.problems.map((problem) => [problem.row, problem.field, problem.message.en])
    ).toEqual([
      [
        2,
        "amount",
        'amount "$2,000" is stored as text: the sheet\'s formulas cannot add it; left out of the sums — convert the column to numbers',
      ],
      [
        2,
        "closed",
        'closed date "2026-03-15" is stored as text: the sheet\'s formulas cannot read it as a date; left out — convert the column to dates',
      ],
      [
        3,
        "created",
        'created date "15.03.2026" is stored as text: the sheet\'s formulas cannot read it as a date; left out — convert the column to dates',
      ],
    ]);
    // Read from a file, the same text is parsed.
    const file = read(grid);
    expect(file.columns.amount).toEqual([2000, 2000]);
    expect(file.columns.created).toEqual([46000, serial("2026-03-15")]);
    expect(file.problems).toEqual([]);
  });
});

describe("error cells", () => {
  const error = (code: string) =>
    new KpiError(code as never, { en: "from the sheet", tr: "from the sheet" });

  it("are reported with their row in each field the reader reads, and count as blank", () => {
    const grid: Cell[][] = [
      ["Owner", "Stage", "Amount", "Created", "Closed"],
      [error("#N/A"), "Won", error("#N/A"), error("#VALUE!"), error("#REF!")],
      ["Ann", error("#DIV/0!"), 5, serial("2026-01-01"), serial("2026-01-02")],
    ];
    for (const inPlace of [false, true]) {
      const table = read(grid, { inPlace });
      expect(table.columns.amount).toEqual([null, 5]);
      expect(table.columns.created).toEqual([null, serial("2026-01-01")]);
      expect(table.columns.closed).toEqual([null, serial("2026-01-02")]);
      expect(table.columns.owner).toEqual([null, "Ann"]);
      expect(table.columns.stage).toEqual(["Won", null]);
      const messages = table.problems.map((problem) => [
        problem.row,
        problem.field,
        problem.message.en,
      ]);
      expect(messages).toEqual(
        expect.arrayContaining([
          [2, "amount", "amount is the error #N/A: left out of the sums"],
          [2, "created", "created date is the error #VALUE!"],
          [2, "closed", "closed date is the error #REF!"],
          [2, "owner", "owner is the error #N/A"],
          [3, "stage", "stage is the error #DIV/0!: the deal is left out"],
        ])
      );
    }
    const withStatus = read([
      ["Stage", "Status", "Amount"],
      ["Won", error("#N/A"), 5],
    ]);
    expect(withStatus.problems.map((problem) => [problem.field, problem.message.en])).toEqual([
      ["status", "status is the error #N/A: the deal is left out"],
    ]);
  });
});

/**
 * The Office.js writer against the Office.js double, with plans written by hand: a KPI sheet whose
 * formulas refer to the user's data sheet by address (the plan refers to data, it never holds it).
 */
import type { SheetPlan } from "../../src/plan/types";
import { WriteError, writePlanToWorkbook, type ExistingNames } from "../../src/writers/excel";
import { uniqueNameSuffix, uniqueSheetName } from "../../src/plan/uniqueNames";
import { type Failure, OfficeDouble, type Seed } from "../doubles/officeDouble";

const DATA = "CRM Export";
const WANTED_NAMES = ["KPI_REVENUE", "KPI_DEALS", "KPI_WIN_RATE", "DEAL_AMOUNTS"];

/** A column of the user's data sheet, rows 2 to rows + 1, by absolute address. */
function dataColumn(col: string, rows: number): string {
  return `'${DATA}'!$${col}$2:$${col}$${rows + 1}`;
}

function status(row: number): string {
  return `IF(B${row}>=C${row},"met",IF(B${row}>=0.9*C${row},"near","missed"))`;
}

/** A KPI sheet of a few blocks, names, a status format and a chart over a data table of `rows` rows. */
function kpiPlan(sheet: string, suffix: string, rows: number): SheetPlan {
  const self = `'${sheet.replace(/'/g, "''")}'`;
  const amounts = dataColumn("C", rows);
  const stages = dataColumn("E", rows);
  return {
    sheets: [
      {
        name: sheet,
        role: "kpi",
        columnWidths: [28, 14, 14, 10],
        freezeRows: 2,
        blocks: [
          {
            row: 0,
            col: 0,
            cells: [
              [{ value: "Sales KPIs", style: "title" }],
              [{ value: `Live formulas over the sheet ${DATA}`, style: "subtitle" }],
            ],
          },
          {
            row: 3,
            col: 0,
            cells: [
              [{ value: "Inputs", style: "section" }, { style: "section" }],
              [
                { value: "Revenue target", style: "label" },
                { value: 2500, format: "#,##0", style: "input" },
              ],
              [{ value: "Type a target above; the status follows.", style: "hint" }],
            ],
          },
          {
            row: 7,
            col: 0,
            cells: [
              ["KPI", "Value", "Target", "Status"].map((value) => ({
                value,
                style: "header" as const,
              })),
              [
                { value: "Revenue" },
                { formula: `SUM(${amounts})`, format: "#,##0", style: "value" },
                { formula: "$B$5", format: "#,##0" },
                { formula: status(9) },
              ],
              [
                { value: "Deals" },
                { formula: `COUNTA(${dataColumn("A", rows)})`, format: "#,##0", style: "value" },
                { value: 2, format: "#,##0" },
                { formula: status(10) },
              ],
              [
                { value: "Win rate" },
                {
                  formula: `COUNTIF(${stages},"Won")/COUNTA(${stages})`,
                  format: "0.0%",
                  style: "value",
                },
                { value: 0.25, format: "0.0%" },
                { formula: status(11) },
              ],
            ],
          },
          {
            row: 12,
            col: 0,
            cells: [[{ value: "Win rate = deals won / deals closed", style: "definition" }]],
          },
        ],
        conditionalFormats: [
          {
            range: "D9:D11",
            rules: [
              { equals: "met", fill: "#DFF6DD", font: "#107C10" },
              { equals: "near", fill: "#FFF4CE", font: "#797673" },
              { equals: "missed", fill: "#FDE7E9", font: "#A80000" },
            ],
          },
        ],
        charts: [
          {
            kind: "column",
            title: "Revenue and deals",
            categories: "A9:A10",
            values: "B9:B10",
            seriesName: "Value",
            anchor: { row: 14, col: 0, width: 4, height: 15 },
          },
        ],
      },
    ],
    names: [
      {
        name: `KPI_REVENUE${suffix}`,
        refersTo: `${self}!$B$9`,
        comment: "Revenue of the deal table",
      },
      { name: `KPI_DEALS${suffix}`, refersTo: `${self}!$B$10` },
      { name: `KPI_WIN_RATE${suffix}`, refersTo: `${self}!$B$11` },
      { name: `DEAL_AMOUNTS${suffix}`, refersTo: amounts },
    ],
  };
}

/** What the task pane does: unique names from what the workbook has, then the plan. */
function planFor(rows: number) {
  return (existing: ExistingNames) =>
    kpiPlan(
      uniqueSheetName("KPI", existing.sheetNames),
      uniqueNameSuffix(WANTED_NAMES, existing.definedNames),
      rows
    );
}

/** A user's workbook: a data sheet, their own sheet called KPI and their own name KPI_REVENUE. */
function userWorkbook(): Seed {
  return {
    sheets: {
      [DATA]: {
        A1: "Deal",
        C1: "Amount",
        E1: "Stage",
        A2: "D-1",
        C2: 1200,
        E2: "Won",
        A3: "D-2",
        C3: 800,
        E3: "Lost",
        F2: "=C2*2",
      },
      KPI: { A1: "My own notes" },
    },
    names: { KPI_REVENUE: "='KPI'!$A$1" },
    active: DATA,
  };
}

/** Operations of one successful write, to place failures inside the batch. */
async function batchSize(): Promise<number> {
  const double = new OfficeDouble(userWorkbook());
  await writePlanToWorkbook(double.context, planFor(100));
  return double.opCounts[1];
}

async function expectWriteError(promise: Promise<unknown>): Promise<WriteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(WriteError);
  return error as WriteError;
}

describe("writePlanToWorkbook", () => {
  it("writes the whole plan in exactly two syncs, beside the user's sheet and name of the same names", async () => {
    const double = new OfficeDouble(userWorkbook());
    const report = await writePlanToWorkbook(double.context, planFor(100));

    expect(report).toEqual({
      sheets: ["KPI (2)"],
      names: ["KPI_REVENUE_2", "KPI_DEALS_2", "KPI_WIN_RATE_2", "DEAL_AMOUNTS_2"],
      syncs: 2,
      relocalized: 0,
    });
    expect(double.syncs).toBe(2);
    expect(double.state.sheets.map((s) => s.name)).toEqual([DATA, "KPI", "KPI (2)"]);
    expect(double.state.active).toBe("KPI (2)");

    const cell = (address: string) => double.cell("KPI (2)", address);
    expect(cell("A1")).toMatchObject({
      value: "Sales KPIs",
      format: { "font.size": 18, "font.bold": true },
    });
    expect(cell("B5")).toMatchObject({
      value: 2500,
      numberFormat: "#,##0",
      format: { "fill.color": "#FFF9E6" },
    });
    expect(cell("B9")).toMatchObject({
      formula: `SUM('${DATA}'!$C$2:$C$101)`,
      numberFormat: "#,##0",
    });
    expect(cell("B11")).toMatchObject({
      formula: `COUNTIF('${DATA}'!$E$2:$E$101,"Won")/COUNTA('${DATA}'!$E$2:$E$101)`,
    });
    expect(cell("B11")?.numberFormat).toBe("0.0%");
    expect(cell("C9")).toMatchObject({ formula: "$B$5" });
    expect(cell("A9")).toEqual({ value: "Revenue", numberFormat: "General" });
    expect(cell("D8")?.format).toEqual({
      "font.bold": true,
      "fill.color": "#F5F5F5",
      "borders.EdgeBottom.style": "Continuous",
      "borders.EdgeBottom.color": "#A19F9D",
    });
    expect(cell("A13")?.format).toMatchObject({ wrapText: true });
    expect(cell("A6")?.format).toMatchObject({ "font.italic": true });
    // Empty cells of a block get a number format but no content.
    expect(cell("B6")).toEqual({ numberFormat: "General" });

    const sheet = double.sheet("KPI (2)")!;
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.columnWidths).toEqual({ A: 196, B: 98, C: 98, D: 70 });
    expect(sheet.conditionalFormats).toHaveLength(3);
    expect(sheet.conditionalFormats[0]).toEqual({
      range: "D9:D11",
      type: "CellValue",
      props: {
        "format.fill.color": "#DFF6DD",
        "format.font.color": "#107C10",
        rule: { formula1: '="met"', operator: "EqualTo" },
      },
    });
    expect(sheet.charts).toEqual([
      {
        type: "ColumnClustered",
        source: "B9:B10",
        seriesBy: "Columns",
        props: {
          "title.text": "Revenue and deals",
          "series.name": "Value",
          "series.xValues": "A9:A10",
          position: "A15:D29",
        },
      },
    ]);

    expect(double.state.names).toEqual([
      { name: "KPI_REVENUE", formula: "='KPI'!$A$1" },
      { name: "KPI_REVENUE_2", formula: "='KPI (2)'!$B$9", comment: "Revenue of the deal table" },
      { name: "KPI_DEALS_2", formula: "='KPI (2)'!$B$10" },
      { name: "KPI_WIN_RATE_2", formula: "='KPI (2)'!$B$11" },
      { name: "DEAL_AMOUNTS_2", formula: `='${DATA}'!$C$2:$C$101` },
    ]);
  });

  it("uses the plain names when the workbook has none of them", async () => {
    const double = new OfficeDouble({ sheets: { [DATA]: { A1: "Deal" } } });
    const report = await writePlanToWorkbook(double.context, planFor(100));
    expect(report.sheets).toEqual(["KPI"]);
    expect(report.names).toEqual(WANTED_NAMES);
  });

  it("styles a run of cells of one style as one range", async () => {
    const double = new OfficeDouble(userWorkbook());
    await writePlanToWorkbook(double.context, planFor(100));
    const styled = double.log.filter((op) => /\)\.format\.fill\.color$/.test(op.path));
    expect(styled.map((op) => op.path.replace(/^.*getRange\((.*)\).*$/, "$1"))).toEqual([
      "A4:B4",
      "B5",
      "A8:D8",
    ]);
  });

  it("leaves the active sheet alone when asked not to activate", async () => {
    const double = new OfficeDouble(userWorkbook());
    await writePlanToWorkbook(double.context, planFor(100), { activate: false });
    expect(double.state.active).toBe(DATA);
    expect(double.syncs).toBe(2);
  });

  it("sends the same request for 100, 10,000 and 100,000 rows of data: only row numbers' digits differ", async () => {
    const sizes = [100, 10_000, 100_000];
    const runs = [];
    for (const rows of sizes) {
      const double = new OfficeDouble(userWorkbook());
      const report = await writePlanToWorkbook(double.context, planFor(rows));
      runs.push({ rows, syncs: report.syncs, bytes: double.requestBytes, ops: double.opCounts });
    }
    for (const run of runs) {
      console.log(
        `rows=${run.rows} syncs=${run.syncs} requestBytes=[${run.bytes.join(", ")}] operations=[${run.ops.join(", ")}]`
      );
    }
    const [base] = runs;
    const lastRow = (rows: number) => `$${rows + 1}`;
    const references = JSON.stringify(kpiPlan("KPI (2)", "_2", 100)).split(lastRow(100)).length - 1;
    expect(references).toBe(5);
    for (const run of runs) {
      expect(run.syncs).toBe(2);
      expect(run.ops).toEqual(base.ops);
      expect(run.bytes[0]).toBe(base.bytes[0]);
      const extraDigits = String(run.rows + 1).length - String(base.rows + 1).length;
      expect(run.bytes[1] - base.bytes[1]).toBe(references * extraDigits);
      expect(run.bytes[1]).toBeLessThan(20_000);
    }
  });

  describe("when something fails after the first sync", () => {
    const leftAsItWas = "The workbook was left as it was.";

    it.each(["first", "second", "middle", "last", "after the last"])(
      "removes what it added when sync 2 fails at the %s operation of the batch",
      async (where) => {
        const size = await batchSize();
        const at = {
          first: 0,
          second: 1,
          middle: Math.floor(size / 2),
          last: size - 1,
          "after the last": size,
        }[where]!;
        const double = new OfficeDouble(userWorkbook(), [{ sync: 2, opIndex: at }]);
        const before = double.snapshot();

        const error = await expectWriteError(writePlanToWorkbook(double.context, planFor(100)));

        expect(double.snapshot()).toEqual(before);
        expect(double.syncs).toBe(3);
        expect(error.messages.map((text) => text.en)).toEqual([
          expect.stringMatching(/^Could not write the sheet "KPI \(2\)" \(/),
          leftAsItWas,
        ]);
        expect(error.messageIn("tr")).toMatch(
          /^"KPI \(2\)" sayfası yazılamadı \(.*\)\. Çalışma kitabı olduğu gibi bırakıldı\.$/
        );
        expect(error.message).toContain("injected failure");
      }
    );

    it("removes what it added when the writer throws while queuing, and syncs only to clean up", async () => {
      const size = await batchSize();
      const failure: Failure = { sync: 2, opIndex: Math.floor(size / 2), when: "queue" };
      const double = new OfficeDouble(userWorkbook(), [failure]);
      const before = double.snapshot();

      const error = await expectWriteError(writePlanToWorkbook(double.context, planFor(100)));

      expect(double.snapshot()).toEqual(before);
      expect(double.syncs).toBe(2);
      // The clean-up sync also carried what had been queued before the throw: it was added, then removed.
      expect(double.opCounts[1]).toBeGreaterThan(failure.opIndex);
      expect(error.message).toMatch(
        /^Could not write the sheet "KPI \(2\)" \(Injected failure while queuing .*\)\. /
      );
      expect(error.message).toMatch(/The workbook was left as it was\.$/);
    });

    it("says what to delete by hand when the clean-up fails too", async () => {
      const double = new OfficeDouble(userWorkbook(), [
        { sync: 2, opIndex: 30 },
        { sync: 3, opIndex: 0, message: "Excel is busy." },
      ]);
      const error = await expectWriteError(writePlanToWorkbook(double.context, planFor(100)));
      expect(error.messages).toHaveLength(2);
      const why = 'Excel is busy. [GeneralException at worksheets["CRM Export"]?.activate]';
      const names = "KPI_REVENUE_2, KPI_DEALS_2, KPI_WIN_RATE_2, DEAL_AMOUNTS_2";
      expect(error.messages[1]).toEqual({
        en: `Removing what had been added also failed (${why}): please delete the sheet "KPI (2)" and the names ${names} by hand.`,
        tr: `Eklenenler de kaldırılamadı (${why}): lütfen "KPI (2)" sayfasını ve ${names} adlarını elle silin.`,
      });
      expect(error.message).not.toContain(leftAsItWas);
    });

    it("changes nothing when the plan cannot be built", async () => {
      const double = new OfficeDouble(userWorkbook());
      const before = double.snapshot();
      const error = await expectWriteError(
        writePlanToWorkbook(double.context, () => {
          throw new Error("no column of amounts was found");
        })
      );
      expect(error.message).toBe(
        `Could not plan the KPI sheet (no column of amounts was found). ${leftAsItWas}`
      );
      expect(double.snapshot()).toEqual(before);
      expect(double.syncs).toBe(1);
    });

    it("refuses a plan whose sheet or name the workbook already has, before writing anything", async () => {
      for (const [plan, message] of [
        [
          kpiPlan("kpi", "_2", 100),
          'Could not add the sheet "kpi": the workbook already has a sheet of that name.',
        ],
        [
          kpiPlan("KPI (2)", "", 100),
          "Could not add the name KPI_REVENUE: the workbook already has a name like it.",
        ],
      ] as const) {
        const double = new OfficeDouble(userWorkbook());
        const before = double.snapshot();
        const error = await expectWriteError(writePlanToWorkbook(double.context, () => plan));
        expect(error.message).toBe(`${message} ${leftAsItWas}`);
        expect(double.snapshot()).toEqual(before);
        expect(double.syncs).toBe(1);
      }
    });

    it("changes nothing when the workbook cannot be read", async () => {
      const double = new OfficeDouble(userWorkbook(), [
        { sync: 1, opIndex: 0, message: "The workbook is busy." },
      ]);
      const before = double.snapshot();
      const error = await expectWriteError(writePlanToWorkbook(double.context, planFor(100)));
      expect(error.message).toMatch(
        /^Could not read the workbook's sheets and names \(The workbook is busy\./
      );
      expect(double.snapshot()).toEqual(before);
    });
  });

  describe("the user's sheets", () => {
    it("are never written to", async () => {
      const double = new OfficeDouble(userWorkbook());
      const before = double.snapshot();
      await writePlanToWorkbook(double.context, planFor(100));
      expect(double.sheet(DATA)).toEqual(before.sheets[0]);
      expect(double.sheet("KPI")).toEqual(before.sheets[1]);
      const touched = double.log.filter((op) => /^worksheets\["(CRM Export|KPI)"\]/.test(op.path));
      expect(touched).toEqual([]);
    });

    it("are guarded by the double, which fails a sync that would write over a value or formula", async () => {
      const double = new OfficeDouble(userWorkbook());
      const before = double.snapshot();
      double.context.workbook.worksheets.getItem(DATA).getRange("E1:F2").formulas = [
        ["", ""],
        ["", "new"],
      ];
      await expect(double.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      expect(double.snapshot()).toEqual(before);
    });
  });
});

describe("the Office.js double", () => {
  it("throws on what it does not implement and on properties that were not loaded", () => {
    const { context } = new OfficeDouble();
    const workbook = context.workbook as unknown as Record<string, unknown>;
    expect(() => workbook.tables).toThrow("OfficeDouble: workbook.tables is not implemented");
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    expect(() => range.formulas).toThrow("was not loaded");
    expect(() => range.values).toThrow("was not loaded"); // until range.load("values") and a sync
    expect(() => (range as unknown as Record<string, unknown>).text).toThrow("not implemented");
    expect(() => context.workbook.worksheets.items).toThrow("was not loaded");
  });

  it("applies nothing before sync", async () => {
    const double = new OfficeDouble();
    double.context.workbook.worksheets.add("New");
    expect(double.sheet("New")).toBeUndefined();
    await double.context.sync();
    expect(double.sheet("New")).toBeDefined();
  });
});

describe("uniqueSheetName", () => {
  it("keeps a free name and numbers a taken one, ignoring case", () => {
    expect(uniqueSheetName("KPI", [DATA])).toBe("KPI");
    expect(uniqueSheetName("KPI", ["kpi"])).toBe("KPI (2)");
    expect(uniqueSheetName("KPI", ["KPI", "kpi (2)"])).toBe("KPI (3)");
  });

  it("makes a name Excel accepts", () => {
    expect(uniqueSheetName("Q1/Q2 [draft]*?", [])).toBe("Q1-Q2 -draft---");
    expect(uniqueSheetName("a:b\\c", [])).toBe("a-b-c");
    expect(uniqueSheetName("  'quoted'  ", [])).toBe("quoted");
    expect(uniqueSheetName("   ", [])).toBe("KPI");
    expect(uniqueSheetName("History", [])).toBe("History (2)");
  });

  it("shortens to 31 characters, and shortens more to fit the number", () => {
    const long = "Pipeline velocity by region and quarter";
    expect(uniqueSheetName(long, [])).toBe(long.slice(0, 31));
    const numbered = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(numbered).toBe(`${long.slice(0, 27)} (2)`);
    expect(numbered).toHaveLength(31);
  });
});

describe("uniqueNameSuffix", () => {
  it('gives "" when none of the names exists', () => {
    expect(uniqueNameSuffix(WANTED_NAMES, ["OTHER", "KPI_REVENUE_2"])).toBe("");
  });

  it("gives the smallest suffix that frees every name, ignoring case", () => {
    expect(uniqueNameSuffix(WANTED_NAMES, ["kpi_revenue"])).toBe("_2");
    expect(uniqueNameSuffix(WANTED_NAMES, ["KPI_DEALS", "kpi_win_rate_2"])).toBe("_3");
  });
});

/**
 * The preview's Office.js stand-in against its simulated workbook: what a task pane does (read a
 * selection or a table in chunks, build the KPI sheet with the real writer) works as in Excel, and
 * what Excel refuses (unknown members, unloaded properties, 5 MB requests, a failing sync) fails.
 */
import { readDealTable, isReadFailure } from "../../src/reader";
import { dataSourceFor } from "../../src/plan/dataSource";
import { placeKpiSheet } from "../../src/plan/placeKpiSheet";
import { WriteError, writePlanToWorkbook } from "../../src/writers/excel";
import { IMPLS } from "../../preview/host/host";
import { SCHEMA } from "../../preview/standIn/schema";
import { parseCsv } from "../../src/reader/csv";
import { SAMPLE_CSV, previewWorkbook } from "./previewWorkbook";

const DATA = "CRM Export";

/** Revenue and win rate of the sample, straight from the CSV. */
function sampleFigures() {
  const [header, ...rows] = parseCsv(SAMPLE_CSV).grid as string[][];
  const stage = header.indexOf("Stage");
  const amount = header.indexOf("Amount");
  const won = rows.filter((row) => row[stage] === "Closed Won");
  const lost = rows.filter((row) => row[stage] === "Closed Lost");
  return {
    rows: rows.length,
    first: rows[0],
    revenue: won.reduce((sum, row) => sum + Number(row[amount]), 0),
    winRate: won.length / (won.length + lost.length),
  };
}

describe("the preview workbook", () => {
  it("holds the sample as Excel would: numbers, date serials with a date format, a table", () => {
    const { workbook } = previewWorkbook();
    const sheet = workbook.sheet(DATA)!;
    const { first, rows } = sampleFigures();
    expect(workbook.readValues(sheet, { r0: 1, c0: 0, r1: 1, c1: 6 })[0]).toEqual([
      first[0],
      first[1],
      first[2],
      Number(first[3]),
      expect.any(Number),
      expect.any(Number),
      first[6],
    ]);
    expect(workbook.readText(sheet, { r0: 1, c0: 4, r1: 1, c1: 4 })[0][0]).toBe(first[4]);
    expect(workbook.numberFormat(sheet, 1, 4)).toBe("yyyy-mm-dd");
    expect(workbook.tables.map((t) => [t.name, workbook.address(t.sheet, t.area)])).toEqual([
      ["CrmDeals", `'${DATA}'!A1:G${rows + 1}`],
    ]);
  });

  it("evaluates KPI functions with the built dist/functions.js, spilling tables", () => {
    const { workbook } = previewWorkbook();
    const sheet = workbook.sheet(DATA)!;
    workbook.setContents(sheet, { r0: 0, c0: 9, r1: 0, c1: 9 }, "=KPI.WIN_RATE(25,75)");
    expect(workbook.value(sheet, 0, 9)).toBe(0.25);
    const { rows, revenue } = sampleFigures();
    workbook.setContents(
      sheet,
      { r0: 2, c0: 9, r1: 2, c1: 9 },
      `=KPI.DEAL_SUMMARY(C2:C${rows + 1},D2:D${rows + 1},E2:E${rows + 1},F2:F${rows + 1})`
    );
    expect(workbook.value(sheet, 2, 9)).toBe("Revenue");
    expect(workbook.value(sheet, 2, 10)).toBe(revenue);
    expect(workbook.value(sheet, 11, 9)).toBe("Rep productivity");
    expect(workbook.value(sheet, 12, 9)).toBeNull(); // ten rows without owners and target
    workbook.setContents(
      sheet,
      { r0: 0, c0: 11, r1: 0, c1: 11 },
      "=KPI.WIN_RATE(1,0)+KPI.CAC(1,0)"
    );
    expect(workbook.value(sheet, 0, 11)).toEqual({ error: "#DIV/0!", message: expect.any(String) });
  });
});

describe("the Office.js stand-in", () => {
  it("reads the selection and a table in chunks with getRangeByIndexes", async () => {
    const { Excel, workbook } = previewWorkbook();
    const { rows, first } = sampleFigures();
    workbook.select(workbook.sheet(DATA)!, { r0: 0, c0: 0, r1: rows, c1: 6 });
    const read = await Excel.run(async (context) => {
      const selected = context.workbook
        .getSelectedRange()
        .load("address, rowCount, columnCount, rowIndex, columnIndex");
      const table = context.workbook.tables.getItem("CrmDeals");
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowCount");
      const sheet = table.worksheet.load("name");
      await context.sync();
      const chunks: unknown[][] = [];
      for (let start = 0; start < body.rowCount; start += 100) {
        const count = Math.min(100, body.rowCount - start);
        const chunk = sheet
          .getRangeByIndexes(selected.rowIndex + 1 + start, 0, count, 7)
          .load("values");
        await context.sync();
        chunks.push(...chunk.values);
      }
      return { address: selected.address, header: header.values[0], sheet: sheet.name, chunks };
    });
    expect(read.address).toBe(`'${DATA}'!A1:G${rows + 1}`);
    expect(read.sheet).toBe(DATA);
    expect(read.header).toEqual([
      "Deal Name",
      "Deal Owner",
      "Stage",
      "Amount",
      "Created Date",
      "Close Date",
      "Lead Source",
    ]);
    expect(read.chunks).toHaveLength(rows);
    expect(read.chunks[0][0]).toBe(first[0]);
  });

  it("lists tables, sheets and names with their items, and null objects for what is missing", async () => {
    const { Excel } = previewWorkbook();
    await Excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const sheets = context.workbook.worksheets.load("items/name");
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const count = context.workbook.names.getCount();
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["CrmDeals"]);
      expect(sheets.items.map((s) => s.name)).toEqual([DATA]);
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(0);
      missing.delete(); // ignored, as on a null object in Excel
      const used = sheets.items[0].getUsedRange().load("address");
      await context.sync();
      expect(used.address).toMatch(/^'CRM Export'!A1:G\d+$/);
    });
  });

  it("builds the real KPI sheet with the writer in two syncs, and its KPIs evaluate", async () => {
    for (const mode of ["live", "portable"] as const) {
      const { Excel, workbook, host } = previewWorkbook();
      const report = await Excel.run(async (context) => {
        const range = context.workbook.tables.getItem("CrmDeals").getRange().load("values");
        await context.sync();
        const table = readDealTable(range.values);
        if (isReadFailure(table)) throw new Error(table.failure.en);
        const source = dataSourceFor(table, { sheet: DATA, row: 0, col: 0 });
        return writePlanToWorkbook(context, (existing) =>
          placeKpiSheet(existing, source, { mode, preset: "all", inputs: { TARGET: 1_000_000 } })
        );
      });
      expect(report.syncs).toBe(2);
      expect(host.syncs.every((sync) => !sync.error)).toBe(true);
      expect(workbook.active.name).toBe("KPI");
      const { revenue, winRate } = sampleFigures();
      expect(workbook.evaluator.nameValue("KPI_REVENUE")).toBe(revenue);
      expect(workbook.evaluator.nameValue("KPI_WIN_RATE")).toBeCloseTo(winRate, 14);
      const kpi = workbook.sheet("KPI")!;
      expect(kpi.charts.length).toBeGreaterThan(0);
      // No cell of the KPI sheet shows an error.
      const used = workbook.usedArea(kpi, true)!;
      const errors = workbook
        .readValues(kpi, used)
        .flat()
        .filter((v) => typeof v === "string" && /^#[A-Z/0!?]+/.test(v));
      expect({ mode, errors }).toEqual({ mode, errors: [] });
    }
  }, 60_000); // two full builds evaluated by HyperFormula: seconds, more on a loaded machine

  it("leaves the workbook as it was when a sync fails part-way (failNextSync)", async () => {
    const { Excel, workbook, host } = previewWorkbook();
    const before = { sheets: workbook.sheets.map((s) => s.name), names: workbook.names.length };
    const source = {
      columns: { stage: `'${DATA}'!$C$2:$C$251`, amount: `'${DATA}'!$D$2:$D$251` },
      description: DATA,
      stageValues: [],
      owners: [],
      closedRange: null,
      activeOwners: 1,
    };
    await expect(
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        expect(sheets.items).toHaveLength(1);
        host.failNextSync(40, { skip: 1 }); // the writer's second sync, which adds the sheet
        return writePlanToWorkbook(context, (existing) =>
          placeKpiSheet(existing, source, { mode: "live", preset: "all" })
        );
      })
    ).rejects.toBeInstanceOf(WriteError);
    expect(host.syncs.at(-2)?.error?.code).toBe("GeneralException");
    expect({ sheets: workbook.sheets.map((s) => s.name), names: workbook.names.length }).toEqual(
      before
    );
  });

  it("fails as Excel on the web does on requests and responses over 5 MB", async () => {
    const { Excel, workbook } = previewWorkbook();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(100, "x")]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(DATA).getRange("K1:K60000").values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(workbook.value(workbook.sheet(DATA)!, 0, 10)).toBeNull();
    await expect(
      Excel.run(async (context) => {
        const all = context.workbook.worksheets.getItem(DATA).getRange("A:C").load("values");
        await context.sync();
        return all.values.length;
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("throws at once on members it does not simulate and on properties not loaded", async () => {
    const { Excel, Office } = previewWorkbook();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(DATA).getRange("A1");
      expect(() => (range as unknown as { hyperlink: unknown }).hyperlink).toThrow(
        /Excel\.Range\.hyperlink is not simulated/
      );
      expect(() => (context as unknown as { application: unknown }).application).toThrow(
        /not simulated/
      );
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => range.load("valuez")).toThrow(/valuez/);
    });
    expect(() => (Office.context as unknown as { document: unknown }).document).toThrow(
      /Office\.context\.document/
    );
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing").activate();
        await context.sync();
      })
    ).rejects.toMatchObject({
      code: "ItemNotFound",
      debugInfo: { errorLocation: "WorksheetCollection.getItem" },
    });
  });

  it("writes values, formulas, formats and names, and reads them back as Excel gives them", async () => {
    const { Excel, workbook } = previewWorkbook();
    const read = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Scratch");
      const range = sheet.getRange("A1:B2");
      range.values = [
        [1, "2025-03-01"],
        ["=A1*10", "'=text"],
      ];
      range.numberFormat = [
        ["#,##0.00", null],
        [null, null],
      ];
      range.format.font.bold = true;
      sheet.getRange("B:B").format.columnWidth = 90;
      context.workbook.names.add("TEN", sheet.getRange("A2"));
      sheet.getRange("C1").formulas = [["=TEN+1"]];
      const back = sheet
        .getRange("A1:C2")
        .load("values, formulas, text, numberFormat, format/font/bold");
      await context.sync();
      return back.toJSON();
    });
    expect(read.values).toEqual([
      [1, 45717, 11],
      [10, "=text", ""],
    ]);
    expect(read.formulas).toEqual([
      [1, 45717, "=TEN+1"],
      ["=A1*10", "=text", ""],
    ]);
    expect(read.text).toEqual([
      ["1.00", "2025-03-01", "11"],
      ["10", "=text", ""],
    ]);
    expect(read.format).toEqual({ font: { bold: true } });
    expect(workbook.sheet("Scratch")!.columnWidths.get(1)).toBe(90);
    expect(workbook.names[0]).toMatchObject({ name: "TEN", formula: "=Scratch!$A$2" });
  });

  it("offers Excel.createWorkbook's file to the page", async () => {
    const { Excel, host } = previewWorkbook();
    await (Excel as unknown as { createWorkbook(b: string): Promise<void> }).createWorkbook(
      "UEsDBBQAAAAIAA=="
    );
    expect(host.createdWorkbooks).toHaveLength(1);
    await expect(
      (Excel as unknown as { createWorkbook(b: string): Promise<void> }).createWorkbook(
        "bm90IGEgemlw"
      )
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("implements exactly the members its schema declares", () => {
    for (const [type, schema] of Object.entries(SCHEMA)) {
      const impl = IMPLS[type];
      expect({ type, implemented: Boolean(impl) }).toEqual({ type, implemented: true });
      const members = (
        declared: object | string[] | undefined,
        implemented: object | undefined
      ) => ({
        type,
        declared: Array.isArray(declared)
          ? [...declared].sort()
          : Object.keys(declared ?? {}).sort(),
        implemented: Object.keys(implemented ?? {}).sort(),
      });
      for (const kind of ["props", "nav", "methods", "nullable", "actions", "results"] as const) {
        const result = members(schema[kind], impl[kind]);
        expect(result.implemented).toEqual(result.declared);
      }
      expect(Boolean(impl.items)).toBe(Boolean(schema.items));
    }
  });
});

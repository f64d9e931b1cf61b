/** .xlsx sheets as grids, through ExcelJS: a workbook written here and read back. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Workbook } from "exceljs";
import { dealKpis, KpiError, parseIsoDate } from "../../src/engine";
import { isReadFailure, readDealTable } from "../../src/reader";
import { readXlsxGrid } from "../../src/reader/xlsx";

const MARCH_15 = parseIsoDate("2026-03-15") as number;
let dir: string;
let file: string;

async function writeWorkbook(): Promise<Workbook> {
  const workbook = new Workbook();
  workbook.addWorksheet("Summary").getCell("A1").value = "See the Deals sheet";
  const sheet = workbook.addWorksheet("Deals");
  sheet.getCell("A1").value = "Pipeline export";
  sheet.addRow([]);
  sheet.getRow(3).values = ["Deal Name", "Owner", "Stage", "Amount", "Created Date", "Close Date"];
  sheet.getRow(4).values = [
    { text: "Acme - License", hyperlink: "https://example.com/deal/1" },
    { richText: [{ text: "Ayşe " }, { text: "Yılmaz", font: { bold: true } }] },
    "Closed Won",
    12500,
    new Date(Date.UTC(2026, 1, 13)),
    new Date(Date.UTC(2026, 2, 15)),
  ];
  sheet.getCell("D4").numFmt = '"$"#,##0.00';
  sheet.getCell("E4").numFmt = "yyyy-mm-dd";
  sheet.getCell("F4").numFmt = "yyyy-mm-dd";
  sheet.getRow(5).values = [
    "Globex",
    "Emre",
    "Proposal",
    { formula: "D4*2", result: 25000 },
    "2026-03-01",
    null,
  ];
  sheet.getRow(6).values = ["Initech", "Emre", { error: "#N/A" }, 300, null, null];
  return workbook;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-xlsx-"));
  file = path.join(dir, "deals.xlsx");
  await (await writeWorkbook()).xlsx.writeFile(file);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("readXlsxGrid", () => {
  it("reads a sheet from A1: dates as serials, formulas as results, rich text and links as text", async () => {
    const { grid, sheet, sheets } = await readXlsxGrid(file, "Deals");
    expect(sheet).toBe("Deals");
    expect(sheets).toEqual(["Summary", "Deals"]);
    expect(grid[0]).toEqual(["Pipeline export", null, null, null, null, null]);
    expect(grid[1]).toEqual([null, null, null, null, null, null]);
    expect(grid[3]).toEqual([
      "Acme - License",
      "Ayşe Yılmaz",
      "Closed Won",
      12500,
      MARCH_15 - 30,
      MARCH_15,
    ]);
    expect(grid[4]).toEqual(["Globex", "Emre", "Proposal", 25000, "2026-03-01", null]);
    expect(grid[5][2]).toBeInstanceOf(KpiError);
    expect((grid[5][2] as KpiError).code).toBe("#N/A");
  });

  it("reads the first sheet by default, a sheet name in any case, and a buffer", async () => {
    expect((await readXlsxGrid(file)).sheet).toBe("Summary");
    expect((await readXlsxGrid(file, "DEALS")).sheet).toBe("Deals");
    const buffer = fs.readFileSync(file);
    expect((await readXlsxGrid(buffer, "Deals")).grid[3][3]).toBe(12500);
  });

  it("names the sheets that exist when the one asked for does not", async () => {
    await expect(readXlsxGrid(file, "Opportunities")).rejects.toThrow(
      'the workbook has no sheet named "Opportunities"; its sheets are: "Summary", "Deals"'
    );
  });

  it("gives a grid that reads as a deal table, with sheet row numbers", async () => {
    const { grid } = await readXlsxGrid(file, "Deals");
    const table = readDealTable(grid);
    if (isReadFailure(table)) throw new Error(table.failure.en);
    expect(table.headerRow).toBe(2);
    expect(table.owners).toEqual(["Ayşe Yılmaz", "Emre"]);
    expect(table.problems).toEqual([
      {
        row: 6,
        field: "stage",
        column: "Stage",
        value: "#N/A",
        message: {
          en: "stage is the error #N/A: the deal is left out",
          tr: "aşama hücresinde #YOK hatası var: anlaşma dışarıda bırakıldı",
        },
      },
    ]);
    const kpis = dealKpis(table.columns, null);
    expect(kpis.REVENUE).toBe(12500);
    expect(kpis.SALES_CYCLE_LENGTH).toBe(30);
    expect(kpis.OPEN_PIPELINE_VALUE).toBe(25000);
  });
});

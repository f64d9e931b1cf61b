/**
 * The KPI workbook in Turkish, written to a file and read back with ExcelJS: its data sheet is
 * "Veri", and no text of its KPI sheet (cells, the text inside formulas, the status rules) keeps the
 * English of the workbook written in English from the same export.
 */
import ExcelJS from "exceljs";
import type { Language } from "../../src/i18n";
import { isReadFailure, readDealTable } from "../../src/reader";
import { buildKpiWorkbook, type ReadDeals } from "../../src/writers/kpiWorkbook";
import { exportGrid } from "../support/liveKpiSheet";
import { dataWordsOf, englishLeft, workbookTexts } from "../plan/sheetTexts";

const grid = exportGrid(60, 3);
const table = readDealTable(grid);
if (isReadFailure(table)) throw new Error("the sample export does not read");
const deals: ReadDeals = { grid, table };

/** The workbook of the export (or the blank template) in a language, as a file read back. */
async function written(
  data: ReadDeals | null,
  mode: "live" | "portable",
  language: Language
): Promise<ExcelJS.Workbook> {
  const workbook = buildKpiWorkbook(data, {
    mode,
    preset: "all",
    grain: "quarter",
    inputs: { TARGET: 500_000 },
    language,
  });
  const file = await workbook.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(file as ArrayBuffer);
  return back;
}

const dataValues = new Set([
  ...table.stageValues.map((stage) => stage.text),
  ...table.owners,
  ...table.headers.map(String),
]);
const dataWords = dataWordsOf(dataValues);

describe.each(["live", "portable"] as const)("the KPI workbook in Turkish, %s", (mode) => {
  it("names its sheets in Turkish and keeps no English label", async () => {
    const [english, turkish] = await Promise.all([
      written(deals, mode, "en"),
      written(deals, mode, "tr"),
    ]);
    expect(english.worksheets.map((sheet) => sheet.name)).toEqual(["KPI", "Data"]);
    expect(turkish.worksheets.map((sheet) => sheet.name)).toEqual(["KPI", "Veri"]);
    const texts = (workbook: ExcelJS.Workbook) => workbookTexts(workbook, [1]);
    expect(englishLeft(texts(english), texts(turkish), dataValues, dataWords)).toEqual([]);
    expect(texts(turkish).length).toBeGreaterThan(100);

    const kpi = turkish.getWorksheet("KPI")!;
    expect(kpi.getCell("A1").value).toBe("Satış Göstergeleri");
    expect(kpi.getCell("A2").value).toBe("Veri: Veri!A1:G61 (60 satır)");
    expect(kpi.getCell("A3").value).toBe("Dönem (kapanış tarihleri)");
    // The formulas read the Turkish data sheet (ExcelJS reads the name's reference back unquoted).
    const names = (
      turkish.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
    ).model;
    expect(names.find((named) => named.name === "KPI_DATA_AMOUNT")?.ranges).toEqual([
      "Veri!$D$2:$D$61",
    ]);
  });

  it("writes the blank template in Turkish", async () => {
    const [english, turkish] = await Promise.all([
      written(null, mode, "en"),
      written(null, mode, "tr"),
    ]);
    expect(turkish.worksheets.map((sheet) => sheet.name)).toEqual(["KPI"]);
    const texts = (workbook: ExcelJS.Workbook) => workbookTexts(workbook, []);
    // Something to compare: the template's headings, labels and definitions, not only its name.
    expect(texts(turkish).length).toBeGreaterThan(20);
    expect(englishLeft(texts(english), texts(turkish), new Set(), new Set())).toEqual([]);
    expect(turkish.getWorksheet("KPI")!.getCell("A2").value).toBe(
      "Boş şablon: rakamlarınızı sarı hücrelere yazın"
    );
  });
});

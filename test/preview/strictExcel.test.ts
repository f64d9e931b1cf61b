/**
 * The preview as strict as Excel: the 5 MB payload of one custom-function call, Turkish formulas
 * (names and ";"), and the requirement sets of an older Excel (sources in preview/standIn/apiSets.ts,
 * preview/workbook/locale.ts and preview/workbook/kpiFunctions.ts).
 */
import { CALL_PAYLOAD_LIMIT } from "../../src/tools/customFunctionPayload";
import { excelBuild, supportsSet } from "../../preview/standIn/apiSets";
import { callPayloadBytes } from "../../preview/workbook/kpiFunctions";
import {
  ENGLISH,
  formulaLocale,
  toEnglishFormula,
  toLocalFormula,
} from "../../preview/workbook/locale";
import { builtMetadata, previewWorkbook } from "./previewWorkbook";

const DATA = "CRM Export";

describe("the custom-function payload cap (office-js#4654)", () => {
  it("counts a call's arguments as the JSON of their 2-D arrays", () => {
    const args = [[[1], [null], ["é"]], [[60]]];
    expect(callPayloadBytes(args)).toBe(Buffer.byteLength(JSON.stringify(args)));
  });

  it("refuses a call over 5 MB with #VALUE! and evaluates one under it", () => {
    const { workbook } = previewWorkbook();
    const big = workbook.addSheet("Big");
    // 400,000 scores of 18 characters each: about 8 MB of JSON, over the cap.
    const rows = 400_000;
    workbook.setContents(
      big,
      { r0: 0, c0: 0, r1: rows - 1, c1: 0 },
      Array.from({ length: rows }, () => [60.12345678901234])
    );
    workbook.setContents(
      big,
      { r0: 0, c0: 2, r1: 0, c1: 2 },
      "=KPI.QUALIFIED_LEADS(A1:A400000, 60)"
    );
    const refused = workbook.value(big, 0, 2);
    expect(refused).toEqual({ error: "#VALUE!", message: expect.stringMatching(/5 MB/) });
    // The same column up to 100,000 rows is about 2 MB: evaluated.
    workbook.setContents(
      big,
      { r0: 1, c0: 2, r1: 1, c1: 2 },
      "=KPI.QUALIFIED_LEADS(A1:A100000, 60)"
    );
    expect(workbook.value(big, 1, 2)).toBe(100_000);
    expect(
      callPayloadBytes([Array.from({ length: rows }, () => [60.12345678901234]), [[60]]])
    ).toBeGreaterThan(CALL_PAYLOAD_LIMIT);
  }, 120_000);
});

describe("Turkish mode", () => {
  it("evaluates Turkish names typed with ';', keeps Range.formulas in English", async () => {
    const { workbook, Excel } = previewWorkbook("tr-TR");
    const sheet = workbook.sheet(DATA)!;
    workbook.setLocalContents(sheet, { r0: 0, c0: 9, r1: 0, c1: 9 }, "=KPI.KAZANMA_ORANI(25;75)");
    expect(workbook.value(sheet, 0, 9)).toBe(0.25);
    expect(workbook.readFormulas(sheet, { r0: 0, c0: 9, r1: 0, c1: 9 })).toEqual([
      ["=KPI.WIN_RATE(25,75)"],
    ]);
    expect(workbook.readFormulasLocal(sheet, { r0: 0, c0: 9, r1: 0, c1: 9 })).toEqual([
      ["=KPI.KAZANMA_ORANI(25;75)"],
    ]);
    // Through Office.js: formulasLocal takes Turkish, formulas gives English.
    const read = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(DATA).getRange("K1");
      range.formulasLocal = [["=KPI.KAZANMA_ORANI(2,5;7,5)"]];
      range.load("values, formulas, formulasLocal");
      await context.sync();
      return { values: range.values, formulas: range.formulas, local: range.formulasLocal };
    });
    expect(read).toEqual({
      values: [[0.25]],
      formulas: [["=KPI.WIN_RATE(2.5,7.5)"]],
      local: [["=KPI.KAZANMA_ORANI(2,5;7,5)"]],
    });
  });

  it("leaves English mode and text inside quotes as they are", () => {
    const turkish = formulaLocale("tr-TR", builtMetadata(), builtMetadata("tr"));
    expect(toEnglishFormula("=IF(A1=\"a;b\";KPI.KAZANMA_ORANI(1;4);'My;Sheet'!B2)", turkish)).toBe(
      "=IF(A1=\"a;b\",KPI.WIN_RATE(1,4),'My;Sheet'!B2)"
    );
    expect(toLocalFormula('=KPI.WIN_RATE(A1,"x,y")', turkish)).toBe('=KPI.KAZANMA_ORANI(A1;"x,y")');
    expect(toEnglishFormula("=KPI.WIN_RATE(25,75)", ENGLISH)).toBe("=KPI.WIN_RATE(25,75)");
    expect(toEnglishFormula("1,5", turkish)).toBe("1,5"); // not a formula
  });
});

describe("requirement sets of the Excel played", () => {
  it("answers isSetSupported from the docs' table", () => {
    expect(excelBuild("2016").excelApi).toBe("1.1");
    expect(excelBuild("2019").excelApi).toBe("1.7");
    expect(excelBuild("1808").excelApi).toBe("1.8");
    expect(excelBuild().excelApi).toBe("1.20");
    expect(() => excelBuild("2013x")).toThrow(/excel=/);
    expect(supportsSet(excelBuild(), "ExcelApi", "1.10")).toBe(true);
    expect(supportsSet(excelBuild("1903"), "ExcelApi", "1.10")).toBe(false);
    expect(supportsSet(excelBuild("2019"), "ExcelApiOnline", "1.1")).toBe(false);

    const current = previewWorkbook().Office;
    expect(current.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(current.context.requirements.isSetSupported("ExcelApi", "1.21")).toBe(false);
    const old = previewWorkbook("en-US", { excel: "2016" }).Office;
    expect(old.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(old.context.requirements.isSetSupported("ExcelApi", "1.1")).toBe(true);
  });

  it("fails with ApiNotFound on members beyond the set, as Excel does", async () => {
    const { Excel } = previewWorkbook("en-US", { excel: "2016" });
    const sync = (batch: (context: Excel.RequestContext) => void) =>
      Excel.run(async (context) => {
        batch(context);
        await context.sync();
      });
    const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(DATA);
    // Worksheet.getRangeByIndexes and Range.getSurroundingRegion: ExcelApi 1.7.
    await expect(
      sync((c) => sheet(c).getRangeByIndexes(0, 0, 1, 1).load("values"))
    ).rejects.toMatchObject({
      code: "ApiNotFound",
      debugInfo: { errorLocation: "Worksheet.getRangeByIndexes" },
    });
    await expect(
      sync((c) => sheet(c).getRange("A1").getSurroundingRegion().load("address"))
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    // NamedItem.formula: ExcelApi 1.7 (NamedItemCollection.add is 1.4, so 2016 fails already there).
    await expect(sync((c) => c.workbook.names.add("Tax", "=0.2"))).rejects.toMatchObject({
      code: "ApiNotFound",
    });
    // What ExcelApi 1.1 has still works.
    await expect(sync((c) => sheet(c).getRange("A1:B2").load("values"))).resolves.toBeUndefined();
    // Excel.createWorkbook: ExcelApi 1.8.
    await expect(Excel.createWorkbook("UEsDBAo=")).rejects.toMatchObject({ code: "ApiNotFound" });

    const { Excel: excel2019, workbook } = previewWorkbook("en-US", { excel: "2019" });
    await expect(
      excel2019.run(async (context) => {
        const range = context.workbook.worksheets.getItem(DATA).getRangeByIndexes(0, 0, 1, 1);
        range.load("values");
        await context.sync();
        return range.values;
      })
    ).resolves.toEqual([[workbook.value(workbook.sheet(DATA)!, 0, 0)]]);
    await expect(excel2019.createWorkbook("UEsDBAo=")).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });

  it("NamedItem.formula and chart series calls need ExcelApi 1.7", async () => {
    const { Excel } = previewWorkbook("en-US", { excel: "1704" }); // ExcelApi 1.6
    await expect(
      Excel.run(async (context) => {
        // NamedItemCollection.add is ExcelApi 1.4, so it runs; setting formula fails.
        const item = context.workbook.names.add("Tax", "=0.2");
        item.formula = "=0.25";
        await context.sync();
      })
    ).rejects.toMatchObject({
      code: "ApiNotFound",
      debugInfo: { errorLocation: "NamedItem.formula" },
    });
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(DATA);
        const chart = sheet.charts.add("ColumnClustered", sheet.getRange("D1:D5"), "Auto");
        chart.series.getItemAt(0).setValues(sheet.getRange("D2:D5"));
        await context.sync();
      })
    ).rejects.toMatchObject({
      code: "ApiNotFound",
      debugInfo: { errorLocation: "ChartSeries.setValues" },
    });
  });
});

/**
 * The preview as strict as Excel, in the browser: Turkish mode loads functions-tr.json and takes
 * Turkish names with ";" where a person types (the formula bar), and ?excel=2016 makes the pane's
 * Office.js answer as Excel 2016 does (ExcelApi 1.1 only, ApiNotFound past it).
 */
import { type PreviewSession, type PreviewWindow, openPreview } from "./harness";

const SHEET = "CRM Export";

let session: PreviewSession;

beforeAll(async () => {
  session = await openPreview({ lang: "tr-TR" });
});

afterAll(async () => {
  await session?.close();
});

describe("Turkish mode", () => {
  it("evaluates =KPI.KAZANMA_ORANI(25;75) to 0.25, typed in the formula bar or set", async () => {
    const set = await session.page.evaluate((sheet) => {
      const preview = (window as unknown as PreviewWindow).__preview;
      preview.setFormula(sheet, "J1", "=KPI.KAZANMA_ORANI(25;75)");
      preview.select(sheet, "J2");
      return preview.getValue(sheet, "J1");
    }, SHEET);
    expect(set).toBe(0.25);

    // Typed as a person would: into the formula bar, then Enter. The selection shows on the next
    // render; text typed before the name box says J2 would go to the cell selected before.
    const input = session.page.locator("#formula-input");
    await session.page.waitForFunction(
      () => (document.querySelector("#name-box") as HTMLInputElement | null)?.value === "J2"
    );
    await input.fill("=KPI.KAZANMA_ORANI(1;3)");
    await input.press("Enter");
    await session.page
      .waitForFunction(
        (sheet) => (window as unknown as PreviewWindow).__preview.getValue(sheet, "J2") !== null,
        SHEET,
        { timeout: 5000 }
      )
      .catch(() => undefined); // the assertion below says what came instead
    const typed = await session.page.evaluate((sheet) => {
      const preview = (window as unknown as PreviewWindow).__preview;
      preview.select(sheet, "J2");
      return {
        value: preview.getValue(sheet, "J2"),
        formula: preview.getFormula(sheet, "J2"),
        local: preview.getFormulaLocal(sheet, "J2"),
      };
    }, SHEET);
    expect(typed).toEqual({
      value: 0.25,
      formula: "=KPI.WIN_RATE(1,3)",
      local: "=KPI.KAZANMA_ORANI(1;3)",
    });
    await expect(input.inputValue()).resolves.toBe("=KPI.KAZANMA_ORANI(1;3)");

    // The pane's Office.js: formulas in English, formulasLocal in Turkish.
    const pane = await session.pane();
    const read = await pane.evaluate(
      (sheet) =>
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem(sheet).getRange("J1");
          range.load("formulas, formulasLocal");
          await context.sync();
          return { formulas: range.formulas, local: range.formulasLocal };
        }),
      SHEET
    );
    expect(read).toEqual({
      formulas: [["=KPI.WIN_RATE(25,75)"]],
      local: [["=KPI.KAZANMA_ORANI(25;75)"]],
    });
    expect(session.errors).toEqual([]);
  });
});

describe("?excel=2016", () => {
  it("answers isSetSupported for ExcelApi 1.1 and fails getRangeByIndexes with ApiNotFound", async () => {
    const url = new URL(session.url);
    url.searchParams.set("excel", "2016");
    await session.page.goto(url.toString());
    await session.page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    const pane = await session.pane();
    await pane.waitForFunction(() => typeof Excel !== "undefined");
    const answer = await pane.evaluate(async () => {
      const sets = {
        "1.1": Office.context.requirements.isSetSupported("ExcelApi", "1.1"),
        "1.9": Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
      };
      try {
        await Excel.run(async (context) => {
          context.workbook.worksheets
            .getActiveWorksheet()
            .getRangeByIndexes(0, 0, 1, 1)
            .load("values");
          await context.sync();
        });
        return { sets, code: "none" };
      } catch (error) {
        return { sets, code: (error as { code?: string }).code };
      }
    });
    expect(answer).toEqual({ sets: { "1.1": true, "1.9": false }, code: "ApiNotFound" });
  });
});

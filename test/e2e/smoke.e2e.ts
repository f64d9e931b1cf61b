/**
 * Smoke test of the preview: the sample shows in the grid, the real task pane loads in its frame with
 * the Office.js stand-in, the stand-in reaches the workbook across the frames, and a KPI formula
 * evaluates with the built custom functions.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/reader/csv";
import { ROOT } from "./build";
import { type PreviewSession, type PreviewWindow, openPreview } from "./harness";

const SHEET = "CRM Export";
const sample = parseCsv(fs.readFileSync(path.join(ROOT, "samples", "crm-export.csv"), "utf8")).grid;
/** The add-in's name as Excel shows it, from the manifest. */
const addInName = /<DisplayName DefaultValue="([^"]+)"/.exec(
  fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
)![1];

let session: PreviewSession;

beforeAll(async () => {
  session = await openPreview();
});

afterAll(async () => {
  await session?.close();
});

describe("the preview", () => {
  it("shows the sample export in the grid, first deal name in A2", async () => {
    const cell = session.page.locator("#grid td[data-row='1'][data-col='0']");
    await expect(cell.textContent()).resolves.toBe(sample[1][0]);
    await expect(session.page.locator("#tabs .tab.active").textContent()).resolves.toBe(SHEET);
  });

  it("loads the real task pane with the stand-in, showing its title", async () => {
    const pane = await session.pane();
    await pane.waitForFunction(() => document.body.textContent!.trim().length > 0);
    const title = await pane.evaluate(
      () => document.getElementById("title")?.textContent?.trim() || document.title
    );
    expect(title).toBe(addInName);
    // The pane got the stand-in, not Microsoft's script (which the test machine could not fetch).
    const office = await pane.evaluate(
      () => typeof (window as unknown as { Excel?: { run?: unknown } }).Excel?.run
    );
    expect(office).toBe("function");
    await expect(session.page.locator("#pane-title").textContent()).resolves.toBe(addInName);
  });

  it("answers the pane's Office.js calls from the simulated workbook", async () => {
    await session.page.evaluate(
      (sheet) => (window as unknown as PreviewWindow).__preview.select(sheet, "A1:G3"),
      SHEET
    );
    const pane = await session.pane();
    const read = await pane.evaluate(() =>
      Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange().load("address, values");
        await context.sync();
        return { address: range.address, values: range.values };
      })
    );
    expect(read.address).toBe(`'${SHEET}'!A1:G3`);
    expect(read.values[1][0]).toBe(sample[1][0]);
    expect(read.values[1][3]).toBe(Number(sample[1][3]));
  });

  it("evaluates a KPI formula with the built functions and shows it in the grid", async () => {
    const value = await session.page.evaluate((sheet) => {
      const preview = (window as unknown as PreviewWindow).__preview;
      preview.setFormula(sheet, "J1", "=KPI.WIN_RATE(25,75)");
      preview.select(sheet, "J1");
      return preview.getValue(sheet, "J1");
    }, SHEET);
    expect(value).toBe(0.25);
    await expect(
      session.page.locator("#grid td[data-row='0'][data-col='9']").textContent()
    ).resolves.toBe("0.25");
    await expect(session.page.locator("#formula-input").inputValue()).resolves.toBe(
      "=KPI.WIN_RATE(25,75)"
    );
    const file = await session.screenshot("preview-smoke");
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    expect(session.errors).toEqual([]);
  });
});

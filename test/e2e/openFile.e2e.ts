/**
 * Opening a person's own file on the preview page, in Chromium: a Pipedrive deals export dropped on
 * the grid becomes a new active sheet with its cells typed as Excel holds them, the task pane reads
 * the selected range and builds the KPI sheet from it, and its revenue is the won deals' values added
 * by hand. An .xlsx picked with "Open file…" goes through ExcelJS's browser build; a file that is not
 * CSV or .xlsx says so and leaves the workbook as it was.
 */
import ExcelJS from "exceljs";
import type { Frame } from "playwright-core";
import {
  type PreviewSession,
  type PreviewWindow,
  dropFile,
  fileMessageAfter,
  inPreview,
  namedValue,
  openPreview,
  readSelection,
} from "./harness";

/** A Pipedrive "Deals" export as its Export data button writes it (commas, UTF-8, quoted fields). */
const PIPEDRIVE_CSV = [
  '"Deal - Title","Deal - Value","Deal - Currency","Deal - Stage","Deal - Status","Deal - Owner","Deal - Deal created","Deal - Won time","Deal - Deal closed on"',
  '"Anadolu Tekstil - Annual License","12500","USD","Negotiations Started","won","Alice Martin","2026-01-05 10:00:00","2026-02-20 15:30:00","2026-02-20 15:30:00"',
  '"Kara Doğan - Upgrade","8300.5","USD","Proposal Made","won","Bob Stone","2026-01-12 09:15:00","2026-03-15 11:00:00","2026-03-15 11:00:00"',
  '"Pioneer Energy - Pilot","4000","USD","Qualified","lost","Alice Martin","2026-01-20 14:00:00","","2026-02-02 16:45:00"',
  '"Marmara Lojistik - Platform","15000","USD","Contact Made","open","Bob Stone","2026-02-01 08:30:00","",""',
].join("\n");
/** The won deals' values: 12,500 + 8,300.50. */
const WON_REVENUE = 20800.5;
/** 2026-01-05 is serial 46027 (2026-01-01 is 46023); 10:00 is 10/24 of a day. */
const JANUARY_5_2026_10AM = 46027 + 10 / 24;

let session: PreviewSession;
let pane: Frame;

/** Runs `fn` in the page with window.__preview. */
const preview = <T>(fn: (api: PreviewWindow["__preview"], arg: string) => T, arg = "") =>
  inPreview<T>(session, fn, arg);

beforeAll(async () => {
  session = await openPreview();
  pane = await session.pane();
  await pane.waitForSelector("#use-selection:not(:empty)");
});

afterAll(async () => {
  await session?.close();
});

describe("a file opened on the preview page", () => {
  it("dropped on the grid: a Pipedrive export becomes the active sheet, its cells typed", async () => {
    const message = await fileMessageAfter(session, () =>
      dropFile(session, "pipedrive-deals.csv", PIPEDRIVE_CSV)
    );
    expect(message).toMatch(
      /^Opened “pipedrive-deals\.csv” as the sheet “pipedrive-deals”: 5 rows/
    );
    await expect(preview((api) => api.sheetNames())).resolves.toEqual([
      "CRM Export",
      "pipedrive-deals",
    ]);
    await expect(preview((api) => api.activeSheet())).resolves.toBe("pipedrive-deals");
    const values = await preview((api) => api.getValues("pipedrive-deals", "A1:I5"));
    expect(values[0][0]).toBe("Deal - Title");
    expect(values[1].slice(0, 6)).toEqual([
      "Anadolu Tekstil - Annual License",
      12500,
      "USD",
      "Negotiations Started",
      "won",
      "Alice Martin",
    ]);
    expect(values[2][1]).toBe(8300.5);
    expect(values[1][6] as number).toBeCloseTo(JANUARY_5_2026_10AM, 9);
    expect(values[3][7]).toBe("");
    await expect(preview((api) => api.getText("pipedrive-deals", "G2"))).resolves.toBe(
      "2026-01-05 10:00"
    );
    await expect(session.page.locator("#tabs .tab.active").textContent()).resolves.toBe(
      "pipedrive-deals"
    );
    await session.screenshot("open-file-1-dropped");
  });

  it("is what the pane reads and builds the KPI sheet from: revenue is the won values", async () => {
    await readSelection(session, pane, "pipedrive-deals", "A1:I5");
    await pane.waitForSelector("#mapping-card:not([hidden])");
    await expect(pane.locator("#row-count").textContent()).resolves.toMatch(/^4 rows from/);
    const previewed = await pane.locator("[data-kpi=REVENUE] dd").textContent();
    // The pane shows money in whole units; the sheet holds it exactly.
    expect(previewed).toBe("20,801");
    await pane.click("#build-sheet");
    await pane.waitForSelector("#result.success", { timeout: 60_000 });
    const revenue = await namedValue(session, "KPI_REVENUE");
    expect(revenue).toBe(WON_REVENUE);
    await session.screenshot("open-file-2-kpi-sheet");
  });

  it("picked with Open file…: an .xlsx's first worksheet, dates with their format", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Opportunities");
    sheet.addRow(["Opportunity", "Est. Revenue", "Actual Close Date"]);
    sheet.addRow(["Pioneer Energy", 4200, new Date(Date.UTC(2026, 2, 15))]);
    sheet.getCell("C2").numFmt = "dd.mm.yyyy";
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const message = await fileMessageAfter(session, () =>
      session.page.setInputFiles("#file-input", {
        name: "dynamics.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer,
      })
    );
    expect(message).toMatch(/^Opened “dynamics\.xlsx” as the sheet “dynamics”: 2 rows/);
    // 2026-03-15: 46023 + 31 + 28 + 14.
    await expect(preview((api) => api.getValues("dynamics", "A2:C2"))).resolves.toEqual([
      ["Pioneer Energy", 4200, 46096],
    ]);
    await expect(preview((api) => api.getText("dynamics", "C2"))).resolves.toBe("15.03.2026");
  });

  it("that is not CSV or .xlsx says so and leaves the workbook as it was", async () => {
    const sheets = await preview((api) => api.sheetNames());
    const active = await preview((api) => api.activeSheet());
    const message = await fileMessageAfter(session, () =>
      session.page.setInputFiles("#file-input", {
        name: "deals.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.7"),
      })
    );
    expect(message).toMatch(/“deals\.pdf” is neither CSV nor \.xlsx/);
    await expect(session.page.locator("#file-message.failed").count()).resolves.toBe(1);
    await expect(preview((api) => api.sheetNames())).resolves.toEqual(sheets);
    await expect(preview((api) => api.activeSheet())).resolves.toBe(active);
    await session.screenshot("open-file-3-refused");
    expect(session.errors).toEqual([]);
  });
});

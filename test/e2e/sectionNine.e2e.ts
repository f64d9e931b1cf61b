/**
 * The task pane's choices of section 9, in Chromium against the preview: a HubSpot deals export in
 * two currencies dropped on the grid and read by the pane offers the currency drop-down, with every
 * money KPI refused until one currency is chosen; choosing USD previews the USD deals' revenue and
 * weighted pipeline, added by hand; breaking the deals down by "Deal Type" and building the KPI sheet
 * gives the same figures in its KPI_* cells and a "By Deal Type" block.
 */
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

/** A HubSpot "Deals" export (commas, UTF-8, quoted fields; probabilities as fractions). */
const HUBSPOT_CSV = [
  '"Deal Name","Deal Stage","Amount","Close Date","Create Date","Deal owner","Deal probability","Currency","Deal Type"',
  '"Acme Corp - Renewal","Closed Won","12000","2026-02-10","2026-01-05","Alice Martin","1","USD","existingbusiness"',
  '"Beta Industries - New","Closed Won","8000","2026-03-01","2026-01-20","Bob Stone","1","USD","newbusiness"',
  '"Gamma Ltd - Pilot","Closed Lost","3000","2026-02-15","2026-01-10","Alice Martin","0","USD","newbusiness"',
  '"Delta Inc - Expansion","Contract Sent","10000","2026-05-30","2026-02-01","Bob Stone","0.6","USD","existingbusiness"',
  '"Epsilon LLC - Trial","Appointment Scheduled","4000","2026-06-15","2026-02-10","Alice Martin","0.2","USD","newbusiness"',
  '"Euro GmbH - Platform","Closed Won","9000","2026-02-20","2026-01-08","Alice Martin","1","EUR","newbusiness"',
  '"Paris SA - Upgrade","Decision Maker Bought-In","5000","2026-06-01","2026-02-12","Bob Stone","0.4","EUR","existingbusiness"',
].join("\n");
const SHEET = "hubspot-deals";
/** The header row and the 7 deals, columns A to I. */
const RANGE = "A1:I8";
/** The USD deals won: 12,000 + 8,000. */
const USD_REVENUE = 12000 + 8000;
/** The USD deals open, amount x probability: 10,000 x 0.6 + 4,000 x 0.2. */
const USD_WEIGHTED_PIPELINE = 10000 * 0.6 + 4000 * 0.2;
/** "Deal Type" is the data's 9th column: its option's value is its index. */
const DEAL_TYPE_COLUMN = "8";

let session: PreviewSession;
let pane: Frame;

/** Runs `fn` in the page with window.__preview. */
const preview = <T>(fn: (api: PreviewWindow["__preview"], arg: string) => T, arg = "") =>
  inPreview<T>(session, fn, arg);

/** Chooses an option of a drop-down of the pane, and tells the pane, as a person's choice would. */
async function choose(selector: string, value: string): Promise<void> {
  await pane.selectOption(selector, value);
  await pane.dispatchEvent(selector, "change");
}

/** The text of a KPI's box in the preview (its value, or its error code). */
const previewed = (id: string) => pane.locator(`[data-kpi=${id}] dd`).textContent();

beforeAll(async () => {
  session = await openPreview();
  pane = await session.pane();
  await pane.waitForSelector("#use-selection:not(:empty)");
});

afterAll(async () => {
  await session?.close();
});

describe("the task pane's currency and segment choices (section 9)", () => {
  it("offers the currencies of a HubSpot export in two and refuses money KPIs over both", async () => {
    const message = await fileMessageAfter(session, () =>
      dropFile(session, `${SHEET}.csv`, HUBSPOT_CSV)
    );
    expect(message).toMatch(new RegExp(`^Opened “${SHEET}\\.csv” as the sheet “${SHEET}”: 8 rows`));
    await readSelection(session, pane, SHEET, RANGE);
    await pane.waitForSelector("#mapping-card:not([hidden])");
    await expect(pane.locator("#row-count").textContent()).resolves.toMatch(/^7 rows from/);
    await pane.waitForSelector("#currency:not([hidden])");
    await expect(pane.locator("#currency").isVisible()).resolves.toBe(true);
    await expect(pane.locator("#currency-label").isVisible()).resolves.toBe(true);
    await expect(pane.locator("#currency option").allTextContents()).resolves.toEqual([
      "Every currency (money KPIs refused)",
      "USD (5 deals)",
      "EUR (2 deals)",
    ]);
    await expect(pane.locator("#currency").inputValue()).resolves.toBe("");
    await expect(previewed("REVENUE")).resolves.toBe("#VALUE!");
    await expect(pane.locator("[data-kpi=REVENUE] dd").getAttribute("title")).resolves.toMatch(
      /USD|EUR|currenc/i
    );
    await session.screenshot("section-nine-1-currencies");
  });

  it("with USD chosen previews the USD deals' revenue and weighted pipeline", async () => {
    await choose("#currency", "USD");
    await pane.waitForFunction(
      () => document.querySelector("[data-kpi=REVENUE] dd")?.textContent !== "#VALUE!"
    );
    await expect(previewed("REVENUE")).resolves.toBe("20,000");
    await pane.waitForSelector("[data-kpi=WEIGHTED_PIPELINE_VALUE]");
    await expect(previewed("WEIGHTED_PIPELINE_VALUE")).resolves.toBe("6,800");
    await session.screenshot("section-nine-2-usd");
  });

  it("builds the KPI sheet over the USD deals, broken down by Deal Type", async () => {
    const options = await pane.locator("#segment-by option").allTextContents();
    expect(options[Number(DEAL_TYPE_COLUMN) + 1]).toBe("Deal Type");
    await choose("#segment-by", DEAL_TYPE_COLUMN);
    // The pane reads the data again with the segment; the currency chosen stays.
    await expect(pane.locator("#segment-by").inputValue()).resolves.toBe(DEAL_TYPE_COLUMN);
    await expect(pane.locator("#currency").inputValue()).resolves.toBe("USD");
    await expect(previewed("REVENUE")).resolves.toBe("20,000");
    await pane.click("#build-sheet");
    await pane.waitForSelector("#result.success", { timeout: 60_000 });
    await expect(pane.locator("#result").textContent()).resolves.toMatch(/Built the sheet “KPI”/);
    expect(await namedValue(session, "KPI_REVENUE")).toBe(USD_REVENUE);
    const weighted = await namedValue(session, "KPI_WEIGHTED_PIPELINE_VALUE");
    expect(typeof weighted).toBe("number");
    expect(weighted as number).toBeCloseTo(USD_WEIGHTED_PIPELINE, 9);
    const cells = await preview((api) => api.getValues("KPI", "A1:Z300"));
    const texts = cells.flat().filter((cell): cell is string => typeof cell === "string");
    expect(texts).toContain("By Deal Type");
    // Below the heading, a row per deal type of the USD deals, with its won USD amounts.
    const heading = cells.findIndex((row) => row.includes("By Deal Type"));
    const segmentRow = (value: string) =>
      cells.slice(heading + 1).find((row) => row[0] === value) ?? [];
    expect(segmentRow("existingbusiness")).toContain(12000);
    expect(segmentRow("newbusiness")).toContain(8000);
    await pane.click("#go-to");
    await session.page.waitForFunction(
      () => (window as unknown as PreviewWindow).__preview.activeSheet() === "KPI"
    );
    await session.screenshot("section-nine-3-kpi-sheet");
    expect(session.errors).toEqual([]);
  });
});

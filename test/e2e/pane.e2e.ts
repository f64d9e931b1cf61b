/**
 * The task pane as a person uses it, in Chromium against the preview: select the sample export, change
 * a mapping, build the KPI sheet and find the engine's numbers in it; hostile header text stays text;
 * a failure during the build leaves the workbook as it was. Screenshots of each step: test-results/.
 */
import * as fs from "fs";
import * as path from "path";
import type { Frame } from "playwright-core";
import { DEAL_KPI_IDS, KpiError, dealKpis } from "../../src/engine";
import { isReadFailure, parseCsv, readDealTable } from "../../src/reader";
import { ROOT } from "./build";
import {
  type PreviewSession,
  type PreviewWindow,
  inPreview,
  namedValue,
  openPreview,
  readSelection,
} from "./harness";

const sample = parseCsv(fs.readFileSync(path.join(ROOT, "samples", "crm-export.csv"), "utf8")).grid;
const lastRow = sample.length;

let session: PreviewSession;
let pane: Frame;

const preview = <T>(fn: (api: PreviewWindow["__preview"], arg: string) => T, arg = "") =>
  inPreview<T>(session, fn, arg);

/** Selects a range in the simulated sheet and has the pane read it. */
async function useSelection(address: string): Promise<void> {
  await readSelection(session, pane, "CRM Export", address);
  await pane.waitForSelector("#mapping-card:not([hidden])");
}

beforeAll(async () => {
  session = await openPreview();
  pane = await session.pane();
  await pane.waitForSelector("#use-selection:not(:empty)");
});

afterAll(async () => {
  await session?.close();
});

describe("the task pane", () => {
  it("reads the selected export, shows the mapping and previews the engine's KPIs", async () => {
    await useSelection(`A1:G${lastRow}`);
    await expect(pane.locator("#row-count").textContent()).resolves.toMatch(/^250 rows from/);
    await expect(pane.locator("select[data-field=stage]").inputValue()).resolves.toBe("2");
    await expect(pane.locator("select[data-field=amount]").inputValue()).resolves.toBe("3");
    const revenue = await pane.locator("[data-kpi=REVENUE] dd").textContent();
    const table = readDealTable(sample);
    if (isReadFailure(table)) throw new Error(table.failure.en);
    const expected = dealKpis(table.columns, null).REVENUE as number;
    expect(Number(revenue!.replace(/,/g, ""))).toBe(expected);
    await session.screenshot("pane-1-data-read");
  });

  it("builds the KPI sheet, after a mapping change, with the engine's numbers in its KPI_* cells", async () => {
    // The person decides the owners should not count: rep productivity then needs the reps typed in.
    await pane.selectOption("select[data-field=owner]", "");
    await pane.fill("#target", "1000000");
    await pane.check("#mode-portable");
    await session.screenshot("pane-2-mapping-changed");
    await pane.click("#build-sheet");
    await pane.waitForSelector("#result.success", { timeout: 60_000 });
    await expect(pane.locator("#result").textContent()).resolves.toMatch(/Built the sheet “KPI”/);
    const table = readDealTable(sample, { mapping: { owner: null } });
    if (isReadFailure(table)) throw new Error(table.failure.en);
    const kpis = dealKpis(table.columns, 1_000_000);
    for (const id of DEAL_KPI_IDS) {
      const got = await namedValue(session, `KPI_${id}`);
      const want = kpis[id];
      if (want instanceof KpiError) expect(typeof got).not.toBe("number");
      else if (
        typeof got !== "number" ||
        Math.abs(got - want) > 1e-9 * Math.max(1, Math.abs(want))
      ) {
        throw new Error(`KPI_${id}: engine ${want}, sheet ${String(got)}`);
      }
    }
    await pane.click("#go-to");
    await session.page.waitForFunction(
      () => (window as unknown as PreviewWindow).__preview.activeSheet() === "KPI"
    );
    await session.screenshot("pane-3-kpi-sheet");
    expect(session.errors).toEqual([]);
  });

  it("shows text from the workbook as text and runs none of it", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    let dialogs = 0;
    session.page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await session.page.evaluate(() =>
      (window as unknown as PreviewWindow).__preview.select("CRM Export", "A1")
    );
    await preview((api, text) => api.setValues("CRM Export", "G1", [[text]]), hostile);
    await preview((api, text) => api.setValues("CRM Export", "C3", [[text]]), hostile);
    await useSelection(`A1:G${lastRow}`);
    const options = await pane.locator("select[data-field=source] option").allTextContents();
    expect(options).toContain(hostile);
    await expect(pane.locator("img[src=x]").count()).resolves.toBe(0);
    await session.screenshot("pane-4-hostile-text");
    expect(dialogs).toBe(0);
    // Restore the sample for the next test.
    await preview((api) => api.setValues("CRM Export", "G1", [["Lead Source"]]));
  });

  it("leaves the workbook as it was and says so when the build fails part-way", async () => {
    const sheets = await preview((api) => api.sheetNames());
    const names = await preview((api) => api.names().map((n) => n.name));
    await preview((api) => api.failNextSync(25, { message: "The request failed (simulated)." }));
    await pane.click("#build-sheet");
    await pane.waitForSelector("#result.error", { timeout: 60_000 });
    await expect(pane.locator("#result").textContent()).resolves.toMatch(
      /^Nothing was changed: .*left as it was/
    );
    await expect(preview((api) => api.sheetNames())).resolves.toEqual(sheets);
    await expect(preview((api) => api.names().map((n) => n.name))).resolves.toEqual(names);
    await session.screenshot("pane-5-failure");
  });
});

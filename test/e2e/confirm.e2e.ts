/**
 * The person confirms what the pane understood, and the sheets follow the data: columns picked by
 * hand where detection found none, stages classified by hand, a sheet on a table that counts the rows
 * appended to it, the preview equal to the built sheet on a messy table, error cells reported with
 * their rows, and Refresh for a sheet built on a plain range. Screenshots: test-results/confirm-*.png.
 */
import * as path from "path";
import type { Frame } from "playwright-core";
import { DEAL_KPI_UNITS, type DealKpiId, formatKpi } from "../../src/engine";
import {
  type PreviewSession,
  type PreviewWindow,
  SCREENSHOTS,
  namedValue,
  openPreview,
  readSelection,
} from "./harness";

let session: PreviewSession;
let pane: Frame;

type Api = PreviewWindow["__preview"];

/** Runs `fn` on the page's window.__preview with a JSON argument. */
function preview<T, A = null>(fn: (api: Api, arg: A) => T, arg: A = null as A): Promise<T> {
  return session.page.evaluate(
    ([source, value]) =>
      new Function("api", "arg", `return (${source})(api, arg)`)(
        (window as unknown as PreviewWindow).__preview,
        JSON.parse(value)
      ),
    [fn.toString(), JSON.stringify(arg)] as const
  ) as Promise<T>;
}

async function nameFormula(name: string): Promise<string | undefined> {
  return preview((api, n) => api.names().find((entry) => entry.name === n)?.formula, name);
}

async function nameList(): Promise<string[]> {
  return preview((api) => api.names().map((n) => n.name));
}

/** Builds the KPI sheet from what the pane has read; returns the names the build added, by base name. */
async function build(mode: "live" | "portable" = "live"): Promise<Record<string, string>> {
  const before = new Set(await nameList());
  await pane.check(mode === "live" ? "#mode-live" : "#mode-portable");
  await pane.click("#build-sheet");
  await pane.waitForSelector("#result.success", { timeout: 60_000 });
  const added = (await nameList()).filter((name) => !before.has(name));
  const suffix = (added.find((n) => n.startsWith("KPI_REVENUE")) ?? "KPI_REVENUE").slice(
    "KPI_REVENUE".length
  );
  return Object.fromEntries(
    added.map((name) => [name.slice(0, name.length - suffix.length), name])
  );
}

/** Selects a range and has the pane read it; waits until the pane names that range. */
async function useSelection(sheet: string, address: string): Promise<void> {
  await readSelection(session, pane, sheet, address);
}

beforeAll(async () => {
  session = await openPreview();
  pane = await session.pane();
  await pane.waitForSelector("#use-selection:not(:empty)");
});

afterAll(async () => {
  await session?.close();
});

describe("columns and stages the person confirms", () => {
  // Headers no detection can name, stages no rule knows.
  const rows: (string | number | null)[][] = [
    ["A", "B", "C", "D", "E", "F"],
    ["d1", "W", 1000, 45000, 45030, "Ann"],
    ["d2", "W", 3000, 45010, 45070, "Bob"],
    ["d3", "L", 500, 45005, 45040, "Ann"],
    ["d4", "O", 2000, 45020, null, "Bob"],
    ["d5", "O", 800, 45025, null, "Ann"],
    ["d6", "L", 700, 45001, 45011, "Bob"],
  ];

  it("maps unrecognized headers with the drop-downs, classifies W/L/O by hand and builds the sheet with those figures", async () => {
    await preview((api, grid) => api.addSheet("Hand", grid), rows);
    await useSelection("Hand", "A1:F7");
    // Nothing could be read, yet every field has its drop-down over the six headers.
    await pane.waitForSelector("#mapping-card:not([hidden])");
    await expect(pane.locator("#result").textContent()).resolves.toMatch(/Pick the columns/);
    await expect(
      pane.locator("select[data-field=stage] option").allTextContents()
    ).resolves.toEqual(["(none)", "A", "B", "C", "D", "E", "F"]);
    for (const [field, column] of [
      ["stage", "1"],
      ["amount", "2"],
      ["created", "3"],
      ["closed", "4"],
      ["owner", "5"],
      ["id", "0"],
    ])
      await pane.selectOption(`select[data-field=${field}]`, column);
    await pane.waitForSelector("#stages-card:not([hidden])");
    await expect(pane.locator("#stages .stage-text").allTextContents()).resolves.toEqual([
      "W",
      "L",
      "O",
    ]);
    await expect(pane.locator("#stages .stage-count").allTextContents()).resolves.toEqual([
      "2",
      "2",
      "2",
    ]);
    await pane.selectOption('select[data-text="W"]', "won");
    await pane.selectOption('select[data-text="L"]', "lost");
    await pane.selectOption('select[data-text="O"]', "open");
    await expect(pane.locator('select[data-text="W"]').inputValue()).resolves.toBe("won");
    await session.screenshot("confirm-1-by-hand");

    const names = await build();
    // By hand: won d1 + d2, lost d3 + d6, open d4 + d5; cycles of the won deals 30 and 60 days.
    const expected: Record<string, number> = {
      REVENUE: 1000 + 3000,
      DEALS_WON: 2,
      DEALS_LOST: 2,
      OPEN_OPPORTUNITIES: 2,
      OPEN_PIPELINE_VALUE: 2000 + 800,
      AVG_DEAL_SIZE: (1000 + 3000) / 2,
      WIN_RATE: 2 / 4,
      SALES_CYCLE_LENGTH: (30 + 60) / 2,
    };
    for (const [id, want] of Object.entries(expected))
      expect([id, await namedValue(session, names[`KPI_${id}`])]).toEqual([id, want]);
    await session.screenshot("confirm-2-by-hand-built");
  });
});

describe("fields detection was unsure about", () => {
  it("are marked check until the person picks their column", async () => {
    await preview((api) =>
      api.addSheet("Unsure", [
        ["Name", "Phase", "Value", "Opened", "Closed"],
        ["u1", "Closed Won", 100, 45000, 45030],
        ["u2", "Closed Lost", 50, 45001, 45020],
      ])
    );
    await useSelection("Unsure", "A1:E3");
    const marker = pane.locator("[data-unsure=stage]");
    await expect(marker.textContent()).resolves.toBe("check");
    await expect(marker.getAttribute("title")).resolves.toMatch(/not sure/);
    await session.screenshot("confirm-0-unsure");
    await pane.selectOption("select[data-field=stage]", "1");
    await expect(marker.count()).resolves.toBe(0);
  });
});

describe("a KPI sheet on an Excel table", () => {
  it("counts a won deal appended to CrmDeals with table.rows.add", async () => {
    await pane.selectOption("#table-select", "CrmDeals");
    await pane.waitForFunction(() =>
      /^250 rows from/.test(document.getElementById("row-count")!.textContent!)
    );
    const names = await build("portable");
    await expect(nameFormula(names.KPI_DATA_AMOUNT)).resolves.toBe("=CrmDeals[Amount]");
    await expect(nameFormula(names.KPI_DATA_STAGE)).resolves.toBe("=CrmDeals[Stage]");
    await expect(pane.locator("#follows").textContent()).resolves.toMatch(
      /follows the table CrmDeals/
    );
    const revenue = (await namedValue(session, names.KPI_REVENUE)) as number;
    const won = (await namedValue(session, names.KPI_DEALS_WON)) as number;
    expect(typeof revenue).toBe("number");

    await pane.evaluate(async () => {
      await Excel.run(async (context) => {
        context.workbook.tables
          .getItem("CrmDeals")
          .rows.add(undefined, [
            ["E2E appended deal", "Ayse", "Closed Won", 12345, 46000, 46010, "Web"],
          ]);
        await context.sync();
      });
    });
    await expect(preview((api) => api.tables()[0].address)).resolves.toBe("'CRM Export'!A1:G252");
    await expect(namedValue(session, names.KPI_REVENUE)).resolves.toBe(revenue + 12345);
    await expect(namedValue(session, names.KPI_DEALS_WON)).resolves.toBe(won + 1);
    await session.screenshot("confirm-3-table-grew");
  });
});

describe("the preview and the built sheet", () => {
  const messy: (string | number | null)[][] = [
    ["Deal Name", "Owner", "Stage", "Amount", "Created Date", "Close Date"],
    ["m1", "Ann", "Closed Won", 1000, 45000, 45020],
    ["m2", "Bob", " closed won", 2000, 45001, 45031],
    ["m3", "Ann", "Closed Won ", 1500, 45002, 45012],
    ["m4", "Bob", "CLOSED LOST", 700, 45003, 45013],
    ["m5", "Ann", "Closed Lost", 300, 45004, 45044],
    ["m6", "Bob", "Negotiation", 5000, 45005, null],
    ["m7", "Ann", "Prospecting", "'1200", 45006, null],
    ["m8", "Bob", "=NA()", 900, 45007, 45017],
    ["m9", "Ann", "Closed Won", 800, 45050, 45040],
  ];
  const previewed: DealKpiId[] = [
    "REVENUE",
    "WIN_RATE",
    "AVG_DEAL_SIZE",
    "SALES_CYCLE_LENGTH",
    "OPEN_PIPELINE_VALUE",
    "PIPELINE_VELOCITY",
  ];

  it.each(["live", "portable"] as const)(
    "agree on a messy table (padded and mixed-case stages, a text amount, #N/A, a won deal closed before created): %s formulas",
    async (mode) => {
      if (!(await preview((api) => api.sheetNames().includes("Messy"))))
        await preview((api, grid) => api.addSheet("Messy", grid), messy);
      await useSelection("Messy", "A1:F10");
      // Spaces at either end of a stage text are shown.
      await expect(pane.locator("#stages .space-mark").count()).resolves.toBeGreaterThanOrEqual(2);
      const problems = await pane.locator("#problems button").allTextContents();
      // The #N/A stage (sheet row 9) and the amount stored as text (row 8) are reported.
      expect(problems.some((text) => /^Row 9: .*#N\/A/.test(text))).toBe(true);
      expect(problems.some((text) => /^Row 8: /.test(text))).toBe(true);
      const shown = Object.fromEntries(
        await Promise.all(
          previewed.map(
            async (id) => [id, await pane.locator(`[data-kpi=${id}] dd`).textContent()] as const
          )
        )
      );
      // By hand: won m1, m2, m3 and m9 (case and spaces aside); m8's stage is an error.
      expect(shown.REVENUE).toBe(formatKpi(1000 + 2000 + 1500 + 800, DEAL_KPI_UNITS.REVENUE, "en"));
      await session.screenshot(`confirm-4-messy-${mode}`);
      await pane.locator("#stages-card").screenshot({
        path: path.join(SCREENSHOTS, `confirm-4-messy-stages-${mode}.png`),
      });
      const names = await build(mode);
      for (const id of previewed) {
        const cell = await namedValue(session, names[`KPI_${id}`]);
        const onSheet =
          typeof cell === "number" ? formatKpi(cell, DEAL_KPI_UNITS[id], "en") : String(cell);
        expect([id, onSheet]).toEqual([id, shown[id]]);
      }
    }
  );
});

describe("error cells", () => {
  it("are reported with their sheet row in a selected export", async () => {
    await preview((api) =>
      api.addSheet("Errors", [
        ["Exported 2026-03-01", null, null],
        [null, null, null],
        ["Deal", "Stage", "Amount"],
        ["e1", "Closed Won", 100],
        ["e2", "Closed Lost", 200],
        ["e3", "Closed Won", "=NA()"],
        ["e4", "Negotiation", 400],
      ])
    );
    await useSelection("Errors", "A3:C7");
    const problem = pane.locator('#problems button[data-row="6"]');
    await expect(problem.textContent()).resolves.toMatch(/^Row 6: .*#N\/A/);
    // The error is not a number: revenue counts e1 only.
    await expect(pane.locator("[data-kpi=REVENUE] dd").textContent()).resolves.toBe(
      formatKpi(100, DEAL_KPI_UNITS.REVENUE, "en")
    );
    await problem.click();
    // Selecting the row is a round trip to Excel: wait for it, then say what came instead.
    await session.page
      .waitForFunction(
        () => (window as unknown as PreviewWindow).__preview.selection() === "Errors!A6:C6",
        null,
        { timeout: 5000 }
      )
      .catch(() => undefined);
    await expect(preview((api) => api.selection())).resolves.toBe("Errors!A6:C6");
    await session.screenshot("confirm-5-error-cell");
  });
});

describe("Refresh, for a sheet built on a plain range", () => {
  it("points the KPI_DATA_* names at the rows added below and names the new stages", async () => {
    await preview((api) =>
      api.addSheet("Plain", [
        ["Stage", "Amount", "Owner", "Created", "Closed"],
        ["Closed Won", 100, "Ann", 45000, 45010],
        ["Closed Lost", 50, "Bob", 45000, 45020],
        ["Closed Won", 25, "Ann", 45001, 45011],
        ["Negotiation", 70, "Bob", 45002, null],
      ])
    );
    await useSelection("Plain", "A1:E5");
    const names = await build("portable");
    await expect(nameFormula(names.KPI_DATA_AMOUNT)).resolves.toBe("='Plain'!$B$2:$B$5");
    await expect(namedValue(session, names.KPI_REVENUE)).resolves.toBe(125);
    await preview((api) =>
      api.setValues("Plain", "A6:E7", [
        ["Closed Won", 1000, "Ann", 45003, 45013],
        ["Verbal", 60, "Cem", 45004, null],
      ])
    );
    await pane.click("#refresh");
    await pane.waitForFunction(() =>
      /^Rows /.test(document.getElementById("result")!.textContent!)
    );
    const said = await pane.locator("#result").textContent();
    expect(said).toMatch(/^Rows 2-5 → 2-7: 2 rows added\./);
    expect(said).toMatch(/New stage values not on the sheet's stage list: "Verbal"/);
    await expect(nameFormula(names.KPI_DATA_AMOUNT)).resolves.toMatch(/!\$B\$2:\$B\$7$/);
    await expect(namedValue(session, names.KPI_REVENUE)).resolves.toBe(1125);
    await session.screenshot("confirm-6-refreshed");
    expect(session.errors).toEqual([]);
  });
});

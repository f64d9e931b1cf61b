/**
 * Property: for any messy deal table (padded and mixed-case stages, Turkish i's, text amounts in both
 * locales, blank and error cells, bad and contradicting dates, date-times), the figures the reader
 * gives (the pane's preview, `kpi report`) equal those of the KPI sheet built over the same cells and
 * evaluated by HyperFormula, live and portable, with and without a period: in place (the task pane,
 * the user's cells as Excel holds them) and through a file (the KPI workbook's Data sheet).
 */
import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { type Cell, DEAL_KPI_IDS, KpiError, type Period, dealKpis } from "../../src/engine";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { isReadFailure, parseCsv, readDealTable } from "../../src/reader";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { evaluatePlan } from "../support/formulaEngine";
import { closeTo } from "../helpers";

const HEADERS = ["Deal Name", "Owner", "Stage", "Amount", "Created Date", "Close Date"];
const NA = new KpiError("#N/A", {
  en: "the cell holds the error #N/A",
  tr: "the cell holds the error #N/A",
});
/** 2026-01-01 as an Excel serial. */
const DAY0 = 46023;

const stage = fc.constantFrom<Cell>(
  "Closed Won",
  "closed won ",
  " CLOSED WON",
  "Won",
  "Lost",
  "Closed Lost to Competition",
  "Kazanıldı",
  "KAZANILDI",
  "kazanildi",
  "Negotiation",
  "Qualification",
  "Teklif",
  "Proposal/Price Quote*",
  NA,
  null,
  "  "
);
const owner = fc.constantFrom<Cell>("Ann", "ann", "Bob", "Ayşe", null);
const amount = fc.oneof(
  fc.integer({ min: 0, max: 500 }).map((n) => n * 100),
  fc.integer({ min: 0, max: 99999 }).map((n) => n / 100),
  fc.constantFrom<Cell>("$1,234.00", "₺1.250,50", "abc", -500, null, NA)
);
const date = fc.oneof(
  fc.integer({ min: 0, max: 180 }).map((n) => DAY0 + n),
  fc.integer({ min: 0, max: 180 }).map((n) => DAY0 + n + 0.625), // a date-time
  fc.constantFrom<Cell>(null, "2026-02-30", "someday", NA)
);
const row = fc.tuple(fc.constant("deal"), owner, stage, amount, date, date);
// Two rows at least: HyperFormula reads a one-cell criteria range holding an error as that error,
// where spreadsheet programs skip the cell as they do in longer ranges.
const table = fc.array(row, { minLength: 2, maxLength: 25 });
const period = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 60 }))
    .map(([start, length]) => ({ from: DAY0 + start, to: DAY0 + start + length })),
  { nil: undefined }
);

/** The differences between the reader's figures and the sheet's, as messages; none when they agree. */
function disagreements(
  grid: Cell[][],
  dataSheet: (RawCellContent | KpiError)[][],
  readGrid: Cell[][],
  inPlace: boolean,
  mode: "live" | "portable",
  when: Period | undefined
): string[] {
  const read = readDealTable(readGrid, { inPlace });
  if (isReadFailure(read)) return []; // every stage blank: nothing to build
  // Without a close-date column there is no period to count by (the pane and kpi report refuse one).
  if (read.mapping.closed === undefined) when = undefined;
  const data = inPlace
    ? { sheet: "Data", row: 0, col: 0 }
    : { sheet: "Data", row: -read.headerRow, col: 0 };
  const plan = planKpiSheet(dataSourceFor(read, data, when), {
    sheetName: "KPI",
    mode,
    preset: "all",
    period: when,
    inputs: { TARGET: 100000 },
  });
  const sheet = evaluatePlan(plan, { Data: dataSheet });
  const want = dealKpis(read.columns, 100000, when);
  return DEAL_KPI_IDS.flatMap((id) => {
    const expected = want[id];
    const got = sheet.name(`KPI_${id}`);
    if (expected instanceof KpiError)
      return typeof got === "number" ? [`${id}: reader ${expected.code}, sheet ${got}`] : [];
    return typeof got === "number" && closeTo(got, expected)
      ? []
      : [`${id}: reader ${expected}, sheet ${String(got)} (${JSON.stringify(grid)})`];
  });
}

describe.each(["live", "portable"] as const)("a messy table in a %s KPI sheet", (mode) => {
  it("gives the reader's figures when built over the cells in place", () => {
    fc.assert(
      fc.property(table, period, (rows, when) => {
        const grid: Cell[][] = [HEADERS, ...rows];
        expect(
          disagreements(grid, grid as (RawCellContent | KpiError)[][], grid, true, mode, when)
        ).toEqual([]);
      }),
      { numRuns: 40 }
    );
  });

  it("gives the reader's figures when the rows come from a CSV file", () => {
    fc.assert(
      fc.property(table, period, (rows, when) => {
        // As a CRM writes the file: every cell text (a date as ISO text, an error as its code).
        const text = (cell: Cell) =>
          cell instanceof KpiError
            ? cell.code
            : typeof cell === "number" && cell > DAY0 - 1 && cell < DAY0 + 400
              ? new Date(Date.UTC(1899, 11, 30) + cell * 86400000)
                  .toISOString()
                  .slice(0, 19)
                  .replace("T", " ")
              : cell === null
                ? ""
                : String(cell);
        const csv = [HEADERS, ...rows]
          .map((r) => r.map((cell) => `"${text(cell).replace(/"/g, '""')}"`).join(","))
          .join("\n");
        const { grid } = parseCsv(csv);
        const read = readDealTable(grid);
        if (isReadFailure(read)) return;
        const dataSheet = dataSheetOf(grid, read).rows;
        expect(disagreements(grid, dataSheet, grid, false, mode, when)).toEqual([]);
      }),
      { numRuns: 40 }
    );
  });
});

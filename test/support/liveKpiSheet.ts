/**
 * The live KPI sheet as the task pane builds it over a CRM export of any size, and the values of that
 * export as Excel holds them, for measuring what the sheet's KPI.* calls are given. The plan only
 * sees the data's addresses, so a large table costs no more to plan than a small one: the table is
 * read from a generated sample and then stretched to the size wanted (its last row moved down).
 */
import { parseIsoDate } from "../../src/engine";
import { type PayloadData, jsonValueBytes } from "../../src/tools/customFunctionPayload";
import { type GridOrigin, dataSourceFor } from "../../src/plan/dataSource";
import { placeKpiSheet } from "../../src/plan/placeKpiSheet";
import type { SheetPlan } from "../../src/plan/types";
import { type Cell, type DealTable, isReadFailure, readDealTable } from "../../src/reader";
import { generateDeals } from "../../src/tools/sampleDeals";

/** The sheet the export sits on, from A1, header row included. */
export const EXPORT_SHEET = "CRM Export";
const ORIGIN: GridOrigin = { sheet: EXPORT_SHEET, row: 0, col: 0 };

/** Columns of the generator's rows that Excel holds as numbers: the amount and the two dates. */
const AMOUNT = 3;
const DATES = [4, 5];

/**
 * A generated CRM export as Excel's Range.values gives it: text as text, amounts as numbers, dates as
 * serial numbers. Row 0 is the header.
 */
export function exportGrid(rows: number, seed = 7): Cell[][] {
  return generateDeals(rows, seed, "en").map((row, r) =>
    r === 0
      ? row
      : row.map((text, c) =>
          c === AMOUNT ? Number(text) : DATES.includes(c) ? (parseIsoDate(text) ?? null) : text
        )
  );
}

/** The deal table the task pane reads from the grid, stretched to `rows` data rows. */
export function exportTable(grid: Cell[][], rows: number): DealTable {
  const read = readDealTable(grid, { inPlace: true });
  if (isReadFailure(read)) throw new Error(`the sample does not read: ${read.failure.en}`);
  return { ...read, lastDataRow: read.firstDataRow + rows - 1 };
}

/** The live KPI sheet over the table, every section, as the task pane plans it in a new workbook. */
export function liveKpiSheet(table: DealTable): SheetPlan {
  return placeKpiSheet(
    { sheetNames: [EXPORT_SHEET], definedNames: [] },
    dataSourceFor(table, ORIGIN),
    { mode: "live", preset: "all", inputs: { TARGET: 1_000_000 } }
  );
}

/** The export's actual values, where they are on the sheet. */
export function exportValues(grid: Cell[][]): PayloadData {
  return { grids: [{ sheet: EXPORT_SHEET, row: ORIGIN.row, col: ORIGIN.col, values: grid }] };
}

/**
 * The export's header as it is and `rows` data rows at the mean width of each column's cells in the
 * sample (the JSON bytes of its values), for sizes too large to generate.
 */
export function typicalExportValues(sample: Cell[][], rows: number): PayloadData {
  const body = sample.slice(1);
  const width = sample[0].length;
  const columnBytes: Record<number, number> = {};
  for (let c = 0; c < width; c++) {
    let bytes = 0;
    for (const row of body) bytes += jsonValueBytes(row[c]);
    columnBytes[ORIGIN.col + c] = bytes / body.length;
  }
  return {
    grids: [{ sheet: EXPORT_SHEET, row: ORIGIN.row, col: ORIGIN.col, values: [sample[0]] }],
    typical: [
      { sheet: EXPORT_SHEET, firstRow: ORIGIN.row + 1, lastRow: ORIGIN.row + rows, columnBytes },
    ],
  };
}

/** Where a deal table is, for the KPI sheet plan: its columns' addresses and what the reader learnt. */
import { type Period, dealFigures } from "../engine";
import type { DealField, DealTable } from "../reader/types";
import { columnLetters, sheetReference } from "./a1";
import type { DataSource } from "./kpiSheet";

/** Where the grid the reader read sits in its sheet: its sheet and its top-left cell (0-based). */
export interface GridOrigin {
  sheet: string;
  row: number;
  col: number;
}

/**
 * The plan's view of a deal table read from a grid placed at `origin`.
 * @param period The period of the sheet, for the default number of sales reps.
 */
export function dataSourceFor(table: DealTable, origin: GridOrigin, period?: Period): DataSource {
  const firstRow = origin.row + table.firstDataRow + 1;
  const lastRow = origin.row + table.lastDataRow + 1;
  const column = (index: number | undefined) => {
    if (index === undefined) return undefined;
    const letters = columnLetters(origin.col + index);
    return sheetReference(origin.sheet, `$${letters}$${firstRow}:$${letters}$${lastRow}`);
  };
  const field = (name: DealField) => column(table.mapping[name]);
  const deals = table.lastDataRow - table.firstDataRow + 1;
  const headerRow = origin.row + table.headerRow + 1;
  const width = table.headers.length;
  const address = `${columnLetters(origin.col)}${headerRow}:${columnLetters(origin.col + width - 1)}${lastRow}`;
  return {
    columns: {
      stage: column(table.decidingColumn)!,
      amount: field("amount")!,
      created: field("created"),
      closed: field("closed"),
      owner: field("owner"),
    },
    description: `${origin.sheet}!${address} (${deals} rows)`,
    stageValues: table.stageValues,
    owners: table.owners,
    closedRange: table.closedRange,
    activeOwners: dealFigures(table.columns, period).owners,
  };
}

/** Where a deal table is, for the KPI sheet plan: its columns' addresses and what the reader learnt. */
import { type Period, currencyCounts, dealFigures, onlyCurrency, segmentKpis } from "../engine";
import type { DealField, DealTable } from "../reader/types";
import { countBoth } from "../i18n";
import { KPI_SHEET } from "../i18n/strings/kpiSheet";
import { columnLetters, sheetReference } from "./a1";
import type { DataSource } from "./kpiSheet/options";

/** Where the grid the reader read sits in its sheet: its sheet and its top-left cell (0-based). */
export interface GridOrigin {
  sheet: string;
  row: number;
  col: number;
}

/** An Excel table the grid is: its name and its column names, in order (the header row's texts). */
export interface ExcelTableSource {
  name: string;
  columns: readonly string[];
}

/**
 * Characters that make a column specifier need its own brackets (Table[[Total $]]), space aside, and
 * the four that take the escape character ' before them, as "Using structured references with Excel
 * tables" lists them:
 * https://learn.microsoft.com/en-us/office/vba/excel/concepts/cells-and-ranges/using-structured-references-with-excel-tables
 */
const NEEDS_BRACKETS = /[\t\n\r,:.[\]#'"{}$^&*+=\-></]/;
const ESCAPED = /[[\]#']/g;

/**
 * A structured reference to a table column's data rows: CrmDeals[Amount], CrmDeals[Close Date],
 * CrmDeals[[Amount ($)]], CrmDeals[['#Deals]]. It follows the table as rows are added or removed.
 */
export function structuredReference(tableName: string, column: string): string {
  const escaped = column.replace(ESCAPED, "'$&");
  return NEEDS_BRACKETS.test(column) ? `${tableName}[[${escaped}]]` : `${tableName}[${escaped}]`;
}

/**
 * The plan's view of a deal table read from a grid placed at `origin`.
 * @param period The period of the sheet, for the default number of sales reps.
 * @param excelTable The Excel table the grid is (header row included), when it is one: the columns
 *   are then referred to by structured references, so rows added to the table count.
 * @param currency The one currency whose deals the sheet counts, when one is chosen: its segments
 *   and its owners are the sheet's.
 */
export function dataSourceFor(
  table: DealTable,
  origin: GridOrigin,
  period?: Period,
  excelTable?: ExcelTableSource,
  currency?: string
): DataSource {
  const counted =
    (currency !== undefined && onlyCurrency(table.columns, currency)) || table.columns;
  const firstRow = origin.row + table.firstDataRow + 1;
  const lastRow = origin.row + table.lastDataRow + 1;
  // Only when the table's header row is the one the reader read are its columns the deal columns.
  const structured =
    excelTable && table.headerRow === 0 && excelTable.columns.length === table.headers.length
      ? excelTable
      : undefined;
  const column = (index: number | undefined) => {
    if (index === undefined) return undefined;
    if (structured) return structuredReference(structured.name, structured.columns[index]);
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
      probability: field("probability"),
      segment: column(table.segment?.column),
      currency: field("currency"),
    },
    ...(table.columns.currency ? { currencies: currencyCounts(table.columns) } : {}),
    stageEntries: table.stageEntries.map((entry) => ({
      stage: entry.stage,
      column: column(entry.column)!,
    })),
    ...(table.segment
      ? {
          segment: {
            header: table.segment.header,
            values: segmentKpis(counted, period).map((segment) => segment.value),
          },
        }
      : {}),
    description: structured
      ? countBoth(KPI_SHEET, (s) => s.source.table, {
          count: deals,
          table: structured.name,
          sheet: origin.sheet,
        })
      : countBoth(KPI_SHEET, (s) => s.source.range, {
          count: deals,
          range: `${origin.sheet}!${address}`,
        }),
    stageValues: table.stageValues,
    owners: table.owners,
    closedRange: table.closedRange,
    activeOwners: dealFigures(counted, period).owners,
  };
}

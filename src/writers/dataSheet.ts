/** The data sheet of a new KPI workbook, made from a deal table as it was read. */
import type { Cell } from "../engine";
import type { Language } from "../i18n";
import { KPI_SHEET } from "../i18n/strings/kpiSheet";
import { asCell } from "../reader/cells";
import { NUMBER_FORMATS } from "../plan/types";
import type { DealTable } from "../reader/types";
import type { DataSheet } from "./xlsx";

/**
 * The data sheet of a new workbook: the export's rows, amounts and dates as numbers where they read.
 * @param language The workbook's language, which names the sheet ("Data", "Veri").
 */
export function dataSheetOf(
  grid: Cell[][],
  table: DealTable,
  language: Language = "en"
): DataSheet {
  const width = table.headers.length;
  const { amount, created, closed, probability } = table.mapping;
  const typed = new Map<number | undefined, readonly (number | null)[]>([
    [amount, table.columns.amount],
    [created, table.columns.created],
    [closed, table.columns.closed],
  ]);
  // Probabilities as the fractions read ("40%" written as text is 0.4), stage-entry dates as dates.
  if (probability !== undefined && table.columns.probability)
    typed.set(probability, table.columns.probability);
  const entryColumns = new Set<number>();
  table.stageEntries.forEach((entry, i) => {
    const dates = table.columns.stageEntries?.[i]?.dates;
    if (dates) typed.set(entry.column, dates);
    entryColumns.add(entry.column);
  });
  const rows: DataSheet["rows"] = [table.headers];
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const source = grid[r] ?? [];
    const row: DataSheet["rows"][number] = [];
    for (let c = 0; c < width; c++) {
      const read = typed.get(c)?.[r - table.firstDataRow];
      const cell = source[c] ?? null;
      // A cell that could not be read stays as written (an error value as that error): formulas
      // skip it, as the engine does.
      row.push(read ?? asCell(cell));
    }
    rows.push(row);
  }
  const formats = Array.from({ length: width }, (_, c) =>
    c === amount
      ? NUMBER_FORMATS.money
      : c === created || c === closed || entryColumns.has(c)
        ? NUMBER_FORMATS.date
        : c === probability
          ? NUMBER_FORMATS.rate
          : undefined
  );
  return { name: KPI_SHEET[language].dataSheetName, rows, formats };
}

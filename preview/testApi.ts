/**
 * window.__preview: a handle on the simulated workbook for people trying things in the console and for
 * end-to-end tests (type a formula, read a value, select, make the next sync fail), beside the
 * add-in's own Office.js calls.
 */
import type { Host } from "./host/host";
import { formatAddress } from "./workbook/address";
import type { CellValue } from "./workbook/evaluator";
import type { Workbook } from "./workbook/workbook";

function plain(value: CellValue): unknown {
  return value !== null && typeof value === "object" ? value.error : value;
}

/** The API; every address may carry its sheet or take the one given. */
export function createTestApi(workbook: Workbook, host: Host, refresh: () => void) {
  const at = (sheet: string, address: string) =>
    workbook.resolve(address, workbook.sheetOrThrow(sheet));
  const change = <T>(fn: () => T): T => {
    const result = workbook.evaluator.defer(fn);
    workbook.changed();
    refresh();
    return result;
  };
  return {
    /**
     * Enters a formula or constant into every cell of `address`, as typing it would: in Excel's
     * language ("=KPI.KAZANMA_ORANI(25;75)" in Turkish mode).
     */
    setFormula(sheet: string, address: string, entry: string | number | boolean): void {
      const { sheet: s, area } = at(sheet, address);
      change(() => workbook.setLocalContents(s, area, entry));
    },
    /** Writes a grid of values (formulas start with "="). */
    setValues(sheet: string, address: string, values: unknown[][]): void {
      const { sheet: s, area } = at(sheet, address);
      change(() => workbook.setContents(s, area, values));
    },
    /** The computed value of a cell ("#DIV/0!" for an error, null for blank). */
    getValue(sheet: string, address: string): unknown {
      const { sheet: s, area } = at(sheet, address);
      return plain(workbook.value(s, area.r0, area.c0));
    },
    /** Values of a range, as Range.values reads them. */
    getValues(sheet: string, address: string): unknown[][] {
      const { sheet: s, area } = at(sheet, address);
      return workbook.readValues(s, area);
    },
    /** What a cell shows, with its number format. */
    getText(sheet: string, address: string): string {
      const { sheet: s, area } = at(sheet, address);
      return workbook.readText(s, area)[0][0];
    },
    /** A cell's number format ("General" when it has none), as Range.numberFormat gives it. */
    getNumberFormat(sheet: string, address: string): string {
      const { sheet: s, area } = at(sheet, address);
      return workbook.readNumberFormats(s, area)[0][0];
    },
    /** The formula as Range.formulas gives it (English). */
    getFormula(sheet: string, address: string): unknown {
      const { sheet: s, area } = at(sheet, address);
      return workbook.readFormulas(s, area)[0][0];
    },
    /** The formula as the formula bar and Range.formulasLocal show it (Excel's language). */
    getFormulaLocal(sheet: string, address: string): unknown {
      const { sheet: s, area } = at(sheet, address);
      return workbook.readFormulasLocal(s, area)[0][0];
    },
    /** The ExcelApi version of the Excel the preview plays (?excel=). */
    excelApi: () => host.excel.excelApi,
    /** Selects a range (and shows its sheet), as a click would. */
    select(sheet: string, address: string): void {
      const { sheet: s, area } = at(sheet, address);
      change(() => workbook.select(s, area));
    },
    /** Adds a sheet, optionally with a grid of values from A1. */
    addSheet(name: string, values?: unknown[][]): void {
      change(() => {
        const sheet = workbook.addSheet(name);
        if (values?.length)
          workbook.setContents(
            sheet,
            { r0: 0, c0: 0, r1: values.length - 1, c1: values[0].length - 1 },
            values
          );
      });
    },
    selection(): string {
      const { sheet, area } = workbook.selection();
      return formatAddress(sheet.name, area);
    },
    sheetNames: () => workbook.sheets.map((s) => s.name),
    activeSheet: () => workbook.active.name,
    tables: () =>
      workbook.tables.map((t) => ({ name: t.name, address: workbook.address(t.sheet, t.area) })),
    names: () =>
      workbook.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    charts: (sheet: string) =>
      workbook
        .sheetOrThrow(sheet)
        .charts.map((c) => ({ name: c.name, type: c.type, props: { ...c.props } })),
    /** See Host.failNextSync. */
    failNextSync: (opIndex = 0, options: { skip?: number; message?: string } = {}) =>
      host.failNextSync(opIndex, options),
    /** Every sync so far: request bytes, operations, error. */
    syncs: () => host.syncs.map((s) => ({ ...s })),
    createdWorkbooks: () => host.createdWorkbooks.map((w) => ({ bytes: w.bytes })),
  };
}

export type TestApi = ReturnType<typeof createTestApi>;

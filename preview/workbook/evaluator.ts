/**
 * Formula evaluation for the simulated workbook: one HyperFormula instance (GPL, so a development tool
 * only) holding every sheet's contents and the defined names, recalculating as cells change.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { type Area, MAX_COLUMNS, MAX_ROWS } from "./address";
import { sizesOf } from "./kpiFunctions";

/** A computed value as Excel's Range.values gives it, errors aside. */
export type CellValue = number | string | boolean | null | { error: string; message?: string };

/** What a cell receives: a constant, a formula ("=..."), or null to clear it. */
export type CellInput = number | string | boolean | null;

/** The kind of a constant as parsed from text, for an automatic number format as Excel applies. */
export type ParsedKind = "date" | "percent" | "other";

/** Wraps HyperFormula with Excel's addressing by sheet name. */
export class Evaluator {
  readonly hf: HyperFormula;

  constructor() {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      // Excel 365 computes ranges in arithmetic element by element (dynamic arrays).
      useArrayArithmetic: true,
      // Text typed as a date becomes a date serial, as in Excel.
      dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY", "DD.MM.YYYY"],
      // Values keep full double precision, as Excel stores them (HyperFormula rounds by default).
      smartRounding: false,
    });
  }

  private deferring = false;

  /**
   * Runs `fn` with recalculation deferred until a value is read or `fn` ends, so that one sync's
   * writes recalculate once, as Excel recalculates after a batch rather than after each cell.
   */
  defer<T>(fn: () => T): T {
    if (this.deferring) return fn();
    this.deferring = true;
    try {
      return fn();
    } finally {
      this.deferring = false;
      this.flush();
    }
  }

  /** Brings values up to date before a read. */
  private flush(): void {
    if (!this.hf.isEvaluationSuspended()) return;
    this.hf.resumeEvaluation();
    this.settle();
  }

  /** Before a write: suspends recalculation while deferring. */
  private write(): void {
    if (this.deferring && !this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
  }

  /** After a write: outside a deferral, spills are settled at once. */
  private written(): void {
    if (!this.hf.isEvaluationSuspended()) this.settle();
  }

  private id(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`Evaluator: no sheet "${sheet}"`);
    return id;
  }

  addSheet(name: string): void {
    this.write();
    this.hf.addSheet(name);
  }

  removeSheet(name: string): void {
    this.write();
    this.hf.removeSheet(this.id(name));
    this.written();
  }

  renameSheet(from: string, to: string): void {
    this.write();
    this.hf.renameSheet(this.id(from), to);
    this.written();
  }

  /**
   * Sets a block of cells from its top-left corner; `undefined` entries are left as they are (as
   * Office.js leaves cells whose entry is null).
   */
  set(sheet: string, row: number, col: number, grid: (CellInput | undefined)[][]): void {
    const id = this.id(sheet);
    const toRaw = (input: CellInput | undefined): RawCellContent =>
      input === "" || input === undefined ? null : input;
    const whole = grid.every((line) => line.every((input) => input !== undefined));
    this.hf.batch(() => {
      if (whole) {
        this.hf.setCellContents(
          { sheet: id, row, col },
          grid.map((line) => line.map(toRaw))
        );
        return;
      }
      grid.forEach((line, r) =>
        line.forEach((input, c) => {
          if (input !== undefined)
            this.hf.setCellContents({ sheet: id, row: row + r, col: col + c }, toRaw(input));
        })
      );
    });
    this.settle();
  }

  /** Moves a block of cells (contents, and references to them) so that its top-left is at (row, col). */
  move(sheet: string, area: Area, row: number, col: number): void {
    const id = this.id(sheet);
    this.write();
    this.hf.moveCells(
      {
        start: { sheet: id, row: area.r0, col: area.c0 },
        end: { sheet: id, row: area.r1, col: area.c1 },
      },
      { sheet: id, row, col }
    );
    this.written();
  }

  /** The computed value of a cell; null when empty. */
  value(sheet: string, row: number, col: number): CellValue {
    this.flush();
    const value = this.hf.getCellValue({ sheet: this.id(sheet), row, col });
    if (value instanceof DetailedCellError) return { error: value.value, message: value.message };
    return value;
  }

  /** Computed values of an area, row by row. */
  values(sheet: string, area: Area): CellValue[][] {
    this.flush();
    const id = this.id(sheet);
    const rows: CellValue[][] = [];
    for (let r = area.r0; r <= area.r1; r++) {
      const line: CellValue[] = [];
      for (let c = area.c0; c <= area.c1; c++) {
        const value = this.hf.getCellValue({ sheet: id, row: r, col: c });
        line.push(
          value instanceof DetailedCellError
            ? { error: value.value, message: value.message }
            : value
        );
      }
      rows.push(line);
    }
    return rows;
  }

  /** The formula of a cell as Excel writes it ("=SUM(A1:A3)"), or undefined for a constant or blank. */
  formula(sheet: string, row: number, col: number): string | undefined {
    this.flush();
    return this.hf.getCellFormula({ sheet: this.id(sheet), row, col });
  }

  /** How text entered in a cell was read: as a date, a percentage or anything else. */
  parsedKind(sheet: string, row: number, col: number): ParsedKind {
    this.flush();
    const type = this.hf.getCellValueDetailedType({ sheet: this.id(sheet), row, col });
    if (type === "NUMBER_DATE" || type === "NUMBER_DATETIME") return "date";
    if (type === "NUMBER_PERCENT") return "percent";
    return "other";
  }

  /** The area holding contents, from A1; undefined for an empty sheet. */
  contentExtent(sheet: string): { rows: number; cols: number } {
    this.flush();
    const { width, height } = this.hf.getSheetDimensions(this.id(sheet));
    return { rows: height, cols: width };
  }

  /** Adds a workbook-level name; `formula` starts with "=". Throws when HyperFormula refuses it. */
  addName(name: string, formula: string): void {
    this.write();
    this.hf.addNamedExpression(name, formula);
    this.written();
  }

  removeName(name: string): void {
    this.write();
    this.hf.removeNamedExpression(name);
    this.written();
  }

  changeName(name: string, formula: string): void {
    this.write();
    this.hf.changeNamedExpression(name, formula);
    this.written();
  }

  /** Whether HyperFormula would take this as a name. */
  isValidName(name: string): boolean {
    return this.hf.isItPossibleToAddNamedExpression(name, "=0");
  }

  /** The value of a name's formula (a range name gives its grid). */
  nameValue(name: string): unknown {
    this.flush();
    return this.hf.getNamedExpressionValue(name);
  }

  /** The value of a formula computed in a sheet's context without storing it (conditional formats). */
  calculate(formula: string, sheet: string): CellValue {
    this.flush();
    try {
      const value = this.hf.calculateFormula(formula, this.id(sheet));
      if (value instanceof DetailedCellError) return { error: value.value };
      return Array.isArray(value) ? null : (value as CellValue);
    } catch {
      return { error: "#VALUE!" };
    }
  }

  /**
   * Re-enters custom-function formulas whose result size differs from the size HyperFormula was told,
   * so their results spill (see kpiFunctions.spillSizes). A few rounds settle chains of spills.
   */
  settle(): void {
    const sizes = sizesOf(this.hf.dependencyGraph);
    for (let round = 0; round < 3; round++) {
      const stale: { sheet: number; row: number; col: number }[] = [];
      for (const [key, { predicted, actual }] of sizes) {
        if (!actual) continue;
        const same =
          (predicted?.rows ?? 1) === actual.rows && (predicted?.cols ?? 1) === actual.cols;
        if (same) continue;
        const [sheet, row, col] = key.split(":").map(Number);
        if (!this.hf.doesCellHaveFormula({ sheet, row, col })) sizes.delete(key);
        else stale.push({ sheet, row, col });
      }
      if (stale.length === 0) return;
      this.hf.batch(() => {
        for (const address of stale)
          this.hf.setCellContents(address, this.hf.getCellFormula(address) ?? null);
      });
    }
  }
}

/**
 * The name box and formula bar: the active cell's address and its formula (or constant); typing there
 * and pressing Enter enters it into the cell, as in Excel.
 */
import { columnLetters, formatArea } from "../workbook/address";
import { formatValue } from "../workbook/numberFormat";
import type { Workbook } from "../workbook/workbook";
import type { Grid } from "./grid";

/** What Excel's formula bar shows for a cell: "=formula", a date as text, a number in full. */
export function entryOf(workbook: Workbook, row: number, col: number): string {
  const sheet = workbook.active;
  const formula = workbook.evaluator.formula(sheet.name, row, col);
  // The formula bar shows formulas in Excel's language (";" between arguments in Turkish).
  if (formula !== undefined) return workbook.localFormula(formula);
  const value = workbook.value(sheet, row, col);
  if (value === null) return "";
  const format = workbook.numberFormat(sheet, row, col);
  if (typeof value === "number" && /[ymd]/i.test(format.replace(/"[^"]*"/g, "")))
    return formatValue(value, format);
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** Wires the name box and formula input to the grid. */
export class FormulaBar {
  constructor(
    private readonly nameBox: HTMLInputElement,
    private readonly input: HTMLInputElement,
    private readonly workbook: Workbook,
    private readonly grid: Grid,
    private readonly gridElement: HTMLElement
  ) {
    input.addEventListener("input", () => (this.editing = true));
    input.addEventListener("blur", () => (this.editing = false));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.commit();
      } else if (event.key === "Escape") {
        this.editing = false;
        this.update();
        gridElement.focus();
      }
    });
    gridElement.addEventListener("startedit", (event) => {
      input.value = (event as CustomEvent<string>).detail;
      input.focus();
      this.editing = true;
    });
  }

  /** True while a person types into the bar: a recalculation then leaves the text alone, as in Excel. */
  private editing = false;

  /** Shows the active cell. */
  update(): void {
    const { row, col } = this.grid.anchor();
    const area = this.workbook.active.selection;
    const single = area.r0 === area.r1 && area.c0 === area.c1;
    this.nameBox.value = single ? `${columnLetters(col)}${row + 1}` : formatArea(area);
    if (!this.editing) this.input.value = entryOf(this.workbook, row, col);
  }

  /** Enters the text into the active cell and moves down, as Enter does in Excel. */
  private commit(): void {
    this.editing = false;
    const { row, col } = this.grid.anchor();
    const sheet = this.workbook.active;
    try {
      this.workbook.evaluator.defer(() =>
        this.workbook.setLocalContents(
          sheet,
          { r0: row, c0: col, r1: row, c1: col },
          this.input.value
        )
      );
    } catch (error) {
      this.input.setCustomValidity(String(error));
      this.input.reportValidity();
      return;
    }
    this.workbook.changed();
    this.grid.select({ r0: row + 1, c0: col, r1: row + 1, c1: col }, { row: row + 1, col });
    this.gridElement.focus();
  }
}

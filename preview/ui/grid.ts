/**
 * The worksheet grid: column letters, row numbers and each cell's value shown with its number format
 * and formatting; frozen rows and columns stay in view; click, shift-click, drag, header clicks and
 * arrow keys select, and the selection is the workbook's (what getSelectedRange returns).
 */
import { type Area, MAX_COLUMNS, MAX_ROWS, columnLetters, parseArea } from "../workbook/address";
import { formatValue } from "../workbook/numberFormat";
import type { Workbook } from "../workbook/workbook";
import { drawCharts } from "./charts";
import { PX_PER_POINT, activeRules, cellCss, valueClass } from "./cellStyle";

/** Rows and columns drawn at most: the grid is for looking, not for a million rows. */
export const MAX_RENDER_ROWS = 1000;
const MAX_RENDER_COLUMNS = 60;
const DEFAULT_WIDTH_PT = 48;
const ROW_HEADER_PX = 44;

type Cell = { row: number; col: number };
type DragKind = "cells" | "columns" | "rows";

/** The grid of the active sheet, drawn into `root`. */
export class Grid {
  private cells: HTMLTableCellElement[][] = [];
  private columnHeads: HTMLElement[] = [];
  private rowHeads: HTMLElement[] = [];
  private marked: HTMLElement[] = [];
  private anchors = new Map<number, Cell>();
  private drag?: DragKind;
  private shownRows = 0;
  private shownColumns = 0;
  /** The selection last shown, so that a selection made elsewhere (the add-in) is scrolled to. */
  private shown = "";
  /** Set when rows beyond MAX_RENDER_ROWS hold data. */
  truncated = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly workbook: Workbook,
    private readonly selectionChanged: () => void
  ) {
    root.addEventListener("mousedown", (event) => this.mouseDown(event));
    root.addEventListener("mouseover", (event) => this.mouseOver(event));
    document.addEventListener("mouseup", () => (this.drag = undefined));
    root.addEventListener("keydown", (event) => this.keyDown(event));
  }

  /** The active cell: where the selection started. */
  anchor(): Cell {
    const sheet = this.workbook.active;
    const anchor = this.anchors.get(sheet.id);
    const area = sheet.selection;
    const inside =
      anchor &&
      anchor.row >= area.r0 &&
      anchor.row <= area.r1 &&
      anchor.col >= area.c0 &&
      anchor.col <= area.c1;
    return inside ? anchor : { row: area.r0, col: area.c0 };
  }

  /** Selects an area; the anchor stays where the selection started. */
  select(area: Area, anchor?: Cell): void {
    const sheet = this.workbook.active;
    if (anchor) this.anchors.set(sheet.id, anchor);
    this.workbook.select(sheet, area);
    this.shown = this.selectionKey();
    this.updateSelection();
    this.selectionChanged();
  }

  /** Draws the active sheet afresh (after a sync or an edit). */
  render(): void {
    const workbook = this.workbook;
    const sheet = workbook.active;
    const used = workbook.usedArea(sheet, false);
    let lastRow = Math.max(used?.r1 ?? 0, sheet.selection.r0, sheet.frozenRows);
    let lastColumn = Math.max(used?.c1 ?? 0, sheet.selection.c0, sheet.frozenColumns);
    for (const chart of sheet.charts) {
      const at = parseArea(String(chart.props.position ?? ""));
      if (at) {
        lastRow = Math.max(lastRow, at.r1);
        lastColumn = Math.max(lastColumn, at.c1);
      }
    }
    this.truncated = lastRow + 1 > MAX_RENDER_ROWS;
    this.shownRows = Math.min(MAX_RENDER_ROWS, Math.max(50, lastRow + 30));
    this.shownColumns = Math.min(MAX_RENDER_COLUMNS, Math.max(14, lastColumn + 4));
    const area = { r0: 0, c0: 0, r1: this.shownRows - 1, c1: this.shownColumns - 1 };
    const values = workbook.evaluator.values(sheet.name, area);
    const tables = workbook.tables.filter((t) => t.sheet === sheet);
    const rules = activeRules(workbook, sheet);

    const table = document.createElement("table");
    table.className = sheet.showGridlines ? "cells" : "cells no-gridlines";
    const widths = Array.from({ length: this.shownColumns }, (_, c) =>
      Math.round((sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_PT) * PX_PER_POINT)
    );
    const lefts = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [ROW_HEADER_PX]);
    const colgroup = document.createElement("colgroup");
    for (const width of [ROW_HEADER_PX, ...widths]) {
      const col = document.createElement("col");
      col.style.width = `${width}px`;
      colgroup.append(col);
    }
    table.style.width = `${lefts[lefts.length - 1]}px`;
    table.append(colgroup);

    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    const corner = document.createElement("th");
    corner.className = "corner";
    corner.dataset.corner = "1";
    headRow.append(corner);
    this.columnHeads = widths.map((_, c) => {
      const th = document.createElement("th");
      th.className = "col-head";
      th.dataset.col = String(c);
      th.textContent = columnLetters(c);
      headRow.append(th);
      return th;
    });
    head.append(headRow);
    table.append(head);

    const body = document.createElement("tbody");
    this.cells = [];
    this.rowHeads = [];
    values.forEach((line, r) => {
      const tr = document.createElement("tr");
      if (r < sheet.frozenRows) tr.className = "frozen-row";
      const th = document.createElement("th");
      th.className = "row-head";
      th.dataset.row = String(r);
      th.textContent = String(r + 1);
      tr.append(th);
      this.rowHeads.push(th);
      const rowCells: HTMLTableCellElement[] = [];
      const texts = line.map((value, c) => formatValue(value, workbook.numberFormat(sheet, r, c)));
      line.forEach((value, c) => {
        const td = document.createElement("td");
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        const style = workbook.style(sheet, r, c);
        td.style.cssText = cellCss(style, value, r, c, tables, rules);
        let className = valueClass(value);
        // Text runs on over the empty cells to its right, up to the next cell holding something.
        let runsOver = 0;
        if (!className && texts[c] && style.wrapText !== true)
          while (c + runsOver + 1 < texts.length && !texts[c + runsOver + 1] && runsOver < 12)
            runsOver++;
        if (runsOver > 0) className = "over";
        if (c < sheet.frozenColumns) {
          className += " frozen-col";
          td.style.left = `${lefts[c]}px`;
        }
        td.className = className.trim();
        if (runsOver > 0) {
          const text = document.createElement("span");
          text.className = "run";
          text.style.maxWidth = `${lefts[c + runsOver + 1] - lefts[c] - 6}px`;
          text.textContent = texts[c];
          td.append(text);
        } else td.textContent = texts[c];
        if (value !== null && typeof value === "object" && value.message) td.title = value.message;
        rowCells.push(td);
        tr.append(td);
      });
      this.cells.push(rowCells);
      body.append(tr);
    });
    table.append(body);

    const layer = document.createElement("div");
    layer.className = "chart-layer";
    this.root.replaceChildren(table, layer);
    this.stickFrozenRows(body, head);
    drawCharts(layer, workbook, sheet, (r, c) => this.cellBox(r, c), used);
    this.marked = [];
    this.updateSelection();
    // Like Range.select() in Excel, a selection made by the add-in (or the console) comes into view.
    if (this.selectionKey() !== this.shown) {
      const { row, col } = this.anchor();
      this.cells[row]?.[col]?.scrollIntoView({ block: "nearest", inline: "nearest" });
      this.shown = this.selectionKey();
    }
  }

  private selectionKey(): string {
    const sheet = this.workbook.active;
    return `${sheet.id}:${JSON.stringify(sheet.selection)}`;
  }

  /** Frozen rows stick below the column letters: each one's offset is the height above it. */
  private stickFrozenRows(body: HTMLElement, head: HTMLElement): void {
    let top = head.getBoundingClientRect().height;
    for (const tr of Array.from(body.querySelectorAll<HTMLElement>("tr.frozen-row"))) {
      for (const cell of Array.from(tr.children) as HTMLElement[]) cell.style.top = `${top}px`;
      top += tr.getBoundingClientRect().height;
    }
  }

  /** Where a cell is drawn, relative to the grid's content; undefined beyond what is drawn. */
  cellBox(
    row: number,
    col: number
  ): { left: number; top: number; width: number; height: number } | undefined {
    const td = this.cells[row]?.[col];
    if (!td) return undefined;
    return {
      left: td.offsetLeft,
      top: td.offsetTop,
      width: td.offsetWidth,
      height: td.offsetHeight,
    };
  }

  /** Marks the selected cells and headers and the active cell. */
  updateSelection(): void {
    for (const element of this.marked) element.classList.remove("sel", "active", "head-sel");
    this.marked = [];
    const area = this.workbook.active.selection;
    const anchor = this.anchor();
    const single = area.r0 === area.r1 && area.c0 === area.c1;
    const r1 = Math.min(area.r1, this.shownRows - 1);
    const c1 = Math.min(area.c1, this.shownColumns - 1);
    for (let r = area.r0; r <= r1; r++) {
      for (let c = area.c0; c <= c1; c++) {
        const td = this.cells[r]?.[c];
        if (!td) continue;
        if (!single) td.classList.add("sel");
        this.marked.push(td);
      }
    }
    for (let c = area.c0; c <= c1; c++) this.mark(this.columnHeads[c], "head-sel");
    for (let r = area.r0; r <= r1; r++) this.mark(this.rowHeads[r], "head-sel");
    this.mark(this.cells[anchor.row]?.[anchor.col], "active");
  }

  private mark(element: HTMLElement | undefined, className: string): void {
    if (!element) return;
    element.classList.add(className);
    this.marked.push(element);
  }

  private target(
    event: Event
  ): { kind: DragKind | "corner"; row: number; col: number } | undefined {
    const element = (event.target as HTMLElement).closest<HTMLElement>("td, th");
    if (!element || !this.root.contains(element)) return undefined;
    if (element.dataset.corner) return { kind: "corner", row: 0, col: 0 };
    const row = Number(element.dataset.row ?? -1);
    const col = Number(element.dataset.col ?? -1);
    if (element.tagName === "TD") return { kind: "cells", row, col };
    return col >= 0 ? { kind: "columns", row: 0, col } : { kind: "rows", row, col: 0 };
  }

  private areaTo(kind: DragKind, to: Cell, extend: boolean): void {
    const from = extend ? this.anchor() : to;
    const area = {
      r0: Math.min(from.row, to.row),
      c0: Math.min(from.col, to.col),
      r1: Math.max(from.row, to.row),
      c1: Math.max(from.col, to.col),
    };
    if (kind === "columns") Object.assign(area, { r0: 0, r1: MAX_ROWS - 1 });
    if (kind === "rows") Object.assign(area, { c0: 0, c1: MAX_COLUMNS - 1 });
    this.select(area, extend ? undefined : to);
  }

  private mouseDown(event: MouseEvent): void {
    const hit = this.target(event);
    if (!hit || event.button !== 0) return;
    event.preventDefault();
    this.root.focus();
    if (hit.kind === "corner") {
      this.select({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }, { row: 0, col: 0 });
      return;
    }
    this.drag = hit.kind;
    this.areaTo(hit.kind, { row: hit.row, col: hit.col }, event.shiftKey);
  }

  private mouseOver(event: MouseEvent): void {
    if (!this.drag || (event.buttons & 1) === 0) return;
    const hit = this.target(event);
    if (!hit || hit.kind === "corner") return;
    this.areaTo(this.drag, { row: hit.row, col: hit.col }, true);
  }

  /** Arrow keys move (with Shift, extend), Delete clears, typing starts an entry in the formula bar. */
  private keyDown(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const area = this.workbook.active.selection;
      const anchor = this.anchor();
      if (event.shiftKey && event.key.startsWith("Arrow")) {
        // Extends the far corner of the selection away from the anchor.
        const row = (area.r0 === anchor.row ? area.r1 : area.r0) + move[0];
        const col = (area.c0 === anchor.col ? area.c1 : area.c0) + move[1];
        this.areaTo("cells", { row: clamp(row, MAX_ROWS), col: clamp(col, MAX_COLUMNS) }, true);
      } else {
        const to = {
          row: clamp(anchor.row + move[0], MAX_ROWS),
          col: clamp(anchor.col + move[1], MAX_COLUMNS),
        };
        this.select({ r0: to.row, c0: to.col, r1: to.row, c1: to.col }, to);
      }
      this.cells[this.anchor().row]?.[this.anchor().col]?.scrollIntoView({
        block: "nearest",
        inline: "nearest",
      });
      return;
    }
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      this.workbook.clear(this.workbook.active, this.workbook.active.selection, "Contents");
      this.workbook.changed();
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.root.dispatchEvent(new CustomEvent("startedit", { detail: event.key, bubbles: true }));
      event.preventDefault();
    }
  }
}

function clamp(value: number, limit: number): number {
  return Math.max(0, Math.min(limit - 1, value));
}

/**
 * The layout of a KPI sheet: its blocks (header, KPI table, inputs, stage list, breakdowns) one after
 * the other from row 1, a blank row between two. Each block knows its height, so every block's top
 * row is known before any is written; a block that refers to another block's cells by address (the
 * quota KPI reads the owner table) asks the layout where that block went.
 */
import { cellAddress, sheetReference } from "../a1";
import {
  NUMBER_FORMATS,
  type PlanBlock,
  type PlanCell,
  type PlanChart,
  type PlanConditionalFormat,
  type PlanName,
} from "../types";
import type { Unit } from "../../engine";
import type { SheetContext } from "./context";

/** What a placed block adds to the sheet. */
export interface BlockOutput {
  cells: PlanBlock[];
  names: PlanName[];
  charts: PlanChart[];
  conditionalFormats: PlanConditionalFormat[];
}

/** Where the layout placed each block. */
export interface Layout {
  /** The 0-based top row of a block of the sheet. */
  topOf(block: SheetBlock): number;
}

/** A section of the KPI sheet. */
export interface SheetBlock {
  /** Which block it is (its module's name), for the layout's messages. */
  readonly what: string;
  /** The rows the block takes, the blank row after it aside. */
  readonly height: number;
  /** The block's cells, names and charts with its first row at `top` (0-based). */
  place(top: number, layout: Layout): BlockOutput;
}

/** Blank rows between two blocks. */
const GAP = 1;

/** Places the blocks one after the other and gathers what each adds, in sheet order. */
export function layOut(blocks: SheetBlock[]): BlockOutput {
  const tops = new Map<SheetBlock, number>();
  let next = 0;
  for (const block of blocks) {
    tops.set(block, next);
    next += block.height + GAP;
  }
  const layout: Layout = {
    topOf(block) {
      const top = tops.get(block);
      if (top === undefined)
        throw new Error(`KPI sheet layout: the ${block.what} is not on the sheet`);
      return top;
    },
  };
  const sheet: BlockOutput = { cells: [], names: [], charts: [], conditionalFormats: [] };
  for (const block of blocks) {
    const top = layout.topOf(block);
    const placed = block.place(top, layout);
    // A block that writes past its height would overwrite the next one: a programming error.
    const outside = placed.cells.find(
      (cells) => cells.row < top || cells.row + cells.cells.length > top + block.height
    );
    if (outside)
      throw new Error(
        `KPI sheet layout: the ${block.what} (rows ${top + 1} to ${top + block.height}) writes row ${outside.row + 1}`
      );
    sheet.cells.push(...placed.cells);
    sheet.names.push(...placed.names);
    for (const chart of placed.charts) sheet.charts.push(clearOf(sheet.charts, chart));
    sheet.conditionalFormats.push(...placed.conditionalFormats);
  }
  return sheet;
}

/** Whether two charts' areas share a cell. */
function overlap(a: PlanChart["anchor"], b: PlanChart["anchor"]): boolean {
  return (
    a.row < b.row + b.height &&
    b.row < a.row + a.height &&
    a.col < b.col + b.width &&
    b.col < a.col + a.width
  );
}

/**
 * The chart moved down below the charts already placed that it would cover: a chart beside a short
 * block is taller than the block, and would hide the next block's chart.
 */
function clearOf(placed: readonly PlanChart[], chart: PlanChart): PlanChart {
  let anchor = chart.anchor;
  let covered = placed.find((other) => overlap(other.anchor, anchor));
  while (covered) {
    anchor = { ...anchor, row: covered.anchor.row + covered.anchor.height + 1 };
    covered = placed.find((other) => overlap(other.anchor, anchor));
  }
  return anchor === chart.anchor ? chart : { ...chart, anchor };
}

/** Writes a block from its top row down, one row of cells at a time from column A. */
export class BlockWriter {
  readonly output: BlockOutput = { cells: [], names: [], charts: [], conditionalFormats: [] };
  private next: number;

  constructor(
    private readonly context: SheetContext,
    top: number
  ) {
    this.next = top;
  }

  /** Writes one row of cells and returns its 0-based row. */
  line(cells: PlanCell[]): number {
    this.output.cells.push({ row: this.next, col: 0, cells: [cells] });
    return this.next++;
  }

  /** A section's title and its column headers, on two rows. */
  heading(title: string, headers: string[]): void {
    this.line([{ value: title, style: "section" }]);
    this.line(headers.map((value) => ({ value, style: "header" })));
  }

  /**
   * Writes a table body at once, one row per item (made by `cells`, given the item's sheet row and
   * its index), and returns its first row.
   */
  table<T>(
    items: readonly T[],
    cells: (item: T, row: number, index: number) => PlanCell[]
  ): number {
    const first = this.next;
    const rows = items.map((item, i) => cells(item, first + i, i));
    if (rows.length > 0) this.output.cells.push({ row: first, col: 0, cells: rows });
    this.next += rows.length;
    return first;
  }

  /** Defines a name (with the sheet's suffix) as one cell of this sheet. */
  nameCell(name: string, row: number, col: number): void {
    this.nameRange(name, sheetReference(this.context.sheet, cellAddress(row, col, true)));
  }

  /** Defines a name (with the sheet's suffix) as a reference. */
  nameRange(name: string, refersTo: string): void {
    this.output.names.push({ name, refersTo });
  }
}

/** The number format of a cell showing a value of this unit. */
export function numberFormat(unit: Unit | "date" | "period"): string {
  return unit === "table" ? "General" : NUMBER_FORMATS[unit];
}

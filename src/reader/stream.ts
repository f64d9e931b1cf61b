/**
 * A deal table read from rows as they come (a CSV file read in chunks), without holding the grid: a
 * million-row export then needs its columns in memory, not its text and a grid of strings besides.
 * Gives the same table, failures and problems as readDealTable over the whole grid.
 */
import { detectMapping, headerText, SAMPLE_ROWS } from "./headers";
import {
  HEADER_SEARCH_ROWS,
  emptyTable,
  hasRequired,
  noDealsBelow,
  resolveMapping,
  rowLayoutOf,
} from "./readDealTable";
import { DealRowReader, isBlankRow } from "./rows";
import type { Cell, ReadOptions, ReadResult } from "./types";

/** The header row once decided: where, whether it names a stage and an amount, its texts. */
interface HeaderRow {
  row: number;
  detected: boolean;
  headers: string[];
}

/**
 * Reads a deal table row by row. Rows above the header are held until the header row is known (at
 * most 20 non-blank ones, as readDealTable searches); every later row is read as it comes.
 * ReadOptions.onProgress is not called: the caller knows how far through its source it is.
 * @example
 * const stream = new DealTableStream();
 * for (const row of rows) stream.push(row);
 * const table = stream.finish();
 */
export class DealTableStream {
  private width = 0;
  private next = 0;
  private held: (readonly Cell[])[] = [];
  private nonBlank = 0;
  private best: { row: number; fields: number } | undefined;
  private header: HeaderRow | undefined;
  /** The header row chosen, held until SAMPLE_ROWS rows below it are there for detection to read. */
  private pending: { row: number; detected: boolean } | undefined;
  private samples: (readonly Cell[])[] = [];
  private reader: DealRowReader | undefined;

  constructor(private readonly options: ReadOptions = {}) {}

  /** Reads the next row of the source (row 0 first). */
  push(cells: readonly Cell[]): void {
    const row = this.next++;
    if (cells.length > this.width) this.width = cells.length;
    if (this.reader) {
      this.reader.read(cells, row);
      return;
    }
    if (this.header) return; // no table: only the width counts now, for the failure's headers
    this.held.push(cells);
    if (this.pending) return this.decideWhenSampled();
    if (isBlankRow(cells)) return;
    this.nonBlank++;
    const mapping = detectMapping(Array.from(cells, headerText));
    if (hasRequired(mapping)) {
      this.pending = { row, detected: true };
      return;
    }
    const fields = Object.keys(mapping).length;
    if (!this.best || fields > this.best.fields) this.best = { row, fields };
    if (this.nonBlank === HEADER_SEARCH_ROWS) {
      this.pending = { row: this.best.row, detected: false };
      this.decideWhenSampled();
    }
  }

  /** Decides the pending header row once SAMPLE_ROWS rows below it are held. */
  private decideWhenSampled(): void {
    const { row, detected } = this.pending!;
    if (this.held.length - 1 - row >= SAMPLE_ROWS) this.decide(row, detected);
  }

  /** The table read, or why the rows are not a deal table. */
  finish(): ReadResult {
    if (!this.header && this.pending) this.decide(this.pending.row, this.pending.detected);
    if (!this.header) {
      if (!this.best) return emptyTable();
      this.decide(this.best.row, false);
    }
    const { row: headerRow, detected } = this.header!;
    const headers = Array.from({ length: this.width }, (_, i) => this.header!.headers[i] ?? "");
    // Decided again with the table's full width, which the mapping's overrides must fall within.
    const resolved = resolveMapping(headers, detected, this.options, this.width, this.samples);
    if ("failure" in resolved) return resolved;
    const reader = this.reader!;
    if (reader.lastDataRow === headerRow)
      return noDealsBelow((this.options.firstRowNumber ?? 1) + headerRow, headers);
    const table = reader.table(headers);
    table.unsure = resolved.unsure;
    return table;
  }

  /** Takes the header row, and reads the held rows below it when the mapping allows a table. */
  private decide(row: number, detected: boolean): void {
    const headers = Array.from(this.held[row], headerText);
    this.header = { row, detected, headers };
    this.samples = this.held.slice(row + 1, row + 1 + SAMPLE_ROWS);
    // The width is not known yet: overrides are checked against it in finish().
    const resolved = resolveMapping(headers, detected, this.options, Infinity, this.samples);
    if (!("failure" in resolved)) {
      this.reader = new DealRowReader(rowLayoutOf(resolved, headers, row, this.options));
      for (let r = row + 1; r < this.held.length; r++) this.reader.read(this.held[r], r);
    }
    this.held = [];
  }
}

/**
 * Amounts and dates read the way their column is written. A person's Excel writes a whole column one
 * way: amounts with a decimal comma (8.300,00) or a decimal point (8,300.00), dates day first
 * (15/04/2026) or month first (04/15/2026). A value that shows which way decides for the column; a
 * value that reads both ways ("1.250", "06/11/2026") is read the column's way.
 *
 * Rows are read one at a time (a file streams in), so a value read before its column decides is held
 * (its row and both readings) and settled when the column decides, or when the table is finished:
 * an amount then groups thousands (three decimals are implausible in money), a date takes the date
 * format the person chose, and without one the column is reported and its undecided dates count as
 * blank: they are never guessed. Columns decide within their first rows, so few values are held.
 */
import { type Text, countBoth, textOf } from "../i18n";
import { READER } from "../i18n/strings/reader";
import {
  AMOUNT_ERRORS,
  DATE_ERRORS,
  type DateField,
  type DayOrder,
  type DecimalMark,
  cellText,
  checkAmount,
  checkDate,
  holdsNothing,
  readAmount,
  readAmountText,
  readDate,
  readDateText,
} from "./cells";
import type { CellReading } from "./cells";
import type { Cell, DateFormat } from "./types";

/** Told a held value's reading once its column decides: its index in the column, and the value. */
export type Settle = (index: number, value: number | null) => void;

/** Values held until their column decides: their index, row, text and their two readings. */
class HeldValues {
  readonly indices: number[] = [];
  readonly rows: number[] = [];
  readonly texts: string[] = [];
  readonly first: number[] = [];
  readonly second: number[] = [];

  get length(): number {
    return this.indices.length;
  }

  add(index: number, row: number, text: string, first: number, second: number): void {
    this.indices.push(index);
    this.rows.push(row);
    this.texts.push(text);
    this.first.push(first);
    this.second.push(second);
  }

  /** Settles every held value with the first or the second reading (or none), and forgets them. */
  settle(settle: Settle, which: "first" | "second" | "none"): void {
    const values = which === "first" ? this.first : this.second;
    for (let i = 0; i < this.indices.length; i++)
      settle(this.indices[i], which === "none" ? null : values[i]);
    for (const list of [this.indices, this.rows, this.texts, this.first, this.second])
      list.length = 0;
  }
}

/** A column of amounts, read with its decimal mark once a value shows it. */
export class AmountColumn {
  private mark: DecimalMark | undefined;
  /** The value that decided the mark, and its row. */
  private decidedBy = { text: "", row: 0 };
  /** The first value that showed the other mark, once one did. */
  private otherMark: { text: string; row: number } | undefined;
  private readonly held = new HeldValues();
  /** The most values held at once (for measurements). */
  mostHeld = 0;

  constructor(
    private readonly settle: Settle,
    private readonly inPlace = false
  ) {}

  /** The column's decimal mark, once a value showed it. */
  get decimalMark(): DecimalMark | undefined {
    return this.mark;
  }

  /**
   * Reads the cell at an index of the column (and a row of the grid).
   * @returns The reading, or undefined when the value is held until the column decides.
   */
  read(cell: Cell | undefined, index: number, row: number): CellReading<number> | undefined {
    if (typeof cell !== "string" || holdsNothing(cell)) return readAmount(cell);
    if (this.inPlace) return { value: null, error: AMOUNT_ERRORS.storedAsText(cellText(cell)) };
    const text = readAmountText(cell);
    if (text === undefined || text.comma === undefined) {
      if (text?.mark && !this.mark) this.decide(text.mark, cellText(cell), row);
      else if (text?.mark && text.mark !== this.mark && !this.otherMark)
        this.otherMark = { text: cellText(cell), row };
      return checkAmount(text?.value, cell);
    }
    if (this.mark) return checkAmount(text[this.mark], cell);
    // Negative either way: reported now.
    if (text.grouped < 0) return checkAmount(text.grouped, cell);
    this.held.add(index, row, cellText(cell), text.comma, text.point);
    if (this.held.length > this.mostHeld) this.mostHeld = this.held.length;
    return undefined;
  }

  /** Settles the values still held: without a decimal mark, a lone separator groups thousands. */
  finish(): void {
    const { held } = this;
    for (let i = 0; i < held.length; i++)
      this.settle(held.indices[i], Math.max(held.first[i], held.second[i]));
    held.settle(() => undefined, "none");
  }

  /**
   * Where the column showed both decimal marks, its first value of each (rows as the grid numbers
   * them), for one warning: the values that read both ways were read as the first.
   */
  get mixedMarks():
    { first: { text: string; row: number }; other: { text: string; row: number } } | undefined {
    return this.otherMark && { first: this.decidedBy, other: this.otherMark };
  }

  private decide(mark: DecimalMark, text: string, row: number): void {
    this.mark = mark;
    this.decidedBy = { text, row };
    this.held.settle(this.settle, mark === "comma" ? "first" : "second");
  }
}

/** A column of dates whose slashed values could not be read: where the first one is, how many. */
export interface UndecidedDates {
  row: number;
  text: string;
  count: number;
}

/** A column of dates, read with its day order once a value shows it. */
export class DateColumn {
  private order: DayOrder | undefined;
  /** The value that decided the order, and its row. */
  private decidedBy = { text: "", row: 0 };
  private readonly held = new HeldValues();
  /** The most values held at once (for measurements). */
  mostHeld = 0;

  /**
   * @param what The date field of the column, which its reasons name.
   * @param settle Told each held value's reading.
   * @param format The day order the person chose, for a column whose values do not decide it.
   * @param rowNumber The row number a person sees, of a row index.
   */
  constructor(
    private readonly what: DateField,
    private readonly settle: Settle,
    private readonly format: DateFormat | undefined,
    private readonly rowNumber: (row: number) => number,
    private readonly inPlace = false
  ) {}

  /** The column's day order, once a value showed it. */
  get dayOrder(): DayOrder | undefined {
    return this.order;
  }

  /**
   * Reads the cell at an index of the column (and a row of the grid).
   * @returns The reading, or undefined when the value is held until the column decides.
   */
  read(cell: Cell | undefined, index: number, row: number): CellReading<number> | undefined {
    const { what, format } = this;
    if (typeof cell !== "string" || holdsNothing(cell)) return readDate(cell, what, format);
    if (this.inPlace) return { value: null, error: DATE_ERRORS.storedAsText(what, cellText(cell)) };
    const text = readDateText(cell.trim());
    if (text === undefined) return checkDate(undefined, cell, what, format);
    if (format === "dmy" || format === "mdy") {
      // The person's date format decides: a value that reads only the other way is not a date.
      const serial =
        text.dmy === undefined
          ? text.order === format || !text.order
            ? text.serial
            : undefined
          : text[format];
      return checkDate(serial, cell, what, format);
    }
    if (text.dmy === undefined) {
      if (!text.order) return checkDate(text.serial, cell, what, format);
      if (!this.order) this.decide(text.order, cellText(cell), row);
      if (text.order === this.order) return checkDate(text.serial, cell, what, format);
      const { text: example, row: decidedRow } = this.decidedBy;
      return {
        value: null,
        error: DATE_ERRORS.againstColumn(
          what,
          cellText(cell),
          this.order!,
          example,
          this.rowNumber(decidedRow)
        ),
      };
    }
    if (this.order) return checkDate(text[this.order], cell, what, format);
    this.held.add(index, row, cellText(cell), text.dmy, text.mdy);
    if (this.held.length > this.mostHeld) this.mostHeld = this.held.length;
    return undefined;
  }

  /**
   * Settles the values still held: with the person's date format, else as blanks.
   * @returns Where the dates that could not be read are, when there are some.
   */
  finish(): UndecidedDates | undefined {
    const { held, format } = this;
    if (held.length === 0) return undefined;
    if (format === "dmy" || format === "mdy") {
      held.settle(this.settle, format === "dmy" ? "first" : "second");
      return undefined;
    }
    const undecided = { row: held.rows[0], text: held.texts[0], count: held.length };
    held.settle(this.settle, "none");
    return undecided;
  }

  /** The reason of a column whose dates read both day first and month first, in both languages. */
  static undecidedMessage(what: DateField, header: string, undecided: UndecidedDates): Text {
    return countBoth(READER, (s) => s.date.undecided, {
      count: undecided.count,
      dates: textOf(READER, (s) => s.datesOfColumn[what]),
      header,
      text: undecided.text,
    });
  }

  /**
   * Takes the day order another date column of the table showed, when this one's values showed none:
   * one program wrote the whole file, in one locale.
   */
  adopt(other: DateColumn): void {
    if (this.order || !other.order) return;
    this.decide(other.order, other.decidedBy.text, other.decidedBy.row);
  }

  private decide(order: DayOrder, text: string, row: number): void {
    this.order = order;
    this.decidedBy = { text, row };
    this.held.settle(this.settle, order === "dmy" ? "first" : "second");
  }
}

/**
 * A column of deal probabilities, read the way the column is written (metric specification, section
 * 9): percentages when any of its values has a % sign or is above 1 (Salesforce's "Probability (%)"
 * exports 40 for 40 %), fractions otherwise (HubSpot's deal probability exports 0.4). The column
 * decides only once it is read whole, so every value is held as written and settled at the end.
 */
import { KpiError, parseNumberText } from "../engine";
import { type Text, sayBoth } from "../i18n";
import { READER } from "../i18n/strings/reader";
import { type CellReading, cellText, errorName, holdsNothing } from "./cells";
import type { Cell } from "./types";

/** A % sign before (Turkish: %40) or after (English: 40%) the number. */
const PERCENT_SIGN = /^\s*%\s*|\s*%\s*$/;

/** Told each value once the column decided, or why it is left out (reported with its row). */
export type SettleProbability = (
  index: number,
  row: number,
  value: number | null,
  problem?: Text
) => void;

/** Probabilities held as written until the column is read whole. */
export class ProbabilityColumn {
  private readonly indices: number[] = [];
  private readonly rows: number[] = [];
  private readonly values: number[] = [];
  private readonly texts: string[] = [];
  private percent = false;

  /** @param inPlace Text is not read (see ReadOptions.inPlace): the sheet's formulas cannot read it. */
  constructor(private readonly inPlace = false) {}

  /**
   * Reads the cell at an index of the column (and a row of the grid): held when it is a number, or
   * why it is not one.
   * @returns The reason it cannot be read, or undefined (held, or blank).
   */
  read(cell: Cell | undefined, index: number, row: number): CellReading<number> {
    if (holdsNothing(cell)) return { value: null };
    if (cell instanceof KpiError)
      return {
        value: null,
        error: sayBoth(READER, (s) => s.probability.error, { code: errorName(cell.code) }),
      };
    const text = cellText(cell);
    let value: number | undefined;
    if (typeof cell === "number") value = cell;
    else if (typeof cell === "string") {
      if (this.inPlace)
        return { value: null, error: sayBoth(READER, (s) => s.probability.storedAsText, { text }) };
      const signed = PERCENT_SIGN.test(text);
      value = parseNumberText(text.replace(PERCENT_SIGN, ""));
      if (signed && value !== undefined) this.percent = true;
    }
    if (value === undefined || !Number.isFinite(value))
      return { value: null, error: sayBoth(READER, (s) => s.probability.notANumber, { text }) };
    if (value > 1) this.percent = true;
    this.indices.push(index);
    this.rows.push(row);
    this.values.push(value);
    this.texts.push(text);
    return { value: null };
  }

  /** Settles every held value as a fraction; one outside 0 to 100 % is left out with its reason. */
  finish(settle: SettleProbability): void {
    const scale = this.percent ? 100 : 1;
    this.indices.forEach((index, i) => {
      const fraction = this.values[i] / scale;
      if (fraction >= 0 && fraction <= 1) settle(index, this.rows[i], fraction);
      else
        settle(
          index,
          this.rows[i],
          null,
          sayBoth(READER, (s) => s.probability.outOfRange, { text: this.texts[i] })
        );
    });
  }
}

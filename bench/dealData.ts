/**
 * A deal table as Excel hands it to a custom function: one 2-D array per column (a row per deal),
 * stages and owners as text, amounts as numbers, dates as serial numbers. The deals are the sample
 * generator's (the same CRM export `kpi report` reads), so every contestant sees realistic data.
 */
import { type Cell, parseIsoDate } from "../src/engine";
import { generateDeals } from "../src/tools/sampleDeals";

export interface ExcelDeals {
  rows: number;
  stage: Cell[][];
  amount: Cell[][];
  created: Cell[][];
  closed: Cell[][];
  owner: Cell[][];
  /** The revenue target, for pipeline coverage. */
  target: number;
  /** The stage texts that mean won and lost in this data (the hand-written contestants need them). */
  won: string;
  lost: string;
}

/** Column positions in the generator's rows. */
const OWNER = 1;
const STAGE = 2;
const AMOUNT = 3;
const CREATED = 4;
const CLOSED = 5;

/**
 * Builds the table. Excel's runtime gives each cell as a value of its own (it deserialises a
 * request), so the columns pass through JSON: no contestant gains from strings shared by the generator.
 * @param rows How many deals.
 * @param seed The generator's seed.
 */
export function excelDeals(rows: number, seed = 7): ExcelDeals {
  const deals = generateDeals(rows, seed, "en").slice(1);
  const column = (pick: (row: string[]) => Cell): Cell[][] =>
    JSON.parse(JSON.stringify(deals.map((row) => [pick(row)])));
  const serial = (text: string) => parseIsoDate(text) ?? null;
  return {
    rows,
    stage: column((row) => row[STAGE]),
    amount: column((row) => Number(row[AMOUNT])),
    created: column((row) => serial(row[CREATED])),
    closed: column((row) => serial(row[CLOSED])),
    owner: column((row) => row[OWNER]),
    target: 1_000_000 * Math.max(1, Math.round(rows / 1_000)),
    won: "Closed Won",
    lost: "Closed Lost",
  };
}

/**
 * The deal-table KPIs straight from the ranges Excel passes: one pass over the rows, without building
 * columns first, so that KPI.DEAL_SUMMARY over a million deals takes tens of milliseconds. A call the
 * pass cannot take as it comes (an error value, text that is not a number, a number out of bounds,
 * ranges that do not line up) goes back to evaluate's general reading, so that every message of an
 * error comes from one place (params.ts) and both ways give the same answers.
 */
import type { RangeParam, ScalarParam } from "./catalog/types";
import { type DealFigures, DealTally, type Period, classifyStage } from "./deals";
import { cellLabel, cellNumber, inPlaceNumber, readScalar } from "./params";
import { type Arg, type Cell, type Grid, isEmpty, isError, isGrid, isOmitted } from "./values";

/** The ranges of a deal table as Excel passes them; owner is null when left out. */
export interface DealGrids {
  stage: Grid;
  amount: Grid;
  created: Grid;
  closed: Grid;
  owner: Grid | null;
}

/** The declared range parameters of a deal table, for their bounds and how they read text. */
export interface DealRangeParams {
  amount: RangeParam;
  created: RangeParam;
  closed: RangeParam;
}

/** What the quick pass does not take: the general reading answers instead. */
const NOT_PLAIN = undefined;

/**
 * A single-value argument as a plain value: null when left out and optional, undefined (not plain)
 * for a range of several cells, an error, or a value the parameter refuses.
 */
export function plainScalar(
  arg: Arg | undefined,
  param: ScalarParam
): number | string | null | undefined {
  let cell: Cell | undefined;
  if (isGrid(arg)) cell = arg.length === 1 && arg[0]?.length === 1 ? arg[0][0] : NOT_PLAIN;
  else cell = arg === undefined ? null : arg;
  if (cell === NOT_PLAIN) return NOT_PLAIN;
  const value = readScalar(cell, param);
  return isError(value) ? NOT_PLAIN : value;
}

/**
 * The deal table's ranges out of the arguments, from `first` on (stages, amounts, created and closed
 * dates, owners); undefined when a required one is left out or the ranges do not have one shape.
 */
export function dealGridsOf(args: Arg[], first: number): DealGrids | undefined {
  const [stage, amount, created, closed, owner] = args.slice(first, first + 5);
  const required = [stage, amount, created, closed];
  if (required.some((arg) => !isGrid(arg) || isOmitted(arg))) return NOT_PLAIN;
  const grids = required as Grid[];
  const owners = isOmitted(owner) ? null : owner;
  if (owners !== null && !isGrid(owners)) return NOT_PLAIN;
  // The rows themselves are checked as the pass reads them.
  const rows = grids[0].length;
  if (grids.some((grid) => grid.length !== rows) || (owners && owners.length !== rows))
    return NOT_PLAIN;
  return { stage: grids[0], amount: grids[1], created: grids[2], closed: grids[3], owner: owners };
}

/** True when a range's row is an array of the range's width (a rectangle, as evaluate requires). */
const isRow = (row: unknown, width: number): row is Cell[] =>
  Array.isArray(row) && row.length === width;

/** A cell of a number or date range as the general reading takes it, or undefined when it does not. */
function plainNumber(cell: Cell, param: RangeParam, dates: boolean): number | null | undefined {
  if (param.inPlace) return inPlaceNumber(cell, param.min, dates);
  if (typeof cell === "number") {
    // The common case first: a finite number (x - x is 0 for those only) within the bound.
    if (cell - cell !== 0 || (param.min !== undefined && cell < param.min)) return NOT_PLAIN;
    return cell;
  }
  if (isEmpty(cell)) return null;
  if (isError(cell)) return NOT_PLAIN;
  const value = cellNumber(cell, dates);
  if (value === undefined) return param.onText === "skip" ? null : NOT_PLAIN;
  return param.min !== undefined && value < param.min ? NOT_PLAIN : value;
}

/**
 * A cell of a label range as the general reading takes it: undefined for an error value, or blank
 * when the table is read in place.
 */
function plainLabel(cell: Cell, inPlace: boolean): string | null | undefined {
  if (isEmpty(cell)) return null;
  if (isError(cell)) return inPlace ? null : NOT_PLAIN;
  return cellLabel(cell);
}

/**
 * Adds up a deal table given as ranges, row by row and cell by cell as the general reading flattens
 * them, with the same rules as {@link dealFigures} over the columns it would read.
 * @returns The figures, or undefined when a cell needs the general reading (and its message).
 */
export function dealFiguresOfGrids(
  grids: DealGrids,
  params: DealRangeParams,
  period?: Period
): DealFigures | undefined {
  const { stage, amount, created, closed, owner } = grids;
  const tally = new DealTally();
  const width = stage[0]?.length ?? 0;
  const inPlace = Boolean(params.amount.inPlace);
  for (let r = 0; r < stage.length; r++) {
    const stageRow = stage[r];
    const amountRow = amount[r];
    const createdRow = created[r];
    const closedRow = closed[r];
    const ownerRow = owner ? owner[r] : null;
    if (
      !isRow(stageRow, width) ||
      !isRow(amountRow, width) ||
      !isRow(createdRow, width) ||
      !isRow(closedRow, width) ||
      (owner && !isRow(ownerRow, width))
    )
      return NOT_PLAIN;
    for (let c = 0; c < width; c++) {
      const label = plainLabel(stageRow[c], inPlace);
      const value = plainNumber(amountRow[c], params.amount, false);
      const start = plainNumber(createdRow[c], params.created, true);
      const end = plainNumber(closedRow[c], params.closed, true);
      const rep = ownerRow ? plainLabel(ownerRow[c], inPlace) : null;
      if (
        label === NOT_PLAIN ||
        value === NOT_PLAIN ||
        start === NOT_PLAIN ||
        end === NOT_PLAIN ||
        rep === NOT_PLAIN
      )
        return NOT_PLAIN;
      if (label !== null) tally.add(classifyStage(label), value, start, end, rep, period);
    }
  }
  return tally.figures();
}

/**
 * The deal-table KPIs four ways over the same Excel-shaped table: the engine (KPI.DEAL_SUMMARY),
 * the floor (a minimal hand-written single pass), formula.js (its SUMIFS / COUNTIFS / AVERAGEIFS),
 * and, in hyperformula.ts, HyperFormula evaluating the portable KPI sheet. Each gives the same KPIs,
 * and the benchmark checks that they agree before it reports their times.
 */
import * as formulajs from "@formulajs/formulajs";
import { DEAL_KPI_IDS, type DealKpiId, evaluate } from "../src/engine";
import type { ExcelDeals } from "./dealData";

/** The KPIs every contestant computes, by the engine's ids. */
export type Kpis = Record<DealKpiId, number>;

/** KPI.DEAL_SUMMARY, as Excel calls it: the table's label / value rows, read back by id. */
export function engineKpis(deals: ExcelDeals): Kpis {
  const { stage, amount, created, closed, owner, target } = deals;
  const table = evaluate("DEAL_SUMMARY", [stage, amount, created, closed, owner, target]);
  if (!Array.isArray(table)) throw new Error(`DEAL_SUMMARY answered ${String(table)}`);
  return Object.fromEntries(DEAL_KPI_IDS.map((id, i) => [id, table[i][1]])) as Kpis;
}

/** The KPIs from the base figures, as each contestant derives them. */
function derive(
  figures: { won: number; lost: number; open: number; revenue: number; openValue: number },
  cycle: number,
  owners: number,
  target: number
): Kpis {
  const { won, lost, open, revenue, openValue } = figures;
  const dealSize = revenue / won;
  const winRate = won / (won + lost);
  return {
    REVENUE: revenue,
    DEALS_WON: won,
    DEALS_LOST: lost,
    OPEN_OPPORTUNITIES: open,
    OPEN_PIPELINE_VALUE: openValue,
    AVG_DEAL_SIZE: dealSize,
    WIN_RATE: winRate,
    SALES_CYCLE_LENGTH: cycle,
    PIPELINE_VELOCITY: (open * winRate * dealSize) / cycle,
    REP_PRODUCTIVITY: revenue / owners,
    PIPELINE_COVERAGE: openValue / target,
  };
}

/**
 * The floor: one pass that knows this data's stage texts and types and checks nothing, as someone
 * would write it for this one table. No general engine can be faster than this.
 */
export function floorKpis(deals: ExcelDeals): Kpis {
  const { stage, amount, created, closed, owner, won: wonText, lost: lostText } = deals;
  let won = 0;
  let lost = 0;
  let open = 0;
  let revenue = 0;
  let openValue = 0;
  let cycleDays = 0;
  const owners = new Set<unknown>();
  for (let i = 0; i < stage.length; i++) {
    const text = stage[i][0];
    owners.add(owner[i][0]);
    if (text === wonText) {
      won++;
      revenue += amount[i][0] as number;
      cycleDays += (closed[i][0] as number) - (created[i][0] as number);
    } else if (text === lostText) {
      lost++;
    } else {
      open++;
      openValue += amount[i][0] as number;
    }
  }
  return derive(
    { won, lost, open, revenue, openValue },
    cycleDays / won,
    owners.size,
    deals.target
  );
}

/**
 * Values formula.js takes in one call where it spreads a range into arguments (UNIQUE, and SUM, which
 * SUMIFS ends with): a call has a size limit, and a million values overflow the stack.
 */
const BLOCK = 50_000;

/** A sum over the rows taken a block at a time: formula.js's SUM and SUMIFS cannot take them all. */
function inBlocks(sum: (...columns: unknown[][]) => number, ...columns: unknown[][]): number {
  let total = 0;
  for (let i = 0; i < columns[0].length; i += BLOCK)
    total += sum(...columns.map((column) => column.slice(i, i + BLOCK)));
  return total;
}

/** A column of Excel's 2-D range as a list of its values. */
const values = (range: unknown[][]): unknown[] => range.map((row) => row[0]);

/**
 * formula.js, as a developer would use it in place of the engine: SUMIFS and COUNTIFS over the
 * columns, AVERAGEIFS for the average deal, the cycle from sums of dates as the portable sheet has it,
 * distinct owners with UNIQUE. The columns are handed over as lists (timed too): given Excel's 2-D
 * ranges, formula.js flattens them by repeated concatenation, in time that grows with the square of
 * the rows (a COUNTIFS over 40,000 rows took 10 s), and a million rows would take days. Sums go by
 * blocks of rows (see BLOCK).
 */
export function formulajsKpis(deals: ExcelDeals): Kpis {
  const { won: wonText, lost: lostText } = deals;
  const [stage, amount, created, closed, owner] = [
    deals.stage,
    deals.amount,
    deals.created,
    deals.closed,
    deals.owner,
  ].map(values);
  const sumIfs = (sums: unknown[], text: string) =>
    inBlocks((range, stages) => formulajs.SUMIFS(range, stages, text), sums, stage);
  const won = formulajs.COUNTIFS(stage, wonText);
  const lost = formulajs.COUNTIFS(stage, lostText);
  const open = formulajs.COUNTA(stage) - won - lost;
  const revenue = sumIfs(amount, wonText);
  const openValue = inBlocks(formulajs.SUM, amount) - revenue - sumIfs(amount, lostText);
  const cycle = (sumIfs(closed, wonText) - sumIfs(created, wonText)) / won;
  const blocks: unknown[] = [];
  for (let i = 0; i < owner.length; i += BLOCK)
    blocks.push(...formulajs.UNIQUE(...owner.slice(i, i + BLOCK)));
  const owners = formulajs.COUNTA(formulajs.UNIQUE(...blocks));
  const kpis = derive({ won, lost, open, revenue, openValue }, cycle, owners, deals.target);
  kpis.AVG_DEAL_SIZE = formulajs.AVERAGEIFS(amount, stage, wonText);
  return kpis;
}

/** The first KPI on which two contestants differ by more than rounding, or undefined. */
export function disagreement(expected: Kpis, actual: Kpis, tolerance = 1e-9): string | undefined {
  for (const id of DEAL_KPI_IDS) {
    const [a, b] = [expected[id], actual[id]];
    if (typeof b !== "number" || Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a)))
      return `${id}: ${a} against ${String(b)}`;
  }
  return undefined;
}

/**
 * One size of the engine benchmark, in a process of its own (started by main.ts): the engine, the
 * floor, formula.js and HyperFormula side by side over the same deal table, timed after warm-up.
 * Prints one line of JSON. Usage: node engineRun.js ROWS [--no-hyperformula]
 */
import { type Kpis, disagreement, engineKpis, floorKpis, formulajsKpis } from "./contestants";
import { type ExcelDeals, excelDeals } from "./dealData";
import { hyperformulaContestant } from "./hyperformula";
import { type TimingOptions, timeMedian } from "./timing";

/** What one size gives: milliseconds per contestant (null when not run) and whether they agree. */
export interface EngineRow {
  rows: number;
  engine_ms: number;
  floor_ms: number;
  formulajs_ms: number;
  hyperformula_ms: number | null;
}

/** Contestants that give different KPIs: the benchmark itself is wrong, whatever the sizes. */
export class Disagreement extends Error {}

/** Exit code of a run whose contestants disagree (any other failure may be HyperFormula's memory). */
export const EXIT_DISAGREEMENT = 3;

/** The table every contestant warms up on first, so that large sizes need no warm-up of their own. */
const WARMUP_ROWS = 10_000;

/** A contestant: its work, and untimed preparation before each run where it needs one. */
interface Contestant {
  name: string;
  work: (deals: ExcelDeals) => Kpis;
  prepare?: (deals: ExcelDeals) => void;
}

/** Runs one contestant: twice on the small table, then timed on the real one; checks its answer. */
function measure(
  contestant: Contestant,
  small: ExcelDeals,
  deals: ExcelDeals,
  expected: Kpis,
  options: TimingOptions
): number {
  const { name, work, prepare } = contestant;
  for (let i = 0; i < 2; i++) {
    prepare?.(small);
    work(small);
  }
  const timed = timeMedian(() => work(deals), {
    ...options,
    setup: prepare && (() => prepare(deals)),
  });
  const wrong = disagreement(expected, timed.result);
  if (wrong)
    throw new Disagreement(`${name} disagrees with the engine at ${deals.rows} rows: ${wrong}`);
  process.stderr.write(`  ${name}: ${timed.ms.toFixed(1)} ms (median of ${timed.runs})\n`);
  return timed.ms;
}

/** Times the four contestants over `rows` deals. */
export function runEngineSize(rows: number, withHyperformula: boolean): EngineRow {
  const deals = excelDeals(rows);
  const small = rows === WARMUP_ROWS ? deals : excelDeals(WARMUP_ROWS, 8);
  const expected = engineKpis(deals);
  // Every contestant first runs twice on a 10,000-row table (compiled by then); the fast ones also
  // warm up on the real table. The slow ones take minutes a run at a million rows (HyperFormula),
  // so they get three runs there, and a warm-up run on the real table only where it is cheap.
  const fast: TimingOptions = { warmup: 3, minRuns: 7, maxRuns: 31, budgetMs: 3_000 };
  const slow: TimingOptions = {
    warmup: small === deals || rows > 100_000 ? 0 : 1,
    minRuns: 3,
    maxRuns: rows > 100_000 ? 3 : 5,
  };
  process.stderr.write(`engine benchmark, ${rows} rows\n`);
  const row: EngineRow = {
    rows,
    engine_ms: measure({ name: "engine", work: engineKpis }, small, deals, expected, fast),
    floor_ms: measure({ name: "floor", work: floorKpis }, small, deals, expected, fast),
    formulajs_ms: measure(
      { name: "formula.js", work: formulajsKpis },
      small,
      deals,
      expected,
      slow
    ),
    hyperformula_ms: null,
  };
  if (withHyperformula) {
    // Running out of memory ends the process (main.ts then runs the size again without it); any
    // other failure of HyperFormula's is an error of the benchmark, as the other contestants' are.
    const engines = new Map([small, deals].map((table) => [table, hyperformulaContestant(table)]));
    row.hyperformula_ms = measure(
      {
        name: "HyperFormula",
        prepare: (table) => engines.get(table)!.setup(),
        work: (table) => engines.get(table)!.run(),
      },
      small,
      deals,
      expected,
      slow
    );
  }
  return row;
}

if (require.main === module) {
  const rows = Number(process.argv[2]);
  if (!Number.isInteger(rows) || rows <= 0)
    throw new Error(`rows must be a count, not ${process.argv[2]}`);
  try {
    const row = runEngineSize(rows, !process.argv.includes("--no-hyperformula"));
    process.stdout.write(`${JSON.stringify(row)}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof Disagreement ? EXIT_DISAGREEMENT : 1;
  }
}

/**
 * `kpi solve`: goal seek on the what-if model. The value of one lever that brings one output to a
 * target, the other levers at the specification's example values, a deal export's KPIs (--data) or
 * values given with --set.
 */
import {
  LEVERS,
  LEVER_IDS,
  type Lever,
  type LeverValues,
  OUTPUT_IDS,
  type Output,
  dealKpis,
  exampleLevers,
  findLever,
  findOutput,
  leversFromDealKpis,
  leversOf,
  parseNumberText,
  solveLever,
} from "../engine";
import { type DealOptions, periodFor, readingOptions, readPeriod } from "./dealCommands";
import { formatNumber } from "./format";
import { loadDeals } from "./loadDeals";
import { UsageError } from "./typedValue";

export interface SolveOptions extends DealOptions {
  output: string;
  lever: string;
  target: string;
  set?: string[];
  data?: string;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function readOutput(id: string): Output {
  const output = findOutput(id);
  if (!output)
    throw new UsageError(`--output must be one of ${OUTPUT_IDS.join(", ")}, not "${id}"`);
  return output;
}

function readLever(id: string, flag: string): Lever {
  const lever = findLever(id);
  if (!lever)
    throw new UsageError(`${flag} must name a lever: ${LEVER_IDS.join(", ")}, not "${id}"`);
  return lever;
}

function readNumber(text: string, flag: string): number {
  const value = parseNumberText(text);
  if (value === undefined || !Number.isFinite(value))
    throw new UsageError(`${flag} must be a number, not "${text}"`);
  return value;
}

/** Reads --set LEVER=VALUE pairs; each value must lie within its lever's range. */
function readSettings(pairs: string[]): LeverValues {
  const values: LeverValues = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 0) throw new UsageError(`--set takes LEVER=VALUE, not "${pair}"`);
    const lever = readLever(pair.slice(0, at), "--set");
    const value = readNumber(pair.slice(at + 1), `--set ${lever.id}`);
    if (value < lever.bounds.min || value > lever.bounds.max)
      throw new UsageError(
        `--set ${lever.id} must lie between ${lever.bounds.min} and ${lever.bounds.max}, not ${value}`
      );
    values[lever.id] = value;
  }
  return values;
}

/** `kpi solve`: prints the lever value that reaches the target; exit 0 found, 1 unreachable. */
export async function solveCommand(options: SolveOptions, io: Io): Promise<number> {
  const output = readOutput(options.output);
  const lever = readLever(options.lever, "--lever");
  const target = readNumber(options.target, "--target");
  const settings = readSettings(options.set ?? []);
  let fromData: LeverValues = {};
  if (options.data) {
    const loaded = await loadDeals(options.data, {
      sheet: options.sheet,
      reading: readingOptions(options),
    });
    const period = periodFor(readPeriod(options), loaded.table);
    fromData = leversFromDealKpis(dealKpis(loaded.table.columns, null, period));
  }
  const base: LeverValues = { ...exampleLevers(), ...fromData, ...settings };
  const solution = solveLever(output.id, lever.id, target, base);
  const used = Object.fromEntries(
    leversOf(output.id)
      .filter((id) => id !== lever.id)
      .map((id) => [id, base[id]])
  );
  if (options.json) {
    io.out(
      JSON.stringify(
        solution.found
          ? { ...pick(solution), base: used }
          : { ...pick(solution), reason: solution.reason, range: solution.range, base: used }
      )
    );
  } else if (solution.found) {
    io.out(`${lever.id} = ${formatNumber(solution.value)}`);
    io.out(
      `${output.id} = ${formatNumber(solution.reached)} (target ${formatNumber(target)}; ${lever.id} was ${formatNumber(base[lever.id]!)})`
    );
    io.out(`with ${describe(used)}`);
  } else {
    io.err(`kpi: unreachable: ${solution.reason}`);
    io.err(`with ${describe(used)}`);
  }
  return solution.found ? 0 : 1;
}

function pick(solution: ReturnType<typeof solveLever>) {
  const { output, lever, target, found } = solution;
  return solution.found
    ? { output, lever, target, found, value: solution.value, reached: solution.reached }
    : { output, lever, target, found };
}

function describe(values: Record<string, number | undefined>): string {
  const parts = Object.entries(values).map(([id, value]) => `${id}=${formatNumber(value!)}`);
  return parts.length ? parts.join(", ") : "no other lever";
}

/** The levers, for the command's help text. */
export const LEVER_HELP = LEVERS.map((l) => `${l.id} (${l.label.en})`).join("; ");

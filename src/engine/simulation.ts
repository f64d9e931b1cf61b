/**
 * Simulated revenue: expected revenue (opportunities × win rate × average deal size) with each lever
 * drawn from a triangular distribution (low, likely, high), summarised by its mean and percentiles.
 *
 * The random numbers come from an own seeded generator written with 32-bit integer arithmetic only
 * (Math.imul and shifts), so that a seed gives the same draws, bit for bit, wherever JavaScript runs:
 * Node (the command line), the browser, and Excel's custom-function runtime.
 */
import { type Text, textOf } from "../i18n";
import { REVENUE_SIMULATION } from "../i18n/strings/simulation";

/** The rows of a simulation's table, in order: the mean, then the percentiles. */
const SIMULATION_ROWS = ["mean", "p10", "p50", "p90"] as const;

/** Fewest and most trials of one simulation: enough to be useful, few enough to recalculate quickly. */
export const MIN_TRIALS = 1;
export const MAX_TRIALS = 100_000;

/** The percentiles a simulation reports, as fractions. */
export const SIMULATION_PERCENTILES = [0.1, 0.5, 0.9] as const;

/** Labels of the rows of a simulation's table, in each language (from the string table). */
export const SIMULATION_LABELS = Object.fromEntries(
  SIMULATION_ROWS.map((key) => [key, textOf(REVENUE_SIMULATION, (s) => s[key])])
) as Record<(typeof SIMULATION_ROWS)[number], Text>;

/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32: a 32-bit state advanced by a Weyl
 * sequence and mixed; period 2^32, ample for at most 100,000 trials of three draws).
 * @param seed Any number; its whole part modulo 2^32 seeds the generator.
 * @example const next = seededUniform(42); next(); // the same value on every platform
 */
export function seededUniform(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Low, most likely and high values of a lever, low <= likely <= high. */
export interface Triangle {
  low: number;
  likely: number;
  high: number;
}

/**
 * The value of a triangular distribution at cumulative probability u (its inverse distribution
 * function): low + sqrt(u (high − low)(likely − low)) below the mode, high − sqrt((1 − u)(high −
 * low)(high − likely)) above it. A degenerate triangle (low = high) always gives low.
 * @example triangularQuantile({ low: 0, likely: 0, high: 1 }, 0.75) // 0.5
 */
export function triangularQuantile({ low, likely, high }: Triangle, u: number): number {
  const width = high - low;
  if (width === 0) return low;
  const split = (likely - low) / width;
  return u < split
    ? low + Math.sqrt(u * width * (likely - low))
    : high - Math.sqrt((1 - u) * width * (high - likely));
}

/**
 * The p-th percentile of sorted values, interpolating between ranks as Excel's PERCENTILE.INC does:
 * rank p (n − 1), counted from 0.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
}

/** What a simulation of revenue gives. */
export interface RevenueSimulation {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Simulates revenue = opportunities × win rate × deal size over `trials` trials, each lever drawn
 * independently from its triangle, in that order in each trial, from one generator seeded by `seed`.
 * The arguments are assumed valid (low <= likely <= high; 1 <= trials <= MAX_TRIALS).
 */
export function simulateRevenue(
  opportunities: Triangle,
  winRate: Triangle,
  dealSize: Triangle,
  trials: number,
  seed: number
): RevenueSimulation {
  const next = seededUniform(seed);
  const revenue = new Float64Array(trials);
  let total = 0;
  for (let i = 0; i < trials; i++) {
    const value =
      triangularQuantile(opportunities, next()) *
      triangularQuantile(winRate, next()) *
      triangularQuantile(dealSize, next());
    revenue[i] = value;
    total += value;
  }
  revenue.sort();
  const [p10, p50, p90] = SIMULATION_PERCENTILES.map((p) => percentileOfSorted(revenue, p));
  // A mean of equal values must equal them exactly (low = likely = high gives the deterministic revenue).
  const mean = revenue[0] === revenue[trials - 1] ? revenue[0] : total / trials;
  return { mean, p10, p50, p90 };
}

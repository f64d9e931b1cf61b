/** Timing a piece of work the way the benchmark reports it: after warm-up, the median of several runs. */

/** How to time one piece of work. */
export interface TimingOptions {
  /** Untimed runs first, so that the JIT has compiled what is timed. */
  warmup?: number;
  /** Timed runs: at least minRuns, then more while the budget lasts, up to maxRuns. */
  minRuns?: number;
  maxRuns?: number;
  budgetMs?: number;
  /** Untimed work before each run (building a fresh spreadsheet engine). */
  setup?: () => void;
}

/** Milliseconds since some moment, with sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times `work` and returns the median of the timed runs in milliseconds, with the last result (the
 * caller checks it, which also keeps the work from being optimised away).
 */
export function timeMedian<T>(
  work: () => T,
  options: TimingOptions = {}
): { ms: number; runs: number; result: T } {
  const { warmup = 2, minRuns = 5, maxRuns = 15, budgetMs = 5_000, setup } = options;
  let result!: T;
  for (let i = 0; i < warmup; i++) {
    setup?.();
    result = work();
  }
  const times: number[] = [];
  const start = now();
  while (times.length < minRuns || (times.length < maxRuns && now() - start < budgetMs)) {
    setup?.();
    const began = now();
    result = work();
    times.push(now() - began);
  }
  return { ms: median(times), runs: times.length, result };
}

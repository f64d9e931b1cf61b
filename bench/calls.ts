/**
 * Custom-function calls: PIPELINE_VELOCITY through the function the built bundle registers (the code
 * Excel runs), next to the bare arithmetic reading the same arguments. Excel passes every argument as
 * a 2-D matrix (the metadata declares them so, for ranges) and an invocation object last.
 */
import * as fs from "fs";
import * as vm from "vm";
import { median, now, timeMedian } from "./timing";

/** Distinct argument sets cycled through, so that no call repeats the previous one's values. */
const SETS = 1024;

/** The id the bare arithmetic is registered under, beside the bundle's functions. */
const BARE = "BARE_PIPELINE_VELOCITY";

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

type Registered = (...args: unknown[]) => unknown;

/** The functions a bundle registers, run in this realm with a stand-in CustomFunctions runtime. */
export function loadBundle(file: string): Map<string, Registered> {
  const registered = new Map<string, Registered>();
  // Left in place, as in Excel: a bundle may look the runtime up when a function is called.
  (globalThis as Record<string, unknown>).CustomFunctions = {
    associate: (id: string, fn: Registered) => registered.set(id, fn),
    Error: StandInError,
  };
  // In this realm, not a vm context of its own: calls across realms are many times slower, and in
  // Excel the runtime and the functions share one.
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  return registered;
}

/** Calls per second of the wrapper Excel calls and of the bare arithmetic. */
export interface CallsResult {
  per_second: number;
  floor_per_second: number;
}

/**
 * Measures both over the same arguments.
 * @param bundle The built custom-functions bundle (dist/functions.js).
 * @param seconds About how long to spend on each.
 */
export function measureCalls(bundle: string, seconds: number): CallsResult {
  const registered = loadBundle(bundle);
  const velocity = registered.get("PIPELINE_VELOCITY");
  if (!velocity) throw new Error(`${bundle} does not register PIPELINE_VELOCITY`);
  const matrix = (value: number) => [[value]];
  const opportunities = Array.from({ length: SETS }, (_, i) => matrix(100 + i));
  const winRates = Array.from({ length: SETS }, (_, i) => matrix(0.1 + (i % 80) / 100));
  const dealSizes = Array.from({ length: SETS }, (_, i) => matrix(5_000 + 3 * i));
  const days = Array.from({ length: SETS }, (_, i) => matrix(10 + (i % 50)));
  const invocation = { address: "Sheet1!B2", functionName: "PIPELINE_VELOCITY" };

  const expected = (i: number) =>
    (opportunities[i][0][0] * winRates[i][0][0] * dealSizes[i][0][0]) / days[i][0][0];
  const answer = velocity(opportunities[7], winRates[7], dealSizes[7], days[7], invocation);
  if ((answer as number[][])[0][0] !== expected(7))
    throw new Error(`PIPELINE_VELOCITY answered ${JSON.stringify(answer)}, not ${expected(7)}`);

  // Excel's runtime looks each call's function up by its id and calls it with the arguments it
  // deserialised: one call site for every function, so no callee is ever inlined into it. Both are
  // called that way here, the bare arithmetic registered beside the bundle's functions, after the
  // dispatcher has called each of them.
  const bare: Registered = (o, w, s, d) =>
    ((o as number[][])[0][0] * (w as number[][])[0][0] * (s as number[][])[0][0]) /
    (d as number[][])[0][0];
  const registry = new Map(registered).set(BARE, bare);
  const dispatch = (id: string, args: unknown[]): unknown => registry.get(id)!(...args);
  for (const id of registry.keys())
    for (let i = 0; i < 10; i++) dispatch(id, [[[1]], [[1]], [[1]], [[1]], invocation]);
  const requests = Array.from({ length: SETS }, (_, i) => [
    opportunities[i],
    winRates[i],
    dealSizes[i],
    days[i],
    invocation,
  ]);
  // Two loops written out, not made by one function: each then has feedback of its own in V8.
  const wrapper = (calls: number): number => {
    let sum = 0;
    for (let k = 0; k < calls; k++)
      sum += (dispatch("PIPELINE_VELOCITY", requests[k & (SETS - 1)]) as number[][])[0][0];
    return sum;
  };
  const floor = (calls: number): number => {
    let sum = 0;
    for (let k = 0; k < calls; k++) sum += dispatch(BARE, requests[k & (SETS - 1)]) as number;
    return sum;
  };
  const [perSecond, floorPerSecond] = callsPerSecond([wrapper, floor], seconds);
  return { per_second: perSecond, floor_per_second: floorPerSecond };
}

/** A batch of calls that takes about a tenth of a second (the first batches also warm the loop up). */
function batchSize(loop: (calls: number) => number): number {
  let batch = 10_000;
  for (;;) {
    const { ms } = timeMedian(() => loop(batch), { warmup: 1, minRuns: 1, maxRuns: 1 });
    if (ms >= 100 || batch >= 1e9) return batch;
    batch *= ms < 10 ? 10 : 2;
  }
}

/**
 * Calls per second of each loop: batches taken in turn, one of each loop after the other, so that a
 * busy moment of the machine slows both alike; the median batch of each.
 */
function callsPerSecond(loops: ((calls: number) => number)[], seconds: number): number[] {
  const batches = loops.map(batchSize);
  const times: number[][] = loops.map(() => []);
  const start = now();
  while (times[0].length < 5 || (times[0].length < 100 && now() - start < seconds * 1000)) {
    loops.forEach((loop, i) => {
      const began = now();
      loop(batches[i]);
      times[i].push(now() - began);
    });
  }
  return loops.map((_, i) => Math.round(batches[i] / (median(times[i]) / 1000)));
}

if (require.main === module) {
  // Run by main.ts in a process of its own, so that nothing measured before shapes the JIT's view.
  const [bundle, seconds] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(measureCalls(bundle, Number(seconds)))}\n`);
}

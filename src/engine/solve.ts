/**
 * Goal seek: the value of one input that makes a function reach a target. Pure and general: it needs
 * only the function and the input's range, so it serves every output and lever of the what-if model
 * (see solveLever) and any other monotonic or non-monotonic function of one variable.
 */
import {
  type Language,
  type Text,
  fillBoth,
  formatNumber,
  formatPercent,
  numberFormat,
  textOf,
} from "../i18n";
import { SOLVER } from "../i18n/strings/solver";
import { type KpiError, isError } from "./values";
import {
  type LeverId,
  type LeverValues,
  type OutputId,
  leverOf,
  leversOf,
  outputLabel,
  outputOf,
  outputValue,
} from "./whatIfModel";

/** Relative accuracy the solver aims at on the output: well inside the specification's 1e-9. */
export const SOLVE_TOLERANCE = 1e-12;
/** A crossing whose refinement ends farther than this (relative) from the target is a jump, not a root. */
const ACCEPTED = 1e-9;

/** Points of the scan that looks for a crossing the bracket expansion missed (non-monotonic functions). */
const SCAN_POINTS = 2000;
const MAX_REFINE_STEPS = 400;

export type Solution =
  | { found: true; value: number; reached: number; evaluations: number }
  | {
      found: false;
      /** Why, in a sentence, in each language (the reader's is known only when it is shown). */
      reason: Text;
      /** Smallest and largest value the function took over the range (null: nowhere defined). */
      range: { min: number; max: number } | null;
      evaluations: number;
    };

/** A function of one variable as the engine gives it: a number or an error value (a gap). */
export type Objective = (x: number) => number | KpiError;

const isNumber = (y: number | KpiError): y is number => !isError(y) && Number.isFinite(y);

/**
 * Finds x in [min, max] with f(x) = target to SOLVE_TOLERANCE relative (or to the resolution of
 * floating point, where f is too steep for that), nearest to `start` where there are several.
 *
 * It first expands a bracket outwards from `start` in both directions, doubling the step up to the
 * bounds, until f − target changes sign between two points where f is defined (a sign change across a
 * gap, such as 1/x across 0, is not a crossing); failing that it scans the range evenly and, when the
 * range spans orders of magnitude, geometrically, so that a non-monotonic f that dips to the target
 * between the expansion's points is still found. The bracket is then refined by Brent's method
 * (inverse quadratic interpolation, secant and bisection steps).
 *
 * @returns The value found, or why the target cannot be reached, with the range f spans.
 * @example findInput((x) => 200 * x * 10000, 1e6, { min: 0, max: 1 }).value // 0.5
 */
export function findInput(
  f: Objective,
  target: number,
  bounds: { min: number; max: number },
  start?: number
): Solution {
  let evaluations = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  const tolerance = SOLVE_TOLERANCE * Math.max(1, Math.abs(target));
  const g = (x: number): number => {
    evaluations++;
    const y = f(x);
    if (!isNumber(y)) return NaN;
    lowest = Math.min(lowest, y);
    highest = Math.max(highest, y);
    return y - target;
  };
  const done = (x: number, gx: number): Solution => ({
    found: true,
    value: x === 0 ? 0 : x,
    reached: gx + target,
    evaluations,
  });

  const { min, max } = bounds;
  const clamp = (x: number) => Math.min(max, Math.max(min, x));
  const x0 = clamp(start !== undefined && Number.isFinite(start) ? start : (min + max) / 2);
  const g0 = g(x0);
  if (Math.abs(g0) <= tolerance) return done(x0, g0);

  // The nearest crossing first, then every crossing of a scan: a sign change can also be a pole
  // (1/x across 0), which refining shows by never coming close to the target.
  function* candidates(): Generator<Bracket> {
    const near = expandBracket(g, x0, g0, min, max);
    if (near) yield near;
    yield* scanBrackets(g, min, max);
  }
  for (const bracket of candidates()) {
    if ("exact" in bracket) return done(bracket.exact, bracket.g);
    const [x, gx] = refine(g, bracket.a, bracket.ga, bracket.b, bracket.gb, tolerance);
    if (Math.abs(gx) <= ACCEPTED * Math.max(1, Math.abs(target))) return done(x, gx);
  }
  const range = lowest <= highest ? { min: lowest, max: highest } : null;
  const spans = range
    ? fillBoth(said("spans"), {
        low: shownBoth(range.min, "number"),
        high: shownBoth(range.max, "number"),
      })
    : said("nowhereDefined");
  return {
    found: false,
    reason: fillBoth(said("notReached"), {
      target: shownBoth(target, "number"),
      min: shownBoth(min, "number"),
      max: shownBoth(max, "number"),
      spans,
    }),
    range,
    evaluations,
  };
}

type Bracket = { a: number; ga: number; b: number; gb: number } | { exact: number; g: number };

/** Both values defined and of opposite signs, or one of them exactly on target. */
function crosses(ga: number, gb: number): boolean {
  return !Number.isNaN(ga) && !Number.isNaN(gb) && (ga === 0 || gb === 0 || ga < 0 !== gb < 0);
}

function bracketOf(a: number, ga: number, b: number, gb: number): Bracket {
  if (ga === 0) return { exact: a, g: 0 };
  if (gb === 0) return { exact: b, g: 0 };
  return { a, ga, b, gb };
}

/** Steps outwards from x0, alternating sides and doubling, until a crossing or both bounds. */
function expandBracket(
  g: (x: number) => number,
  x0: number,
  g0: number,
  min: number,
  max: number
): Bracket | undefined {
  const sides = [
    { dir: 1, x: x0, gx: g0, open: x0 < max },
    { dir: -1, x: x0, gx: g0, open: x0 > min },
  ];
  let step = Math.max(Math.abs(x0) * 1e-3, (max - min) * 1e-9, Number.MIN_VALUE);
  while (sides.some((side) => side.open)) {
    for (const side of sides) {
      if (!side.open) continue;
      const x = Math.min(max, Math.max(min, x0 + side.dir * step));
      const gx = g(x);
      if (crosses(side.gx, gx)) return bracketOf(side.x, side.gx, x, gx);
      side.x = x;
      side.gx = gx;
      side.open = x !== (side.dir > 0 ? max : min);
    }
    step *= 2;
  }
  return undefined;
}

/** Evaluates the range evenly (and geometrically when it spans decades): every crossing found. */
function scanBrackets(g: (x: number) => number, min: number, max: number): Bracket[] {
  const points: number[] = [];
  for (let i = 0; i <= SCAN_POINTS; i++) points.push(min + ((max - min) * i) / SCAN_POINTS);
  const floor = Math.max(min, max * 1e-12);
  if (max > 0 && max / floor > 1e3) {
    for (let i = 0; i <= SCAN_POINTS; i++) points.push(floor * (max / floor) ** (i / SCAN_POINTS));
  }
  points.sort((a, b) => a - b);
  const brackets: Bracket[] = [];
  let previous = { x: points[0], gx: g(points[0]) };
  for (const x of points.slice(1)) {
    if (x === previous.x) continue;
    const gx = g(x);
    if (crosses(previous.gx, gx)) brackets.push(bracketOf(previous.x, previous.gx, x, gx));
    previous = { x, gx };
  }
  return brackets;
}

/**
 * Brent's method on a bracket [a, b] with g(a), g(b) of opposite signs. Where g is undefined at the
 * step's point, the midpoint is tried instead; undefined there too, refining stops with the best end
 * so far (which the caller then rejects unless it is on target).
 * @returns The best point and its g.
 */
function refine(
  g: (x: number) => number,
  a: number,
  ga: number,
  b: number,
  gb: number,
  tolerance: number
): [number, number] {
  if (Math.abs(ga) < Math.abs(gb)) [a, ga, b, gb] = [b, gb, a, ga];
  let c = a;
  let gc = ga;
  let d = b - a;
  let bisected = true;
  for (let i = 0; i < MAX_REFINE_STEPS; i++) {
    if (Math.abs(gb) <= tolerance) break;
    const resolution = 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
    if (Math.abs(b - a) <= resolution) break;
    let s: number;
    if (ga !== gc && gb !== gc) {
      s =
        (a * gb * gc) / ((ga - gb) * (ga - gc)) +
        (b * ga * gc) / ((gb - ga) * (gb - gc)) +
        (c * ga * gb) / ((gc - ga) * (gc - gb));
    } else {
      s = b - (gb * (b - a)) / (gb - ga);
    }
    const mid = (a + b) / 2;
    const outside = (s - (3 * a + b) / 4) * (s - b) >= 0;
    const slow = bisected
      ? Math.abs(s - b) >= Math.abs(b - c) / 2
      : Math.abs(s - b) >= Math.abs(c - d) / 2;
    if (!Number.isFinite(s) || outside || slow) {
      s = mid;
      bisected = true;
    } else bisected = false;
    let gs = g(s);
    if (Number.isNaN(gs)) {
      s = mid;
      gs = g(s);
      bisected = true;
      if (Number.isNaN(gs)) {
        // Undefined inside the bracket: keep the defined end that is closer to the target.
        break;
      }
    }
    d = c;
    c = b;
    gc = gb;
    if (ga < 0 !== gs < 0) {
      b = s;
      gb = gs;
    } else {
      a = s;
      ga = gs;
    }
    if (Math.abs(ga) < Math.abs(gb)) [a, ga, b, gb] = [b, gb, a, ga];
  }
  return [b, gb];
}

/** What `solveLever` answers: the value found and the output reached, or why not. */
export type LeverSolution = Solution & { output: OutputId; lever: LeverId; target: number };

/**
 * The value of a lever that brings an output of the what-if model to a target, the other levers
 * held at `values`; the lever's declared bounds are the range searched and its current value the start.
 * @example solveLever("EXPECTED_REVENUE", "WIN_RATE", 2e6, exampleLevers()) // value 1 (200 × 10,000 × 1)
 */
export function solveLever(
  output: OutputId,
  lever: LeverId,
  target: number,
  values: LeverValues
): LeverSolution {
  const { bounds } = leverOf(lever);
  const f = (x: number) => outputValue(output, { ...values, [lever]: x });
  const base = { output, lever, target };
  if (!leversOf(output).includes(lever)) {
    const now = f(values[lever] ?? bounds.min);
    return {
      ...base,
      found: false,
      reason: fillBoth(said("independent"), {
        output: outputText(output),
        lever: leverOf(lever).label,
      }),
      range: isNumber(now) ? { min: now, max: now } : null,
      evaluations: 1,
    };
  }
  const solution = findInput(f, target, bounds, values[lever]);
  if (solution.found) return { ...base, ...solution };
  return { ...base, ...solution, reason: unreachableReason(output, lever, target, solution.range) };
}

/** The sentence that says why a target is out of reach, in each language. */
function unreachableReason(
  output: OutputId,
  lever: LeverId,
  target: number,
  range: { min: number; max: number } | null
): Text {
  const { bounds, kind, label } = leverOf(lever);
  const leverShown = kind === "rate" ? "rate" : "amount";
  const outputShown = outputOf(output).unit === "rate" ? "rate" : "amount";
  const over = {
    output: outputText(output),
    lever: label,
    min: shownBoth(bounds.min, leverShown),
    max: shownBoth(bounds.max, leverShown),
  };
  if (!range) return fillBoth(said("undefinedEverywhere"), over);
  const where =
    target > range.max ? said("above") : target < range.min ? said("below") : said("gap");
  return fillBoth(said("unreachable"), {
    ...over,
    target: shownBoth(target, outputShown),
    low: shownBoth(range.min, outputShown),
    high: shownBoth(range.max, outputShown),
    where,
  });
}

/** An entry of the solver's section in both languages. */
const said = (key: keyof (typeof SOLVER)["en"]): Text => textOf(SOLVER, (s) => s[key]);

/** An output's label in both languages. */
function outputText(id: OutputId): Text {
  const out = outputOf(id);
  return { en: outputLabel(out, "en"), tr: outputLabel(out, "tr") };
}

/**
 * How a message writes a value: "rate" as a percentage (25%, 32.5%), "amount" (money, counts, days)
 * to two decimals at most, "number" (a function's bare input or value) to ten significant digits,
 * in scientific notation when very large or small.
 */
export type ShownAs = "rate" | "amount" | "number";

/**
 * A value as a person reads it in a message, in a language's format: 1,250 and 25% in English,
 * 1.250 and %25 in Turkish.
 * @example shownValue(0.325, "rate", "tr") // "%32,5"
 */
export function shownValue(value: number, as: ShownAs, language: Language): string {
  if (as === "rate") {
    // As many decimals of the percentage as it has, up to two: 25%, 32.5%, 32.92%.
    const hundredths = Math.round(value * 10_000);
    const digits = hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2;
    return formatPercent(value, language, digits);
  }
  if (as === "amount") return formatNumber(value, language, 2);
  // A bare number can be of any size (1/x near 0): beyond the usual range, in scientific notation.
  const magnitude = Math.abs(value);
  const scientific = magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-6);
  return numberFormat(language, {
    maximumSignificantDigits: 10,
    notation: scientific ? "scientific" : "standard",
  }).format(value);
}

function shownBoth(value: number, as: ShownAs): Text {
  return { en: shownValue(value, as, "en"), tr: shownValue(value, as, "tr") };
}

/**
 * KPI.REVENUE_SIMULATION: with no uncertainty it gives the deterministic revenue; with one triangular
 * lever its mean and percentiles agree with the triangular distribution's closed forms (within a few
 * standard errors); with three, its mean agrees with the product of the means; the same seed gives
 * the same answer, bit for bit.
 */
import {
  MAX_TRIALS,
  type ResultCell,
  type Triangle,
  evaluate,
  seededUniform,
  simulateRevenue,
} from "../../src/engine";

/** The closed forms of a triangular distribution (low a, mode c, high b). */
const closedForm = {
  mean: ({ low, likely, high }: Triangle) => (low + likely + high) / 3,
  variance: ({ low: a, likely: c, high: b }: Triangle) =>
    (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
  quantile: ({ low: a, likely: c, high: b }: Triangle, p: number) =>
    p <= (c - a) / (b - a)
      ? a + Math.sqrt(p * (b - a) * (c - a))
      : b - Math.sqrt((1 - p) * (b - a) * (b - c)),
  density: ({ low: a, likely: c, high: b }: Triangle, x: number) =>
    x <= c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c)),
};

const fixed = (value: number): Triangle => ({ low: value, likely: value, high: value });
const TRIALS = MAX_TRIALS;
/** Standard errors allowed: a correct simulation fails this about once in 15,000 checks. */
const Z = 4;

function table(args: (number | null)[]): Record<string, number> {
  const result = evaluate("REVENUE_SIMULATION", args) as ResultCell[][];
  return Object.fromEntries(result.map(([label, value]) => [label as string, value as number]));
}

describe("REVENUE_SIMULATION", () => {
  it.each([
    [200, 0.25, 10000, 1],
    [43, 0.391304347826087, 23290.12345679, 42],
    [0, 0.5, 1000, 7],
    [1, 1, 1, 99],
  ])(
    "gives the deterministic revenue at every percentile with low = likely = high (%d, %d, %d)",
    (opportunities, rate, size, seed) => {
      const result = table([
        ...[opportunities, opportunities, opportunities],
        ...[rate, rate, rate],
        ...[size, size, size],
        1000,
        seed,
      ]);
      const revenue = opportunities * rate * size;
      expect(result).toEqual({
        Mean: revenue,
        P10: revenue,
        "P50 (median)": revenue,
        P90: revenue,
      });
    }
  );

  const skewed: [string, Triangle][] = [
    ["symmetric", { low: 100, likely: 200, high: 300 }],
    ["skewed right", { low: 150, likely: 180, high: 400 }],
    ["skewed left", { low: 0.1, likely: 0.45, high: 0.5 }],
    ["mode at the low end", { low: 5000, likely: 5000, high: 20000 }],
  ];
  const measured: string[] = [];
  it.each(skewed.map(([label, triangle], i) => [label, triangle, i] as const))(
    "agrees with the closed forms of one triangular lever (%s)",
    (_label, triangle, index) => {
      // The uncertain lever in each position in turn, the others fixed at 1 (so revenue is the lever).
      for (const position of [0, 1, 2]) {
        const levers = [fixed(1), fixed(1), fixed(1)];
        levers[position] = triangle;
        if (position === 1 && triangle.high > 1) continue; // a win rate stays within 0..1
        const result = simulateRevenue(
          levers[0],
          levers[1],
          levers[2],
          TRIALS,
          2024 + 3 * index + position
        );
        const sd = Math.sqrt(closedForm.variance(triangle));
        const meanError =
          Math.abs(result.mean - closedForm.mean(triangle)) / (sd / Math.sqrt(TRIALS));
        expect(meanError).toBeLessThan(Z);
        for (const [p, got] of [
          [0.1, result.p10],
          [0.5, result.p50],
          [0.9, result.p90],
        ] as const) {
          const want = closedForm.quantile(triangle, p);
          const standardError =
            Math.sqrt(p * (1 - p)) / (closedForm.density(triangle, want) * Math.sqrt(TRIALS));
          if (Math.abs(got - want) > Z * standardError)
            throw new Error(
              `P${p * 100}: closed form ${want}, simulated ${got} (se ${standardError})`
            );
          if (p === 0.5)
            measured.push(
              `${_label}, lever ${position + 1}: mean ${meanError.toFixed(2)} and median ${(Math.abs(got - want) / standardError).toFixed(2)} standard errors from the closed form`
            );
        }
      }
    }
  );

  afterAll(() =>
    console.log(`simulation vs closed form at ${TRIALS} trials:\n${measured.join("\n")}`)
  );

  it("has the mean of a product of independent levers: the product of their means", () => {
    const o = { low: 150, likely: 200, high: 260 };
    const w = { low: 0.2, likely: 0.25, high: 0.3 };
    const s = { low: 8000, likely: 10000, high: 14000 };
    const result = simulateRevenue(o, w, s, TRIALS, 5);
    const m = [o, w, s].map(closedForm.mean);
    const second = [o, w, s].map((t) => closedForm.variance(t) + closedForm.mean(t) ** 2);
    const sd = Math.sqrt(second[0] * second[1] * second[2] - (m[0] * m[1] * m[2]) ** 2);
    expect(Math.abs(result.mean - m[0] * m[1] * m[2])).toBeLessThan((Z * sd) / Math.sqrt(TRIALS));
    expect(result.p10).toBeLessThan(result.p50);
    expect(result.p50).toBeLessThan(result.p90);
  });

  it("gives the same answer for the same seed, and another for another seed", () => {
    const args = [150, 200, 260, 0.2, 0.25, 0.3, 8000, 10000, 14000, 5000];
    expect(evaluate("REVENUE_SIMULATION", [...args, 3])).toEqual(
      evaluate("REVENUE_SIMULATION", [...args, 3])
    );
    expect(evaluate("REVENUE_SIMULATION", [...args, 3])).not.toEqual(
      evaluate("REVENUE_SIMULATION", [...args, 4])
    );
  });

  it("draws uniform numbers: the generator's mean and spread are those of U(0, 1)", () => {
    const next = seededUniform(123);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - sum ** 2 / n ** 2 - 1 / 12)).toBeLessThan(0.001);
  });

  it("labels its rows in Turkish for Turkish Excel", () => {
    const result = evaluate("REVENUE_SIMULATION", [1, 1, 1, 0.5, 0.5, 0.5, 10, 10, 10], {
      language: "tr",
    }) as ResultCell[][];
    expect(result.map((row) => row[0])).toEqual(["Ortalama", "P10", "P50 (medyan)", "P90"]);
  });

  it("refuses trials out of range and levers out of order, saying why", () => {
    const tooMany = evaluate("REVENUE_SIMULATION", [
      1,
      1,
      1,
      0.5,
      0.5,
      0.5,
      10,
      10,
      10,
      MAX_TRIALS + 1,
    ]);
    expect(tooMany).toMatchObject({ code: "#NUM!", message: expect.stringMatching(/trials/) });
    const disordered = evaluate("REVENUE_SIMULATION", [1, 1, 1, 0.6, 0.5, 0.7, 10, 10, 10]);
    expect(disordered).toMatchObject({ code: "#NUM!", message: expect.stringMatching(/win_rate/) });
  });
});

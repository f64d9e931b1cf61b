/**
 * Goal seek: the solver reaches its target on every output through every lever it depends on (to
 * 1e-9 relative), says clearly when a target is out of the lever's range, agrees with the
 * specification's inverse functions, and works on functions that are not monotonic.
 */
import {
  LEVER_IDS,
  OUTPUT_IDS,
  type OutputId,
  type LeverId,
  evaluate,
  exampleLevers,
  findInput,
  isError,
  leverOf,
  leversOf,
  numError,
  outputLabel,
  outputOf,
  outputValue,
  solveLever,
} from "../../src/engine";
import { closeTo } from "../helpers";
import { kpi } from "../support/cli";
import { solve } from "./solveRun";

const base = exampleLevers();
const FACTORS = [0.5, 0.9, 1.37, 2, 10];

/** Every output with every lever it depends on. */
const PAIRS: [OutputId, LeverId][] = OUTPUT_IDS.flatMap((output) =>
  leversOf(output).map((lever): [OutputId, LeverId] => [output, lever])
);

/** Whether some value of the lever within its bounds reaches the target, by a dense scan of the engine. */
function reachable(output: OutputId, lever: LeverId, target: number): boolean {
  const { min, max } = leverOf(lever).bounds;
  let previous: number | undefined;
  for (let i = 0; i <= 20000; i++) {
    // Dense near the bottom too: outputs such as velocity change fastest near 0.
    const x = min + (max - min) * (i / 20000) ** 4;
    const y = outputValue(output, { ...base, [lever]: x });
    if (isError(y)) continue;
    if (previous !== undefined && (previous - target) * (y - target) <= 0) return true;
    previous = y;
  }
  return false;
}

describe("solveLever", () => {
  it("covers every output and lever of the model", () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PAIRS.map(([o]) => o)).size).toBe(OUTPUT_IDS.length);
    expect(new Set(PAIRS.map(([, l]) => l)).size).toBe(LEVER_IDS.length);
  });

  let found = 0;
  let unreachable = 0;
  let worst = 0;
  it.each(PAIRS)("brings %s to its target by moving %s, or says why it cannot", (output, lever) => {
    const now = outputValue(output, base) as number;
    for (const factor of FACTORS) {
      const target = now * factor;
      const solution = solveLever(output, lever, target, base);
      if (solution.found) {
        found++;
        const { min, max } = leverOf(lever).bounds;
        expect(solution.value).toBeGreaterThanOrEqual(min);
        expect(solution.value).toBeLessThanOrEqual(max);
        // The engine itself, at the value found, gives the target.
        const reached = outputValue(output, { ...base, [lever]: solution.value }) as number;
        const error = Math.abs(reached - target) / Math.max(1, Math.abs(target));
        worst = Math.max(worst, error);
        if (!closeTo(reached, target))
          throw new Error(`${output} via ${lever}: ${reached} for a target of ${target}`);
      } else {
        unreachable++;
        expect(reachable(output, lever, target)).toBe(false);
        const [outputName, leverName] = [
          outputLabel(outputOf(output), "en"),
          leverOf(lever).label.en,
        ];
        expect(solution.reason.en).toContain(`“${outputName}” cannot reach `);
        expect(solution.reason.en).toContain(` by moving “${leverName}” from `);
        expect(solution.range).not.toBeNull();
        const { min, max } = solution.range!;
        expect(target < min || target > max).toBe(true);
      }
    }
  });

  afterAll(() => {
    console.log(
      `solver: ${found} targets reached, worst relative error ${worst.toExponential(2)}; ${unreachable} reported unreachable`
    );
    expect(found).toBeGreaterThan(80);
    expect(unreachable).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(1e-9);
  });

  it("states that an output does not depend on a lever", () => {
    const solution = solveLever("EXPECTED_REVENUE", "LEADS", 1e6, base);
    expect(solution.found).toBe(false);
    if (!solution.found)
      expect(solution.reason.en).toBe(
        "“Expected revenue” does not depend on “Leads in the period”"
      );
  });

  it("says the target is above what a rate can give, with the range the output spans", () => {
    const solution = solveLever("EXPECTED_REVENUE", "WIN_RATE", 3e6, base);
    expect(solution).toMatchObject({ found: false, range: { min: 0, max: 2e6 } });
    if (!solution.found)
      expect(solution.reason.en).toBe(
        "“Expected revenue” cannot reach 3,000,000 by moving “Win rate” from 0% to 100%: it spans 0 to 2,000,000, and the target is above the highest value it takes"
      );
  });

  it("says so when a blank lever leaves the output undefined everywhere", () => {
    const solution = solveLever("CAC", "LEADS", 1000, {
      ...base,
      SALES_MARKETING_SPEND: undefined,
    });
    expect(solution.found).toBe(false);
    if (!solution.found)
      expect(solution.reason.en).toBe(
        "“Customer acquisition cost” cannot be computed for any “Leads in the period” from 0 to 1,000,000,000 with the other levers as they are (a blank or invalid lever)"
      );
  });
});

describe("the specification's inverse functions and the solver agree", () => {
  const { OPEN_OPPORTUNITIES: opportunities, AVG_DEAL_SIZE: size, WIN_RATE: rate } = base;

  it.each([250000, 1e6, 1234567.89, 2e6])("REQUIRED_WIN_RATE for %d", (target) => {
    const solved = solveLever("EXPECTED_REVENUE", "WIN_RATE", target, base);
    const inverse = evaluate("REQUIRED_WIN_RATE", [target, opportunities, size]);
    expect(solved.found && closeTo(solved.value, inverse as number)).toBe(true);
  });

  it("REQUIRED_WIN_RATE is #NUM! exactly where the solver finds the target unreachable", () => {
    const inverse = evaluate("REQUIRED_WIN_RATE", [3e6, opportunities, size]);
    expect(inverse).toMatchObject({ code: "#NUM!" });
    expect(solveLever("EXPECTED_REVENUE", "WIN_RATE", 3e6, base).found).toBe(false);
  });

  it.each([250000, 1e6, 7777777])("REQUIRED_DEAL_SIZE for %d", (target) => {
    const solved = solveLever("EXPECTED_REVENUE", "AVG_DEAL_SIZE", target, base);
    const inverse = evaluate("REQUIRED_DEAL_SIZE", [target, opportunities, rate]);
    expect(solved.found && closeTo(solved.value, inverse as number)).toBe(true);
  });

  it.each([1e6, 1000001, 3333333])(
    "REQUIRED_LEADS for %d is the solver's leads rounded up",
    (target) => {
      const solved = solveLever("NEW_CUSTOMER_REVENUE", "LEADS", target, base);
      const inverse = evaluate("REQUIRED_LEADS", [target, base.LEAD_CONVERSION_RATE, rate, size]);
      expect(solved.found).toBe(true);
      if (solved.found) expect(Math.ceil(solved.value * (1 - 1e-9))).toBe(inverse);
    }
  );
});

describe("findInput", () => {
  it("finds the crossing nearest its start where there are two", () => {
    const f = (x: number) => (x - 3) ** 2;
    const low = findInput(f, 4, { min: 0, max: 10 }, 0);
    const high = findInput(f, 4, { min: 0, max: 10 }, 9);
    expect(low.found && closeTo(low.value, 1)).toBe(true);
    expect(high.found && closeTo(high.value, 5)).toBe(true);
  });

  it("finds a narrow dip that stepping out from the start jumps over", () => {
    const f = (x: number) => 1 - Math.exp(-(((x - 7) / 0.01) ** 2));
    const solution = findInput(f, 0.5, { min: 0, max: 10 }, 0);
    expect(solution.found).toBe(true);
    if (solution.found) {
      expect(Math.abs(solution.value - 7)).toBeLessThan(0.01);
      expect(closeTo(f(solution.value), 0.5)).toBe(true);
    }
  });

  it("does not take a jump across a gap for a crossing", () => {
    const f = (x: number) => (x === 0 ? numError({ en: "1/0", tr: "1/0" }) : 1 / x);
    const solution = findInput(f, 0, { min: -1, max: 1 }, 0.5);
    expect(solution.found).toBe(false);
    if (!solution.found)
      expect(solution.reason.en).toMatch(
        /^the function does not reach 0 for x from -1 to 1: it spans -\d(\.\d+)?E\d+ to \d(\.\d+)?E\d+$/
      );
  });

  it("says which values a function takes when it never reaches the target", () => {
    const solution = findInput((x) => x * x + 1, 0, { min: -2, max: 2 }, 1);
    expect(solution).toMatchObject({ found: false, range: { min: 1, max: 5 } });
    if (!solution.found)
      expect(solution.reason).toEqual({
        en: "the function does not reach 0 for x from -2 to 2: it spans 1 to 5",
        tr: "işlev, x -2 ile 2 arasındayken 0 değerine ulaşmıyor: 1 ile 5 arasında değer alıyor",
      });
  });

  it("reaches targets to 1e-9 relative on steep and flat functions", () => {
    for (const [f, target] of [
      [(x: number) => 1e6 / x, 3],
      [(x: number) => Math.exp(x), 1e100],
      [(x: number) => 1e-6 * x, 0.123],
    ] as const) {
      const solution = findInput(f, target, { min: 1e-9, max: 1e9 }, 1);
      expect(solution.found).toBe(true);
      if (solution.found) expect(closeTo(f(solution.value), target)).toBe(true);
    }
  });
});

describe("kpi solve", () => {
  it("finds the win rate for a revenue target to 1e-9 relative and exits 0", () => {
    const run = kpi(
      "solve",
      "--output",
      "EXPECTED_REVENUE",
      "--lever",
      "WIN_RATE",
      "--target",
      "1,234,567",
      "--set",
      "OPEN_OPPORTUNITIES=300",
      "AVG_DEAL_SIZE=12500",
      "--json"
    );
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({ found: true, output: "EXPECTED_REVENUE", lever: "WIN_RATE" });
    expect(closeTo(printed.value, 1234567 / (300 * 12500))).toBe(true);
    expect(closeTo(300 * printed.value * 12500, 1234567)).toBe(true);
    expect(printed.base).toEqual({ OPEN_OPPORTUNITIES: 300, AVG_DEAL_SIZE: 12500 });
  });

  it("prints the lever and the output reached, numbers as English writes them", async () => {
    const run = await solve({ output: "CAC", lever: "LEADS", target: "1600" });
    expect(run).toEqual({
      code: 0,
      out: [
        "LEADS = 1,250",
        "CAC = 1,600 (target 1,600; LEADS was 1,000)",
        "with LEAD_CONVERSION_RATE=20%, WIN_RATE=25%, SALES_MARKETING_SPEND=100,000",
      ],
      err: [],
    });
  });

  it("takes the deal KPIs of an export as its base", () => {
    const run = kpi(
      "solve",
      ...["--output", "PIPELINE_VELOCITY", "--lever", "SALES_CYCLE_LENGTH", "--target", "5000"],
      ...["--data", "samples/crm-export.csv", "--json"]
    );
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    const { OPEN_OPPORTUNITIES: o, WIN_RATE: w, AVG_DEAL_SIZE: s } = printed.base;
    expect(o).toBe(43);
    expect(closeTo((o * w * s) / printed.value, 5000)).toBe(true);
  });

  it("exits 1 with the reason when the target is out of reach, 2 on bad usage", () => {
    const far = kpi(
      "solve",
      "--output",
      "EXPECTED_REVENUE",
      "--lever",
      "WIN_RATE",
      "--target",
      "3e6"
    );
    expect(far.status).toBe(1);
    expect(kpi("solve", "--output", "MARGIN", "--lever", "WIN_RATE", "--target", "1").status).toBe(
      2
    );
    expect(
      kpi("solve", "--output", "CAC", "--lever", "LEADS", "--target", "1", "--set", "WIN_RATE=1.5")
        .status
    ).toBe(2);
    expect(kpi("solve", "--output", "CAC", "--lever", "LEADS").status).toBe(2);
  });

  it("says why a target is out of reach, on stderr", async () => {
    const run = await solve({ output: "EXPECTED_REVENUE", lever: "WIN_RATE", target: "3e6" });
    expect(run).toEqual({
      code: 1,
      out: [],
      err: [
        "kpi: unreachable: “Expected revenue” cannot reach 3,000,000 by moving “Win rate” from 0% to 100%: it spans 0 to 2,000,000, and the target is above the highest value it takes",
        "with OPEN_OPPORTUNITIES=200, AVG_DEAL_SIZE=10,000",
      ],
    });
  });
});

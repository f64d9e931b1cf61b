/**
 * KPI.WEIGHTED_PIPELINE(amounts, probabilities): values worked out by hand, the reasons of its errors
 * in both languages, and a real formula engine (HyperFormula) computing SUMPRODUCT over the same
 * cells as an independent oracle.
 */
import fc from "fast-check";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { type Arg, type Cell, type Grid, KpiError, type Result, evaluate } from "../../src/engine";
import { weightedSum } from "../../src/engine/catalog/pipeline";
import { closeTo } from "../helpers";
import "../support/formulaEngine"; // registers the KPI.* functions with HyperFormula

const column = (...cells: Cell[]): Grid => cells.map((cell) => [cell]);

function expectNumber(result: Result, expected: number): void {
  if (typeof result !== "number") throw new Error(`expected ${expected}, got ${String(result)}`);
  expect(closeTo(result, expected)).toBe(true);
}

function errorOf(result: Result, code: string): KpiError {
  expect(result).toBeInstanceOf(KpiError);
  const error = result as KpiError;
  expect(error.code).toBe(code);
  return error;
}

function reasons(args: Arg[], code: string): { en: string; tr: string } {
  const error = errorOf(evaluate("WEIGHTED_PIPELINE", args), code);
  return { en: error.messageIn("en"), tr: error.messageIn("tr") };
}

describe("KPI.WEIGHTED_PIPELINE by hand", () => {
  it("adds each amount times its probability", () => {
    // 10,000 × 0.1 + 25,000 × 0.5 + 40,000 × 0.9 = 1,000 + 12,500 + 36,000
    expectNumber(
      evaluate("WEIGHTED_PIPELINE", [column(10000, 25000, 40000), column(0.1, 0.5, 0.9)]),
      49500
    );
  });

  it("reads rows and two-dimensional ranges cell by cell", () => {
    expectNumber(evaluate("WEIGHTED_PIPELINE", [[[2000, 3000]], [[0.25, 1]]]), 3500);
    expectNumber(
      evaluate("WEIGHTED_PIPELINE", [
        [
          [100, 200],
          [300, 400],
        ],
        [
          [1, 0],
          [0.5, 0.25],
        ],
      ]),
      100 + 150 + 100
    );
  });

  it("skips a deal missing its amount or its probability", () => {
    expectNumber(
      evaluate("WEIGHTED_PIPELINE", [column(5000, null, 7000, ""), column(0.2, 0.9, null, 0.5)]),
      1000
    );
  });

  it("is 0 when no deal has both figures, as SUM of nothing is", () => {
    expect(evaluate("WEIGHTED_PIPELINE", [column(null, 100), column(0.5, null)])).toBe(0);
  });

  it("reads numbers stored as text, a percentage with its sign as a fraction", () => {
    expectNumber(
      evaluate("WEIGHTED_PIPELINE", [column("$12,000.00", "1,000"), column("40%", "0.5")]),
      4800 + 500
    );
  });

  it("takes a probability of 0 and of 1 (100%)", () => {
    expectNumber(evaluate("WEIGHTED_PIPELINE", [column(800, 900), column(0, 1)]), 900);
  });

  it("exposes the arithmetic as weightedSum for the deal table", () => {
    expect(weightedSum([10000, 25000, 40000], [0.1, 0.5, 0.9])).toBeCloseTo(49500, 9);
    expect(weightedSum([10000, null, 40000], [0.1, 0.5, null])).toBe(1000);
    expect(weightedSum([], [])).toBe(0);
    errorOf(weightedSum([10000], [40]), "#NUM!");
  });
});

describe("KPI.WEIGHTED_PIPELINE's errors", () => {
  it("answers #NUM! for a probability above 1, saying 40% is 0.4, in both languages", () => {
    expect(reasons([column(10000, 25000), column(0.1, 40)], "#NUM!")).toEqual({
      en: "probabilities (cell 2) is 40, above 1: a probability is a fraction (40% is 0.4); type 40% or 0.4",
      tr: "olasiliklar (hücre 2) 40: olasılık 1'den büyük olamaz, kesir olarak yazılır (%40, 0,4 demektir); %40 ya da 0,4 yazın",
    });
    expect(reasons([column(10000), column(1.5)], "#NUM!")).toEqual({
      en: "probabilities (cell 1) is 1.5, above 1: a probability is a fraction (1.5% is 0.015); type 1.5% or 0.015",
      tr: "olasiliklar (hücre 1) 1,5: olasılık 1'den büyük olamaz, kesir olarak yazılır (%1,5, 0,015 demektir); %1,5 ya da 0,015 yazın",
    });
  });

  it("writes the fraction without floating-point noise", () => {
    expect(reasons([column(1), column(57)], "#NUM!").en).toContain("57% is 0.57");
    expect(reasons([column(1), column(1.1)], "#NUM!").en).toContain("1.1% is 0.011");
  });

  it("answers #NUM! for a probability above 1 even where the deal has no amount", () => {
    errorOf(evaluate("WEIGHTED_PIPELINE", [column(1000, null), column(0.5, 60)]), "#NUM!");
  });

  it("answers #NUM! for a negative amount or probability, as every range of numbers does", () => {
    expect(reasons([column(100, -5), column(0.5, 0.5)], "#NUM!")).toEqual({
      en: "amounts (cell 2) must be 0 or more, not -5",
      tr: "tutarlar (hücre 2) 0 veya üstü olmalı, -5 değil",
    });
    expect(reasons([column(100, 5), column(0.5, -0.1)], "#NUM!").tr).toBe(
      "olasiliklar (hücre 2) 0 veya üstü olmalı, -0,1 değil"
    );
  });

  it("answers #VALUE! for text that is not a number", () => {
    expect(reasons([column(100, "TBD"), column(0.5, 0.5)], "#VALUE!")).toEqual({
      en: 'amounts (cell 2) must be a number, not "TBD"',
      tr: 'tutarlar (hücre 2) bir sayı olmalı, "TBD" değil',
    });
    errorOf(evaluate("WEIGHTED_PIPELINE", [column(100), column(true)]), "#VALUE!");
  });

  it("answers #VALUE! for ranges of different shapes, naming both", () => {
    expect(reasons([column(1, 2, 3), column(0.1, 0.2)], "#VALUE!")).toEqual({
      en: "probabilities is 2x1 but amounts is 3x1: ranges must line up",
      tr: "olasiliklar 2x1, tutarlar ise 3x1: aralıklar aynı boyutta olmalı",
    });
    errorOf(evaluate("WEIGHTED_PIPELINE", [column(1, 2), [[0.1, 0.2]]]), "#VALUE!");
  });

  it("passes the first error value of its inputs on unchanged", () => {
    const na = new KpiError("#N/A", { en: "lookup failed", tr: "arama başarısız" });
    const div = new KpiError("#DIV/0!", { en: "x", tr: "x" });
    expect(evaluate("WEIGHTED_PIPELINE", [column(100, na), column(0.5, div)])).toBe(na);
    expect(evaluate("WEIGHTED_PIPELINE", [column(100, 200), column(div, 40)])).toBe(div);
  });

  it("answers #N/A for a range not given", () => {
    expect(reasons([column(100), null], "#N/A")).toEqual({
      en: "probabilities is blank: select its range",
      tr: "olasiliklar boş: aralığını seçin",
    });
  });
});

// ---- random deals, against HyperFormula -------------------------------------------------------

const amountCell: fc.Arbitrary<number | null> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10_000_000 }), weight: 4 },
  {
    arbitrary: fc.integer({ min: 0, max: 100_000_000_000 }).map((cents) => cents / 100),
    weight: 2,
  },
  { arbitrary: fc.constant(null), weight: 1 }
);
const probabilityCell: fc.Arbitrary<number | null> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000), weight: 4 },
  { arbitrary: fc.constantFrom(0, 0.1, 0.25, 0.5, 0.9, 1), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 }
);

// Numbers a sheet holds: HyperFormula reads subnormal numbers (5e-324) as NaN, Excel as 0.

/**
 * Amounts in column A, probabilities in column B, rows 1 to n; at least two, since one blank cell is a
 * blank argument (#N/A) rather than a range of one deal.
 */
const deals = fc.array(fc.tuple(amountCell, probabilityCell), { minLength: 2, maxLength: 40 });

function sheetOf(rows: [number | null, number | null][]): RawCellContent[][] {
  const n = rows.length;
  return [
    ...rows.map(([amount, probability]) => [amount, probability]),
    [`=SUMPRODUCT(A1:A${n},B1:B${n})`, `=KPI.WEIGHTED_PIPELINE(A1:A${n},B1:B${n})`],
  ];
}

describe("KPI.WEIGHTED_PIPELINE on random deals, against HyperFormula", () => {
  it("gives SUMPRODUCT's value over the same cells, blanks counting as nothing", () => {
    fc.assert(
      fc.property(deals, (rows) => {
        const hf = HyperFormula.buildFromArray(sheetOf(rows), { licenseKey: "gpl-v3" });
        const oracle = hf.getCellValue({ sheet: 0, row: rows.length, col: 0 });
        const inSheet = hf.getCellValue({ sheet: 0, row: rows.length, col: 1 });
        hf.destroy();
        const engine = evaluate("WEIGHTED_PIPELINE", [
          rows.map(([amount]) => [amount]),
          rows.map(([, probability]) => [probability]),
        ]);
        expect(typeof oracle).toBe("number");
        expect(typeof engine).toBe("number");
        expect(closeTo(engine as number, oracle as number)).toBe(true);
        // The custom function in the same sheet, through HyperFormula's cells (which it rounds to
        // 14 significant digits when shown).
        expect(typeof inSheet).toBe("number");
        expect(closeTo(inSheet as number, engine as number)).toBe(true);
      }),
      { numRuns: 100 }
    );
  });

  it("lies between 0 and the open pipeline value of the deals that have a probability", () => {
    fc.assert(
      fc.property(deals, (rows) => {
        const result = evaluate("WEIGHTED_PIPELINE", [
          rows.map(([amount]) => [amount]),
          rows.map(([, probability]) => [probability]),
        ]) as number;
        const open = rows.reduce(
          (sum, [amount, probability]) =>
            amount !== null && probability !== null ? sum + amount : sum,
          0
        );
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(open * (1 + 1e-12));
      }),
      { numRuns: 2000 }
    );
  });

  it("answers #NUM! in a sheet where a probability is typed as a percentage's number", () => {
    const hf = HyperFormula.buildFromArray(
      [
        [10000, 0.1],
        [25000, 40],
        ["=SUMPRODUCT(A1:A2,B1:B2)", "=KPI.WEIGHTED_PIPELINE(A1:A2,B1:B2)"],
      ],
      { licenseKey: "gpl-v3" }
    );
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 0 })).toBe(1001000); // SUMPRODUCT takes it as 4000%
    const value = hf.getCellValue({ sheet: 0, row: 2, col: 1 });
    hf.destroy();
    expect(value).toMatchObject({ type: "NUM", message: expect.stringContaining("40% is 0.4") });
  });
});

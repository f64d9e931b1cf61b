/**
 * evaluate against the specification's "Bad input" rules. The values are worked out by hand from the
 * definitions and are deliberately not the catalog's examples.
 */
import { type Arg, KpiError, type Result, type ResultCell, evaluate } from "../../src/engine";
import { closeTo } from "../helpers";

function expectNumber(result: Result | ResultCell, expected: number): void {
  if (typeof result !== "number") throw new Error(`expected ${expected}, got ${String(result)}`);
  expect(closeTo(result, expected)).toBe(true);
}

function expectError(result: Result | ResultCell, code: string, ...mentions: string[]): KpiError {
  expect(result).toBeInstanceOf(KpiError);
  const error = result as KpiError;
  expect(error.code).toBe(code);
  for (const text of mentions) expect(error.message).toContain(text);
  return error;
}

function expectTable(result: Result, expected: (number | string)[][]): void {
  if (!Array.isArray(result)) throw new Error(`expected a table, got ${String(result)}`);
  expect(result.map((row) => row.length)).toEqual(expected.map((row) => row.length));
  expected.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === "number") expectNumber(result[r][c], cell);
      else expectError(result[r][c], cell);
    })
  );
}

describe("definitions", () => {
  it("computes pipeline velocity as opportunities × win rate × deal size / cycle days", () => {
    expectNumber(evaluate("PIPELINE_VELOCITY", [100, 0.5, 2000, 10]), 10000);
  });

  it("computes churn as customers lost over customers at the start", () => {
    expectNumber(evaluate("CHURN_RATE", [5, 200]), 0.025);
  });

  it("computes net churn with new customers offsetting the lost ones, negative when the base grew", () => {
    expectNumber(evaluate("NET_CHURN_RATE", [12, 4, 400]), 0.02);
    expectNumber(evaluate("NET_CHURN_RATE", [4, 12, 400]), -0.02);
  });

  it("counts open deals out of the win rate", () => {
    expectNumber(evaluate("WIN_RATE", [3, 9]), 0.25);
  });

  it("rounds the leads required up to a whole lead", () => {
    // 50,000 / (0.1 × 0.5 × 3,000) = 333.33… leads
    expect(evaluate("REQUIRED_LEADS", [50000, 0.1, 0.5, 3000])).toBe(334);
  });

  it("reads forecast accuracy over periods weighted by the actuals, skipping periods missing a figure", () => {
    // misses 5 + 15 on actuals 50 + 150; the third period has no forecast
    expectNumber(
      evaluate("FORECAST_ACCURACY_RANGE", [
        [[50], [150], [70]],
        [[55], [135], [null]],
      ]),
      0.9
    );
  });

  it("reads the sales cycle from ISO dates and serial numbers mixed", () => {
    // 2026-03-01 is serial 46082: 14 days, and 7 days between the serials
    expectNumber(
      evaluate("SALES_CYCLE_LENGTH_RANGE", [
        [["2026-03-01"], [46000]],
        [["2026-03-15"], [46007]],
      ]),
      10.5
    );
  });
});

describe("bad input", () => {
  it("answers #DIV/0! for a zero denominator", () => {
    expectError(evaluate("REP_PRODUCTIVITY", [250000, 0]), "#DIV/0!", "reps");
  });

  it("answers #N/A naming a blank required argument, whether null, empty text or left out", () => {
    expectError(evaluate("CAC", [40000, null]), "#N/A", "new_customers");
    expectError(evaluate("CAC", ["", 8]), "#N/A", "sales_marketing_spend");
    expectError(evaluate("CAC", [40000]), "#N/A", "new_customers");
    expectError(evaluate("QUALIFIED_LEADS", [null, 50]), "#N/A", "lead_scores");
  });

  it("treats empty text given for a whole range like a blank argument", () => {
    expectError(evaluate("QUALIFIED_LEADS", ["", 50]), "#N/A", "lead_scores");
    const stages = [["Won"], ["Lost"]];
    const withBlankOwners = evaluate("DEAL_SUMMARY", [
      stages,
      [[100], [50]],
      [[46000], [46000]],
      [[46004], [46004]],
      "",
      200,
    ]);
    expect(withBlankOwners).toEqual(
      evaluate("DEAL_SUMMARY", [
        stages,
        [[100], [50]],
        [[46000], [46000]],
        [[46004], [46004]],
        null,
        200,
      ])
    );
  });

  it("answers #VALUE! naming the argument when text is not a number", () => {
    expectError(evaluate("TOTAL_REVENUE", ["abc", 3]), "#VALUE!", "average_price", "abc");
    expectError(
      evaluate("FORECAST_ACCURACY_RANGE", [
        [[10], ["lots"]],
        [[10], [20]],
      ]),
      "#VALUE!",
      "actuals",
      "lots"
    );
  });

  it("reads numbers stored as text, as single values and inside ranges", () => {
    expectNumber(evaluate("AVG_DEAL_SIZE", ["1,200", "4"]), 300);
    expectNumber(evaluate("PIPELINE_VELOCITY", ["10", "12%", "$1,000.00", 4]), 300);
    expectNumber(
      evaluate("QUOTA_ATTAINMENT_RANGE", [
        [["$1,200"], ["80%"]],
        [["1,000"], [1]],
      ]),
      0.5
    );
  });

  it("answers #NUM! naming the argument for a rate above 1", () => {
    expectError(evaluate("CLTV_FROM_CHURN", [500, 1.2, 0.02]), "#NUM!", "gross_margin");
    expectError(evaluate("PIPELINE_VELOCITY", [100, "120%", 2000, 10]), "#NUM!", "win_rate");
  });

  it("answers #NUM! for a negative count and for a part larger than its whole", () => {
    expectError(evaluate("CHURN_RATE", [-1, 200]), "#NUM!", "customers_lost");
    expectError(
      evaluate("LEAD_CONVERSION_RATE", [301, 300]),
      "#NUM!",
      "leads_converted",
      "total_leads"
    );
    expectError(
      evaluate("QUOTA_ATTAINMENT_RANGE", [
        [[10], [-3]],
        [[5], [5]],
      ]),
      "#NUM!",
      "achieved"
    );
  });

  it("passes the first error of the inputs on unchanged, in argument order", () => {
    const first = new KpiError("#DIV/0!", { en: "first", tr: "first" });
    const second = new KpiError("#N/A", { en: "second", tr: "second" });
    expect(evaluate("NET_CHURN_RATE", [10, first, second])).toBe(first);
    expect(evaluate("NET_CHURN_RATE", [second, first, 500])).toBe(second);
    expect(evaluate("NET_CHURN_RATE", [10, 5, first])).toBe(first);
    expect(
      evaluate("FORECAST_ACCURACY_RANGE", [
        [[1], [first]],
        [[second], [3]],
      ])
    ).toBe(first);
    expect(
      evaluate("FORECAST_ACCURACY_RANGE", [
        [[1], [2]],
        [[second], [first]],
      ])
    ).toBe(second);
  });

  it("passes an input error on before complaining about a later argument", () => {
    const error = new KpiError("#REF!", { en: "deleted cell", tr: "deleted cell" });
    expect(evaluate("CHURN_RATE", [error, "abc"])).toBe(error);
    expect(evaluate("CHURN_RATE", [error, null])).toBe(error);
  });

  it("answers #NUM! when the result overflows", () => {
    expectError(evaluate("TOTAL_REVENUE", [1e308, 10]), "#NUM!");
    expectError(evaluate("CLTV", [1e308, 1e308]), "#NUM!");
    expectError(
      evaluate("FORECAST_ACCURACY_RANGE", [
        [[1e308], [1e308]],
        [[0], [0]],
      ]),
      "#NUM!"
    );
  });

  it("never answers minus zero", () => {
    expect(Object.is(evaluate("TOTAL_REVENUE", [-0, 5]), 0)).toBe(true);
    expect(Object.is(evaluate("NET_CHURN_RATE", [0, 5e-324, 1e308]), 0)).toBe(true); // -5e-324 / 1e308 underflows to -0
    const table = evaluate("NET_CHURN_RATE", [[[0], [0]], 5e-324, 1e308]) as number[][];
    expect(table.flat().every((cell) => Object.is(cell, 0))).toBe(true);
  });

  it("answers #NAME? for an unknown function and accepts the KPI. prefix in any case", () => {
    expectError(evaluate("NO_SUCH_KPI", [1]), "#NAME?", "NO_SUCH_KPI");
    expectNumber(evaluate("kpi.churn_rate", [5, 200]), 0.025);
  });

  it("answers #VALUE! for too many arguments", () => {
    expectError(evaluate("CHURN_RATE", [5, 200, 1]), "#VALUE!", "at most 2");
  });
});

describe("element by element", () => {
  it("answers a column of values given a column where one value is expected", () => {
    expectTable(evaluate("PIPELINE_VELOCITY", [[[100], [200]], 0.25, 10000, 25]), [
      [10000],
      [20000],
    ]);
  });

  it("combines a row and a column into a table, as Excel's array arithmetic does", () => {
    expectTable(evaluate("TOTAL_REVENUE", [[[10, 20]], [[1], [2]]]), [
      [10, 20],
      [20, 40],
    ]);
  });

  it("pairs same-shaped ranges cell by cell", () => {
    expectTable(
      evaluate("CHURN_RATE", [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [10, 20],
          [30, 80],
        ],
      ]),
      [
        [0.1, 0.1],
        [0.1, 0.05],
      ]
    );
  });

  it("answers #VALUE! for ranges that do not line up", () => {
    expectError(
      evaluate("TOTAL_REVENUE", [
        [[1], [2]],
        [[1], [2], [3]],
      ]),
      "#VALUE!",
      "2x1",
      "3x1"
    );
    expectError(
      evaluate("SALES_CYCLE_LENGTH_RANGE", [
        [[46000], [46001]],
        [[46002], [46003], [46004]],
      ]),
      "#VALUE!"
    );
  });

  it("keeps an error inside its own cell of the answer", () => {
    const result = evaluate("CHURN_RATE", [
      [[5], [0], [300], ["abc"]],
      [[100], [0], [200], [100]],
    ]);
    expectTable(result, [[0.05], ["#DIV/0!"], ["#NUM!"], ["#VALUE!"]]);
    expect(((result as ResultCell[][])[3][0] as KpiError).message).toContain("row 4");
    const input = new KpiError("#N/A", { en: "missing", tr: "missing" });
    const passed = evaluate("CHURN_RATE", [[[5], [input]], 100]) as ResultCell[][];
    expectNumber(passed[0][0], 0.05);
    expect(passed[1][0]).toBe(input);
  });

  it("turns an overflow into #NUM! in its own cell only", () => {
    expectTable(evaluate("TOTAL_REVENUE", [[[1e308], [3]], 10]), [["#NUM!"], [30]]);
  });

  it("spills the count of qualified leads for each threshold of a row", () => {
    const scores: Arg = [[10], [55], [70], ["n/a"], [null], [85]];
    expectTable(evaluate("QUALIFIED_LEADS", [scores, [[0, 55, 71, 90]]]), [[4, 3, 1, 0]]);
  });
});

describe("DEAL_SUMMARY", () => {
  // Two won deals of 10 and 30 days (2026-02-01 to 2026-03-03), one lost, two open; three owners
  // once "Ayşe" and "AYŞE" are folded together.
  const stages: Arg = [["Kazanıldı"], ["closed_won"], ["Kaybedildi"], ["Teklif"], ["Negotiation"]];
  const amounts: Arg = [[12000], [8000], [5000], [30000], [10000]];
  // Date cells: created 2026-01-05, 02-01, 01-10, 03-01, 03-05; closed 01-15, 03-03, 01-20, 04-30.
  const created: Arg = [[46027], [46054], [46032], [46082], [46086]];
  const closed: Arg = [[46037], [46084], [46042], [46142], [null]];
  const owners: Arg = [["Ayşe"], ["AYŞE"], ["Mehmet"], ["Mehmet"], ["Zeynep"]];

  it("labels its rows in Turkish when asked to", () => {
    const result = evaluate("DEAL_SUMMARY", [stages, amounts, created, closed, owners, 16000], {
      language: "tr",
    });
    if (!Array.isArray(result)) throw new Error(String(result));
    expect(result.map((row) => row[0])).toEqual([
      "Gelir",
      "Kazanılan anlaşmalar",
      "Kaybedilen anlaşmalar",
      "Açık fırsatlar",
      "Açık boru hattı değeri",
      "Ortalama anlaşma büyüklüğü",
      "Kazanma oranı",
      "Satış döngüsü uzunluğu (gün)",
      "Boru hattı hızı (günlük)",
      "Temsilci verimliliği",
      "Boru hattı kapsamı",
    ]);
    const values = result.map((row) => row[1]);
    [20000, 2, 1, 2, 40000, 10000, 2 / 3, 20, (2 * (2 / 3) * 10000) / 20, 20000 / 3, 2.5].forEach(
      (expected, i) => expectNumber(values[i], expected)
    );
  });

  it("answers #N/A for rep productivity without owners, and leaves coverage out without a target", () => {
    const result = evaluate("DEAL_SUMMARY", [stages, amounts, created, closed]);
    if (!Array.isArray(result)) throw new Error(String(result));
    expect(result).toHaveLength(10);
    expect(result.map((row) => row[0])).not.toContain("Pipeline coverage");
    const productivity = result.find((row) => row[0] === "Rep productivity");
    expectError(productivity?.[1] as ResultCell, "#N/A", "owner");
    expectNumber(result[0][1], 20000);
  });

  it("reads its ranges as the KPI sheet and the task pane read cells in place", () => {
    // A text amount, an error cell and a text date are blanks, each left out only where it counts;
    // a date-time counts as its day.
    const na = new KpiError("#N/A", {
      en: "the cell holds the error #N/A",
      tr: "the cell holds the error #N/A",
    });
    const result = evaluate("DEAL_SUMMARY", [
      [["Won"], ["Won"], ["Won"], [na], ["Lost"]],
      [["$2,000"], [3000], [na], [500], [100]],
      [[46000.75], [46000], ["2026-01-01"], [46000], [46000]],
      [[46010.2], [46020], [46030], [46000], [46005]],
    ]);
    if (!Array.isArray(result)) throw new Error(String(result));
    const value = (label: string) => result.find((row) => row[0] === label)![1];
    expectNumber(value("Revenue"), 3000);
    expectNumber(value("Deals won"), 3);
    expectNumber(value("Deals lost"), 1);
    expectNumber(value("Sales cycle length (days)"), (10 + 20) / 2);
  });

  it("leaves a won deal closed before it was created out of the sales cycle, and only of it", () => {
    const result = evaluate("DEAL_SUMMARY", [
      [["Won"], ["Won"], [null]],
      [[1], [2], [null]],
      [[46000], [46010], [null]],
      [[46012], [46000], [null]],
    ]);
    if (!Array.isArray(result)) throw new Error(String(result));
    const value = (label: string) => result.find((row) => row[0] === label)![1];
    expectNumber(value("Sales cycle length (days)"), 12);
    expectNumber(value("Revenue"), 3);
    expectNumber(value("Deals won"), 2);
  });

  it("answers #VALUE! when given ranges for the target", () => {
    expectError(
      evaluate("DEAL_SUMMARY", [stages, amounts, created, closed, owners, [[1], [2]]]),
      "#VALUE!"
    );
  });
});

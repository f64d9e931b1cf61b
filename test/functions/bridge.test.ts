/**
 * The function Excel calls for each catalog entry: its quick path for plain numbers answers exactly as
 * evaluate does, whatever Excel passes, and ranges reach the engine as Excel gave them.
 */
import fc from "fast-check";
import { CATALOG, KpiError, evaluateEntry, plainNumberEntry } from "../../src/engine";
import { excelFunction, toEngineArg, toExcelResult } from "../../src/functions/bridge";

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
const runtime = { Error: StandInError };
const invocation = { address: "Sheet1!B2" };

/** What evaluate answers, as Excel takes it: the general path, for comparison. */
function viaEvaluate(entry: (typeof CATALOG)[number], args: unknown[]): unknown {
  return toExcelResult(evaluateEntry(entry, args.map(toEngineArg)), runtime);
}

const quickEntries = CATALOG.filter((entry) => entry.params.length <= 4 && plainNumberEntry(entry));

const numbers = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1.5, 25, 1e308, -1e308, Infinity, -Infinity, NaN, 5e-324),
  fc.double(),
  fc.integer({ min: -10, max: 1_000_000 })
);
/** An argument as Excel may pass it: a 1x1 matrix mostly, sometimes a bare value, text, a blank. */
const argument = fc.oneof(
  { weight: 6, arbitrary: numbers.map((n) => [[n]]) },
  { weight: 1, arbitrary: numbers },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      [[""]],
      [["12%"]],
      [["abc"]],
      null,
      [[true]],
      [[1], [2]],
      [[1, 2]],
      [[new StandInError("#N/A", "lookup failed")]],
      [[]],
      []
    ),
  }
);

describe("the function Excel calls", () => {
  it("takes a quick path for most functions of single numbers", () => {
    expect(quickEntries.map((entry) => entry.id)).toContain("PIPELINE_VELOCITY");
    expect(quickEntries.length).toBeGreaterThan(20);
  });

  it.each(quickEntries.map((entry) => [entry.id, entry] as const))(
    "answers %s as evaluate does, whatever the arguments",
    (_id, entry) => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: 4, maxLength: 4 }), (args) => {
          const declared = args.slice(0, entry.params.length);
          const fn = excelFunction(entry, runtime, () => "en-US");
          expect(fn(...declared, invocation)).toEqual(viaEvaluate(entry, declared));
        }),
        { numRuns: 500 }
      );
    }
  );

  it("passes ranges of plain cells on as they are, and converts the rows that hold an error", () => {
    const plain = [
      ["Won", 100],
      [null, true],
    ];
    expect(toEngineArg(plain)).toBe(plain);
    const withError = [["Won"], [new StandInError("#N/A", "lookup")], [undefined], ["Lost"]];
    const read = toEngineArg(withError) as unknown[][];
    expect(read).not.toBe(withError);
    expect(read[0]).toBe(withError[0]);
    expect(read[1][0]).toBeInstanceOf(KpiError);
    expect(read[2]).toEqual([null]);
    expect(withError[1][0]).toBeInstanceOf(StandInError); // Excel's own arrays are left as they are
    expect(toEngineArg([5, "x"])).toEqual([[5], ["x"]]);
  });

  it("answers the quick path in Turkish as evaluate does in Turkish", () => {
    for (const entry of quickEntries) {
      fc.assert(
        fc.property(fc.array(argument, { minLength: 4, maxLength: 4 }), (args) => {
          const declared = args.slice(0, entry.params.length);
          const fn = excelFunction(entry, runtime, () => "tr-TR");
          const expected = toExcelResult(
            evaluateEntry(entry, declared.map(toEngineArg), { language: "tr" }),
            runtime,
            "tr"
          );
          expect(fn(...declared, invocation)).toEqual(expected);
        }),
        { numRuns: 50 }
      );
    }
  });
});

describe("the message Excel shows with an error", () => {
  const churn = CATALOG.find((entry) => entry.id === "CHURN_RATE")!;
  const winRate = CATALOG.find((entry) => entry.id === "WIN_RATE")!;

  it("is in Office's display language", () => {
    const turkish = excelFunction(churn, runtime, () => "tr-TR");
    expect(turkish([[30]], [[null]], invocation)).toEqual([
      [new StandInError("#N/A", "donem_basi_musteri boş: doldurun")],
    ]);
    const english = excelFunction(churn, runtime, () => "en-US");
    expect(english([[30]], [[null]], invocation)).toEqual([
      [new StandInError("#N/A", "customers_at_start is blank: fill it in")],
    ]);
    expect(excelFunction(winRate, runtime, () => "tr-TR")([["many"]], [[3]], invocation)).toEqual([
      [new StandInError("#VALUE!", 'kazanilan bir sayı olmalı, "many" değil')],
    ]);
  });

  it("is left out where Excel shows none, on the quick path too", () => {
    const turkish = excelFunction(churn, runtime, () => "tr-TR");
    expect(turkish([[30]], [[0]], invocation)).toEqual([[new StandInError("#DIV/0!")]]);
  });

  it("names an input's error as Turkish Excel writes it", () => {
    const turkish = excelFunction(winRate, runtime, () => "tr-TR");
    expect(turkish([[new StandInError("#REF!")]], [[3]], invocation)).toEqual([
      [new StandInError("#VALUE!", "bir girdide #BAŞV!")],
    ]);
    const english = excelFunction(winRate, runtime, () => "en-US");
    expect(english([[new StandInError("#N/A")]], [[3]], invocation)).toEqual([
      [new StandInError("#N/A", "#N/A in an input")],
    ]);
    expect(turkish([[new StandInError("#N/A")]], [[3]], invocation)).toEqual([
      [new StandInError("#N/A", "bir girdide #YOK")],
    ]);
    expect(turkish([[new StandInError("#BUSY!")]], [[3]], invocation)).toEqual([
      [new StandInError("#VALUE!", "bir girdide #BUSY!")],
    ]);
  });

  it("passes Excel's own message of an input on as it is", () => {
    const turkish = excelFunction(winRate, runtime, () => "tr-TR");
    expect(turkish([[new StandInError("#N/A", "arama başarısız")]], [[3]], invocation)).toEqual([
      [new StandInError("#N/A", "arama başarısız")],
    ]);
  });
});

/**
 * The built custom-function bundle (dist/functions.js), loaded as Excel loads it: the script runs with a
 * stand-in CustomFunctions runtime that records associate calls, then each function is called with
 * Excel-shaped arguments (2-D arrays, null for an omitted optional argument, an invocation object last).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { CATALOG, type ResultCell } from "../../src/engine";
import { EXAMPLES, excelArg } from "../exampleArgs";
import { closeTo } from "../helpers";

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

type Registered = Map<string, (...args: unknown[]) => unknown>;

function loadBundle(displayLanguage?: string): { registered: Registered; calls: string[] } {
  const bundle = path.join(__dirname, "..", "..", "dist", "functions.js");
  const registered: Registered = new Map();
  const calls: string[] = [];
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      calls.push(id);
      registered.set(id, fn);
    },
    Error: StandInError,
  };
  const sandbox: Record<string, unknown> = { CustomFunctions };
  if (displayLanguage) sandbox.Office = { context: { displayLanguage } };
  vm.runInNewContext(fs.readFileSync(bundle, "utf8"), sandbox);
  return { registered, calls };
}

const { registered, calls } = loadBundle();
const invocation = { address: "Sheet1!B2" };

/** Calls a registered function as Excel does: declared arguments, null for the omitted, invocation last. */
function callAsExcel(id: string, args: unknown[]): unknown {
  const entry = CATALOG.find((candidate) => candidate.id === id)!;
  const padded = entry.params.map((_, i) => (i < args.length ? args[i] : null));
  return registered.get(id)!(...padded, invocation);
}

function expectCell(actual: unknown, expected: number | string | ResultCell): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(closeTo(actual as number, expected)).toBe(true);
  } else if (typeof expected === "string" && expected.startsWith("#")) {
    expect(actual).toBeInstanceOf(StandInError);
    expect((actual as StandInError).code).toBe(expected);
  } else if (typeof expected === "object" && expected !== null && "code" in expected) {
    expect((actual as StandInError).code).toBe(expected.code);
  } else {
    expect(actual).toBe(expected);
  }
}

describe("the built custom-functions bundle", () => {
  it("registers every catalog function exactly once", () => {
    expect([...calls].sort()).toEqual(CATALOG.map((entry) => entry.id).sort());
    expect(new Set(calls).size).toBe(calls.length);
  });

  it.each(EXAMPLES.map((c) => [c.label, c] as const))(
    "gives the worked example %s",
    (_label, { entry, example }) => {
      const result = callAsExcel(entry.id, example.args.map(excelArg)) as unknown[][];
      expect(Array.isArray(result)).toBe(true);
      if (Array.isArray(example.expect)) {
        expect(result.length).toBe(example.expect.length);
        example.expect.forEach((row, r) =>
          row.forEach((cell, c) => expectCell(result[r][c], cell))
        );
      } else {
        expect(result.length).toBe(1);
        expect(result[0].length).toBe(1);
        expectCell(result[0][0], example.expect);
      }
    }
  );

  it("keeps the reason of #VALUE! and #N/A, as Excel shows those messages", () => {
    const blank = callAsExcel("WIN_RATE", [[[25]], [[""]]]) as StandInError[][];
    expect(blank[0][0].code).toBe("#N/A");
    expect(blank[0][0].message).toMatch(/deals_lost/);
    const text = callAsExcel("WIN_RATE", [[["many"]], [[3]]]) as StandInError[][];
    expect(text[0][0].code).toBe("#VALUE!");
    expect(text[0][0].message).toMatch(/deals_won/);
  });

  it("gives #DIV/0! and #NUM! without a message, which Excel would refuse", () => {
    const result = callAsExcel("CHURN_RATE", [[[30]], [[0]]]) as StandInError[][];
    expect(result[0][0].code).toBe("#DIV/0!");
    expect(result[0][0].message).toBeUndefined();
  });

  it("answers element by element when given a column where it takes single values", () => {
    const result = callAsExcel("PIPELINE_VELOCITY", [
      [[200], [100], [50]],
      [[0.25]],
      [[10000]],
      [[25], [0], [25]],
    ]);
    expect((result as unknown[][])[0][0]).toBe(20000);
    expect(((result as unknown[][])[1][0] as StandInError).code).toBe("#DIV/0!");
    expect((result as unknown[][])[2][0]).toBe(5000);
  });

  it("passes an error value from an input through unchanged", () => {
    const result = callAsExcel("CAC", [
      [[new StandInError("#N/A", "lookup failed")]],
      [[50]],
    ]) as StandInError[][];
    expect(result[0][0].code).toBe("#N/A");
    expect(result[0][0].message).toBe("lookup failed");
  });

  // With allowErrorForDataTypeAny, Excel passes an input error to an `any` parameter; the shapes it
  // may take: a CustomFunctions.Error (code = the ErrorCode value, i.e. the error's text), an
  // Excel.ErrorCellValue of the data-types API, or a plain Error whose message is the text.
  const JsError = Error;
  it.each([
    ["a CustomFunctions.Error without a message", () => new StandInError("#NULL!"), "#NULL!"],
    // Excel takes neither #REF! nor #NAME? as a function's result: they come back as #VALUE!.
    ["#REF!, which a function may not return", () => new StandInError("#REF!"), "#VALUE!"],
    ["an object with code and type", () => ({ code: "#DIV/0!", type: "Error" }), "#DIV/0!"],
    [
      "an Excel.ErrorCellValue",
      () => ({ type: "Error", basicValue: "#NUM!", errorType: "Num" }),
      "#NUM!",
    ],
    ["a JavaScript Error with the text as its message", () => new JsError("#N/A"), "#N/A"],
    [
      "an error Excel has and the engine has not (#BUSY!)",
      () => new StandInError("#BUSY!"),
      "#VALUE!",
    ],
  ])("gives back an input error passed as %s", (_label, make, code) => {
    const result = callAsExcel("WIN_RATE", [[[make()]], [[3]]]) as StandInError[][];
    expect(result[0][0]).toBeInstanceOf(StandInError);
    expect(result[0][0].code).toBe(code);
    // Inside a column given for a single value: that cell's answer is the error, the others compute.
    const column = callAsExcel("WIN_RATE", [[[25], [make()]], [[75]]]) as unknown[][];
    expect(column[0][0]).toBe(0.25);
    expect((column[1][0] as StandInError).code).toBe(code);
    if (code === "#VALUE!") expect(result[0][0].message).toMatch(/#(REF!|BUSY!) in an input/);
  });

  it("passes the first input error in argument order", () => {
    const result = callAsExcel("WIN_RATE", [
      [[new StandInError("#NULL!")]],
      [[new StandInError("#N/A", "second")]],
    ]) as StandInError[][];
    expect(result[0][0].code).toBe("#NULL!");
  });

  it("labels the deal summary in Turkish in Turkish Excel", () => {
    const turkish = loadBundle("tr-TR").registered.get("DEAL_SUMMARY")!;
    const deal = EXAMPLES.find((c) => c.entry.id === "DEAL_SUMMARY")!.example;
    const result = turkish(...deal.args.map(excelArg), invocation) as unknown[][];
    expect(result[0][0]).toBe("Gelir");
    expect(result[6][0]).toBe("Kazanma oranı");
  });
});

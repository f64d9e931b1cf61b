/**
 * The estimate of what Excel marshals into custom-function calls, on hand-written formulas whose
 * byte counts are worked out by hand below (each with the JSON it stands for).
 */
import {
  CALL_PAYLOAD_LIMIT,
  type PayloadData,
  formulaCalls,
  jsonGridBytes,
  jsonValueBytes,
  planPayload,
} from "../../src/tools/customFunctionPayload";
import type { PlanCell, SheetPlan } from "../../src/plan/types";

/** A plan of one sheet "S" whose cells start at A1, with the given names. */
function plan(rows: PlanCell[][], names: SheetPlan["names"] = []): SheetPlan {
  return {
    sheets: [
      {
        name: "S",
        role: "kpi",
        blocks: [{ row: 0, col: 0, cells: rows }],
        columnWidths: [],
        conditionalFormats: [],
        charts: [],
      },
    ],
    names,
  };
}

/** A data sheet: A1:B4 with a header, three amounts, the last cell empty. */
const DATA: PayloadData = {
  grids: [
    {
      sheet: "Data",
      row: 0,
      col: 0,
      values: [
        ["h1", "Amount"],
        ["x", 1200],
        ["y", 35.5],
        ["z", null],
      ],
    },
  ],
  tables: [
    { name: "CrmDeals", sheet: "Data", headerRow: 0, col: 0, columns: ["h1", "Amount"], rows: 3 },
  ],
};
const NAMES = [{ name: "KPI_X", refersTo: "'Data'!$B$2:$B$4" }];

/** The one call of a one-formula plan (the formula in B1 of sheet S). */
function onlyCall(formula: string, data: PayloadData = DATA, cells: PlanCell[][] = []) {
  const { calls, totalBytes, largest } = planPayload(
    plan([[{ value: 25 }, { formula }], ...cells], NAMES),
    data
  );
  expect(calls).toHaveLength(1);
  expect(totalBytes).toBe(calls[0].bytes);
  expect(largest).toBe(calls[0]);
  return calls[0];
}

describe("formulaCalls", () => {
  it("finds nested calls with their arguments as written: strings with doubled quotes, quoted sheets", () => {
    expect(
      formulaCalls(
        `=IF(A1>0,KPI.WIN_RATE(B2:B3,"a""b,)"),KPI.CHURN_RATE('My ''Sheet'''!C1, 2,(1+2)))`
      )
    ).toEqual([
      {
        fn: "IF",
        args: [
          "A1>0",
          'KPI.WIN_RATE(B2:B3,"a""b,)")',
          "KPI.CHURN_RATE('My ''Sheet'''!C1, 2,(1+2))",
        ],
      },
      { fn: "KPI.WIN_RATE", args: ["B2:B3", '"a""b,)"'] },
      { fn: "KPI.CHURN_RATE", args: ["'My ''Sheet'''!C1", "2", "(1+2)"] },
    ]);
  });

  it("reads empty arguments, array constants, errors, percentages and structured references", () => {
    expect(
      formulaCalls('KPI.X(,{1,2;"a",TRUE},#N/A,5%,CrmDeals[[#Data],[Amount]],$A:$B,2:3)')
    ).toEqual([
      {
        fn: "KPI.X",
        args: ["", '{1,2;"a",TRUE}', "#N/A", "5%", "CrmDeals[[#Data],[Amount]]", "$A:$B", "2:3"],
      },
    ]);
  });

  it("rejects what it cannot read", () => {
    expect(() => formulaCalls('KPI.X("open')).toThrow(/unclosed string/);
    expect(() => formulaCalls("KPI.X(1,2")).toThrow(/expected \)/);
  });
});

describe("JSON sizes", () => {
  it("counts values as JSON, text in UTF-8 bytes", () => {
    expect(jsonValueBytes(null)).toBe(4); // null
    expect(jsonValueBytes(1200)).toBe(4); // 1200
    expect(jsonValueBytes(1 / 3)).toBe(18); // 0.3333333333333333
    expect(jsonValueBytes(false)).toBe(5); // false
    expect(jsonValueBytes('a"b')).toBe(6); // "a\"b"
    expect(jsonValueBytes("Müller")).toBe(9); // "Müller": ü is two bytes
    expect(jsonValueBytes({ code: "#N/A" })).toBe(15); // {"code":"#N/A"}
    expect(jsonGridBytes(2, 1, 6)).toBe(13); // [[25],[null]]: cells 25 and null, 6 bytes
    expect(jsonGridBytes(1, 2, 12)).toBe(17); // [["h1","Amount"]]
  });
});

describe("planPayload", () => {
  it("sizes a range of the plan's own cells and a string literal", () => {
    // B1 = KPI.WIN_RATE(A1:A2,"a""b"), A1 = 25, A2 empty.
    const call = onlyCall('KPI.WIN_RATE(A1:A2,"a""b")', DATA, [[{ value: null }]]);
    expect(call).toMatchObject({ sheet: "S", cell: "B1", fn: "KPI.WIN_RATE" });
    // [[25],[null]] is 13 bytes, [["a\"b"]] 10: [<13>,<10>] is 1 + 13 + 1 + 10 + 1 = 26.
    expect(call.args.map((arg) => [arg.kind, arg.rows, arg.cols, arg.bytes])).toEqual([
      ["reference", 2, 1, 13],
      ["literal", 1, 1, 10],
    ]);
    expect(call.bytes).toBe(26);
  });

  it("resolves defined names to their ranges and sizes literals, blanks and errors", () => {
    const call = onlyCall("KPI.TOTAL_REVENUE(KPI_X,TRUE,,#N/A,-3)");
    // KPI_X = 'Data'!$B$2:$B$4: [[1200],[35.5],[null]] is 22 bytes; [[true]] 8; the empty
    // argument [[null]] 8; [[{"code":"#N/A"}]] 19; [[-3]] 6; with the brackets and four commas, 69.
    expect(call.args.map((arg) => arg.bytes)).toEqual([22, 8, 8, 19, 6]);
    expect(call.args.map((arg) => arg.kind)).toEqual([
      "reference",
      "literal",
      "omitted",
      "literal",
      "literal",
    ]);
    expect(call.bytes).toBe(69);
  });

  it("gives an expression the shape Excel computes, each value a formula result", () => {
    const call = onlyCall('KPI.X(SUMIFS(Data!B:B,Data!A:A,"x"),Data!B2:B4*2,(KPI_X))');
    // SUMIFS with one criterion is one value: [[0.3333333333333333]], 22 bytes. B2:B4*2 is three:
    // [[r],[r],[r]], 2 + 6 + 2 + 3 x 18 = 64. (KPI_X) stays the reference, 22. In all 2+22+64+22+2 = 112.
    expect(call.args.map((arg) => [arg.kind, arg.rows, arg.bytes])).toEqual([
      ["computed", 1, 22],
      ["computed", 3, 64],
      ["reference", 3, 22],
    ]);
    expect(call.bytes).toBe(112);
  });

  it("resolves structured references to the table's rows", () => {
    const call = onlyCall("KPI.X(CrmDeals[Amount],CrmDeals[[#Headers],[h1]:[Amount]])");
    // CrmDeals[Amount] is B2:B4, 22 bytes; the headers [["h1","Amount"]] 17; [<22>,<17>] is 42.
    expect(call.args.map((arg) => arg.bytes)).toEqual([22, 17]);
    expect(call.bytes).toBe(42);
  });

  it("counts a whole column at the typical width of its data, and its empty cells as null", () => {
    const data: PayloadData = {
      grids: [{ sheet: "Data", row: 0, col: 0, values: [["Stage"]] }],
      typical: [{ sheet: "Data", firstRow: 1, lastRow: 1000, columnBytes: { 0: 10 } }],
    };
    const call = onlyCall("KPI.X(Data!A:A)", data);
    // 1,048,576 rows of one cell: 2 + 2 x 1,048,576 brackets + 1,048,575 commas = 3,145,729 bytes of
    // structure; cells: "Stage" 7 + 1,000 x 10 + 1,047,575 empty x 4 = 4,200,307. 7,346,036 in all,
    // 7,346,038 with the argument list's brackets: over the 5 MB a call may carry.
    expect(call.args[0]).toMatchObject({ rows: 1_048_576, cols: 1, bytes: 7_346_036 });
    expect(call.bytes).toBe(7_346_038);
    expect(call.bytes).toBeGreaterThan(CALL_PAYLOAD_LIMIT);
  });

  it("lists every KPI.* call of a formula, nested ones too, and only those", () => {
    const { calls, totalBytes, largest } = planPayload(
      plan([[{ value: 1 }, { formula: 'IF(ISBLANK(A1),"",KPI.A(KPI.B(A1),SUM(A1:A9)))' }]]),
      {}
    );
    // KPI.B(A1): [[[1]]] is 7 bytes. KPI.A gets the result of KPI.B and of SUM, [[r]] 22 each: 47.
    expect(calls.map((call) => [call.fn, call.bytes])).toEqual([
      ["KPI.A", 47],
      ["KPI.B", 7],
    ]);
    expect(totalBytes).toBe(54);
    expect(largest?.fn).toBe("KPI.A");
  });

  it("fails on a name or a sheet it knows nothing of", () => {
    expect(() => planPayload(plan([[{ formula: "KPI.X(NOPE)" }]]), {})).toThrow(/NOPE/);
    expect(() => planPayload(plan([[{ formula: "KPI.X(Other!A1)" }]]), {})).toThrow(/Other/);
  });
});

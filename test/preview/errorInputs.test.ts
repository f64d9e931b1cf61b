/**
 * Error cells reach a custom function only when its metadata says allowErrorForDataTypeAny
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors); without it Excel
 * answers the error itself and the function is not called. A function of its own here, to see calls.
 */
import {
  CustomFunctionError,
  type FunctionsMetadata,
  registerCustomFunctions,
} from "../../preview/workbook/kpiFunctions";
import { Workbook } from "../../preview/workbook/workbook";

const calls: unknown[][] = [];
const count = (...args: unknown[]) => {
  const values = args[0] as unknown[][];
  calls.push(values);
  return values.flat().filter((v) => v instanceof CustomFunctionError).length;
};

function metadata(flag: { file?: boolean; fn?: boolean }): FunctionsMetadata {
  return {
    ...(flag.file === undefined ? {} : { allowErrorForDataTypeAny: flag.file }),
    functions: [
      {
        id: "COUNT_ERRORS",
        name: "COUNT_ERRORS",
        parameters: [{ name: "values", type: "any", dimensionality: "matrix" }],
        result: { dimensionality: "scalar" },
        ...(flag.fn === undefined ? {} : { options: { allowErrorForDataTypeAny: flag.fn } }),
      },
    ],
  };
}

function evaluate(flag: { file?: boolean; fn?: boolean }) {
  registerCustomFunctions(metadata(flag), new Map([["COUNT_ERRORS", count]]));
  const workbook = new Workbook();
  const sheet = workbook.addSheet("S");
  calls.length = 0;
  workbook.setContents(sheet, { r0: 0, c0: 0, r1: 2, c1: 0 }, [[1], ["=NA()"], ["=1/0"]]);
  workbook.setContents(sheet, { r0: 0, c0: 1, r1: 0, c1: 1 }, "=KPI.COUNT_ERRORS(A1:A3)");
  return workbook.value(sheet, 0, 1);
}

describe("error cells as custom-function inputs", () => {
  it("reach the function as error objects with allowErrorForDataTypeAny: true", () => {
    expect(evaluate({ file: true })).toBe(2);
    expect(calls.at(-1)).toEqual([
      [1],
      [expect.any(CustomFunctionError)],
      [expect.any(CustomFunctionError)],
    ]);
    expect((calls.at(-1)![1] as CustomFunctionError[])[0].code).toBe("#N/A");
  });

  it("are answered by Excel without calling the function when the flag is absent or false", () => {
    for (const flag of [{}, { file: false }]) {
      expect(evaluate(flag)).toEqual({
        error: "#N/A",
        message: expect.stringMatching(/allowErrorForDataTypeAny/),
      });
      expect(calls).toEqual([]);
    }
  });

  it("read the flag on the function too (where the metadata generator may put it)", () => {
    expect(evaluate({ fn: true })).toBe(2);
    expect(evaluate({ file: true, fn: false })).toEqual({
      error: "#N/A",
      message: expect.any(String),
    });
  });
});

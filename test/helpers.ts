/** Shared assertions of the tests. */
import { type ErrorCode, KpiError, type Result, type ResultCell } from "../src/engine";

/** Relative tolerance of the specification: every expected value to 1e-9 relative. */
export const RELATIVE_TOLERANCE = 1e-9;

export function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected));
}

/** Checks a result against an example's expectation: a number, an error code, or a table. */
export function expectResult(
  actual: Result | ResultCell,
  expected: number | ErrorCode | ResultCell[][]
): void {
  if (typeof expected === "number") {
    if (typeof actual !== "number" || !closeTo(actual, expected)) {
      throw new Error(`expected ${expected}, got ${describe(actual)}`);
    }
  } else if (typeof expected === "string") {
    if (!(actual instanceof KpiError) || actual.code !== expected) {
      throw new Error(`expected ${expected}, got ${describe(actual)}`);
    }
    if (actual.message.length < 5)
      throw new Error(`${expected} has no reason: "${actual.message}"`);
  } else {
    if (!Array.isArray(actual)) throw new Error(`expected a table, got ${describe(actual)}`);
    expect(actual.length).toBe(expected.length);
    expected.forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = actual[r][c];
        if (typeof cell === "number") expectResult(got, cell);
        else if (cell instanceof KpiError) expectResult(got, cell.code);
        else expect(got).toBe(cell);
      })
    );
  }
}

function describe(value: unknown): string {
  return value instanceof KpiError ? value.toString() : JSON.stringify(value);
}

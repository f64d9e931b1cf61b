/**
 * The live KPI sheet, planned as the task pane plans it over a CRM export of 1,000,000 rows: no KPI.*
 * call may be given a whole data column. Excel fails a custom-function call whose payload passes
 * 5 MB (office-js#4654), and a column of a million amounts is several times that; the KPI.* functions
 * are to get small arguments (KPI_* cells) whatever the size of the data, the columns being
 * aggregated by native formulas.
 */
import {
  CALL_PAYLOAD_LIMIT,
  type CallPayload,
  planPayload,
} from "../../src/tools/customFunctionPayload";
import {
  exportGrid,
  exportTable,
  exportValues,
  liveKpiSheet,
  typicalExportValues,
} from "../support/liveKpiSheet";

const MILLION = 1_000_000;
/** Digits of row numbers aside, the payload may not differ by more between sizes. */
const SPREAD_BYTES = 64;

const sample = exportGrid(100);
const small = planPayload(liveKpiSheet(exportTable(sample, 100)), exportValues(sample));
const large = planPayload(
  liveKpiSheet(exportTable(sample, MILLION)),
  typicalExportValues(sample, MILLION)
);

const describeCall = (call: CallPayload) =>
  `${call.fn} in ${call.sheet}!${call.cell}: ${call.bytes.toLocaleString("en-US")} bytes, arguments ${call.args
    .map((arg) => `${arg.text} (${arg.rows} x ${arg.cols})`)
    .join(", ")}`;

describe("the live KPI sheet's custom-function payload over 1,000,000 rows", () => {
  it("calls KPI.* functions (the live sheet)", () => {
    expect(large.calls.length).toBeGreaterThan(10);
  });

  it("gives no KPI.* call a whole data column", () => {
    const overColumns = large.calls.filter((call) =>
      call.args.some((arg) => arg.rows * arg.cols >= MILLION)
    );
    expect(overColumns.map(describeCall)).toEqual([]);
  });

  it("keeps every call under the 5 MB Excel allows", () => {
    const over = large.calls.filter((call) => call.bytes > CALL_PAYLOAD_LIMIT);
    expect(over.map(describeCall)).toEqual([]);
  });

  it("marshals the same bytes at 100 rows as at 1,000,000", () => {
    expect(large.calls.length).toBe(small.calls.length);
    expect(Math.abs(large.totalBytes - small.totalBytes)).toBeLessThanOrEqual(SPREAD_BYTES);
  });
});

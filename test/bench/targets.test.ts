/**
 * The benchmark's checks: a missed structural target fails the run, timings never do, and the task
 * pane's first load is read from whatever the built page names.
 */
import { pageAssets } from "../../bench/bundles";
import type { Results } from "../../bench/results";
import { LIMITS, checkTargets, structuralFailures } from "../../bench/targets";

function results(): Results {
  return {
    engine: [
      { rows: 10_000, engine_ms: 1, floor_ms: 0.5, formulajs_ms: 600, hyperformula_ms: 900 },
      {
        rows: 1_000_000,
        engine_ms: 100,
        floor_ms: 50,
        formulajs_ms: 60_000,
        hyperformula_ms: null,
      },
    ],
    calls: { per_second: 10_000_000, floor_per_second: 30_000_000 },
    sheet_build: [
      { rows: 100, syncs: 2, request_bytes: 166_000 },
      { rows: 10_000, syncs: 2, request_bytes: 166_010 },
      { rows: 100_000, syncs: 2, request_bytes: 166_020 },
    ],
    payload: [100, 100_000, 1_000_000].map((rows) => ({
      rows,
      values: rows > 100_000 ? ("typical" as const) : ("actual" as const),
      calls: 40,
      total_bytes: 1_900,
      largest_call_bytes: 120,
      largest_call: "KPI.PIPELINE_VELOCITY in KPI!B20",
    })),
    bundles: {
      functions_min_bytes: 55_000,
      functions_gzip_bytes: 17_000,
      taskpane_initial_min_bytes: 200_000,
      taskpane_initial_gzip_bytes: 60_000,
      lazy_min_bytes: 900_000,
    },
    cli: [
      { rows: 100_000, ms: 700, peak_rss_mb: 130 },
      { rows: 1_000_000, ms: 2_000, peak_rss_mb: 220 },
    ],
    machine: { cpus: 2, model: "test", memory_gb: 8, node: "v20", platform: "linux x64" },
    quick: false,
  };
}

describe("the benchmark's targets", () => {
  it("passes results that meet every target, naming the size HyperFormula last ran", () => {
    const checks = checkTargets(results());
    expect(checks.every((check) => check.met)).toBe(true);
    expect(checks.find((check) => /HyperFormula/.test(check.name))?.name).toMatch(/10,000 rows/);
  });

  it("fails on more syncs at a larger size, or requests that grow with the data", () => {
    const moreSyncs = results();
    moreSyncs.sheet_build[2].syncs = 3;
    expect(structuralFailures(checkTargets(moreSyncs)).map((check) => check.name)).toEqual([
      "sheet build: the same syncs, at most 3, at every size",
    ]);
    const growing = results();
    growing.sheet_build[2].request_bytes = 200_000;
    expect(structuralFailures(checkTargets(growing))).toHaveLength(1);
  });

  it("fails on a KPI.* call over 5 MB, or a payload that grows with the data", () => {
    const columns = results();
    // A call given four columns of a million rows: about 39 MB.
    columns.payload[2].largest_call_bytes = 39_470_067;
    columns.payload[2].total_bytes = 236_820_000;
    expect(structuralFailures(checkTargets(columns)).map((check) => check.name)).toEqual([
      "custom-function payload: no KPI.* call of the live KPI sheet over 5 MB, at any size",
      "custom-function payload: the same bytes per recalculation at every size (within 64)",
    ]);
    const justUnder = results();
    justUnder.payload[1].largest_call_bytes = 5 * 1024 * 1024;
    expect(structuralFailures(checkTargets(justUnder))).toEqual([]);
    const growing = results();
    growing.payload[2].total_bytes = 1_900 + 65;
    expect(structuralFailures(checkTargets(growing))).toHaveLength(1);
    const digits = results();
    digits.payload[2].total_bytes = 1_900 + 3;
    expect(structuralFailures(checkTargets(digits))).toEqual([]);
  });

  it("fails on a bundle over its limit", () => {
    const large = results();
    large.bundles.functions_min_bytes = LIMITS.functionsMinBytes + 1;
    large.bundles.taskpane_initial_min_bytes = LIMITS.taskpaneInitialMinBytes + 1;
    expect(structuralFailures(checkTargets(large))).toHaveLength(2);
  });

  it("reports a missed timing without failing the run", () => {
    const slow = results();
    slow.engine[1].engine_ms = 400;
    slow.calls.per_second = 1_000_000;
    const checks = checkTargets(slow);
    expect(checks.filter((check) => check.met === false)).toHaveLength(2);
    expect(structuralFailures(checks)).toEqual([]);
  });

  it("leaves out what a quick run does not measure", () => {
    const quick = results();
    quick.engine = quick.engine.slice(0, 1);
    quick.cli = quick.cli.slice(0, 1);
    const checks = checkTargets(quick);
    expect(checks.filter((check) => check.met === undefined)).toHaveLength(2);
  });
});

describe("pageAssets", () => {
  it("reads the scripts and style sheets of a minified page, quoted or not", () => {
    const html =
      "<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>" +
      '<link href=taskpane.css rel=stylesheet><link rel="icon" href="icon.png">' +
      '<script defer="defer" src="taskpane.js?v=1"></script><script defer src=\'functions.js\'></script>' +
      "<script>inline()</script></head></html>";
    expect(pageAssets(html)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "taskpane.js?v=1",
      "functions.js",
      "taskpane.css",
    ]);
  });
});

/**
 * `npm run bench`: how fast, how big, against what a user would use instead. Prints Markdown tables
 * and writes bench/results.json and docs/benchmarks.md; `npm run bench -- --quick` runs the smallest
 * sizes in seconds (CI runs it) and writes lib-bench/results-quick.json only. Exits with 1 when a structural target is missed (syncs,
 * request sizes, a custom-function call over 5 MB or a payload that grows with the data, bundle
 * sizes, contestants that disagree); timings are reported, never enforced.
 * `npm run bench` builds what it measures first (dist/, lib/ and this folder's lib-bench/).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { measureBundles } from "./bundles";
import { measurePayload } from "./payload";
import type { CallsResult } from "./calls";
import { type CliRow, measureReport, writeExport } from "./cli";
import { EXIT_DISAGREEMENT, type EngineRow } from "./engineRun";
import { benchmarksPage, renderReport } from "./report";
import { type Results, thisMachine } from "./results";
import { measureSheetBuild } from "./sheetBuild";
import { checkTargets, structuralFailures } from "./targets";

/** The repository: this file runs from lib-bench/bench/. */
const ROOT = path.resolve(__dirname, "..", "..");

const FULL = {
  engine: [10_000, 100_000, 1_000_000],
  sheet: [100, 10_000, 100_000],
  payload: [100, 100_000, 1_000_000],
  cli: [100_000, 1_000_000],
  callSeconds: 3,
  cliRuns: 3,
};
/**
 * The smallest sizes; the sheet build and the payload cost little at any size, and their sizes are
 * the point.
 */
const QUICK = {
  engine: [10_000],
  sheet: [100, 10_000, 100_000],
  payload: [100, 100_000, 1_000_000],
  cli: [100_000],
  callSeconds: 0.5,
  cliRuns: 1,
};

/**
 * Heap for an engine run: HyperFormula holds a million-row table in about 6 GB. Three quarters of
 * the machine's memory, so that a table too large for it fails there and not the machine.
 */
const ENGINE_HEAP_MB = Math.floor((os.totalmem() / 2 ** 20) * 0.75);

/**
 * One engine size in a process of its own. Undefined when the process was ended by a signal: out of
 * memory (Node aborts, or the system kills it); any other failure fails the benchmark.
 */
function engineSize(rows: number, withHyperformula: boolean): EngineRow | undefined {
  const script = path.join(__dirname, "engineRun.js");
  const args = [`--max-old-space-size=${ENGINE_HEAP_MB}`, script, String(rows)];
  if (!withHyperformula) args.push("--no-hyperformula");
  const run = spawnSync(process.execPath, args, {
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status === 0)
    return JSON.parse(String(run.stdout).trim().split("\n").pop()!) as EngineRow;
  if (run.status === EXIT_DISAGREEMENT) throw new Error(`the contestants disagree at ${rows} rows`);
  if (!run.signal)
    throw new Error(`the engine benchmark failed at ${rows} rows (exit ${run.status})`);
  process.stderr.write(`  the ${rows}-row run was ended (${run.signal})\n`);
  return undefined;
}

function measureEngine(sizes: number[]): EngineRow[] {
  const rows: EngineRow[] = [];
  let hyperformulaFits = true;
  for (const size of sizes) {
    let row = engineSize(size, hyperformulaFits);
    if (!row && hyperformulaFits) {
      // Out of memory, HyperFormula's table being by far the largest: the size is run again without
      // it, and HyperFormula is not tried on larger ones (null in the results).
      process.stderr.write(`  HyperFormula could not hold ${size} rows; without it:\n`);
      hyperformulaFits = false;
      row = engineSize(size, false);
    }
    if (!row) throw new Error(`the engine benchmark failed at ${size} rows`);
    rows.push(row);
  }
  return rows;
}

/** The calls benchmark in a process of its own, as each engine size. */
function measureCallsApart(bundle: string, seconds: number): CallsResult {
  const run = spawnSync(
    process.execPath,
    [path.join(__dirname, "calls.js"), bundle, String(seconds)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    }
  );
  if (run.status !== 0) throw new Error(`the calls benchmark failed (${run.signal ?? run.status})`);
  return JSON.parse(String(run.stdout)) as CallsResult;
}

function measureCli(sizes: number[], runs: number): CliRow[] {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-bench-"));
  try {
    return sizes.map((rows) => {
      process.stderr.write(`kpi report, ${rows} rows\n`);
      const file = writeExport(folder, rows);
      return measureReport(ROOT, path.join(__dirname, "peakRss.js"), file, rows, runs);
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const quick = argv.includes("--quick");
  const plan = quick ? QUICK : FULL;
  const dist = path.join(ROOT, "dist");

  const engine = measureEngine(plan.engine);
  process.stderr.write("custom-function calls\n");
  const calls = measureCallsApart(path.join(dist, "functions.js"), plan.callSeconds);
  const sheetBuild = [];
  for (const rows of plan.sheet) sheetBuild.push(await measureSheetBuild(rows));
  process.stderr.write("custom-function payload of the live KPI sheet\n");
  const payload = measurePayload(plan.payload);
  const bundles = measureBundles(dist);
  const cli = measureCli(plan.cli, plan.cliRuns);

  const results: Results = {
    engine,
    calls,
    sheet_build: sheetBuild,
    payload,
    bundles: bundles.sizes,
    cli,
    machine: thisMachine(),
    quick,
  };
  // The quick run's figures are not the record: they go with the build output, which git ignores.
  const out = quick
    ? path.join(ROOT, "lib-bench", "results-quick.json")
    : path.join(ROOT, "bench", "results.json");
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  const checks = checkTargets(results);
  const report = renderReport(results, checks, bundles.detail);
  const written = [out];
  if (!quick) {
    // The README links this page: the tables of the last full run, beside its results.json.
    const page = path.join(ROOT, "docs", "benchmarks.md");
    fs.writeFileSync(page, benchmarksPage(report));
    written.push(page);
  }
  process.stdout.write(
    `${report}\n\nWrote ${written.map((file) => path.relative(ROOT, file)).join(" and ")}\n`
  );
  const failed = structuralFailures(checks);
  for (const check of failed)
    process.stderr.write(`bench: missed ${check.name}: ${check.detail}\n`);
  return failed.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exitCode = 1;
  }
);

/**
 * `kpi report` on generated CRM exports: wall time (the whole command, Node's start included) and
 * peak resident memory, each run a process of its own.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateDeals, toCsv } from "../src/tools/sampleDeals";
import { median, now } from "./timing";

export interface CliRow {
  rows: number;
  ms: number;
  peak_rss_mb: number;
}

/** Writes a CRM export of `rows` deals (the sample generator's, seed 7) and returns its path. */
export function writeExport(folder: string, rows: number): string {
  const file = path.join(folder, `crm-export-${rows}.csv`);
  fs.writeFileSync(file, toCsv(generateDeals(rows, 7, "en")));
  return file;
}

/**
 * Runs `kpi report FILE` a few times.
 * @param root The repository, with bin/kpi.js built.
 * @param preload The compiled peakRss.js.
 */
export function measureReport(
  root: string,
  preload: string,
  file: string,
  rows: number,
  runs: number
): CliRow {
  const times: number[] = [];
  let peak = 0;
  const rssFile = path.join(os.tmpdir(), `kpi-bench-rss-${process.pid}`);
  for (let i = 0; i < runs; i++) {
    const began = now();
    const run = spawnSync(
      process.execPath,
      ["--require", preload, path.join(root, "bin", "kpi.js"), "report", file],
      {
        env: { ...process.env, KPI_BENCH_RSS_FILE: rssFile },
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      }
    );
    times.push(now() - began);
    if (run.status !== 0 || !/Revenue/.test(String(run.stdout)))
      throw new Error(`kpi report ${file} failed (${run.status}): ${String(run.stderr)}`);
    peak = Math.max(peak, Number(fs.readFileSync(rssFile, "utf8")));
  }
  fs.rmSync(rssFile, { force: true });
  return { rows, ms: Math.round(median(times)), peak_rss_mb: Math.round(peak / 1e6) };
}

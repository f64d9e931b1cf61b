/**
 * Exports written as CRMs and people's Excel write them, made apart from this code base (their own
 * generator, kept out of the repository) with their figures computed there from the metric
 * specification: Salesforce report exports with footers, Data Loader's API names, HubSpot labels and
 * internal ids, Pipedrive, Zoho, Dynamics 365 (.xlsx with its hidden key columns), Freshsales, Turkish
 * Excel (Windows-1254, ";", 8.300,00, dd.mm.yyyy), US Excel (Windows-1252), Unicode text (UTF-16LE,
 * tabs), an .xlsx with title rows, serial-number dates, year-first dates, and tables whose headers mean
 * nothing read with --map, --won and --lost. `kpi report --json` must give those figures, over all
 * deals and over a quarter, and name every planted bad row.
 */
import * as fs from "fs";
import * as path from "path";
import { DEAL_KPI_IDS } from "../../src/engine";
import { closeTo } from "../helpers";
import { ROOT, kpi } from "../support/cli";

interface Export {
  what: string;
  args: string[];
  period: [string, string];
  /** null where the KPI is an error value (no target, nothing to divide by). */
  expected: Record<string, number | null>;
  expectedInPeriod: Record<string, number | null>;
  /** Rows the warnings must name. */
  warnedRows: number[];
}

const FOLDER = path.join(ROOT, "test", "fixtures", "exports");
const EXPORTS: Record<string, Export> = JSON.parse(
  fs.readFileSync(path.join(FOLDER, "expected.json"), "utf8")
);

function report(file: string, flags: string[]) {
  const run = kpi("report", path.join(FOLDER, file), "--json", "--target", "100000", ...flags);
  if (run.status !== 0) throw new Error(`${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as {
    metrics: Record<string, unknown>;
    warnings: { row: number }[];
  };
}

function wrong(
  metrics: Record<string, unknown>,
  expected: Record<string, number | null>
): string[] {
  return DEAL_KPI_IDS.flatMap((id) => {
    const want = expected[id];
    const got = metrics[id];
    if (want === null) return typeof got === "number" ? [`${id}: ${got}, expected an error`] : [];
    return typeof got === "number" && closeTo(got, want)
      ? []
      : [`${id}: ${JSON.stringify(got)}, expected ${want}`];
  });
}

describe.each(Object.entries(EXPORTS))("%s", (file, spec) => {
  it(`gives the figures computed apart (${spec.what})`, () => {
    const { metrics, warnings } = report(file, spec.args);
    expect(wrong(metrics, spec.expected)).toEqual([]);
    const rows = new Set(warnings.map((warning) => warning.row));
    expect(spec.warnedRows.filter((row) => !rows.has(row))).toEqual([]);
  });

  it("gives them over a quarter of close dates", () => {
    const [from, to] = spec.period;
    const { metrics } = report(file, [...spec.args, "--from", from, "--to", to]);
    expect(wrong(metrics, spec.expectedInPeriod)).toEqual([]);
  });
});

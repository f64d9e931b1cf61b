/** The results as Markdown tables, for the terminal and the README. */
import type { BundleDetail } from "./bundles";
import type { Results } from "./results";
import type { TargetCheck } from "./targets";

const count = (value: number) => value.toLocaleString("en-US");
const ms = (value: number | null) =>
  value === null
    ? "n/a"
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : count(Math.round(value));
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

/** The figures and the targets, in Markdown. */
export function renderReport(
  results: Results,
  checks: TargetCheck[],
  bundles: BundleDetail
): string {
  const { machine } = results;
  const lines = [
    `Measured on ${machine.cpus} CPUs (${machine.model}), ${machine.memory_gb} GB of memory, Node ${machine.node}, ${machine.platform}${results.quick ? "; a quick run" : ""}.`,
    "",
    "**Engine: KPI.DEAL_SUMMARY over a deal table given as Excel gives it** (median ms after warm-up)",
    "",
    ...table(
      [
        "Deals",
        "Engine",
        "Floor (hand-written pass)",
        "formula.js",
        "HyperFormula (portable sheet)",
        "Engine vs floor",
        "formula.js / engine",
        "HyperFormula / engine",
      ],
      results.engine.map((row) => [
        count(row.rows),
        ms(row.engine_ms),
        ms(row.floor_ms),
        ms(row.formulajs_ms),
        ms(row.hyperformula_ms),
        `${(row.engine_ms / row.floor_ms).toFixed(1)}x`,
        `${(row.formulajs_ms / row.engine_ms).toFixed(0)}x`,
        row.hyperformula_ms === null
          ? "n/a"
          : `${(row.hyperformula_ms / row.engine_ms).toFixed(0)}x`,
      ])
    ),
    "",
    "**Custom-function calls: PIPELINE_VELOCITY** (calls per second)",
    "",
    ...table(
      [
        "Through the registered function (dist/functions.js)",
        "Bare arithmetic on the same arguments",
        "Share",
      ],
      [
        [
          count(results.calls.per_second),
          count(results.calls.floor_per_second),
          `${((results.calls.per_second / results.calls.floor_per_second) * 100).toFixed(0)}%`,
        ],
      ]
    ),
    "",
    "**Building the KPI sheet in an open workbook** (Office.js double)",
    "",
    ...table(
      ["Data rows", "Syncs", "Request bytes"],
      results.sheet_build.map((row) => [
        count(row.rows),
        String(row.syncs),
        count(row.request_bytes),
      ])
    ),
    "",
    "**Custom-function payload: what Excel marshals into the live KPI sheet's KPI.* calls per recalculation** (JSON of the arguments; 5 MB a call at most)",
    "",
    ...table(
      ["Data rows", "Data values", "KPI.* calls", "Total bytes", "Largest call", "Its bytes"],
      results.payload.map((row) => [
        count(row.rows),
        row.values === "actual" ? "actual" : "typical width per column",
        String(row.calls),
        count(row.total_bytes),
        row.largest_call,
        count(row.largest_call_bytes),
      ])
    ),
    "",
    "**Bundles** (production build)",
    "",
    ...table(
      ["Bundle", "Minified", "Gzipped"],
      [
        [
          "Custom functions (functions.js)",
          kb(results.bundles.functions_min_bytes),
          kb(results.bundles.functions_gzip_bytes),
        ],
        [
          `Task pane before first paint (${bundles.initial.join(", ")})`,
          kb(results.bundles.taskpane_initial_min_bytes),
          kb(results.bundles.taskpane_initial_gzip_bytes),
        ],
        [
          `Loaded on demand (${bundles.lazy.length ? bundles.lazy.join(", ") : "none"})`,
          kb(results.bundles.lazy_min_bytes),
          "—",
        ],
      ]
    ),
    ...(bundles.external.length
      ? ["", `Not counted, loaded from elsewhere: ${bundles.external.join(", ")}.`]
      : []),
    "",
    "**`kpi report` on a generated CRM export** (whole command, median wall time)",
    "",
    ...table(
      ["Deals", "Wall time", "Peak memory (RSS)"],
      results.cli.map((row) => [count(row.rows), `${ms(row.ms)} ms`, `${row.peak_rss_mb} MB`])
    ),
    "",
    "**Targets**",
    "",
    ...checks.map(
      (check) =>
        `- ${check.met === undefined ? "not measured" : check.met ? "met" : "MISSED"}: ${check.name}: ${check.detail}${check.structural ? " (enforced)" : ""}`
    ),
  ];
  return lines.join("\n");
}

/** The top of docs/benchmarks.md, which every full run writes. */
const PAGE_HEAD = `# Benchmarks

Written by \`npm run bench\` (figures in [bench/results.json](../bench/results.json)); the method is
in [bench/](../bench/). Timings are medians after warm-up; each engine size runs in a process of its
own. The floor is a hand-written single pass over the same arrays that knows this data's stage texts
and checks nothing; formula.js computes the KPIs with SUMIFS, COUNTIFS, AVERAGEIFS and UNIQUE, given
the columns as lists (its flattening of 2-D ranges takes time growing with the square of the rows) and
summing blocks of 50,000 rows (its SUM spreads a range into arguments, which overflows beyond);
HyperFormula evaluates the portable KPI sheet's native formulas (the data loaded beforehand, untimed).
Custom-function calls go through one dispatcher by function id, as Excel's runtime calls them, both
for the bundle's PIPELINE_VELOCITY and for the bare arithmetic on the same arguments.
The custom-function payload is estimated from the live KPI sheet's plan (as the task pane plans it
over a generated CRM export): every \`KPI.*\` call's arguments resolved to their cells and counted as
the JSON Excel passes (ranges as 2-D arrays, empty cells as null, formula results at 18 bytes); the
export's actual values up to 100,000 rows, their mean width per column beyond. The assumptions and
their sources are in src/plan/customFunctionPayload.ts; Excel fails a call over 5 MB
([office-js#4654](https://github.com/OfficeDev/office-js/issues/4654)).

`;

/** docs/benchmarks.md: how the figures are taken, then the report. */
export function benchmarksPage(report: string): string {
  return `${PAGE_HEAD}${report}\n`;
}

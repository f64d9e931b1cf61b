/**
 * `kpi report` and `kpi workbook` on deal exports: the report gives the engine's numbers, and the
 * portable workbook, recalculated by LibreOffice, shows the same numbers in its KPI_* cells.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEAL_KPI_IDS } from "../../src/engine";
import { namedValues, recalculate } from "../support/libreOffice";
import { closeTo } from "../helpers";
import { ROOT, kpi } from "../support/cli";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-cli-"));

function report(
  file: string,
  ...flags: string[]
): { metrics: Record<string, unknown>; warnings: { row: number; message: string }[] } {
  const run = kpi("report", file, "--json", ...flags);
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** A messy export: Turkish headers, currency text, a blank line, an unreadable date, a title row. */
const MESSY = [
  "Satış raporu,,,,,",
  "Fırsat Adı,Temsilci,Aşama,Tutar,Oluşturma Tarihi,Kapanış Tarihi",
  'A,Ayşe,Kazanıldı,"₺12.500,00",2026-01-01,2026-01-21',
  'B,Ben,Closed Won,"$7,500",2026-01-10,2026-02-09',
  ",,,,,",
  "C,Ayşe,Kaybedildi,3000,2026-01-05,2026-01-15",
  "D,Cem,Teklif,20000,2026-02-01,2026-04-30",
  "E,Ben,Müzakere,abc,2026-02-03,next week",
  "F,Cem,KAZANILDI,10000,2026-03-01,someday",
].join("\n");

describe("kpi report", () => {
  const messy = path.join(work, "messy.csv");
  fs.writeFileSync(messy, MESSY);

  it("gives hand-checked numbers and names every unreadable cell of a messy export", () => {
    const { metrics, warnings } = report(messy, "--target", "40000");
    expect(metrics.REVENUE).toBe(30000); // 12,500 + 7,500 + 10,000
    expect(metrics.DEALS_WON).toBe(3);
    expect(metrics.DEALS_LOST).toBe(1);
    expect(metrics.OPEN_OPPORTUNITIES).toBe(2);
    expect(metrics.OPEN_PIPELINE_VALUE).toBe(20000); // "abc" is left out
    expect(metrics.WIN_RATE).toBe(0.75);
    expect(metrics.SALES_CYCLE_LENGTH).toBe(25); // 20 and 30 days; F has no readable close date
    expect(metrics.REP_PRODUCTIVITY).toBe(10000); // three owners
    expect(metrics.PIPELINE_COVERAGE).toBe(0.5);
    const rows = warnings.map((w) => w.row);
    expect(rows).toEqual([8, 8, 9]); // E: amount and close date; F: close date
    expect(warnings.find((w) => w.row === 8 && /amount/.test(w.message))).toBeDefined();
    expect(warnings.find((w) => w.row === 8 && /next week/.test(w.message))).toBeDefined();
    expect(warnings.find((w) => w.row === 9 && /someday/.test(w.message))).toBeDefined();
  });

  it("counts only the deals closed in the period", () => {
    const { metrics } = report(messy, "--from", "2026-01-01", "--to", "2026-01-31");
    expect(metrics.REVENUE).toBe(12500);
    expect(metrics.DEALS_WON).toBe(1);
    expect(metrics.DEALS_LOST).toBe(1);
    expect(metrics.OPEN_OPPORTUNITIES).toBe(2);
  });

  it("answers an error value with its reason where a KPI cannot be computed", () => {
    const { metrics } = report(messy);
    expect(metrics.PIPELINE_COVERAGE).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/target/),
    });
  });

  it("exits non-zero with a clear message on bad input", () => {
    const missing = kpi("report", path.join(work, "nope.csv"));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no such file/);
    const notDeals = path.join(work, "notes.csv");
    fs.writeFileSync(notDeals, "Name,Phone\nAyşe,123\n");
    const unreadable = kpi("report", notDeals);
    expect(unreadable.status).toBe(3);
    expect(unreadable.stderr).toMatch(/stage/);
    expect(kpi("report", messy, "--from", "March").status).toBe(2);
  });
});

describe("kpi workbook", () => {
  it("never leaves a half-written file: a failed write keeps what was there", () => {
    const out = path.join(work, "kept.xlsx");
    fs.writeFileSync(out, "what the user had");
    const failed = kpi("workbook", path.join(work, "nope.csv"), "--out", out);
    expect(failed.status).toBe(3);
    expect(fs.readFileSync(out, "utf8")).toBe("what the user had");
    expect(fs.readdirSync(work).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes the blank template, whose KPIs compute from what is typed in", () => {
    const out = path.join(work, "template.xlsx");
    expect(kpi("workbook", "--out", out).status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(5000);
  });

  it("writes a workbook whose data sheet reads back to the same KPIs", () => {
    const out = path.join(work, "roundtrip.xlsx");
    const sample = path.join(ROOT, "samples", "crm-export.csv");
    expect(kpi("workbook", sample, "--out", out, "--target", "1000000").status).toBe(0);
    expect(report(out, "--sheet", "Data", "--target", "1000000").metrics).toEqual(
      report(sample, "--target", "1000000").metrics
    );
  });

  // Never skipped: npm test installs LibreOffice first or stops (scripts/ensure-test-programs.js).
  const libreOffice = it;
  const cases: [string, string[]][] = [
    ["samples/crm-export.csv", ["--target", "1000000"]],
    ["samples/crm-export-tr.csv", ["--target", "750000", "--language", "tr"]],
    [
      "samples/crm-export.csv",
      ["--from", "2025-07-01", "--to", "2025-12-31", "--target", "500000"],
    ],
    ["messy.csv", ["--target", "40000"]],
  ];
  libreOffice.each(cases)(
    "in portable mode shows, recalculated by LibreOffice, the report's numbers for %s %s",
    async (file, flags) => {
      const input = file === "messy.csv" ? path.join(work, "messy.csv") : path.join(ROOT, file);
      const out = path.join(work, `portable-${path.basename(file, ".csv")}-${flags.length}.xlsx`);
      const run = kpi("workbook", input, "--out", out, "--portable", ...flags);
      expect(run.status).toBe(0);
      const recalculated = await namedValues(
        recalculate(out),
        DEAL_KPI_IDS.map((id) => `KPI_${id}`)
      );
      const reportFlags = flags.filter(
        (_, i) => flags[i] !== "--language" && flags[i - 1] !== "--language"
      );
      const { metrics } = report(input, ...reportFlags);
      for (const id of DEAL_KPI_IDS) {
        const want = metrics[id];
        const got = recalculated[`KPI_${id}`];
        if (typeof want === "number") {
          if (typeof got !== "number" || !closeTo(got, want))
            throw new Error(`KPI_${id}: report ${want}, LibreOffice ${String(got)}`);
        } else {
          expect(typeof got).not.toBe("number");
        }
      }
    },
    120_000
  );
});

describe("a period without close dates", () => {
  it("is refused with the way to name the close-date column, as the sheet has no period to count by", () => {
    const file = path.join(work, "no-close-dates.csv");
    fs.writeFileSync(file, "Stage,Amount\nWon,100\nLost,50\n");
    const run = kpi("report", file, "--from", "2026-01-01", "--to", "2026-01-31");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/close-date column.*--map closed=/);
    expect(kpi("report", file, "--json").status).toBe(0);
  });
});

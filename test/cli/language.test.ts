/**
 * The command line in English and Turkish: --language, or the environment's locale without it; labels,
 * numbers, reasons, warnings and row lines in the language chosen; --json keeps its machine keys.
 * The Turkish figures are written out by hand from the fixtures' deals.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, type Run } from "../support/cli";

const BIN = path.join(ROOT, "bin", "kpi.js");
const HANDMADE_TR = path.join(ROOT, "test", "fixtures", "crm", "handmade-tr.csv");
const SAMPLE = path.join(ROOT, "samples", "crm-export.csv");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-language-"));

/** Runs the bin with the locale variables given and no others; stderr is kept on success too. */
function kpiWith(locale: Record<string, string>, ...args: string[]): Run {
  const env = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, ...locale },
  });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status ?? -1 };
}

const kpi = (...args: string[]) => kpiWith({}, ...args);

/** The value printed after a label of the report (two spaces or more after the label). */
function valueOf(stdout: string, label: string): string | undefined {
  const line = stdout.split("\n").find((text) => text.startsWith(`${label}  `));
  return line?.slice(label.length).trim();
}

/** A small export with one amount that is not a number (row 3) and, in the larger one, two dates. */
const ONE_BAD =
  "Stage,Amount,Created,Closed\nWon,100,2026-01-01,2026-01-11\nLost,abc,2026-01-02,2026-01-05\n";
const THREE_BAD =
  "Stage,Amount,Created,Closed\nWon,100,2026-01-01,2026-01-11\nLost,abc,2026-01-02,2026-01-05\n" +
  "Won,200,2026-01-03,someday\nLost,50,2026-01-04,next week\n";

describe("kpi report --language tr", () => {
  it("prints Turkish labels and Turkish numbers for the Turkish hand-made sheet", () => {
    const run = kpi("report", HANDMADE_TR, "--language", "tr");
    expect(run.status).toBe(0);
    // Won: 25,500 + 30,900 + 34,600 + 2,300 + 32,100 + 18,000 + 20,100 + 9,300 + 8,400.
    expect(valueOf(run.stdout, "Gelir")).toBe("181.200");
    // 9 won of 14 closed: 64.29%.
    expect(valueOf(run.stdout, "Kazanma oranı")).toBe("%64,3");
    // 181,200 over 9 deals: 20,133.33.
    expect(valueOf(run.stdout, "Ortalama anlaşma büyüklüğü")).toBe("20.133");
    // Three owners: 181,200 / 3.
    expect(valueOf(run.stdout, "Temsilci verimliliği")).toBe("60.400");
    // No target: pipeline coverage is #N/A with its reason, in Turkish.
    const coverage = valueOf(run.stdout, "Boru hattı kapsamı");
    expect(coverage).toBe(
      "#YOK (hedef verilmedi: boru hattı kapsamı için kota veya gelir hedefi gerekir)"
    );
    expect(coverage).not.toMatch(/target/);
    expect(run.stdout).not.toContain("Revenue");
  });

  it("writes the sample's revenue and win rate as Turkish Excel does", () => {
    const run = kpi("report", SAMPLE, "--language", "tr");
    // 81 won of 207 closed is 39.13%; the won amounts add up to 1,886,500.
    expect(valueOf(run.stdout, "Gelir")).toBe("1.886.500");
    expect(valueOf(run.stdout, "Kazanma oranı")).toBe("%39,1");
    const english = kpi("report", SAMPLE, "--language", "en");
    expect(valueOf(english.stdout, "Revenue")).toBe("1,886,500");
    expect(valueOf(english.stdout, "Win rate")).toBe("39.1%");
  });

  it("says which cells could not be read in Turkish, row by row, with the count's plural", () => {
    const three = path.join(work, "three.csv");
    fs.writeFileSync(three, THREE_BAD);
    const turkish = kpi("report", three, "--language", "tr");
    expect(turkish.status).toBe(0);
    expect(turkish.stderr.split("\n")).toEqual([
      "3 hücre okunamadı; boş sayılır:",
      '  satır 3: tutar "abc" bir sayı değil: toplamlara katılmadı',
      '  satır 4: kapanış tarihi "someday" bir tarih değil (ISO biçiminde 2026-03-15 yazın ya da bir tarih biçimi seçin)',
      '  satır 5: kapanış tarihi "next week" bir tarih değil (ISO biçiminde 2026-03-15 yazın ya da bir tarih biçimi seçin)',
      "",
    ]);
    const english = kpi("report", three, "--language", "en");
    expect(english.stderr.split("\n").slice(0, 2)).toEqual([
      "3 cells could not be read; they count as blank:",
      '  row 3: amount "abc" is not a number: left out of the sums',
    ]);
    const one = path.join(work, "one.csv");
    fs.writeFileSync(one, ONE_BAD);
    expect(kpi("report", one, "--language", "en").stderr.split("\n")[0]).toBe(
      "1 cell could not be read; it counts as blank:"
    );
    expect(kpi("report", one, "--language", "tr").stderr.split("\n")[0]).toBe(
      "1 hücre okunamadı; boş sayılır:"
    );
  });

  it("keeps --json's machine keys and error codes, with the reasons in Turkish", () => {
    const one = path.join(work, "one-json.csv");
    fs.writeFileSync(one, ONE_BAD);
    const printed = JSON.parse(kpi("report", one, "--json", "--language", "tr").stdout);
    expect(printed.metrics.REVENUE).toBe(100);
    expect(printed.metrics.WIN_RATE).toBe(0.5);
    expect(printed.metrics.PIPELINE_COVERAGE.error).toBe("#N/A");
    expect(printed.warnings).toEqual([
      {
        row: 3,
        field: "amount",
        column: "Amount",
        value: "abc",
        message: 'tutar "abc" bir sayı değil: toplamlara katılmadı',
      },
    ]);
  });

  it("refuses a file that is not a deal table in Turkish, with the way to map its columns", () => {
    const notes = path.join(work, "notes.csv");
    fs.writeFileSync(notes, "Name,Phone\nAyşe,123\n");
    const run = kpi("report", notes, "--language", "tr");
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      "ilk 20 satırda aşama ve tutar sütunu olan bir başlık satırı bulunamadı; görülen başlıklar: Name, Phone"
    );
    expect(run.stderr).toContain("hangi sütunun hangisi olduğunu --map ile belirtin");
    const missing = kpi("report", path.join(work, "nope.csv"), "--language", "tr");
    expect(missing.status).toBe(3);
    expect(missing.stderr).toBe(`kpi: ${path.join(work, "nope.csv")}: böyle bir dosya yok\n`);
  });
});

describe("kpi calc --language tr", () => {
  it("labels a table's rows in Turkish and names its error cells as Turkish Excel does", () => {
    const run = kpi(
      "calc",
      "--language",
      "tr",
      "DEAL_SUMMARY",
      '[["Won"],["Lost"]]',
      "[[100],[50]]",
      "[[46000],[46000]]",
      "[[46010],[46005]]"
    );
    const rows = JSON.parse(run.stdout) as [string, number | string][];
    expect(rows[0]).toEqual(["Gelir", 100]);
    expect(rows[6]).toEqual(["Kazanma oranı", 0.5]);
    // No owner column: rep productivity is #N/A, #YOK in Turkish.
    expect(rows[9]).toEqual(["Temsilci verimliliği", "#YOK"]);
  });

  it("gives the engine's Turkish reason for a blank argument, the code as Turkish Excel names it", () => {
    const run = kpi("calc", "--language", "tr", "CHURN_RATE", "30", "");
    expect(run.status).toBe(1);
    // The argument by its name in Turkish Excel's argument list (donem_basi_musteri), #YOK for #N/A.
    expect(run.stdout).toBe("#YOK donem_basi_musteri boş: doldurun\n");
    const json = JSON.parse(
      kpi("calc", "--json", "--language", "tr", "CHURN_RATE", "30", "").stdout
    );
    // --json keeps the code; its message is the Turkish reason, written out here.
    expect(json).toEqual({ error: "#N/A", message: "donem_basi_musteri boş: doldurun" });
  });

  it("writes a decimal comma, as Turkish Excel shows a number", () => {
    expect(kpi("calc", "--language", "tr", "REVENUE_GROWTH", "600000", "800000").stdout).toBe(
      "-0,25\n"
    );
    expect(kpi("calc", "--language", "en", "REVENUE_GROWTH", "600000", "800000").stdout).toBe(
      "-0.25\n"
    );
  });

  it("refuses a wrong number of arguments in Turkish, with the Turkish syntax", () => {
    const run = kpi("calc", "--language", "tr", "WIN_RATE", "25");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "kpi: WIN_RATE 2 bağımsız değişken alır, 1 değil: =KPI.KAZANMA_ORANI(kazanilan; kaybedilen)\n"
    );
  });
});

describe("the language of the environment", () => {
  it("is Turkish for LANG=tr_TR.UTF-8 without --language", () => {
    const run = kpiWith({ LANG: "tr_TR.UTF-8" }, "report", HANDMADE_TR);
    expect(valueOf(run.stdout, "Gelir")).toBe("181.200");
    const calc = kpiWith({ LANG: "tr_TR.UTF-8" }, "calc", "CHURN_RATE", "30", "");
    expect(calc.stdout).toBe("#YOK donem_basi_musteri boş: doldurun\n");
  });

  it("gives way to --language, and to LC_ALL over LANG", () => {
    const english = kpiWith({ LANG: "tr_TR.UTF-8" }, "report", HANDMADE_TR, "--language", "en");
    expect(valueOf(english.stdout, "Revenue")).toBe("181,200");
    const lcAll = kpiWith({ LANG: "tr_TR.UTF-8", LC_ALL: "en_US.UTF-8" }, "report", HANDMADE_TR);
    expect(valueOf(lcAll.stdout, "Revenue")).toBe("181,200");
  });

  it("is English without a locale", () => {
    expect(valueOf(kpi("report", HANDMADE_TR).stdout, "Revenue")).toBe("181,200");
  });
});

describe("an invalid --language", () => {
  it("is a usage error (exit 2) on every command, said in the environment's language", () => {
    for (const args of [
      ["calc", "--language", "de", "CHURN_RATE", "30", "0"],
      ["report", HANDMADE_TR, "--language", "de"],
      ["workbook", "--out", path.join(work, "x.xlsx"), "--language", "de"],
      ["solve", "--output", "CAC", "--lever", "LEADS", "--target", "1600", "--language", "de"],
    ]) {
      const run = kpi(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('kpi: --language must be en or tr, not "de"\n');
    }
    const turkish = kpiWith({ LANG: "tr_TR.UTF-8" }, "report", HANDMADE_TR, "--language", "de");
    expect(turkish.status).toBe(2);
    expect(turkish.stderr).toBe('kpi: --language en ya da tr olmalı; "de" değil\n');
    expect(fs.existsSync(path.join(work, "x.xlsx"))).toBe(false);
  });
});

describe("kpi list --language tr", () => {
  it("lists the catalog under its Turkish categories, with the Turkish syntax", () => {
    const run = kpi("list", "--language", "tr");
    expect(run.stdout).toContain("\nMüşteri ilişkisi\n");
    expect(run.stdout).toMatch(/=KPI\.KAYIP_ORANI\([^,]+; [^,]+\)/);
  });
});

describe("the parser's refusals and the help", () => {
  it("are in the language asked for", () => {
    const missing = kpi("report", "--language", "tr");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("hata: gerekli 'file' bağımsız değişkeni eksik\n");
    const unknown = kpiWith({ LANG: "tr_TR.UTF-8" }, "frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("hata: bilinmeyen komut 'frobnicate'\n");
    expect(kpi("frobnicate").stderr).toBe("error: unknown command 'frobnicate'\n");
    const help = kpi("report", "--help", "--language", "tr");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(
      "bir anlaşma dışa aktarımının (.csv ya da .xlsx) göstergelerini yaz"
    );
  });
});

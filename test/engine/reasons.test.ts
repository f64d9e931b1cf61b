/**
 * The reasons behind error values speak both languages: the English as before (`message`), and a
 * Turkish one that names each parameter by its Turkish Excel name and writes numbers the Turkish way.
 * The expected sentences are written out by hand.
 */
import {
  type Arg,
  CATALOG,
  DEAL_KPI_LABELS,
  KpiError,
  type Result,
  type ResultCell,
  evaluate,
  findEntry,
} from "../../src/engine";

/** The error a result is (or the first error of a table), with its code checked. */
function errorOf(result: Result | ResultCell, code: string): KpiError {
  const found = Array.isArray(result)
    ? result.flat().find((cell) => cell instanceof KpiError)
    : result;
  expect(found).toBeInstanceOf(KpiError);
  const error = found as KpiError;
  expect(error.code).toBe(code);
  return error;
}

/** The reason of an evaluation in both languages. */
function reasons(id: string, args: Arg[], code: string): { en: string; tr: string } {
  const error = errorOf(evaluate(id, args), code);
  expect(error.messageIn("en")).toBe(error.message);
  return { en: error.messageIn("en"), tr: error.messageIn("tr") };
}

describe("reasons of a bad argument", () => {
  it("names a blank argument by its Turkish Excel name", () => {
    expect(reasons("CHURN_RATE", [30, null], "#N/A")).toEqual({
      en: "customers_at_start is blank: fill it in",
      tr: "donem_basi_musteri boş: doldurun",
    });
  });

  it("says why a zero denominator has no answer", () => {
    expect(reasons("CHURN_RATE", [30, 0], "#DIV/0!")).toEqual({
      en: "customers_at_start is 0: a share of nothing is undefined",
      tr: "donem_basi_musteri 0: hiçbir şeyin payı tanımsızdır",
    });
  });

  it("states a bound with the rejected number written the Turkish way", () => {
    expect(reasons("PIPELINE_VELOCITY", [200, 1.5, 10000, 25], "#NUM!")).toEqual({
      en: "win_rate must be a rate between 0 and 1 (0% to 100%), not 1.5",
      tr: "kazanma_orani 0 ile 1 arasında bir oran (%0 ile %100 arası) olmalı, 1,5 değil",
    });
    expect(reasons("TOTAL_REVENUE", [1234.5, -1234567.25], "#NUM!")).toEqual({
      en: "units_sold must be a count of 0 or more, not -1234567.25",
      tr: "satilan_birim 0 veya üstü bir sayı (adet) olmalı, -1.234.567,25 değil",
    });
  });

  it("writes a logical as each language's Excel writes it", () => {
    expect(reasons("WIN_RATE", [true, 3], "#VALUE!")).toEqual({
      en: "deals_won must be a number, not TRUE",
      tr: "kazanilan bir sayı olmalı, DOĞRU değil",
    });
    expect(reasons("WIN_RATE", ["many", 3], "#VALUE!").tr).toBe(
      'kazanilan bir sayı olmalı, "many" değil'
    );
  });

  it("gives the cell of a range answered element by element", () => {
    const table = evaluate("WIN_RATE", [
      [
        [1, 2],
        [3, -4],
      ],
      1,
    ]);
    expect(errorOf(table, "#NUM!").messageIn("tr")).toBe(
      "kazanilan (satır 2, sütun 2) 0 veya üstü bir sayı (adet) olmalı, -4 değil"
    );
  });

  it("names a choice's values and the text given", () => {
    const args: Arg[] = ["MARGIN", [["Won"]], [[100]], [[46000]], [[46010]]];
    expect(reasons("DEAL_KPI", args, "#VALUE!").tr).toBe(
      "gosterge şunlardan biri olmalı: REVENUE, DEALS_WON, DEALS_LOST, OPEN_OPPORTUNITIES, " +
        'OPEN_PIPELINE_VALUE, AVG_DEAL_SIZE, WIN_RATE, SALES_CYCLE_LENGTH, PIPELINE_VELOCITY, REP_PRODUCTIVITY, PIPELINE_COVERAGE; "MARGIN" değil'
    );
  });
});

describe("reasons of ranges and calls", () => {
  it("says which ranges do not line up", () => {
    expect(reasons("SALES_CYCLE_LENGTH_RANGE", [[[1], [2]], [[1]]], "#VALUE!")).toEqual({
      en: "closed_dates is 1x1 but created_dates is 2x1: ranges must line up",
      tr: "kapanis_tarihleri 1x1, olusturma_tarihleri ise 2x1: aralıklar aynı boyutta olmalı",
    });
    expect(
      reasons(
        "WIN_RATE",
        [
          [[1], [2]],
          [[1], [2], [3]],
        ],
        "#VALUE!"
      ).tr
    ).toBe("kazanilan 2x1, diğer bağımsız değişkenler ise 3x1: aralıklar aynı boyutta olmalı");
  });

  it("names a range's cell and what it must hold", () => {
    expect(reasons("SALES_CYCLE_LENGTH_RANGE", [[["x"]], [[1]]], "#VALUE!").tr).toBe(
      'olusturma_tarihleri (hücre 1) bir tarih (ISO 2026-03-15 ya da tarih hücresi) olmalı, "x" değil'
    );
    expect(reasons("SALES_CYCLE_LENGTH_RANGE", [null, [[1]]], "#N/A").tr).toBe(
      "olusturma_tarihleri boş: aralığını seçin"
    );
    const negative: Arg[] = [
      [
        [1, 2],
        [3, -5],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ];
    expect(reasons("FORECAST_ACCURACY_RANGE", negative, "#NUM!").tr).toBe(
      "gerceklesenler (satır 2, sütun 2) 0 veya üstü olmalı, -5 değil"
    );
  });

  it("names a function by its Turkish Excel name", () => {
    expect(reasons("WIN_RATE", [1, 2, 3], "#VALUE!")).toEqual({
      en: "WIN_RATE takes at most 2 arguments, not 3",
      tr: "KAZANMA_ORANI en çok 2 bağımsız değişken alır, 3 değil",
    });
    expect(reasons("TOTAL_REVENUE", [1e308, 10], "#NUM!").tr).toBe(
      "TOPLAM_GELIR: sonuç gösterilemeyecek kadar büyük"
    );
    expect(reasons("NO_SUCH_KPI", [1], "#NAME?").tr).toBe("NO_SUCH_KPI adında bir KPI işlevi yok");
  });
});

describe("a metric's own reasons", () => {
  it("names the parameter the metric divides by", () => {
    expect(reasons("LTV_CAC_RATIO", [15000, 0], "#DIV/0!")).toEqual({
      en: "cac is 0: the ratio is undefined",
      tr: "cac 0: oran tanımsızdır",
    });
    expect(reasons("REVENUE_GROWTH", [1000000, 0], "#DIV/0!").tr).toBe(
      "onceki_donem_gelir 0: sıfır üzerinden büyüme tanımsızdır"
    );
  });

  it("compares a part with its whole, combinations of parameters included", () => {
    expect(reasons("RETENTION_RATE", [600, 20, 500], "#NUM!")).toEqual({
      en: "customers_at_end − new_customers (580) cannot exceed customers_at_start (500)",
      tr: "donem_sonu_musteri − yeni_musteri (580), donem_basi_musteri (500) değerini aşamaz",
    });
    expect(reasons("GROSS_REVENUE_RETENTION", [100000, 80000, 30000], "#NUM!").tr).toBe(
      "daralma + kaybedilen_gelir (110.000), donem_basi_gelir (100.000) değerini aşamaz"
    );
  });

  it("writes a percentage and a count the Turkish way", () => {
    expect(reasons("REQUIRED_WIN_RATE", [3000000, 200, 10000], "#NUM!")).toEqual({
      en: "the target needs a win rate of 150.0%: unreachable with this pipeline",
      tr: "hedef için %150,0 kazanma oranı gerekiyor: bu boru hattıyla ulaşılamaz",
    });
    const noTrials: Arg[] = [200, 200, 200, 0.25, 0.25, 0.25, 10000, 10000, 10000, 0];
    expect(reasons("REVENUE_SIMULATION", noTrials, "#NUM!")).toEqual({
      en: "trials must be a whole number from 1 to 100,000, not 0",
      tr: "deneme_sayisi 1 ile 100.000 arasında bir tam sayı olmalı, 0 değil",
    });
  });

  it("says which date comes first in a row closed before it was created", () => {
    expect(reasons("SALES_CYCLE_LENGTH_RANGE", [[[46030]], [[46000]]], "#NUM!").tr).toBe(
      "kapanis_tarihleri (hücre 1), olusturma_tarihleri (hücre 1) tarihinden önce"
    );
  });

  it("says what a deal table lacks for a KPI", () => {
    const deals: Arg[] = [[["Won"]], [[100]], [[46000]], [[46010]]];
    expect(reasons("DEAL_KPI", ["REP_PRODUCTIVITY", ...deals], "#N/A").tr).toBe(
      "temsilci sütunu yok: temsilci verimliliği için anlaşma sahipleri gerekir"
    );
    expect(reasons("DEAL_KPI", ["PIPELINE_COVERAGE", ...deals], "#N/A").tr).toBe(
      "hedef verilmedi: boru hattı kapsamı için kota veya gelir hedefi gerekir"
    );
  });

  it("has a Turkish reason of its own for every error of the catalog's examples", () => {
    for (const entry of CATALOG)
      for (const example of entry.examples) {
        if (typeof example.expect !== "string") continue;
        const error = errorOf(evaluate(entry.id, example.args), example.expect);
        expect([entry.id, error.messageIn("tr")]).not.toEqual([entry.id, error.message]);
        expect(error.messageIn("tr")).not.toMatch(/[{}]/);
      }
  });
});

describe("the catalog's other text", () => {
  it("writes each formula in both languages", () => {
    expect(findEntry("PIPELINE_VELOCITY")!.formula).toEqual({
      en: "qualified opportunities × win rate × average deal size / sales cycle length in days",
      tr: "nitelikli fırsat × kazanma oranı × ortalama anlaşma büyüklüğü / satış döngüsü (gün)",
    });
    for (const entry of CATALOG) expect(entry.formula.tr).not.toBe("");
  });

  it("keeps the deal-table labels in both languages, from the string table", () => {
    // DEAL_SUMMARY's Turkish rows are checked in evaluate.test.ts.
    expect(DEAL_KPI_LABELS.WIN_RATE).toEqual({ en: "Win rate", tr: "Kazanma oranı" });
  });
});

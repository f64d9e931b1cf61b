/**
 * The KPI preview in English and Turkish: each KPI's label and its value formatted for its unit in
 * the language, an error as its code with the reason in the language.
 *
 * @jest-environment jsdom
 */
import { KpiError } from "../../src/engine";
import { previewItems } from "../../src/taskpane/render/preview";

const kpis = {
  REVENUE: 1886500,
  WIN_RATE: 0.391,
  AVG_DEAL_SIZE: 24500.4,
  SALES_CYCLE_LENGTH: 62.75,
  OPEN_PIPELINE_VALUE: 730000,
  PIPELINE_VELOCITY: new KpiError("#DIV/0!", {
    en: "the sales cycle is 0 days",
    tr: "satış döngüsü 0 gün",
  }),
};

const shown = (language: "en" | "tr") =>
  previewItems(kpis, language).map((box) => [
    box.dataset.kpi,
    box.querySelector("dt")!.textContent,
    box.querySelector("dd")!.textContent,
  ]);

describe("the KPI preview", () => {
  it("writes the headline KPIs in English", () => {
    expect(shown("en")).toEqual([
      ["REVENUE", "Revenue", "1,886,500"],
      ["WIN_RATE", "Win rate", "39.1%"],
      ["AVG_DEAL_SIZE", "Average deal size", "24,500"],
      ["SALES_CYCLE_LENGTH", "Sales cycle length (days)", "62.8"],
      ["OPEN_PIPELINE_VALUE", "Open pipeline value", "730,000"],
      ["PIPELINE_VELOCITY", "Pipeline velocity (per day)", "#DIV/0!"],
    ]);
  });

  it("writes the headline KPIs in Turkish", () => {
    expect(shown("tr")).toEqual([
      ["REVENUE", "Gelir", "1.886.500"],
      ["WIN_RATE", "Kazanma oranı", "%39,1"],
      ["AVG_DEAL_SIZE", "Ortalama anlaşma büyüklüğü", "24.500"],
      ["SALES_CYCLE_LENGTH", "Satış döngüsü uzunluğu (gün)", "62,8"],
      ["OPEN_PIPELINE_VALUE", "Açık boru hattı değeri", "730.000"],
      // The code as Turkish Excel shows it in a cell.
      ["PIPELINE_VELOCITY", "Boru hattı hızı (günlük)", "#SAYI/0!"],
    ]);
  });

  it("gives an error's reason in the language as its tooltip", () => {
    const velocity = (language: "en" | "tr") =>
      previewItems(kpis, language, ["PIPELINE_VELOCITY"])[0].querySelector("dd")!.title;
    expect(velocity("en")).toBe("the sales cycle is 0 days");
    expect(velocity("tr")).toBe("satış döngüsü 0 gün");
  });
});

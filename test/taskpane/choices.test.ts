/**
 * The options that follow the data: the break-down column, the currency of a mixed export, and the
 * KPIs the preview adds where the data has probabilities or the period a previous one.
 *
 * @jest-environment jsdom
 */
/* global HTMLOptionElement */
import { currencyOptions, segmentOptions } from "../../src/taskpane/render/choices";
import { dealReport, onlyCurrency } from "../../src/engine";
import { previewItems, previewKpis, previewNotes } from "../../src/taskpane/render/preview";

const texts = (options: HTMLOptionElement[]) =>
  options.map((option) => [option.value, option.textContent, option.selected]);

describe("the break-down drop-down", () => {
  it("offers every column by its header, an untitled one by its position, and none", () => {
    expect(texts(segmentOptions(["Stage", "", "Lead Source"], 2, "en"))).toEqual([
      ["", "(none)", false],
      ["0", "Stage", false],
      ["1", "Column 2", false],
      ["2", "Lead Source", true],
    ]);
    expect(segmentOptions(["Aşama"], null, "tr")[0].textContent).toBe("(yok)");
  });
});

describe("the currency drop-down", () => {
  const counts = [
    { currency: "USD", deals: 7 },
    { currency: "EUR", deals: 1 },
  ];
  it("offers every currency (money KPIs refused) and each one with its deals", () => {
    expect(texts(currencyOptions(counts, "usd", "en"))).toEqual([
      ["", "Every currency (money KPIs refused)", false],
      ["USD", "USD (7 deals)", true],
      ["EUR", "EUR (1 deal)", false],
    ]);
    expect(currencyOptions(counts, null, "tr")[1].textContent).toBe("USD (7 anlaşma)");
  });
});

describe("the preview's KPIs", () => {
  it("add the weighted pipeline with probabilities and the growth with a previous period", () => {
    expect(previewKpis(false, false)).not.toContain("WEIGHTED_PIPELINE_VALUE");
    expect(previewKpis(true, true).slice(-3)).toEqual([
      "WEIGHTED_PIPELINE_VALUE",
      "PREVIOUS_REVENUE",
      "REVENUE_GROWTH",
    ]);
    const [weighted, growth] = previewItems(
      { WEIGHTED_PIPELINE_VALUE: 18400, REVENUE_GROWTH: 0.0909 },
      "tr",
      ["WEIGHTED_PIPELINE_VALUE", "REVENUE_GROWTH"]
    );
    expect(weighted.textContent).toBe("Ağırlıklı boru hattı değeri18.400");
    expect(growth.textContent).toBe("Gelir artışı%9,1");
  });
});

describe("the preview's notes", () => {
  const columns = {
    stage: ["Won", "Proposal", "Proposal", "Won"],
    amount: [100, 200, 300, 50],
    created: [null, null, null, null],
    closed: [null, null, null, null],
    probability: [1, 0.5, null, 1],
    currency: ["USD", "USD", "USD", "EUR"],
  };
  it("say why the money KPIs are refused and how many open deals have no probability", () => {
    expect(previewNotes(dealReport(columns, null), "en")).toEqual([
      "the amounts are in several currencies (USD 3 deals, EUR 1 deal) and do not add up: choose one currency.",
      "1 open deal has no probability: it is left out of the weighted pipeline.",
    ]);
    const usd = onlyCurrency(columns, "USD")!;
    expect(previewNotes(dealReport(usd, null), "tr")).toEqual([
      "1 açık anlaşmanın olasılığı yok: ağırlıklı boru hattına katılmadı.",
    ]);
  });
});

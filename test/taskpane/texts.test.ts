/**
 * The page's fixed words: every element of taskpane.html they name exists and gets its text, in
 * English and Turkish, with the help page of the language; the table picker's options.
 *
 * @jest-environment jsdom
 */
import { readFileSync } from "fs";
import { join } from "path";
import { applyPageTexts, pageTexts, tableOptions } from "../../src/taskpane/render/texts";

/* global DOMParser */

const html = readFileSync(join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");

const page = () => new DOMParser().parseFromString(html, "text/html");

describe("the page's words", () => {
  it("are written in English", () => {
    const shown = page();
    applyPageTexts(shown, "en");
    expect(shown.documentElement.lang).toBe("en");
    expect(shown.title).toBe("Sales KPIs");
    expect(shown.getElementById("data-heading")!.textContent).toBe("1. Your deals");
    expect(shown.getElementById("build-sheet")!.textContent).toBe("Build KPI sheet");
    expect(shown.getElementById("help-link")!.textContent).toBe("Function reference");
    expect(shown.getElementById("help-link")!.getAttribute("href")).toBe("help.html");
    expect(shown.getElementById("table-select")!.getAttribute("aria-label")).toBe("Table");
  });

  it("are written in Turkish", () => {
    const shown = page();
    applyPageTexts(shown, "tr");
    expect(shown.documentElement.lang).toBe("tr");
    expect(shown.title).toBe("Satış Göstergeleri");
    expect(shown.getElementById("title")!.textContent).toBe("Satış Göstergeleri");
    expect(shown.getElementById("data-heading")!.textContent).toBe("1. Anlaşmalarınız");
    expect(shown.getElementById("preset-checklist")!.textContent).toBe(
      "Makalenin yedi göstergelik kontrol listesi"
    );
    expect(shown.getElementById("grain-quarter")!.textContent).toBe("Çeyrek");
    expect(shown.getElementById("help-link")!.textContent).toBe("İşlev başvurusu");
    expect(shown.getElementById("help-link")!.getAttribute("href")).toBe("help-tr.html");
    expect(shown.getElementById("table-select")!.getAttribute("aria-label")).toBe("Tablo");
  });

  it("leave no named element of the page empty", () => {
    const shown = page();
    applyPageTexts(shown, "tr");
    const empty = Object.keys(pageTexts("tr")).filter(
      (id) => !shown.getElementById(id)!.textContent!.trim()
    );
    expect(empty).toEqual([]);
  });

  it("fail loudly for an element the page lacks", () => {
    const bare = new DOMParser().parseFromString("<p id=title></p>", "text/html");
    expect(() => applyPageTexts(bare, "en")).toThrow("taskpane.html has no element #data-heading");
  });
});

describe("the table picker", () => {
  it("offers a prompt, then the tables", () => {
    const options = tableOptions(["Deals", "Q1"], "tr");
    expect(options.map((option) => [option.text, option.value])).toEqual([
      ["Bir tablo seçin…", ""],
      ["Deals", "Deals"],
      ["Q1", "Q1"],
    ]);
    expect(tableOptions([], "en").map((option) => option.text)).toEqual(["Pick a table…"]);
  });
});

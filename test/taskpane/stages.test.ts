/**
 * The stage list in English and Turkish: each stage value with its spaces shown, its count in the
 * language's digits, and a drop-down on its current class.
 *
 * @jest-environment jsdom
 */
import type { StageValue } from "../../src/reader";
import { stageRows } from "../../src/taskpane/render/stages";

/* global document, HTMLSelectElement, HTMLTableElement, HTMLTableRowElement */

const stages: StageValue[] = [
  { text: " Closed Won ", kind: "won", count: 1234, by: "rule" },
  { text: "Lost", kind: "lost", count: 2, by: "rule" },
  { text: "Verbal", kind: "won", count: 7, by: "user" },
  { text: "Proposal", kind: "open", count: 40, by: "rule" },
];

const noChange = () => undefined;

function table(rows: HTMLTableRowElement[]): HTMLTableElement {
  const element = document.createElement("table");
  element.append(...rows);
  return element;
}

const selects = (element: HTMLTableElement) =>
  Array.from(element.querySelectorAll<HTMLSelectElement>("select"));

describe("the stage list", () => {
  it("has a header row in each language", () => {
    expect(stageRows(stages, "en", noChange)[0].textContent).toBe("Stage valueDealsCounts as");
    expect(stageRows(stages, "tr", noChange)[0].textContent).toBe(
      "Aşama değeriAnlaşmaNasıl sayılır"
    );
  });

  it("selects each stage's current class", () => {
    const shown = table(stageRows(stages, "en", noChange));
    expect(selects(shown).map((select) => select.value)).toEqual(["won", "lost", "won", "open"]);
    expect(selects(shown).map((select) => select.selectedOptions[0].text)).toEqual([
      "Won",
      "Lost",
      "Won",
      "Open",
    ]);
  });

  it("names the classes in Turkish", () => {
    const shown = table(stageRows(stages, "tr", noChange));
    expect(selects(shown).map((select) => select.selectedOptions[0].text)).toEqual([
      "Kazanıldı",
      "Kaybedildi",
      "Kazanıldı",
      "Açık",
    ]);
    expect(Array.from(selects(shown)[1].options).map((option) => option.text)).toEqual([
      "Kazanıldı",
      "Kaybedildi",
      "Açık",
    ]);
    expect(selects(shown)[1].getAttribute("aria-label")).toBe("Nasıl sayılır: Lost");
  });

  it("writes the counts in the language's digits", () => {
    const count = (language: "en" | "tr") =>
      Array.from(table(stageRows(stages, language, noChange)).querySelectorAll(".stage-count")).map(
        (cell) => cell.textContent
      );
    expect(count("en")).toEqual(["1,234", "2", "7", "40"]);
    expect(count("tr")).toEqual(["1.234", "2", "7", "40"]);
  });

  it("marks spaces at either end and keeps the text as written for the criteria", () => {
    const shown = table(stageRows(stages, "en", noChange));
    const first = shown.querySelector(".stage-text")!;
    expect(first.textContent).toBe("␣Closed Won␣");
    expect(first.querySelectorAll(".space-mark")).toHaveLength(2);
    expect(selects(shown)[0].getAttribute("data-text")).toBe(" Closed Won ");
  });

  it("marks a class the person chose", () => {
    const shown = table(stageRows(stages, "en", noChange));
    expect(selects(shown).map((select) => select.classList.contains("by-user"))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });

  it("reports the class picked with the stage's text as written", () => {
    const changes: [string, string][] = [];
    const shown = table(stageRows(stages, "en", (text, kind) => changes.push([text, kind])));
    const first = selects(shown)[0];
    first.value = "lost";
    first.dispatchEvent(new Event("change"));
    expect(changes).toEqual([[" Closed Won ", "lost"]]);
  });
});

/**
 * The problems list in English and Turkish: its summary line (a plural), its buttons with their sheet
 * rows, and at most 200 of them.
 *
 * @jest-environment jsdom
 */
import type { ReadProblem } from "../../src/reader";
import { problemItems, problemsSummary } from "../../src/taskpane/render/problems";

const problems: ReadProblem[] = [
  {
    row: 6,
    field: "stage",
    column: "Stage",
    value: "#N/A",
    message: { en: "the cell holds the error #N/A", tr: "hücrede #YOK hatası var" },
  },
  {
    row: 8,
    field: "amount",
    column: "Amount",
    value: "1,200",
    message: { en: "the amount is text", tr: "tutar metin olarak yazılmış" },
  },
  {
    row: 12345,
    field: "closed",
    column: "Closed",
    value: "x",
    message: { en: "not a date", tr: "tarih değil" },
  },
];

const notANumber = { en: "not a number", tr: "sayı değil" };

describe("the problems summary", () => {
  it("counts the cells in English, singular for one", () => {
    expect(problemsSummary(3, "en")).toBe(
      "3 cells could not be read; they count as blank. Click one to select its row."
    );
    expect(problemsSummary(1, "en")).toBe(
      "1 cell could not be read; it counts as blank. Click it to select its row."
    );
    expect(problemsSummary(1500, "en")).toBe(
      "1,500 cells could not be read; they count as blank. Click one to select its row."
    );
  });

  it("counts the cells in Turkish, the noun singular after a number", () => {
    expect(problemsSummary(3, "tr")).toBe(
      "3 hücre okunamadı; boş sayılır. Satırını seçmek için birine tıklayın."
    );
    expect(problemsSummary(1, "tr")).toBe(
      "1 hücre okunamadı; boş sayılır. Satırını seçmek için üzerine tıklayın."
    );
    expect(problemsSummary(1500, "tr")).toBe(
      "1.500 hücre okunamadı; boş sayılır. Satırını seçmek için birine tıklayın."
    );
  });

  it("says every cell was read when none failed", () => {
    expect(problemsSummary(0, "en")).toBe("Every cell could be read.");
    expect(problemsSummary(0, "tr")).toBe("Tüm hücreler okunabildi.");
  });
});

describe("the problems list", () => {
  it("names each problem's row in English, the row number ungrouped", () => {
    const items = problemItems(problems, "en", () => undefined);
    expect(items.map((item) => item.textContent)).toEqual([
      "Row 6: the cell holds the error #N/A",
      "Row 8: the amount is text",
      "Row 12345: not a date",
    ]);
    expect(items.map((item) => item.querySelector("button")!.dataset.row)).toEqual([
      "6",
      "8",
      "12345",
    ]);
  });

  it("names each problem's row in Turkish", () => {
    const items = problemItems(problems.slice(0, 2), "tr", () => undefined);
    expect(items.map((item) => item.textContent)).toEqual([
      "Satır 6: hücrede #YOK hatası var",
      "Satır 8: tutar metin olarak yazılmış",
    ]);
  });

  it("selects the row of the problem clicked", () => {
    const selected: number[] = [];
    const items = problemItems(problems, "en", (row) => selected.push(row));
    items[1].querySelector("button")!.click();
    expect(selected).toEqual([8]);
  });

  it("lists the first 200 problems", () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ row: i + 2, message: notANumber }));
    const items = problemItems(many, "en", () => undefined);
    expect(items).toHaveLength(200);
    expect(items[199].textContent).toBe("Row 201: not a number");
  });

  it("keeps a hostile message as text", () => {
    const text = "<img src=x onerror=alert(1)>";
    const hostile = [{ row: 3, message: { en: text, tr: text } }];
    const [item] = problemItems(hostile, "en", () => undefined);
    expect(item.querySelector("img")).toBeNull();
    expect(item.textContent).toBe("Row 3: <img src=x onerror=alert(1)>");
  });
});

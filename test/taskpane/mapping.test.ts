/**
 * The mapping table in English and Turkish: a drop-down of the header row's columns per field, the
 * chosen column selected, "check" where detection was unsure, and the person's change reported.
 *
 * @jest-environment jsdom
 */
import { type MappingView, mappingRows } from "../../src/taskpane/render/mapping";

/* global document, HTMLElement, HTMLSelectElement, HTMLTableRowElement */

const view: MappingView = {
  headers: ["Deal", "Stage", "Amount", "", "Owner"],
  mapping: { id: 0, stage: 1, amount: 2, owner: 4 },
  overrides: {},
  unsure: ["owner"],
};

const noChange = () => undefined;

function select(rows: HTMLTableRowElement[], field: string): HTMLSelectElement {
  const table = document.createElement("table");
  table.append(...rows);
  return table.querySelector(`select[data-field=${field}]`)!;
}

const optionTexts = (element: HTMLSelectElement) => Array.from(element.options).map((o) => o.text);

describe("the mapping table", () => {
  it("lists every column in each drop-down, in English", () => {
    const rows = mappingRows(view, "en", noChange);
    expect(optionTexts(select(rows, "stage"))).toEqual([
      "(none)",
      "Deal",
      "Stage",
      "Amount",
      "Column 4",
      "Owner",
    ]);
    expect(Array.from(select(rows, "stage").options).map((o) => o.value)).toEqual([
      "",
      "0",
      "1",
      "2",
      "3",
      "4",
    ]);
  });

  it("lists every column in each drop-down, in Turkish", () => {
    const rows = mappingRows(view, "tr", noChange);
    expect(optionTexts(select(rows, "amount"))).toEqual([
      "(yok)",
      "Deal",
      "Stage",
      "Amount",
      "4. sütun",
      "Owner",
    ]);
  });

  it("names the fields and the columns in each language", () => {
    const en = mappingRows(view, "en", noChange);
    expect(en[0].textContent).toBe("FieldColumn");
    expect(en.slice(1).map((row) => row.cells[0].textContent)).toEqual([
      "Deal name",
      "Owner check",
      "Stage",
      "Status",
      "Amount",
      "Created date",
      "Close date",
      "Lead source",
      "Probability",
      "Currency",
    ]);
    const tr = mappingRows(view, "tr", noChange);
    expect(tr[0].textContent).toBe("AlanSütun");
    expect(tr.slice(1).map((row) => row.cells[0].textContent)).toEqual([
      "Anlaşma adı",
      "Temsilci kontrol edin",
      "Aşama",
      "Durum",
      "Tutar",
      "Oluşturma tarihi",
      "Kapanış tarihi",
      "Potansiyel müşteri kaynağı",
      "Olasılık",
      "Para birimi",
    ]);
    expect(select(tr, "created").getAttribute("aria-label")).toBe("Oluşturma tarihi");
  });

  it("selects the detected columns, and none for a field without one", () => {
    const rows = mappingRows(view, "en", noChange);
    expect(select(rows, "stage").value).toBe("1");
    expect(select(rows, "amount").value).toBe("2");
    expect(select(rows, "closed").value).toBe("");
  });

  it("selects the person's choice over detection, and drops the check once they chose", () => {
    const rows = mappingRows({ ...view, overrides: { stage: 2, owner: null } }, "en", noChange);
    expect(select(rows, "stage").value).toBe("2");
    expect(select(rows, "owner").value).toBe("");
    const table = document.createElement("table");
    table.append(...rows);
    expect(table.querySelector("[data-unsure]")).toBeNull();
  });

  it("marks an unsure field with a hint in the language", () => {
    const table = document.createElement("table");
    table.append(...mappingRows(view, "tr", noChange));
    const check = table.querySelector<HTMLElement>("[data-unsure=owner]")!;
    expect(check.textContent).toBe("kontrol edin");
    expect(check.title).toBe("Algılama bu sütundan emin değil: doğru sütun olduğunu kontrol edin.");
  });

  it("reports the column picked, and null for none", () => {
    const changes: [string, number | null][] = [];
    const rows = mappingRows(view, "en", (field, column) => changes.push([field, column]));
    const amount = select(rows, "amount");
    amount.value = "3";
    amount.dispatchEvent(new Event("change"));
    amount.value = "";
    amount.dispatchEvent(new Event("change"));
    expect(changes).toEqual([
      ["amount", 3],
      ["amount", null],
    ]);
  });

  it("shows a hostile header as text", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const rows = mappingRows({ ...view, headers: [hostile] }, "en", noChange);
    const source = select(rows, "source");
    expect(optionTexts(source)).toEqual(["(none)", hostile]);
    expect(source.querySelector("img")).toBeNull();
  });
});

/**
 * What the pane says in English and Turkish: the data's status line, the reading progress, a build's
 * and a refresh's result, with plurals and the language's digits.
 *
 * @jest-environment jsdom
 */
import {
  builtText,
  failedText,
  followsText,
  goToText,
  pickColumnsText,
  refreshText,
  rowCountText,
  rowsUnreadText,
  showProgress,
  showResult,
} from "../../src/taskpane/render/status";

/* global document */

describe("the status line", () => {
  it("counts the rows read, singular for one", () => {
    expect(rowCountText(250, "'CRM Export'!A1:G251", "en")).toBe(
      "250 rows from 'CRM Export'!A1:G251"
    );
    expect(rowCountText(1, "Sheet1!A1:B2", "en")).toBe("1 row from Sheet1!A1:B2");
    expect(rowCountText(12500, "Sheet1!A1:G12501", "en")).toBe("12,500 rows from Sheet1!A1:G12501");
    expect(rowCountText(12500, "Sayfa1!A1:G12501", "tr")).toBe(
      "Sayfa1!A1:G12501 aralığından 12.500 satır"
    );
    expect(rowCountText(1, "Sayfa1!A1:B2", "tr")).toBe("Sayfa1!A1:B2 aralığından 1 satır");
  });

  it("asks for the columns of data it could not read", () => {
    expect(rowsUnreadText("Hand!A1:F7", "en")).toBe("Data from Hand!A1:F7: pick its columns below");
    expect(rowsUnreadText("Hand!A1:F7", "tr")).toBe(
      "Hand!A1:F7 aralığındaki veri: sütunlarını aşağıdan seçin"
    );
    expect(pickColumnsText("no Stage column", "tr")).toBe(
      "2. bölümde sütunları seçin, en az Aşama ve Tutar: no Stage column"
    );
  });

  it("shows the reading progress in the language's digits", () => {
    const bar = document.createElement("div");
    const label = document.createElement("span");
    showProgress(bar, label, 500, 2000, "en");
    expect(bar.style.width).toBe("25%");
    expect(label.textContent).toBe("Reading 500 of 2,000 rows…");
    showProgress(bar, label, 1500, 2000, "tr");
    expect(bar.style.width).toBe("75%");
    expect(label.textContent).toBe("2.000 satırın 1.500 tanesi okunuyor…");
  });
});

describe("the result line", () => {
  it("carries its kind as a class", () => {
    const result = document.createElement("div");
    showResult(result, failedText("the request failed", "en"), "error");
    expect(result.textContent).toBe("Nothing was changed: the request failed");
    expect(result.className).toBe("result error");
    showResult(result, "");
    expect(result.className).toBe("result ");
  });

  it("says what was built", () => {
    expect(builtText("KPI", 38, "en")).toBe("Built the sheet “KPI” with 38 named KPI cells.");
    expect(builtText("KPI", 1, "en")).toBe("Built the sheet “KPI” with 1 named KPI cell.");
    expect(builtText("KPI 2", 38, "tr")).toBe(
      "“KPI 2” sayfası 38 adlandırılmış gösterge hücresiyle oluşturuldu."
    );
    expect(goToText("KPI", "tr")).toBe("KPI sayfasına git");
    expect(followsText("Deals", "en")).toBe(
      "The sheet follows the table Deals: rows added to it count."
    );
    expect(failedText("istek başarısız", "tr")).toBe("Hiçbir şey değiştirilmedi: istek başarısız");
  });

  it("says what a refresh changed, in English", () => {
    expect(
      refreshText(
        {
          from: "2-5",
          to: "2-7",
          before: 4,
          after: 6,
          newStages: ["Verbal", " Won "],
          newOwners: ["Dana"],
        },
        "en"
      )
    ).toBe(
      "Rows 2-5 → 2-7: 2 rows added." +
        ' New stage values not on the sheet\'s stage list: "Verbal", " Won ". Build the KPI sheet again to count them.' +
        " New owners not in the sheet's owner table: Dana. Build the KPI sheet again to list them."
    );
    const change = { from: "2-5", to: "2-4", newStages: [], newOwners: [] };
    expect(refreshText({ ...change, before: 4, after: 3 }, "en")).toBe(
      "Rows 2-5 → 2-4: 1 row removed."
    );
    expect(refreshText({ ...change, to: "2-5", before: 4, after: 4 }, "en")).toBe(
      "Rows 2-5 → 2-5: no rows added."
    );
  });

  it("says what a refresh changed, in Turkish", () => {
    expect(
      refreshText(
        { from: "2-5", to: "2-1005", before: 4, after: 1004, newStages: ["Sözlü"], newOwners: [] },
        "tr"
      )
    ).toBe(
      "Satırlar 2-5 → 2-1005: 1.000 satır eklendi." +
        ' Sayfanın aşama listesinde olmayan yeni aşama değerleri: "Sözlü". Saymak için KPI sayfasını yeniden oluşturun.'
    );
    expect(
      refreshText(
        { from: "2-5", to: "2-4", before: 4, after: 3, newStages: [], newOwners: [] },
        "tr"
      )
    ).toBe("Satırlar 2-5 → 2-4: 1 satır silindi.");
  });
});

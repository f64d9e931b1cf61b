/** A failure's reason in the reader's language, whatever kind of failure it is. */
import { KpiError } from "../../src/engine";
import { TextError, reasonIn } from "../../src/i18n";
import { WriteError } from "../../src/writers/excel";

describe("reasonIn", () => {
  const reason = { en: "the sheet is protected", tr: "sayfa korumalı" };

  it("gives a TextError's reason in each language, and English as its message", () => {
    const error = new TextError(reason);
    expect(reasonIn(error, "tr")).toBe("sayfa korumalı");
    expect(reasonIn(error, "en")).toBe("the sheet is protected");
    expect(error.message).toBe("the sheet is protected");
  });

  it("joins a WriteError's sentences in the language", () => {
    const error = new WriteError([reason, { en: "Nothing changed.", tr: "Hiçbir şey değişmedi." }]);
    expect(reasonIn(error, "tr")).toBe("sayfa korumalı Hiçbir şey değişmedi.");
    expect(error.name).toBe("WriteError");
  });

  it("gives an Excel error value's reason, and any other error's own message", () => {
    expect(reasonIn(new KpiError("#N/A", reason), "tr")).toBe("sayfa korumalı");
    expect(reasonIn(new Error("The operation is busy."), "tr")).toBe("The operation is busy.");
    expect(reasonIn("timeout", "en")).toBe("timeout");
  });
});

/** The committed function references are the ones the catalog generates, corrections included. */
import * as fs from "fs";
import * as path from "path";
import { CATALOG } from "../src/engine";
import type { Language } from "../src/i18n";
import { REFERENCE_PATHS } from "../src/tools/generate-docs";
import { renderHelpHtml, renderMarkdown } from "../src/tools/reference";

const committed = (language: Language) =>
  fs.readFileSync(path.join(__dirname, "..", REFERENCE_PATHS[language]), "utf8");

describe.each(["en", "tr"] as const)("the %s function reference", (language) => {
  it("is up to date with the catalog (run `npm run docs` after changing it)", () => {
    expect(committed(language)).toBe(renderMarkdown(language));
  });
});

describe("docs/functions.md", () => {
  it("documents every function with its Turkish name", () => {
    for (const entry of CATALOG) {
      expect(committed("en")).toContain(`### ${entry.id}`);
      expect(committed("en")).toContain(`KPI.${entry.trName}`);
    }
  });

  it("states both corrections to the article's worked examples", () => {
    expect(committed("en")).toMatch(/prints 200 as the velocity[^\n]*20,000 per day/);
    expect(committed("en")).toMatch(/states 2%: that is the net figure/);
  });
});

describe("docs/functions.tr.md", () => {
  it("heads every function with its Turkish name and gives the English one beside it", () => {
    for (const entry of CATALOG) {
      expect(committed("tr")).toContain(`### ${entry.trName}`);
      expect(committed("tr")).toContain(`İngilizce Excel: \`KPI.${entry.id}\``);
    }
  });

  it("writes examples as Turkish Excel takes them", () => {
    // The article's churn example: 30 customers lost of 500, a 6% churn rate.
    expect(committed("tr")).toContain("| `=KPI.KAYIP_ORANI(30;500)` | 0,06 (%6) |");
    expect(committed("tr")).toContain("| `#YOK` | gerekli bir bağımsız değişken boş |");
  });
});

describe("the Turkish help page", () => {
  it("gives each function's definition in Turkish", () => {
    const page = renderHelpHtml("tr");
    const churn = CATALOG.find((entry) => entry.id === "CHURN_RATE")!;
    expect(page).toContain(`<strong>Tanım:</strong> ${churn.formula.tr}`);
    expect(churn.formula.tr).not.toBe(churn.formula.en);
  });
});

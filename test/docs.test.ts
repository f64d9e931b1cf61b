/** The committed function reference is the one the catalog generates, corrections included. */
import * as fs from "fs";
import * as path from "path";
import { CATALOG } from "../src/engine";
import { renderMarkdown } from "../src/tools/reference";

const committed = fs.readFileSync(path.join(__dirname, "..", "docs", "functions.md"), "utf8");

describe("docs/functions.md", () => {
  it("is up to date with the catalog (run `npm run docs` after changing it)", () => {
    expect(committed).toBe(renderMarkdown());
  });

  it("documents every function with its Turkish name", () => {
    for (const entry of CATALOG) {
      expect(committed).toContain(`### ${entry.id}`);
      expect(committed).toContain(`KPI.${entry.trName}`);
    }
  });

  it("states both corrections to the article's worked examples", () => {
    expect(committed).toMatch(/prints 200 as the velocity[^\n]*20,000 per day/);
    expect(committed).toMatch(/states 2%: that is the net figure/);
  });
});

/** The bundled sample CRM exports are what the generator in the repository makes: they cannot drift. */
import * as fs from "fs";
import * as path from "path";
import { generateDeals, toCsv } from "../src/tools/sampleDeals";

describe.each([
  ["crm-export.csv", 1, "en"],
  ["crm-export-tr.csv", 2, "tr"],
] as const)("samples/%s", (file, seed, language) => {
  it("is the generator's output (regenerate with `npm run sample`)", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "samples", file), "utf8");
    expect(committed).toBe(toCsv(generateDeals(250, seed, language)));
  });
});

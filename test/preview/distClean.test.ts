/**
 * The preview is a development tool: HyperFormula (GPL) and the Office.js stand-in must never reach
 * what ships. Checks the built dist/ (npm test builds it first).
 */
import * as fs from "fs";
import * as path from "path";

const dist = path.join(__dirname, "..", "..", "dist");
const MARKERS = [/HyperFormula/i, /__previewHost/, /office-stand-in/, /Office stand-in/];

describe("dist/", () => {
  it("holds none of the preview's code", () => {
    expect(fs.existsSync(dist)).toBe(true);
    const files = fs
      .readdirSync(dist, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.(js|html|json)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(dist, file), "utf8");
      return MARKERS.filter((marker) => marker.test(text)).map((marker) => `${file}: ${marker}`);
    });
    expect(found).toEqual([]);
  });
});

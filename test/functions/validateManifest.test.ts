/** `npm run validate`: the offline manifest check passes on the build and catches broken manifests. */
import * as fs from "fs";
import * as path from "path";
import { validateManifest } from "../../src/tools/validateManifest";

const dist = path.join(__dirname, "..", "..", "dist");
const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");

describe("validateManifest", () => {
  it("finds nothing wrong with the built manifest", () => {
    expect(validateManifest(manifest, dist)).toEqual([]);
  });

  it("names a URL whose file was not built", () => {
    const broken = manifest.replace(
      "https://localhost:3000/functions.js",
      "https://localhost:3000/missing.js"
    );
    expect(validateManifest(broken, dist)).toEqual([
      expect.stringMatching(/missing\.js is not in dist/),
    ]);
  });

  it("names a resid without a resource, a string too long and a missing shared runtime", () => {
    const broken = manifest
      .replace(
        '<Runtime resid="Taskpane.Url" lifetime="long"/>',
        '<Runtime resid="Nowhere.Url" lifetime="short"/>'
      )
      .replace('DefaultValue="KPI Pane"', `DefaultValue="${"x".repeat(130)}"`);
    const problems = validateManifest(broken, dist);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/resid="Nowhere.Url"/),
        expect.stringMatching(/shared runtime/),
        expect.stringMatching(/130 characters, more than 125/),
      ])
    );
  });

  it("names a missing or too low ExcelApi requirement set", () => {
    const low = manifest.replace(
      '<Set Name="ExcelApi" MinVersion="1.7"/>',
      '<Set Name="ExcelApi" MinVersion="1.4"/>'
    );
    expect(validateManifest(low, dist)).toEqual([
      expect.stringMatching(/ExcelApi .* at least 1\.7 \(declared: 1\.4\)/),
    ]);
    const none = manifest.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', "");
    expect(validateManifest(none, dist)).toEqual([expect.stringMatching(/declared: none/)]);
  });

  it("refuses what is not XML", () => {
    expect(validateManifest("<OfficeApp><Id>", dist)[0]).toMatch(/not well-formed/);
  });
});

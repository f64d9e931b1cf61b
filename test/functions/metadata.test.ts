/**
 * The generated metadata in dist/ against the catalog and against Microsoft's rules for custom
 * functions: ids of A-Z, 0-9, _ and . only; names starting with a letter, at least three and at most
 * 128 characters; every function and parameter described; one Turkish entry per English one.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOG } from "../../src/engine";
import type { FunctionsMetadata } from "../../src/tools/metadata";

const dist = path.join(__dirname, "..", "..", "dist");
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(dist, file), "utf8")) as FunctionsMetadata;
const english = read("functions.json").functions;
const turkish = read("functions-tr.json").functions;
const NAME_RULE = /^[A-Z][A-Z0-9_.]{2,127}$/;

describe.each([
  ["functions.json", english],
  ["functions-tr.json", turkish],
])("%s", (_file, functions) => {
  it("lists every catalog function once, in catalog order", () => {
    expect(functions.map((f) => f.id)).toEqual(CATALOG.map((entry) => entry.id));
  });

  it("uses ids and names that Excel accepts", () => {
    for (const fn of functions) {
      expect(fn.id).toMatch(NAME_RULE);
      expect(fn.name).toMatch(NAME_RULE);
      expect(fn.name).not.toMatch(/^[A-Z]{1,3}[0-9]+$/); // never a cell reference
    }
    expect(new Set(functions.map((f) => f.name)).size).toBe(functions.length);
  });

  it("describes every function and every parameter", () => {
    for (const fn of functions) {
      expect(fn.description.length).toBeGreaterThan(10);
      expect(fn.parameters.length).toBeGreaterThan(0);
      for (const param of fn.parameters) {
        expect(param.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(param.description.length).toBeGreaterThan(5);
      }
      expect(new Set(fn.parameters.map((p) => p.name)).size).toBe(fn.parameters.length);
    }
  });

  it("takes ranges in and gives arrays out, with optional parameters last", () => {
    for (const fn of functions) {
      expect(fn.result).toEqual({ type: "any", dimensionality: "matrix" });
      const firstOptional = fn.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(fn.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
      for (const param of fn.parameters) expect(param.dimensionality).toBe("matrix");
    }
  });

  it("points every help URL at an anchor of a help page that the build wrote", () => {
    for (const fn of functions) {
      const match = /^https:\/\/[^/]+\/(help(?:-tr)?\.html)#([A-Z_]+)$/.exec(fn.helpUrl);
      expect(match).not.toBeNull();
      const page = fs.readFileSync(path.join(dist, match![1]), "utf8");
      expect(page).toMatch(new RegExp(`id="?${match![2]}"?[ >]`));
    }
  });
});

describe.each(["functions.json", "functions-tr.json"])("%s lets error values in", (file) => {
  it("sets allowErrorForDataTypeAny at the top level, where Excel's schema has it", () => {
    // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
    const metadata = read(file);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(Object.keys(metadata).sort()).toEqual(["allowErrorForDataTypeAny", "functions"]);
    // It reaches `any` parameters only: every parameter is one.
    for (const fn of metadata.functions)
      for (const param of fn.parameters) expect(param.type).toBe("any");
  });
});

describe("the Turkish metadata", () => {
  it("has one Turkish entry per English one, with the same parameters", () => {
    expect(turkish.length).toBe(english.length);
    english.forEach((fn, i) => {
      expect(turkish[i].id).toBe(fn.id);
      expect(turkish[i].parameters.map((p) => p.optional)).toEqual(
        fn.parameters.map((p) => p.optional)
      );
    });
  });

  it("names the functions in Turkish", () => {
    const byId = new Map(turkish.map((fn) => [fn.id, fn.name]));
    expect(byId.get("CHURN_RATE")).toBe("KAYIP_ORANI");
    expect(byId.get("PIPELINE_VELOCITY")).toBe("BORU_HATTI_HIZI");
    expect(turkish.filter((fn) => fn.name === fn.id).length).toBe(0);
  });
});

describe("manifest.xml in dist", () => {
  const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");

  it("names only files that the build wrote", () => {
    const urls = [...manifest.matchAll(/"(https:\/\/localhost:3000\/[^"#]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const file = url.replace("https://localhost:3000/", "");
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
  });

  it("gives Turkish Excel the Turkish metadata and the KPI namespace", () => {
    expect(manifest).toMatch(
      /<bt:Override Locale="tr-TR" Value="https:\/\/localhost:3000\/functions-tr.json"\/>/
    );
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="KPI"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  });
});

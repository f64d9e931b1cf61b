/**
 * `npm run validate`: checks manifest.xml offline (Microsoft's validator is a web service): the
 * elements an Excel add-in with custom functions and a shared runtime needs, every resid defined,
 * string lengths within the schema's limits, and every URL it names built into dist/.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { officeJsProblems } from "./officeJs";
import { compareVersions } from "./versions";

type Node = Record<string, unknown>;

/** Limits of the add-in manifest schema. */
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every node of a parsed document, with the name of the element it is. */
function* walk(node: unknown, name = ""): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, name);
  } else if (node && typeof node === "object") {
    yield [name, node as Node];
    for (const [key, child] of Object.entries(node))
      if (!key.startsWith("@_")) yield* walk(child, key);
  }
}

/**
 * The lowest ExcelApi the add-in works with: Worksheet.getRangeByIndexes, Range.getSurroundingRegion,
 * Worksheet.freezePanes, ChartSeries.setXAxisValues and NamedItem.formula (set) are ExcelApi 1.7,
 * conditional formats 1.6; the rest is 1.1 to 1.4. Excel.createWorkbook (1.8) is optional: the pane
 * checks it. https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
export const REQUIRED_EXCEL_API = "1.7";

const attribute = (node: Node, name: string) => node[`@_${name}`] as string | undefined;

/**
 * Validates a manifest.
 * @param manifestXml The manifest's text.
 * @param distDir The built add-in, where every URL under baseUrl must exist.
 * @param baseUrl Where the add-in is served in this manifest.
 * @returns The problems found; empty when the manifest is valid.
 */
export function validateManifest(
  manifestXml: string,
  distDir: string,
  baseUrl = "https://localhost:3000/"
): string[] {
  const problems: string[] = [];
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
  });
  let document: Node;
  try {
    document = parser.parse(manifestXml, true) as Node;
  } catch (error) {
    return [`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`];
  }
  const app = document.OfficeApp as Node | undefined;
  if (!app) return ["the root element is not OfficeApp"];
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ]) {
    if (app[required] === undefined) problems.push(`missing <${required}>`);
  }
  if (typeof app.Id !== "string" || !GUID.test(app.Id)) problems.push("<Id> must be a GUID");
  if (typeof app.Version !== "string" || !/^\d+\.\d+\.\d+\.\d+$/.test(app.Version))
    problems.push("<Version> must be n.n.n.n");
  if (app.Permissions !== "ReadWriteDocument")
    problems.push(
      "<Permissions> should be ReadWriteDocument: the add-in writes sheets and nothing more"
    );

  const nodes = [...walk(app)];
  const resourceIds = new Set(
    nodes
      .filter(([name]) => ["Image", "Url", "String"].includes(name))
      .map(([, node]) => attribute(node, "id"))
  );
  for (const [name, node] of nodes) {
    const resid = attribute(node, "resid");
    if (resid && !resourceIds.has(resid))
      problems.push(`<${name} resid="${resid}"> names no resource`);
  }
  const element = (name: string) => nodes.filter(([n]) => n === name).map(([, node]) => node);
  if (!element("Runtime").some((node) => attribute(node, "lifetime") === "long"))
    problems.push('no shared runtime (<Runtime lifetime="long">)');
  const extensionTypes = element("ExtensionPoint").map((node) => attribute(node, "type"));
  if (!extensionTypes.includes("CustomFunctions"))
    problems.push("no CustomFunctions extension point");
  if (!element("Set").some((node) => attribute(node, "Name") === "SharedRuntime"))
    problems.push("the SharedRuntime requirement set is not required");
  // The writer and the pane's reading cannot work below ExcelApi 1.7 (see REQUIRED_EXCEL_API).
  const excelApi = element("Set").find((node) => attribute(node, "Name") === "ExcelApi");
  const sets = element("Sets")[0];
  const declared =
    excelApi &&
    (attribute(excelApi, "MinVersion") ?? (sets && attribute(sets, "DefaultMinVersion")));
  if (!declared || compareVersions(declared, REQUIRED_EXCEL_API) < 0)
    problems.push(
      `the ExcelApi requirement set must be at least ${REQUIRED_EXCEL_API} (declared: ${declared ?? "none"})`
    );

  const strings = (parent: string) =>
    nodes
      .filter(([name]) => name === parent)
      .flatMap(([, node]) => [...walk(node.String, "String")].map(([, n]) => n));
  for (const [parent, max] of [
    ["ShortStrings", SHORT_STRING_MAX],
    ["LongStrings", LONG_STRING_MAX],
  ] as const) {
    for (const node of strings(parent)) {
      for (const text of [
        attribute(node, "DefaultValue"),
        ...[...walk(node.Override, "Override")].map(([, o]) => attribute(o, "Value")),
      ]) {
        if (text && text.length > max)
          problems.push(`${attribute(node, "id")}: ${text.length} characters, more than ${max}`);
      }
    }
  }

  const urls = new Set<string>();
  for (const [, node] of nodes) {
    for (const key of ["DefaultValue", "Value"]) {
      const value = attribute(node, key);
      if (value?.startsWith("http")) urls.add(value);
    }
  }
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`${url}: add-in URLs must use https`);
    if (!url.startsWith(baseUrl)) continue;
    const file = url.slice(baseUrl.length).replace(/[?#].*$/, "") || "index.html";
    if (!fs.existsSync(path.join(distDir, file)))
      problems.push(`${url}: ${file} is not in ${path.basename(distDir)}/ (run npm run build)`);
  }
  return problems;
}

if (require.main === module) {
  const distDir = path.resolve("dist");
  const manifest = path.join(distDir, "manifest.xml");
  if (!fs.existsSync(manifest)) {
    process.stderr.write("dist/manifest.xml is missing: run npm run build first\n");
    process.exit(1);
  }
  const problems = validateManifest(
    fs.readFileSync(manifest, "utf8"),
    distDir,
    process.env.ADDIN_PUBLIC_URL || undefined
  );
  // The built pages load Office.js from the CDN, or (OFFICE_JS=local) from their own origin only.
  for (const page of fs.readdirSync(distDir).filter((file) => file.endsWith(".html"))) {
    const html = fs.readFileSync(path.join(distDir, page), "utf8");
    if (!/office\.js/.test(html)) continue; // the help pages run no Office.js
    problems.push(
      ...officeJsProblems(page, html, (file) => fs.existsSync(path.join(distDir, file)))
    );
  }
  for (const problem of problems) process.stderr.write(`manifest: ${problem}\n`);
  process.stdout.write(
    problems.length ? `${problems.length} problem(s) in manifest.xml\n` : "manifest.xml is valid\n"
  );
  process.exitCode = problems.length ? 1 : 0;
}

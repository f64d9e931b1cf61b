/**
 * An .xlsx package read part by part, and the structural rules whose breach makes Excel offer to
 * repair a file ("We found a problem with some content"): each rule is one that can be checked
 * without Excel, from ECMA-376 Part 2 (Open Packaging Conventions) and Part 1 (SpreadsheetML).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { relsPathOf, resolveTarget } from "../../src/writers/xlsxCharts";

/** Every element of CT_Worksheet, in the order of its sequence (ECMA-376 Part 1, §18.3.1.99). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Elements CT_Worksheet allows more than once; every other one at most once. */
const REPEATABLE = new Set(["conditionalFormatting"]);

/** Parses with the elements in document order (preserveOrder), attributes under ":@" without prefix. */
export const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
});

/** Parses to plain objects, attributes without prefix, every element that may repeat as an array. */
export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name) =>
    [
      "Relationship",
      "Override",
      "Default",
      "sheet",
      "xdr:twoCellAnchor",
      "c:ser",
      "c:pt",
      "a:r",
      "a:p",
    ].includes(name),
});

export interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

/** The relationships of a part (none when it has no relationships part). */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const file = zip.file(relsPathOf(part));
  if (!file) return [];
  return parser.parse(await file.async("string")).Relationships?.Relationship ?? [];
}

/** The content type the package gives a part: its Override, else the Default of its extension. */
export async function contentTypeOf(zip: JSZip, part: string): Promise<string | undefined> {
  const types = parser.parse(await zip.file("[Content_Types].xml")!.async("string")).Types;
  const override = (types.Override ?? []).find(
    (o: { PartName: string }) => o.PartName.toLowerCase() === `/${part}`.toLowerCase()
  );
  if (override) return override.ContentType;
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  return (types.Default ?? []).find(
    (d: { Extension: string }) => d.Extension.toLowerCase() === extension
  )?.ContentType;
}

/** Content types of the part a relationship of a given type must point at. */
const TARGET_TYPES: Record<string, string> = {
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing":
    "application/vnd.openxmlformats-officedocument.drawing+xml",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart":
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet":
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
};

/** The local names of the children of a document's root element, in order. */
function rootChildren(xml: string): string[] {
  const root = orderedParser.parse(xml).find((node: object) => !("?xml" in node));
  const children = root[Object.keys(root).find((key) => key !== ":@")!] as object[];
  return children.map((child) => Object.keys(child).find((key) => key !== ":@")!);
}

/** Every r:id (r:embed, r:link, r:pict …) a part names, with the prefix the relationships one has. */
function relationshipIdsNamed(xml: string): string[] {
  const prefixes = [
    ...xml.matchAll(
      /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/g
    ),
  ].map((m) => m[1]);
  const ids: string[] = [];
  for (const prefix of new Set(prefixes))
    for (const [, id] of xml.matchAll(new RegExp(`\\s${prefix}:\\w+="([^"]*)"`, "g"))) ids.push(id);
  return ids;
}

/**
 * What is wrong with a package, as sentences (none for a sound one): parts without a content type,
 * content types of missing parts, malformed XML, relationships with a duplicate id, a missing target
 * or a target of the wrong kind, r:ids a part names but does not have, worksheet children out of the
 * schema's order or repeated.
 */
export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  const types = parser.parse(await zip.file("[Content_Types].xml")!.async("string")).Types;
  for (const override of types.Override ?? [])
    if (!zip.file(override.PartName.replace(/^\//, "")))
      problems.push(`content type for a missing part ${override.PartName}`);
  for (const part of parts) {
    if (part === "[Content_Types].xml") continue;
    if (!(await contentTypeOf(zip, part))) problems.push(`no content type for ${part}`);
    if (!/\.(xml|rels)$/.test(part)) continue;
    const xml = await zip.file(part)!.async("string");
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      problems.push(`${part} is not well-formed: ${valid.err.msg}`);
      continue;
    }
    if (part.endsWith(".rels")) continue;
    const source = part;
    const rels = await relationshipsOf(zip, source);
    const ids = rels.map((r) => r.Id);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate) problems.push(`${relsPathOf(source)} has the id ${duplicate} twice`);
    for (const rel of rels) {
      if (rel.TargetMode === "External") continue;
      const target = resolveTarget(source, rel.Target);
      if (!zip.file(target)) {
        problems.push(`${source} -> ${rel.Target}: no such part`);
        continue;
      }
      const wanted = TARGET_TYPES[rel.Type];
      const type = await contentTypeOf(zip, target);
      if (wanted && type !== wanted) problems.push(`${target} is ${type}, not ${wanted}`);
    }
    for (const id of relationshipIdsNamed(xml))
      if (!ids.includes(id))
        problems.push(`${source} names ${id}, which it has no relationship for`);
    if (/<worksheet\b/.test(xml)) {
      const children = rootChildren(xml);
      // Each child against the latest in schema order of those before it.
      let last = -1;
      for (const name of children) {
        const at = WORKSHEET_ORDER.indexOf(name);
        if (at < 0) problems.push(`${part}: ${name} is no child of a worksheet`);
        else if (at < last) problems.push(`${part}: ${name} after ${WORKSHEET_ORDER[last]}`);
        else if (at === last && !REPEATABLE.has(name)) problems.push(`${part}: ${name} twice`);
        last = Math.max(last, at);
      }
    }
  }
  // The package's own relationships (_rels/.rels) name the workbook and document properties.
  for (const rel of await relationshipsOf(zip, ""))
    if (!zip.file(resolveTarget("", rel.Target)))
      problems.push(`_rels/.rels -> ${rel.Target}: no such part`);
  return problems;
}

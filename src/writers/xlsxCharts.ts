/**
 * Native Excel charts in an .xlsx file: ExcelJS writes no charts, so the plan's charts are added to
 * the package it wrote, part by part, as Excel itself stores them (ECMA-376 Part 1; the clause numbers
 * are those of ISO/IEC 29500-1:2008, which Microsoft's Open XML SDK reference quotes):
 * for each sheet with charts, a Drawings part (§12.3.8, root xdr:wsDr, §20.5) with one twoCellAnchor
 * per chart, a Chart part (§14.2.1, root c:chartSpace, §21.2) per chart, the relationships between
 * them and the content types (Part 2, Open Packaging Conventions), and the sheet's `drawing` element
 * (§18.3.1.36).
 *
 * The file ExcelJS wrote is read as a package, never as sheet order: a plan sheet's part is found by
 * its name in xl/workbook.xml and the relationship its r:id names.
 */
import JSZip from "jszip";
import { columnIndex, quoteSheet, rangeAddress } from "../plan/a1";
import type { PlanCell, PlanChart, PlannedSheet, SheetPlan } from "../plan/types";

const NS = {
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  package: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};

/** Relationship types (Part 1, §12.3.8 Drawings and §14.2.1 Chart; Part 1, §12.3.24 Worksheet). */
const REL = {
  worksheet: `${NS.relationships}/worksheet`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
};

/** Content types of the two new kinds of part (Part 1, §12.3.8 and §14.2.1). */
export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/**
 * The children of CT_Worksheet that come after `drawing` (Part 1, §18.3.1.99, the schema's sequence:
 * … headerFooter, rowBreaks, colBreaks, customProperties, cellWatches, ignoredErrors, smartTags,
 * drawing, legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls, webPublishItems,
 * tableParts, extLst). Excel asks to repair a sheet whose children are out of this order.
 */
export const AFTER_DRAWING = [
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

const XML_HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** Text as XML character data or an attribute value in double quotes. */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The text of an attribute value as written (ExcelJS escapes sheet names with entities). */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (entity[0] !== "#") return named[entity.toLowerCase()];
    const hex = entity[1] === "x" || entity[1] === "X";
    return String.fromCodePoint(parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

/** The attributes of every start tag `<name …>` of a document, `start` being "<name". */
function tagsOf(xml: string, start: string): Record<string, string>[] {
  const tags: Record<string, string>[] = [];
  for (const tag of xml.matchAll(new RegExp(`${start}(\\s[^>]*?)?/?>`, "g"))) {
    const attributes: Record<string, string> = {};
    for (const [, key, double, single] of (tag[1] ?? "").matchAll(
      /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
    ))
      attributes[key] = unescapeXml(double ?? single);
    tags.push(attributes);
  }
  return tags;
}

/**
 * The part a relationship's target names, as a path in the zip: relative to the folder of its source
 * part, or from the package root when it starts with "/" (Part 2, Open Packaging Conventions: a
 * target is a relative reference resolved against the source part).
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const parts = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

/** The relationships part of a part: xl/worksheets/a.xml -> xl/worksheets/_rels/a.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target from one part to another, relative, as Excel writes it ("../drawings/drawing1.xml"). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The worksheet part of each sheet of the workbook, by sheet name. */
async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbookPart = "xl/workbook.xml";
  const workbook = await readText(zip, workbookPart);
  const rels = tagsOf(await readText(zip, relsPathOf(workbookPart)), "<Relationship");
  const parts = new Map<string, string>();
  for (const sheet of tagsOf(workbook, "<sheet")) {
    const rel = rels.find((r) => r.Id === sheet["r:id"] && r.Type === REL.worksheet);
    if (rel) parts.set(sheet.name, resolveTarget(workbookPart, rel.Target));
  }
  return parts;
}

async function readText(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`the package has no part ${part}`);
  return file.async("string");
}

/** A relationship id not yet used in a relationships part ("rId1", "rId2", …). */
function freeId(rels: string): string {
  const taken = new Set(tagsOf(rels, "<Relationship").map((r) => r.Id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A path `folder/stemN.xml` not yet in the package, counting from `from`. */
function freePart(zip: JSZip, folder: string, stem: string, from: number): [string, number] {
  let n = from;
  while (zip.file(`${folder}/${stem}${n}.xml`)) n++;
  return [`${folder}/${stem}${n}.xml`, n];
}

/** Adds a relationship to a relationships part (made when absent); returns its id. */
async function addRelationship(
  zip: JSZip,
  sourcePart: string,
  type: string,
  targetPart: string
): Promise<string> {
  const path = relsPathOf(sourcePart);
  const rels =
    (await zip.file(path)?.async("string")) ??
    `${XML_HEADER}<Relationships xmlns="${NS.package}"></Relationships>`;
  const id = freeId(rels);
  const target = escapeXml(relativeTarget(sourcePart, targetPart));
  const added = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const withEnd = rels.replace(/<Relationships([^>]*)\/>/, "<Relationships$1></Relationships>");
  zip.file(path, withEnd.replace("</Relationships>", `${added}</Relationships>`));
  return id;
}

/**
 * Where each child element of the document's root starts, with its local name: a scan of the tags
 * that keeps count of depth, so that an extLst inside a conditional format is not taken for the
 * worksheet's own.
 */
function rootChildren(xml: string): { name: string; index: number }[] {
  const children: { name: string; index: number }[] = [];
  let depth = 0;
  for (const tag of xml.matchAll(/<(\/?)([\w.:-]+)(?:\s[^>]*?)?(\/?)>/g)) {
    const [, closing, name, selfClosing] = tag;
    if (closing) depth--;
    else {
      if (depth === 1) children.push({ name: name.replace(/^[\w.-]+:/, ""), index: tag.index });
      if (!selfClosing) depth++;
    }
  }
  return children;
}

/**
 * Places the sheet's `<drawing r:id>` where the schema's sequence puts it: before the first child of
 * the worksheet that follows it (AFTER_DRAWING), else at the end of the worksheet. The r prefix is
 * declared on the element itself unless the root already binds it to the relationships namespace.
 */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const children = rootChildren(sheetXml);
  if (children.some((child) => child.name === "drawing"))
    throw new Error("the sheet has a drawing already");
  const root = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  const bound = root.includes(`xmlns:r="${NS.relationships}"`);
  const element = `<drawing${bound ? "" : ` xmlns:r="${NS.relationships}"`} r:id="${relId}"/>`;
  const after = children.find((child) => AFTER_DRAWING.includes(child.name));
  const at = after ? after.index : sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("the sheet part has no worksheet element");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** An A1 range of the plan ("A5:A8", "B3") as an absolute range on its sheet: 'KPI'!$A$5:$A$8. */
export function sheetRange(sheet: string, range: string): string {
  const [top, left, bottom, right] = rangeBounds(range);
  const address = rangeAddress(top, left, bottom, right, true);
  const single = top === bottom && left === right;
  return `${quoteSheet(sheet)}!${single ? address.split(":")[0] : address}`;
}

/** The 0-based top, left, bottom and right of an A1 range (or a cell) of the plan. */
export function rangeBounds(range: string): [number, number, number, number] {
  const cells = range
    .replace(/\$/g, "")
    .split(":")
    .map((cell) => {
      const match = /^([A-Z]+)(\d+)$/i.exec(cell.trim());
      if (!match) throw new Error(`not an A1 range: ${range}`);
      return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
    });
  const [a, b = a] = cells;
  return [
    Math.min(a.row, b.row),
    Math.min(a.col, b.col),
    Math.max(a.row, b.row),
    Math.max(a.col, b.col),
  ];
}

/** One series of a chart: its name and the range of its values, one column (or row) of `values`. */
export interface ChartSeries {
  name: string;
  values: string;
}

/** The series of a plan chart: a column of `values` each (or a row each, seriesBy "rows"). */
export function seriesOf(chart: PlanChart): ChartSeries[] {
  const [top, left, bottom, right] = rangeBounds(chart.values);
  const names = [chart.seriesName, ...(chart.moreSeriesNames ?? [])];
  const byRows = chart.seriesBy === "rows";
  const count = byRows ? bottom - top + 1 : right - left + 1;
  return Array.from({ length: count }, (_, i) => ({
    // A series beyond the names given keeps Excel's own naming, as in the Office.js writer.
    name: names[i] ?? `${chart.seriesName} ${i + 1}`,
    values: byRows
      ? rangeAddress(top + i, left, top + i, right)
      : rangeAddress(top, left + i, bottom, left + i),
  }));
}

/** The cell of the plan at a 0-based row and column, where a block writes one. */
function planCellAt(sheet: PlannedSheet, row: number, col: number): PlanCell | undefined {
  for (const block of sheet.blocks) {
    const cell = block.cells[row - block.row]?.[col - block.col];
    if (cell) return cell;
  }
  return undefined;
}

/**
 * The categories of a chart as a reference with a cache. Numbers (the periods' start dates) are a
 * numRef with their number format, so the axis shows "2026-01" rather than a serial number; anything
 * else (stage names, lever labels) a strRef. Constant labels are cached (§21.2.2 strCache and
 * numCache) so the chart shows them before any recalculation; formulas are not.
 */
function categoriesXml(
  sheet: PlannedSheet,
  chart: PlanChart
): { xml: string; numberFormat?: string } {
  const [top, left, bottom, right] = rangeBounds(chart.categories);
  const cells: (PlanCell | undefined)[] = [];
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) cells.push(planCellAt(sheet, r, c));
  const f = `<c:f>${escapeXml(sheetRange(sheet.name, chart.categories))}</c:f>`;
  const constant = cells.every((cell) => cell && cell.formula === undefined && cell.value != null);
  const points = (value: (cell: PlanCell) => string) =>
    `<c:ptCount val="${cells.length}"/>` +
    cells
      .map((cell, i) => `<c:pt idx="${i}"><c:v>${escapeXml(value(cell!))}</c:v></c:pt>`)
      .join("");
  if (constant && cells.every((cell) => typeof cell!.value === "number")) {
    const numberFormat = cells[0]!.format ?? "General";
    const code = `<c:formatCode>${escapeXml(numberFormat)}</c:formatCode>`;
    const cache = `<c:numCache>${code}${points((cell) => String(cell.value))}</c:numCache>`;
    return { xml: `<c:cat><c:numRef>${f}${cache}</c:numRef></c:cat>`, numberFormat };
  }
  const cache = constant ? `<c:strCache>${points((cell) => String(cell.value))}</c:strCache>` : "";
  return { xml: `<c:cat><c:strRef>${f}${cache}</c:strRef></c:cat>` };
}

const CATEGORY_AXIS = 1001;
const VALUE_AXIS = 1002;

/**
 * The Chart part of a plan chart (§21.2.2 chartSpace): a clustered bar chart (§21.2.2
 * barChart; barDir col for columns, bar for horizontal bars) over the sheet's ranges, with its title,
 * a category and a value axis, and a legend only when it has several series. Children are in the
 * schema's order (CT_ChartSpace, CT_Chart, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx, §A.5.1).
 */
export function chartXml(sheet: PlannedSheet, chart: PlanChart): string {
  const series = seriesOf(chart);
  const horizontal = chart.kind === "bar";
  const categories = categoriesXml(sheet, chart);
  const ser = series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:invertIfNegative val="0"/>${categories.xml}` +
        `<c:val><c:numRef><c:f>${escapeXml(sheetRange(sheet.name, s.values))}</c:f></c:numRef></c:val>` +
        `</c:ser>`
    )
    .join("");
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  const categoryFormat = categories.numberFormat
    ? `<c:numFmt formatCode="${escapeXml(categories.numberFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  // A bar chart's categories run down the left and its values along the bottom (§21.2.2 axPos).
  const catAx =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    // Number categories carry their format on the axis itself: LibreOffice does not take a linked
    // source's format and would label the periods with serial numbers (§21.2.2 numFmt).
    categoryFormat +
    `<c:majorTickMark val="out"/>` +
    // Labels at the low end stay clear of bars below zero (the tornado's decreases), §21.2.2 tickLblPos.
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS}"/>` +
    // auto 0: dates as categories stay one bar per period, not a date scale (§21.2.2 auto).
    `<c:crosses val="autoZero"/><c:auto val="${categories.numberFormat ? 0 : 1}"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend =
    series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "";
  return (
    XML_HEADER +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/>${ser}<c:gapWidth val="150"/>` +
    `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>${catAx}${valAx}` +
    `</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The cells a chart covers as a twoCellAnchor (§20.5.2.33): from the top-left corner of its anchor
 * cell to the top-left corner of the cell past its last column and row, as Office.js's
 * Chart.setPosition(start, end) covers start through end.
 */
export function anchorCells(chart: PlanChart): {
  from: { col: number; row: number };
  to: { col: number; row: number };
} {
  const { row, col, width, height } = chart.anchor;
  return {
    from: { col, row },
    to: { col: col + Math.max(width, 1), row: row + Math.max(height, 1) },
  };
}

/** The Drawings part of a sheet: one graphic frame per chart, each naming its chart by relationship. */
export function drawingXml(charts: { chart: PlanChart; relId: string }[]): string {
  const marker = (tag: string, at: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map(({ chart, relId }, i) => {
    const { from, to } = anchorCells(chart);
    return (
      `<xdr:twoCellAnchor>${marker("from", from)}${marker("to", to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      // cNvPr ids are unique within the drawing (§20.1.2.2.8 cNvPr); 1 is left to the sheet.
      `<xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/>` +
      `</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_HEADER +
    `<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.main}" xmlns:r="${NS.relationships}">` +
    `${anchors.join("")}</xdr:wsDr>`
  );
}

/**
 * Adds an Override for a part to [Content_Types].xml: the Default for .xml (application/xml) is no
 * drawing's or chart's type (Part 2, Open Packaging Conventions: an Override names one part).
 */
function addOverride(types: string, part: string, contentType: string): string {
  const override = `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
  return types.replace("</Types>", `${override}</Types>`);
}

/**
 * Adds the plan's charts to an .xlsx package written from it (by buildXlsxWorkbook): every sheet of
 * the plan with charts gets a drawing with them, referring to its ranges by the sheet's name. A
 * plan without charts gives the bytes back unchanged.
 */
export async function addChartsToXlsx(
  xlsx: Uint8Array | ArrayBuffer,
  plan: SheetPlan
): Promise<Uint8Array> {
  const input = xlsx instanceof Uint8Array ? xlsx : new Uint8Array(xlsx);
  const withCharts = plan.sheets.filter((sheet) => sheet.charts.length > 0);
  if (withCharts.length === 0) return input;
  const zip = await JSZip.loadAsync(input);
  const parts = await worksheetParts(zip);
  let types = await readText(zip, "[Content_Types].xml");
  let drawingNumber = 1;
  let chartNumber = 1;
  for (const sheet of withCharts) {
    const sheetPart = parts.get(sheet.name);
    if (!sheetPart) throw new Error(`the workbook has no sheet ${sheet.name}`);
    let drawingPart: string;
    [drawingPart, drawingNumber] = freePart(zip, "xl/drawings", "drawing", drawingNumber);
    const charts: { chart: PlanChart; relId: string }[] = [];
    // The drawing's relationships are made before the drawing, which names them.
    zip.file(drawingPart, "");
    for (const chart of sheet.charts) {
      let chartPart: string;
      [chartPart, chartNumber] = freePart(zip, "xl/charts", "chart", chartNumber);
      zip.file(chartPart, chartXml(sheet, chart));
      types = addOverride(types, chartPart, CONTENT_TYPES.chart);
      charts.push({ chart, relId: await addRelationship(zip, drawingPart, REL.chart, chartPart) });
    }
    zip.file(drawingPart, drawingXml(charts));
    types = addOverride(types, drawingPart, CONTENT_TYPES.drawing);
    const relId = await addRelationship(zip, sheetPart, REL.drawing, drawingPart);
    zip.file(sheetPart, insertDrawingElement(await readText(zip, sheetPart), relId));
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

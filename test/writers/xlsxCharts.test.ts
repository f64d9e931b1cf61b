/**
 * The charts of a KPI workbook file: written from a real export (the KPI sheet and the scenario sheet,
 * English and Turkish, and a sheet whose name needs quoting), read back part by part against the
 * plan, checked for what would make Excel repair the file, and drawn and kept by LibreOffice.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Language } from "../../src/i18n";
import { SCENARIO_SHEET } from "../../src/i18n/strings/scenario";
import { dataSourceFor } from "../../src/plan/dataSource";
import { planKpiSheet } from "../../src/plan/kpiSheet";
import { withScenarioSheet } from "../../src/plan/scenarioSheet";
import type { PlanChart, SheetPlan } from "../../src/plan/types";
import { parseCsv, readDealTable } from "../../src/reader";
import { isReadFailure } from "../../src/reader/types";
import { dataSheetOf } from "../../src/writers/dataSheet";
import { type ReadDeals, planKpiWorkbook } from "../../src/writers/kpiWorkbook";
import { buildXlsxWorkbook, xlsxBytes } from "../../src/writers/xlsx";
import { addChartsToXlsx } from "../../src/writers/xlsxCharts";
import { kpi } from "../support/cli";
import { recalculate, toPdf } from "../support/libreOffice";
import { pdfContents } from "../support/pdf";
import { packageProblems, parser, relationshipsOf } from "../support/xlsxPackage";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-charts-"));

function dealsOf(file: string): ReadDeals {
  const { grid } = parseCsv(fs.readFileSync(file));
  const table = readDealTable(grid);
  if (isReadFailure(table)) throw new Error(`${file} does not read`);
  return { grid, table };
}

/** The KPI and scenario sheets of an export in a language, portable (LibreOffice computes them). */
function exportWorkbook(file: string, language: Language) {
  return planKpiWorkbook(
    dealsOf(file),
    { mode: "portable", preset: "all", grain: "quarter", inputs: { TARGET: 100_000 }, language },
    (plan) =>
      withScenarioSheet(plan, {
        sheetName: SCENARIO_SHEET[language].sheetName,
        mode: "portable",
        language,
      })
  );
}

/**
 * The Turkish workbook of an export with sheet names that need quoting in a formula: a quote, an
 * ampersand, Turkish letters, spaces.
 */
const ODD_NAME = "O'Brien & Şükrü İş";
function oddWorkbook() {
  const deals = dealsOf(path.join(FIXTURES, "crm", "handmade-tr.csv"));
  const data = dataSheetOf(deals.grid, deals.table, "tr");
  const source = dataSourceFor(deals.table, {
    sheet: data.name,
    row: -deals.table.headerRow,
    col: 0,
  });
  const kpiPlan = planKpiSheet(source, {
    mode: "portable",
    preset: "all",
    grain: "month",
    language: "tr",
    sheetName: ODD_NAME,
  });
  const plan = withScenarioSheet(kpiPlan, {
    sheetName: "Senaryo 'B' İş",
    mode: "portable",
    language: "tr",
  });
  return { plan, data };
}

interface Case {
  name: string;
  plan: SheetPlan;
  bytes: Uint8Array;
  plain: Uint8Array;
}

async function caseOf(
  name: string,
  plan: SheetPlan,
  data?: Parameters<typeof buildXlsxWorkbook>[1]
) {
  const bytes = await xlsxBytes(buildXlsxWorkbook(plan, data), plan);
  const plain = new Uint8Array(
    (await buildXlsxWorkbook(plan, data).xlsx.writeBuffer()) as ArrayBuffer
  );
  return { name, plan, bytes, plain };
}

/** The sheet as a formula names it, written out by hand: quoted, a quote doubled. */
const quoted = (sheet: string) => `'${sheet.split("'").join("''")}'`;

/** "A5:C8" as $A$5:$C$8 (a single cell "B3" as $B$3). */
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** The column letters of a 0-based index. */
const letters = (col: number): string =>
  col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + letters(col % 26);

/** The series a plan chart should have: each column of `values` (or row, seriesBy rows) one. */
function expectedSeries(sheet: string, chart: PlanChart): { name: string; ref: string }[] {
  const [from, to = from] = chart.values.split(":");
  const cell = (a1: string) => {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return { col: [...col].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1, row: +row };
  };
  const a = cell(from);
  const b = cell(to);
  const names = [chart.seriesName, ...(chart.moreSeriesNames ?? [])];
  const byRows = chart.seriesBy === "rows";
  const count = byRows ? b.row - a.row + 1 : b.col - a.col + 1;
  return Array.from({ length: count }, (_, i) => {
    const range = byRows
      ? `${letters(a.col)}${a.row + i}:${letters(b.col)}${a.row + i}`
      : `${letters(a.col + i)}${a.row}:${letters(a.col + i)}${b.row}`;
    return { name: names[i], ref: `${quoted(sheet)}!${absolute(range)}` };
  });
}

const textOf = (node: unknown): string =>
  typeof node === "string" ? node : ((node as { "#text"?: string })?.["#text"] ?? "");

/**
 * What the file's charts get wrong against the plan (none when right): for each plan sheet, found
 * by name in xl/workbook.xml, its drawing holds one anchor per plan chart, at the plan's cells, and
 * each anchor's chart part has the plan's kind, title, series and sheet-qualified ranges.
 */
async function chartProblems(bytes: Uint8Array, plan: SheetPlan): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const read = async (part: string) => parser.parse(await zip.file(part)!.async("string"));
  const workbookRels = await relationshipsOf(zip, "xl/workbook.xml");
  const sheets = (await read("xl/workbook.xml")).workbook.sheets.sheet;
  for (const planned of plan.sheets) {
    const sheet = sheets.find((s: { name: string }) => s.name === planned.name);
    if (!sheet) {
      problems.push(`no sheet ${planned.name}`);
      continue;
    }
    const rel = workbookRels.find((r) => r.Id === sheet["r:id"])!;
    const sheetPart = path.posix.join("xl", rel.Target);
    const drawingRel = (await relationshipsOf(zip, sheetPart)).find((r) =>
      r.Type.endsWith("/drawing")
    );
    const sheetXml = (await read(sheetPart)).worksheet;
    if (planned.charts.length === 0) {
      if (drawingRel || sheetXml.drawing) problems.push(`${planned.name} has a drawing`);
      continue;
    }
    if (!drawingRel || sheetXml.drawing?.["r:id"] !== drawingRel.Id) {
      problems.push(`${planned.name}: no drawing element naming its drawing`);
      continue;
    }
    const drawingPart = path.posix.join(path.posix.dirname(sheetPart), drawingRel.Target);
    const anchors = (await read(drawingPart))["xdr:wsDr"]["xdr:twoCellAnchor"] ?? [];
    if (anchors.length !== planned.charts.length)
      problems.push(
        `${planned.name}: ${anchors.length} anchors for ${planned.charts.length} charts`
      );
    const drawingRels = await relationshipsOf(zip, drawingPart);
    for (const [i, chart] of planned.charts.entries()) {
      const anchor = anchors[i];
      if (!anchor) continue;
      const at = (marker: Record<string, string>) => [+marker["xdr:col"], +marker["xdr:row"]];
      const { row, col, width, height } = chart.anchor;
      const where = { from: at(anchor["xdr:from"]), to: at(anchor["xdr:to"]) };
      if (
        JSON.stringify(where) !==
        JSON.stringify({ from: [col, row], to: [col + width, row + height] })
      )
        problems.push(`${chart.title}: anchored at ${JSON.stringify(where)}`);
      const relId = anchor["xdr:graphicFrame"]["a:graphic"]["a:graphicData"]["c:chart"]["r:id"];
      const chartRel = drawingRels.find((r) => r.Id === relId);
      if (!chartRel || !zip.file(path.posix.join("xl/drawings", chartRel.Target))) {
        problems.push(`${chart.title}: no chart part for ${relId}`);
        continue;
      }
      const space = (await read(path.posix.join("xl/drawings", chartRel.Target)))["c:chartSpace"];
      const title = space["c:chart"]["c:title"]["c:tx"]["c:rich"]["a:p"]
        .flatMap((p: { "a:r"?: { "a:t": unknown }[] }) =>
          (p["a:r"] ?? []).map((r) => textOf(r["a:t"]))
        )
        .join("");
      if (title !== chart.title) problems.push(`${chart.title}: titled ${title}`);
      const bar = space["c:chart"]["c:plotArea"]["c:barChart"];
      if (bar["c:barDir"].val !== (chart.kind === "bar" ? "bar" : "col"))
        problems.push(`${chart.title}: barDir ${bar["c:barDir"].val}`);
      if (bar["c:grouping"].val !== "clustered") problems.push(`${chart.title}: not clustered`);
      const want = expectedSeries(planned.name, chart);
      const have = bar["c:ser"].map(
        (ser: Record<string, Record<string, Record<string, unknown>>>) => ({
          name: textOf(ser["c:tx"]["c:v"]),
          ref: textOf(ser["c:val"]["c:numRef"]["c:f"]),
          categories: textOf((ser["c:cat"]["c:strRef"] ?? ser["c:cat"]["c:numRef"])["c:f"]),
        })
      );
      const categories = `${quoted(planned.name)}!${absolute(chart.categories)}`;
      const wanted = want.map((s) => ({ ...s, categories }));
      if (JSON.stringify(have) !== JSON.stringify(wanted))
        problems.push(
          `${chart.title}: series ${JSON.stringify(have)}, not ${JSON.stringify(wanted)}`
        );
      const legend = space["c:chart"]["c:legend"] !== undefined;
      if (legend !== want.length > 1) problems.push(`${chart.title}: legend ${legend}`);
    }
  }
  return problems;
}

let cases: Case[];

beforeAll(async () => {
  const en = exportWorkbook(path.join(FIXTURES, "exports", "pipedrive.csv"), "en");
  const tr = exportWorkbook(path.join(FIXTURES, "crm", "handmade-tr.csv"), "tr");
  const odd = oddWorkbook();
  cases = [
    await caseOf("pipedrive", en.plan, en.data),
    await caseOf("turkish", tr.plan, tr.data),
    await caseOf("quoted", odd.plan, odd.data),
  ];
});

describe("the charts of a KPI workbook file", () => {
  it("plans charts on the KPI sheet and the scenario sheet (else this test checks nothing)", () => {
    for (const { plan } of cases) {
      expect(plan.sheets.filter((s) => s.charts.length > 0).length).toBeGreaterThanOrEqual(2);
      expect(plan.sheets.some((s) => s.charts.some((c) => (c.moreSeriesNames ?? []).length))).toBe(
        true
      );
    }
  });

  it("has each plan chart at its cells, with its title, series and sheet-qualified ranges", async () => {
    for (const { plan, bytes } of cases) expect(await chartProblems(bytes, plan)).toEqual([]);
  });

  it("quotes a sheet name with a quote, an ampersand and Turkish letters", async () => {
    const { bytes } = cases.find((c) => c.name === "quoted")!;
    const zip = await JSZip.loadAsync(bytes);
    const charts = await Promise.all(
      zip.file(/^xl\/charts\/chart\d+\.xml$/).map((file) => file.async("string"))
    );
    expect(charts.join("")).toContain("<c:f>'O''Brien &amp; Şükrü İş'!$");
    expect(charts.join("")).toContain("<c:f>'Senaryo ''B'' İş'!$");
  });

  it("breaks no rule that would make Excel repair the file", async () => {
    for (const { bytes } of cases) expect(await packageProblems(bytes)).toEqual([]);
  });

  it("still opens in ExcelJS, its sheets and cells as written", async () => {
    for (const { plan, bytes } of cases) {
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(bytes as unknown as ArrayBuffer);
      for (const planned of plan.sheets) {
        const sheet = back.getWorksheet(planned.name)!;
        expect(sheet).toBeDefined();
        const block = planned.blocks[0];
        const first = block.cells[0][0];
        expect(sheet.getCell(block.row + 1, block.col + 1).value).toEqual(first.value);
      }
    }
  });

  it("leaves a plan without charts as ExcelJS wrote it", async () => {
    const { plan, data } = oddWorkbook();
    plan.sheets.forEach((sheet) => (sheet.charts = []));
    const plain = new Uint8Array(
      (await buildXlsxWorkbook(plan, data).xlsx.writeBuffer()) as ArrayBuffer
    );
    expect(await addChartsToXlsx(plain, plan)).toBe(plain);
  });
});

describe("the checks fail on a broken file", () => {
  /** The first case's file with one part changed. */
  async function broken(part: string, change: (xml: string) => string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(cases[0].bytes);
    zip.file(part, change(await zip.file(part)!.async("string")));
    return zip.generateAsync({ type: "uint8array" });
  }

  it("a chart override missing from the content types", async () => {
    const bytes = await broken("[Content_Types].xml", (xml) =>
      xml.replace(/<Override PartName="\/xl\/charts\/chart1\.xml"[^>]*\/>/, "")
    );
    // The Default for .xml applies instead, which is not a chart's.
    expect(await packageProblems(bytes)).toEqual([
      "xl/charts/chart1.xml is application/xml, not application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    ]);
  });

  it("a drawing's relationship to a chart that is not there", async () => {
    const bytes = await broken("xl/drawings/_rels/drawing1.xml.rels", (xml) =>
      xml.replace("chart1.xml", "chart99.xml")
    );
    expect(await packageProblems(bytes)).toEqual([
      "xl/drawings/drawing1.xml -> ../charts/chart99.xml: no such part",
    ]);
  });

  it("the drawing element before pageMargins, and a duplicate relationship id", async () => {
    const moved = await broken("xl/worksheets/sheet1.xml", (xml) => {
      const drawing = /<drawing [^>]*\/>/.exec(xml)![0];
      return xml.replace(drawing, "").replace("<pageMargins", `${drawing}<pageMargins`);
    });
    expect(await packageProblems(moved)).toEqual([
      "xl/worksheets/sheet1.xml: pageMargins after drawing",
      "xl/worksheets/sheet1.xml: pageSetup after drawing",
    ]);
    const twice = await broken("xl/drawings/_rels/drawing1.xml.rels", (xml) =>
      xml.replace('Id="rId2"', 'Id="rId1"')
    );
    expect(await packageProblems(twice)).toEqual([
      "xl/drawings/_rels/drawing1.xml.rels has the id rId1 twice",
      "xl/drawings/drawing1.xml names rId2, which it has no relationship for",
    ]);
  });

  it("a series referring to another sheet, or a chart at other cells", async () => {
    const { plan } = cases[0];
    const kpiSheet = quoted(plan.sheets[0].name);
    const wrongSheet = await broken("xl/charts/chart1.xml", (xml) =>
      xml.replace(`<c:val><c:numRef><c:f>${kpiSheet}`, "<c:val><c:numRef><c:f>'Data'")
    );
    expect(await chartProblems(wrongSheet, plan)).toHaveLength(1);
    const moved = await broken("xl/drawings/drawing1.xml", (xml) =>
      xml.replace(/<xdr:row>(\d+)<\/xdr:row>/, (_, row) => `<xdr:row>${+row + 1}</xdr:row>`)
    );
    expect(await chartProblems(moved, plan)).toHaveLength(1);
  });
});

describe("the charts in LibreOffice", () => {
  /** How often a text shows in a PDF, its lines joined (a long chart title wraps). */
  const count = (lines: string[], text: string) => lines.join(" ").split(text).length - 1;

  it("draws every chart: its title and bars are in the PDF, and not in the one without charts", () => {
    const files = cases.flatMap(({ name, bytes, plain }) => {
      const charts = path.join(work, `${name}-charts.xlsx`);
      const without = path.join(work, `${name}-plain.xlsx`);
      fs.writeFileSync(charts, bytes);
      fs.writeFileSync(without, plain);
      return [charts, without];
    });
    const pdfs = toPdf(files);
    cases.forEach(({ plan }, i) => {
      const withCharts = pdfContents(pdfs[2 * i]);
      const without = pdfContents(pdfs[2 * i + 1]);
      for (const chart of plan.sheets.flatMap((s) => s.charts)) {
        const times = plan.sheets.flatMap((s) => s.charts).filter((c) => c.title === chart.title);
        expect(count(withCharts.lines, chart.title)).toBeGreaterThanOrEqual(
          count(without.lines, chart.title) + times.length
        );
      }
      // Each bar, axis line and gridline is a painted path.
      expect(withCharts.paintedPaths).toBeGreaterThan(without.paintedPaths + 20);
    });
    // The periods are labelled as the sheet shows them (2026-01), not as serial numbers.
    const english = pdfContents(pdfs[0]).lines;
    const plainEnglish = pdfContents(pdfs[1]).lines;
    const periods = (lines: string[]) => lines.filter((l) => /^\d{4}-\d{2}$/.test(l)).length;
    expect(periods(english)).toBeGreaterThan(periods(plainEnglish));
    expect(english.filter((l) => /^4\d{4}$/.test(l))).toEqual([]);
  }, 180_000);

  it("keeps every chart when it saves the workbook as .xlsx", async () => {
    const { plan, bytes } = cases[0];
    const file = path.join(work, "roundtrip.xlsx");
    fs.writeFileSync(file, bytes);
    const zip = await JSZip.loadAsync(fs.readFileSync(recalculate(file)));
    const charts = await Promise.all(
      zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async("string"))
    );
    const planned = plan.sheets.flatMap((s) => s.charts);
    expect(charts).toHaveLength(planned.length);
    for (const chart of planned)
      expect(charts.some((xml) => xml.includes(`<a:t>${chart.title}</a:t>`))).toBe(true);
  }, 120_000);
});

describe("kpi workbook", () => {
  it("writes the charts into the file it saves", async () => {
    const out = path.join(work, "cli.xlsx");
    const run = kpi(
      "workbook",
      path.join(FIXTURES, "exports", "pipedrive.csv"),
      "--out",
      out,
      "--scenarios"
    );
    expect(run.status).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(out));
    expect(await packageProblems(bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/).length).toBe(
      cases[0].plan.sheets.flatMap((s) => s.charts).length
    );
  });
});

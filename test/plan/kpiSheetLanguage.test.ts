/**
 * The KPI sheet speaks Turkish through and through: planned in Turkish from a deal table (every
 * section, live and portable), no text a person reads keeps the English of the same sheet planned in
 * English, the Turkish words are the string table's, and the Turkish sheet counts what the English
 * one does (its formulas compare the Turkish class words of its stage list).
 */
import { DEAL_KPI_IDS } from "../../src/engine";
import { columnIndex } from "../../src/plan/a1";
import { dataSourceFor } from "../../src/plan/dataSource";
import { type DataSource, type KpiSheetOptions, planKpiSheet } from "../../src/plan/kpiSheet";
import type { PlanCell, SheetPlan } from "../../src/plan/types";
import { readDealTable, isReadFailure } from "../../src/reader";
import { evaluatePlan } from "../support/formulaEngine";
import { EXPORT_SHEET, exportGrid, exportTable } from "../support/liveKpiSheet";
import { dataWordsOf, englishLeft, formulaLiterals, planTexts } from "./sheetTexts";

type DataGrid = Parameters<typeof evaluatePlan>[1][string];

const grid = exportGrid(40);
const read = readDealTable(grid, { inPlace: true });
if (isReadFailure(read)) throw new Error("the sample export does not read");
const origin = { sheet: EXPORT_SHEET, row: 0, col: 0 };
const range = dataSourceFor(read, origin);
/** The same export as an Excel table, stretched to 1,250 rows: the header names it. */
const table = dataSourceFor(exportTable(grid, 1250), origin, undefined, {
  name: "CrmDeals",
  columns: read.headers.map(String),
});
const noCreated: DataSource = { ...range, columns: { ...range.columns, created: undefined } };
/**
 * The same range with section 9's columns as the plan sees them (their cells aside): probabilities,
 * a segment column (the owners, and blank cells) and a stage-entry column of an open stage.
 */
const ownerHeader = String(read.headers[read.mapping.owner!]);
const openStage = read.stageValues.find((stage) => stage.kind === "open")!.text;
const section9: DataSource = {
  ...range,
  columns: { ...range.columns, probability: range.columns.amount, segment: range.columns.owner },
  stageEntries: [
    { stage: openStage, column: range.columns.created! },
    { stage: openStage, column: range.columns.closed! },
  ],
  segment: { header: ownerHeader, values: [...read.owners, null] },
};

const dataValues = new Set([
  ...read.stageValues.map((stage) => stage.text),
  ...read.owners,
  EXPORT_SHEET,
  "CrmDeals",
  ownerHeader,
]);
const dataWords = dataWordsOf(dataValues);

type Mode = KpiSheetOptions["mode"];
const MODES: Mode[] = ["live", "portable"];
const SOURCES: [string, DataSource | null][] = [
  ["a range", range],
  ["an Excel table", table],
  ["a table without created dates", noCreated],
  ["a range with probabilities, a segment column and stage-entry dates", section9],
  ["no data (the blank template)", null],
];

function plan(
  data: DataSource | null,
  mode: Mode,
  language: "en" | "tr",
  grain: KpiSheetOptions["grain"] = "month"
): SheetPlan {
  return planKpiSheet(data, {
    sheetName: "KPI",
    mode,
    preset: "all",
    grain,
    sections: { byPeriod: true, byOwner: true, byStage: true, charts: true },
    inputs: { TARGET: 250_000 },
    language,
  });
}

/** The cell of the KPI sheet at a 0-based row and column. */
function cellAt(sheetPlan: SheetPlan, row: number, col: number): PlanCell | undefined {
  for (const block of sheetPlan.sheets[0].blocks) {
    const cell = block.cells[row - block.row]?.[col - block.col];
    if (cell && col >= block.col) return cell;
  }
  return undefined;
}

/** The row whose column A holds `text`. */
function rowOf(sheetPlan: SheetPlan, text: string): number {
  const block = sheetPlan.sheets[0].blocks.find((b) =>
    b.cells.some((row) => row[0]?.value === text)
  );
  if (!block) throw new Error(`no row "${text}"`);
  return block.row + block.cells.findIndex((row) => row[0]?.value === text);
}

/** The texts of a row from column A. */
function rowTexts(sheetPlan: SheetPlan, row: number, width: number): unknown[] {
  return Array.from({ length: width }, (_, col) => cellAt(sheetPlan, row, col)?.value);
}

/** The formula of the cell a defined name refers to. */
function namedFormula(sheetPlan: SheetPlan, name: string): string {
  const ref = sheetPlan.names.find((named) => named.name === name)!.refersTo;
  const [, col, row] = /\$([A-Z]+)\$(\d+)$/.exec(ref)!;
  return cellAt(sheetPlan, Number(row) - 1, columnIndex(col))!.formula!;
}

describe.each(MODES)("a Turkish KPI sheet in %s mode", (mode) => {
  it.each(SOURCES)("keeps no English text over %s", (_label, data) => {
    for (const grain of ["month", "quarter"] as const) {
      const english = planTexts(plan(data, mode, "en", grain));
      const turkish = planTexts(plan(data, mode, "tr", grain));
      expect(englishLeft(english, turkish, dataValues, dataWords)).toEqual([]);
      expect(turkish.length).toBeGreaterThan(80);
    }
  });

  it("names section 9's blocks and rows in Turkish", () => {
    const sheet = plan(section9, mode, "tr");
    expect(rowOf(sheet, `${ownerHeader} kırılımı`)).toBeGreaterThan(0);
    expect(rowTexts(sheet, rowOf(sheet, `${ownerHeader} kırılımı`) + 1, 9)).toEqual([
      ownerHeader,
      "Gelir",
      "Kazanılan",
      "Kaybedilen",
      "Kazanma oranı",
      "Ort. anlaşma büyüklüğü",
      "Satış döngüsü (gün)",
      "Açık",
      "Açık boru hattı",
    ]);
    expect(rowOf(sheet, "(boş)")).toBeGreaterThan(0);
    const funnel = rowOf(
      sheet,
      "Huni: her aşamaya giren anlaşmalar (dönemden bağımsız, tüm anlaşmalar)"
    );
    expect(rowTexts(sheet, funnel + 1, 8)).toEqual([
      "Aşama",
      "Giren",
      "Sonraki aşamaya",
      "Aşamada ort. gün",
      "Sonraki bir aşamaya gün (toplam)",
      "Sonraki bir aşamaya geçen anlaşma",
      "Kapanışa gün, sonraki aşama yok (toplam)",
      "Kapanan anlaşma, sonraki aşama yok",
    ]);
    for (const label of ["Ağırlıklı boru hattı değeri", "Önceki dönemin geliri", "Önceki dönem"])
      expect(rowOf(sheet, label)).toBeGreaterThan(0);
    expect(sheet.sheets[0].charts.map((chart) => chart.title)).toEqual(
      expect.arrayContaining([`${ownerHeader} kırılımında gelir`, "Huni"])
    );
  });

  it("has the string table's Turkish title, headings, status words and charts", () => {
    const sheet = plan(range, mode, "tr");
    expect(cellAt(sheet, 0, 0)?.value).toBe("Satış Göstergeleri");
    expect(cellAt(sheet, 1, 0)?.value).toBe("Veri: CRM Export!A1:G41 (40 satır)");
    expect(rowTexts(sheet, 2, 4)).toEqual([
      "Dönem (kapanış tarihleri)",
      null,
      null,
      "Bu dönemde kapanan anlaşmalar sayılır; tümü için boş bırakın",
    ]);
    expect(rowTexts(sheet, rowOf(sheet, "Göstergeler") + 1, 5)).toEqual([
      "Gösterge",
      "Değer",
      "Hedef",
      "Durum",
      "Tanım",
    ]);
    const winRate = rowOf(sheet, "Kazanma oranı");
    expect(cellAt(sheet, winRate, 4)?.value).toBe(
      "kazanılan anlaşma / (kazanılan anlaşma + kaybedilen anlaşma)"
    );
    expect(cellAt(sheet, rowOf(sheet, "Gelir"), 4)?.value).toBe(
      "dönemde kapanan kazanılmış anlaşmaların tutarları toplamı"
    );
    expect(rowTexts(sheet, rowOf(sheet, "Girdiler") + 1, 2)).toEqual(["Girdi", "Değer"]);
    expect(cellAt(sheet, rowOf(sheet, "Satış ve pazarlama harcaması"), 1)?.style).toBe("input");
    expect(rowTexts(sheet, rowOf(sheet, "Aylara göre") + 1, 7)).toEqual([
      "Dönem",
      "Bitiş",
      "Gelir",
      "Kazanılan",
      "Kaybedilen",
      "Kazanma oranı",
      "Büyüme",
    ]);
    expect(rowTexts(sheet, rowOf(sheet, "Temsilciye göre") + 1, 7)).toEqual([
      "Temsilci",
      "Gelir",
      "Kazanılan",
      "Kaybedilen",
      "Kazanma oranı",
      "Kota",
      "Gerçekleşme",
    ]);
    const stages = rowOf(sheet, "Aşama");
    expect(cellAt(sheet, stages, 1)?.value).toBe("Nasıl sayılır");
    const classes = read.stageValues.map((_, i) => cellAt(sheet, stages + 1 + i, 1)?.value);
    expect(new Set(classes)).toEqual(new Set(["kazanıldı", "kaybedildi", "açık"]));
    expect(
      cellAt(
        sheet,
        rowOf(sheet, "Metin olarak saklanan tutarlar, toplanmadı (sayıya dönüştürün)"),
        1
      )?.formula
    ).toContain("ISTEXT");
    expect(sheet.sheets[0].conditionalFormats[0].rules.map((rule) => rule.equals)).toEqual([
      "ulaşıldı",
      "yakın",
      "ulaşılamadı",
    ]);
    expect(sheet.sheets[0].charts.map((chart) => [chart.title, chart.seriesName])).toEqual([
      ["Aşamaya göre anlaşmalar", "Anlaşma"],
      ["Döneme göre gelir", "Gelir"],
      ["Döneme göre kazanma oranı", "Kazanma oranı"],
    ]);
    expect(formulaLiterals(namedFormula(sheet, "KPI_CAC"))).toContain(
      "Gerekli: Satış ve pazarlama harcaması, Kazanılan yeni müşteriler"
    );
  });

  it("describes an Excel table and names what a KPI needs in Turkish", () => {
    const sheet = plan(table, mode, "tr", "quarter");
    expect(cellAt(sheet, 1, 0)?.value).toBe(
      "Veri: CrmDeals, CRM Export sayfasındaki tablo (oluşturulduğunda 1.250 satır; sonradan eklenen satırlar da sayılır)"
    );
    expect(rowOf(sheet, "Çeyreklere göre")).toBeGreaterThan(0);
    expect(
      formulaLiterals(namedFormula(plan(noCreated, mode, "tr"), "KPI_SALES_CYCLE_LENGTH"))
    ).toEqual(["Gerekli: oluşturma ve kapanış tarihleri"]);
    const template = plan(null, mode, "tr");
    expect(cellAt(template, 1, 0)?.value).toBe("Boş şablon: rakamlarınızı sarı hücrelere yazın");
  });

  it("counts the deals as the English sheet does, and shows its hints and statuses in Turkish", () => {
    const values = (language: "en" | "tr") =>
      evaluatePlan(plan(range, mode, language), { [EXPORT_SHEET]: grid as DataGrid });
    const [english, turkish] = [values("en"), values("tr")];
    for (const id of DEAL_KPI_IDS)
      expect(turkish.name(`KPI_${id}`)).toEqual(english.name(`KPI_${id}`));
    expect(turkish.name("KPI_DEALS_WON")).toBeGreaterThan(3);
    expect(turkish.name("KPI_CAC")).toBe(
      "Gerekli: Satış ve pazarlama harcaması, Kazanılan yeni müşteriler"
    );
    const sheet = plan(range, mode, "tr");
    const coverage = rowOf(sheet, "Boru hattı kapsamı");
    expect(["ulaşıldı", "yakın", "ulaşılamadı"]).toContain(turkish.cell("KPI", coverage, 3));
  });
});

/**
 * The KPI sheet in an Excel of another language. Formulas with custom functions written through
 * Range.formulas have come back #AD? in Turkish Excel (office-js#6614) and #NAME? with translated
 * names (office-js#891): the writer reads a few KPI.* cells back in its second sync and, when they show
 * that, writes the KPI.* cells again through formulasLocal with the functions' Turkish names, in one
 * more sync whatever the size of the data.
 */
import { CATALOG } from "../../src/engine";
import { placeKpiSheet } from "../../src/plan/placeKpiSheet";
import { localizeKpiCalls, writePlanToWorkbook } from "../../src/writers/excel";
import { type LocalExcel, OfficeDouble, type Seed } from "../doubles/officeDouble";
import { DATA, exportSource } from "../support/exportSource";

const TURKISH_NAMES = Object.fromEntries(CATALOG.map((entry) => [entry.id, entry.trName]));

/** Turkish Excel as office-js#6614 reports it: English KPI names through Range.formulas give #AD?. */
const turkishExcel: LocalExcel = {
  functionNames: Object.fromEntries(
    CATALOG.map((entry) => [`KPI.${entry.id}`, `KPI.${entry.trName}`])
  ),
  builtIns: {
    IF: "EĞER",
    OR: "YADA",
    AND: "VE",
    COUNT: "BAY",
    COUNTIFS: "ÇOKEĞERSAY",
    SUMIFS: "ÇOKETOPLA",
    ISBLANK: "EBOŞSA",
  },
  nameError: "#AD?",
};

const workbook = (local?: LocalExcel): Seed => ({
  sheets: { [DATA]: { A1: "Deal Name", B1: "Deal Owner", C1: "Stage", D1: "Amount" } },
  local,
});

const build = (rows: number) => (existing: { sheetNames: string[]; definedNames: string[] }) =>
  placeKpiSheet(existing, exportSource(rows), {
    mode: "live",
    preset: "all",
    inputs: { TARGET: 1_000_000 },
  });

/** The KPI sheet's cells whose formula calls KPI.*, as Range.formulas reads them. */
function kpiCells(double: OfficeDouble, sheet: string) {
  return Object.entries(double.sheet(sheet)!.cells).filter(([, cell]) =>
    /KPI\.[A-Z_]+\(/.test(cell.formula ?? "")
  );
}

describe("the KPI sheet in Turkish Excel", () => {
  it("writes the KPI.* cells again through formulasLocal with the Turkish names, in one more sync", async () => {
    const double = new OfficeDouble(workbook(turkishExcel));
    const report = await writePlanToWorkbook(double.context, build(100), {
      localFunctionNames: TURKISH_NAMES,
    });
    const cells = kpiCells(double, report.sheets[0]);
    expect(cells.length).toBeGreaterThan(5);
    expect(report.syncs).toBe(3);
    expect(double.syncs).toBe(3);
    expect(report.relocalized).toBe(cells.length);
    // Each one computes now: no #AD? is left, and the formula reads as before in English.
    for (const [, cell] of cells) {
      expect(cell.error).toBeUndefined();
      expect(cell.value).toBeUndefined();
    }
    // The third sync wrote formulasLocal only: Turkish names, Excel's own ";" and built-in names.
    const rewrites = double.log.filter((op) => op.sync === 3);
    expect(rewrites.length).toBe(cells.length);
    expect(rewrites.every((op) => op.path.endsWith(".formulasLocal"))).toBe(true);
  });

  it("takes the same three syncs for 100 and 100,000 rows of data", async () => {
    const counts = [];
    for (const rows of [100, 100_000]) {
      const double = new OfficeDouble(workbook(turkishExcel));
      const report = await writePlanToWorkbook(double.context, build(rows), {
        localFunctionNames: TURKISH_NAMES,
      });
      counts.push([report.syncs, double.opCounts.length, double.opCounts[2]]);
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0][0]).toBe(3);
  });

  it("keeps two syncs and rewrites nothing in an Excel that knows the English names", async () => {
    const double = new OfficeDouble(workbook());
    const report = await writePlanToWorkbook(double.context, build(100), {
      localFunctionNames: TURKISH_NAMES,
    });
    expect(report.syncs).toBe(2);
    expect(report.relocalized).toBe(0);
    expect(double.log.some((op) => op.path.endsWith(".formulasLocal"))).toBe(false);
  });
});

describe("localizeKpiCalls", () => {
  it("renames the KPI.* calls only, never text in quotes nor other functions", () => {
    expect(
      localizeKpiCalls(
        '=EĞER(YADA(B5="");"KPI.CHURN_RATE(…)";KPI.CHURN_RATE(B5;B6))',
        TURKISH_NAMES
      )
    ).toBe('=EĞER(YADA(B5="");"KPI.CHURN_RATE(…)";KPI.KAYIP_ORANI(B5;B6))');
    expect(localizeKpiCalls("=_xludf.KPI.PIPELINE_VELOCITY(A1;A2;A3;A4)", TURKISH_NAMES)).toBe(
      "=KPI.BORU_HATTI_HIZI(A1;A2;A3;A4)"
    );
    expect(localizeKpiCalls("=KPI.UNKNOWN(A1)", TURKISH_NAMES)).toBe("=KPI.UNKNOWN(A1)");
  });
});

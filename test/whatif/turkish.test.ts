/**
 * The scenario sheet in Turkish: planned with language "tr" it has no English word left. Every text
 * cell, chart title and text inside a formula is compared with the English plan of the same scenario
 * at the same place; each must differ, but for the defined names the Source column shows. A few
 * Turkish labels are checked word for word.
 */
import { exampleLevers } from "../../src/engine";
import { placeScenarioSheet } from "../../src/plan/placeScenarioSheet";
import { reachTarget } from "../../src/plan/reachTarget";
import { BASE_COL, SCENARIO_ROWS } from "../../src/plan/scenarioLayout";
import { type ScenarioSheetOptions, planScenarioSheet } from "../../src/plan/scenarioSheet";
import type { PlanCell, PlannedSheet } from "../../src/plan/types";
import { evaluatePlan } from "../support/formulaEngine";

/** The KPI sheet names the Base column links to: shown as they are in both languages. */
const KPI_NAMES = ["KPI_OPEN_OPPORTUNITIES", "KPI_WIN_RATE", "KPI_AVG_DEAL_SIZE"];
/** Text that is the same in both languages: names, not words. */
const SAME_IN_BOTH = new Set(KPI_NAMES);

const MODES = ["live", "portable"] as const;

function plan(mode: ScenarioSheetOptions["mode"], language: "en" | "tr"): PlannedSheet {
  return planScenarioSheet({
    sheetName: "S",
    mode,
    language,
    kpi: { names: KPI_NAMES },
  }).sheets[0];
}

/** The text literals of a formula ("Needs: ..."), without the empty ones. */
function literals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]).filter((text) => text !== "");
}

/** Every piece of text a sheet shows, by where it is: cells, formula literals, charts. */
function texts(sheet: PlannedSheet): Map<string, string> {
  const found = new Map<string, string>();
  for (const block of sheet.blocks)
    block.cells.forEach((row, r) =>
      row.forEach((cell: PlanCell, c) => {
        const at = `R${block.row + r + 1}C${block.col + c + 1}`;
        if (typeof cell.value === "string") found.set(at, cell.value);
        literals(cell.formula ?? "").forEach((text, i) => found.set(`${at} literal ${i}`, text));
      })
    );
  sheet.charts.forEach((chart, i) => {
    found.set(`chart ${i} title`, chart.title);
    found.set(`chart ${i} series`, chart.seriesName);
    chart.moreSeriesNames?.forEach((name, j) => found.set(`chart ${i} series ${j + 1}`, name));
  });
  return found;
}

/** The cell at a 0-based row and column, from the blocks that cover it. */
function cellAt(sheet: PlannedSheet, row: number, col: number): PlanCell | undefined {
  for (const block of sheet.blocks) {
    const cell = block.cells[row - block.row]?.[col - block.col];
    if (cell) return cell;
  }
  return undefined;
}

describe.each(MODES)("the Turkish scenario sheet (%s)", (mode) => {
  const english = texts(plan(mode, "en"));
  const turkish = texts(plan(mode, "tr"));

  it("has text at the same places as the English one", () => {
    expect([...turkish.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(100);
  });

  it("has no label left in English", () => {
    const untranslated = [...english]
      .filter(([at, text]) => turkish.get(at) === text && !SAME_IN_BOTH.has(text))
      .map(([at, text]) => `${at}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it("writes its headings and labels in Turkish", () => {
    const sheet = plan(mode, "tr");
    const value = (row: number, col: number) => cellAt(sheet, row, col)?.value;
    expect(value(0, 0)).toBe("Senaryolar");
    expect(value(2, 0)).toBe("Sapma");
    expect(value(SCENARIO_ROWS.leverHeader - 1, 0)).toBe("Kaldıraçlar");
    expect(value(SCENARIO_ROWS.leverHeader, 0)).toBe("Kaldıraç");
    expect(value(SCENARIO_ROWS.leverHeader, 1)).toBe("Kaynak");
    expect([0, 1, 2].map((k) => value(SCENARIO_ROWS.leverHeader, BASE_COL + k))).toEqual([
      "Temel",
      "En iyi",
      "En kötü",
    ]);
    expect(value(SCENARIO_ROWS.lever("WIN_RATE"), 0)).toBe("Kazanma oranı");
    expect(value(SCENARIO_ROWS.lever("SALES_MARKETING_SPEND"), 1)).toBe("elle girilir");
    expect(value(SCENARIO_ROWS.changeHeader - 1, 0)).toBe("Temele göre değişim");
    expect(value(SCENARIO_ROWS.output("EXPECTED_REVENUE"), 1)).toBe(
      "KPI.BEKLENEN_GELIR(Açık fırsatlar; Kazanma oranı; Ortalama anlaşma büyüklüğü)"
    );
    const sections = sheet.blocks.map((block) => block.cells[0][0].value);
    expect(sections).toContain(
      "Duyarlılık: Beklenen gelir; satırlarda Kazanma oranı, sütunlarda Ortalama anlaşma büyüklüğü"
    );
    expect(sections).toContain(
      "Tornado grafiği: Beklenen gelir (her kaldıraç sapma kadar oynatılır)"
    );
    expect(sheet.charts[0].title).toBe("Beklenen gelir: senaryolara göre");
  });
});

describe("the Turkish scenario sheet's other parts", () => {
  it("labels the simulated revenue's inputs (live mode)", () => {
    const all = [...texts(plan("live", "tr")).values()];
    expect(all).toContain(
      "Beklenen gelir simülasyonu (En kötü, Temel ve En iyi: düşük, en olası ve yüksek değer)"
    );
    expect(all).toContain("Deneme sayısı");
    expect(all).toContain("Tohum değeri");
  });

  it("names the levers an output needs where one is blank, in Turkish", () => {
    const blank = planScenarioSheet({
      sheetName: "S",
      mode: "portable",
      language: "tr",
      base: { WIN_RATE: 0.25 },
    });
    expect(evaluatePlan(blank, {}).name("WHATIF_BASE_EXPECTED_REVENUE")).toBe(
      "Gerekli: Açık fırsatlar, Kazanma oranı, Ortalama anlaşma büyüklüğü"
    );
  });

  it("is placed on a sheet named Senaryolar, or the next free name", () => {
    const sheetName = (sheetNames: string[]) =>
      placeScenarioSheet({ sheetNames, definedNames: [] }, { mode: "portable", language: "tr" })
        .sheets[0].name;
    expect(sheetName([])).toBe("Senaryolar");
    expect(sheetName(["Senaryolar"])).toBe("Senaryolar (2)");
  });

  it("names the scenario that reaches a target after it, as Turkish writes the number", () => {
    const request = { output: "EXPECTED_REVENUE", lever: "WIN_RATE", target: 1_500_000 } as const;
    expect(reachTarget(exampleLevers(), request, "tr").scenario?.name).toBe(
      "Beklenen gelir = 1.500.000"
    );
    expect(reachTarget(exampleLevers(), request, "en").scenario?.name).toBe(
      "Expected revenue = 1,500,000"
    );
  });
});

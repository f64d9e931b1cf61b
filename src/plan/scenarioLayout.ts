/**
 * Where things are on the scenario sheet, and its words: shared by the scenario blocks, the sensitivity
 * blocks and the plan of a scenario column added later (the task pane's "Reach a target").
 */
import type { Language } from "../engine";
import { LEVERS, type LeverId, OUTPUTS, type OutputId, leverOf } from "../engine";
import { cellAddress } from "./a1";
import { NUMBER_FORMATS } from "./types";

const STRINGS = {
  en: {
    title: "Scenarios",
    linked:
      "Base follows the KPI sheet; Best and Worst move every lever by the swing (Best the favourable way). Type over any yellow cell.",
    typed:
      "Type your figures into the yellow Base cells; Best and Worst move every lever by the swing (Best the favourable way).",
    swing: "Swing",
    swingHint: "Best, Worst and the tornado move each lever this far from Base",
    levers: "Levers",
    lever: "Lever",
    source: "Source",
    outputs: "Outputs",
    output: "Output",
    definition: "Definition",
    change: "Change from Base",
    base: "Base",
    best: "Best",
    worst: "Worst",
    typedIn: "typed in",
    needs: "Needs",
    chart: "by scenario",
    simulation: "Simulated expected revenue (Worst, Base and Best as low, likely and high)",
    trials: "Trials",
    seed: "Seed",
  },
  tr: {
    title: "Senaryolar",
    linked:
      "Temel sütun gösterge sayfasını izler; En iyi ve En kötü her kaldıracı sapma kadar oynatır (En iyi olumlu yönde). Sarı hücrelerin üzerine yazabilirsiniz.",
    typed:
      "Rakamlarınızı sarı Temel hücrelerine yazın; En iyi ve En kötü her kaldıracı sapma kadar oynatır (En iyi olumlu yönde).",
    swing: "Sapma",
    swingHint: "En iyi, En kötü ve kasırga grafiği her kaldıracı Temelden bu kadar oynatır",
    levers: "Kaldıraçlar",
    lever: "Kaldıraç",
    source: "Kaynak",
    outputs: "Sonuçlar",
    output: "Sonuç",
    definition: "Tanım",
    change: "Temele göre değişim",
    base: "Temel",
    best: "En iyi",
    worst: "En kötü",
    typedIn: "elle girilir",
    needs: "Gereken",
    chart: "senaryoya göre",
    simulation: "Beklenen gelir simülasyonu (En kötü, Temel ve En iyi: düşük, olası ve yüksek)",
    trials: "Deneme",
    seed: "Tohum",
  },
} as const;

export type ScenarioStrings = (typeof STRINGS)[Language];

/** The strings of the scenario sheet in a language (shared with the sensitivity blocks). */
export function scenarioStrings(language: Language): ScenarioStrings {
  return STRINGS[language];
}

/** Column of the Base scenario (C); scenario k sits k columns to its right. */
export const BASE_COL = 2;
export const SWING_ROW = 2;

/** Where every row of the scenario blocks is: the same for any number of scenarios. */
export const SCENARIO_ROWS = (() => {
  const leverHeader = 5;
  const outputHeader = leverHeader + 1 + LEVERS.length + 2;
  const changeHeader = outputHeader + 1 + OUTPUTS.length + 2;
  const lever = new Map(LEVERS.map((l, i) => [l.id, leverHeader + 1 + i]));
  const output = new Map(OUTPUTS.map((o, i) => [o.id, outputHeader + 1 + i]));
  const change = new Map(OUTPUTS.map((o, i) => [o.id, changeHeader + 1 + i]));
  return {
    leverHeader,
    outputHeader,
    changeHeader,
    lever: (id: LeverId) => lever.get(id)!,
    output: (id: OutputId) => output.get(id)!,
    change: (id: OutputId) => change.get(id)!,
    /** The first row after the change block. */
    end: changeHeader + 1 + OUTPUTS.length,
  };
})();

export const leverFormat = (id: LeverId): string => NUMBER_FORMATS[leverOf(id).kind];
export const outputFormat = (id: OutputId): string => {
  const unit = OUTPUTS.find((o) => o.id === id)!.unit;
  return unit === "table" ? "General" : NUMBER_FORMATS[unit];
};

/** The swing cell, absolute, for formulas anywhere on the sheet. */
export const SWING_REF = cellAddress(SWING_ROW, 1, true);

/** The Base cell of a lever, column-absolute so that a copied scenario column still reads Base. */
export function baseLeverRef(id: LeverId): string {
  return `$${cellAddress(SCENARIO_ROWS.lever(id), BASE_COL)}`;
}

/**
 * A lever's Base multiplied by `factor` (a formula), kept within the lever's bounds (a rate within
 * 0..1, anything else not below 0); blank when the Base is not a number.
 */
export function movedLever(id: LeverId, baseRef: string, factor: string): string {
  const moved = `${baseRef}*${factor}`;
  const bounded = leverOf(id).kind === "rate" ? `MAX(0,MIN(1,${moved}))` : `MAX(0,${moved})`;
  return `IF(ISNUMBER(${baseRef}),${bounded},"")`;
}

/** A lever moved by the swing, up (Base × (1 + swing)) or down. */
export function swungLever(id: LeverId, baseRef: string, up: boolean): string {
  return movedLever(id, baseRef, `(1${up ? "+" : "-"}${SWING_REF})`);
}

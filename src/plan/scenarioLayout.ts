/**
 * Where things are on the scenario sheet, and its words (the string table's scenarioSheet
 * section): shared by the scenario blocks, the sensitivity blocks and the plan of a scenario column
 * added later (the task pane's "Reach a target").
 */
import type { Language } from "../engine";
import { LEVERS, type LeverId, OUTPUTS, type OutputId, leverOf } from "../engine";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
import { cellAddress } from "./a1";
import { NUMBER_FORMATS } from "./types";

export type ScenarioStrings = (typeof SCENARIO_SHEET)[Language];

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
/** The defined name of the swing cell, which also tells a scenario sheet apart in any language. */
export const SWING_NAME = "WHATIF_SWING";

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

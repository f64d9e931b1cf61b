/** The stage list: each stage (or status) value, its count and how it counts (won, lost or open). */
import { type Language, fill, formatNumber } from "../../i18n";
import { PANE } from "../../i18n/strings/pane";
import type { StageValue } from "../../reader/types";
import { element, headerRow, visibleText } from "./dom";

/* global HTMLTableRowElement */

export type StageKind = StageValue["kind"];

/** The classes a stage can count as, in the order the drop-down offers them. */
export const STAGE_KINDS: readonly StageKind[] = ["won", "lost", "open"];

/**
 * The rows of the stage table: a header row, then per stage value its text (spaces at either end
 * marked), its count in the language's digits and a Won / Lost / Open drop-down on its current class,
 * marked when the class is the person's rather than the rules'.
 * @param onChange Called with the stage's text as written and the class picked.
 */
export function stageRows(
  stages: readonly StageValue[],
  language: Language,
  onChange: (text: string, kind: StageKind) => void
): HTMLTableRowElement[] {
  const t = PANE[language];
  const rows = stages.map((stage, index) => {
    const text = element("td", undefined, "stage-text");
    text.append(visibleText(stage.text));
    text.title = JSON.stringify(stage.text);
    const count = element("td", formatNumber(stage.count, language), "stage-count");
    const select = element("select", undefined, "select");
    select.dataset.stage = String(index);
    select.setAttribute("data-text", stage.text);
    select.setAttribute("aria-label", fill(t.stageChoice, { stage: stage.text }, language));
    select.append(...STAGE_KINDS.map((kind) => new Option(t.classes[kind], kind)));
    select.value = stage.kind;
    if (stage.by === "user") select.classList.add("by-user");
    select.addEventListener("change", () => onChange(stage.text, select.value as StageKind));
    const choice = element("td");
    choice.append(select);
    const row = element("tr");
    row.append(text, count, choice);
    return row;
  });
  return [headerRow([t.stageValue, t.deals, t.countsAs]), ...rows];
}

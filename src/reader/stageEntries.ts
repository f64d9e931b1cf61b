/**
 * Stage-entry columns: a date per deal for the day it entered a stage of the pipeline. HubSpot's deal
 * export writes one per stage and pipeline, headed `Date entered "Appointment scheduled (Sales
 * Pipeline)"` (the stage calculated properties "Date entered [stage]", one per stage of each pipeline:
 * https://knowledge.hubspot.com/properties/stage-calculated-properties); a hand-made sheet may
 * write "Entered Proposal", "Proposal entered" or, in Turkish, "Teklif giriş tarihi".
 */
import { foldText } from "../engine";
import { holdsNothing } from "./cells";
import type { Cell, StageEntryHeader } from "./types";

/** The header shapes, tried in order on the trimmed header; the stage is the first group. */
const ENTRY_HEADERS: readonly RegExp[] = [
  /^date\s+entered\s+(.+)$/i,
  /^entered\s+(.+)$/i,
  /^(.+?)\s+entered$/i,
  /^(.+?)\s+giri[sş]\s+tarihi$/i,
];

/** Quotes around a stage name, as HubSpot writes it. */
const QUOTES = /^["“”'‘’]+|["“”'‘’]+$/g;

/** The pipeline HubSpot appends in brackets: "Contract sent (Sales Pipeline)". */
const PIPELINE = /\s*\([^()]*\)\s*$/;

/**
 * The stage a stage-entry header names, or undefined when the header is not one: the text with the
 * words around it, the quotes and a trailing "(pipeline)" removed.
 */
export function stageOfEntryHeader(header: string): string | undefined {
  const text = header.trim();
  for (const shape of ENTRY_HEADERS) {
    const match = shape.exec(text);
    if (!match) continue;
    let stage = match[1].trim().replace(QUOTES, "").trim();
    const withoutPipeline = stage.replace(PIPELINE, "").replace(QUOTES, "").trim();
    if (withoutPipeline !== "") stage = withoutPipeline;
    // "Date entered" with nothing after it, or "Entered by", names no stage.
    if (stage === "" || /^(by|on|date|at)$/.test(foldText(stage))) return undefined;
    return stage;
  }
  return undefined;
}

/** A date as a cell holds one: a serial, a Date, or text shaped as a date (2026-03-15, 15.03.2026). */
const DATE_LIKE = /^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;
const looksLikeDate = (cell: Cell): boolean =>
  typeof cell === "number" ||
  cell instanceof Date ||
  (typeof cell === "string" && DATE_LIKE.test(cell));

/**
 * The stage-entry columns of a header row, in column order, leaving out the columns a field uses
 * and those whose first values hold something but no date ("Manually entered: Yes" is no stage).
 * @param used The columns mapped to a field of the deal table.
 * @param samples The first rows below the header, for the values' evidence.
 */
export function findStageEntries(
  headers: readonly string[],
  used: ReadonlySet<number>,
  samples: readonly (readonly Cell[])[] = []
): StageEntryHeader[] {
  const found: StageEntryHeader[] = [];
  headers.forEach((header, column) => {
    if (used.has(column)) return;
    const stage = stageOfEntryHeader(header);
    if (stage === undefined) return;
    const filled = samples.map((row) => row[column]).filter((cell) => !holdsNothing(cell));
    if (filled.length > 0 && !filled.some(looksLikeDate)) return;
    found.push({ column, header, stage });
  });
  return found;
}

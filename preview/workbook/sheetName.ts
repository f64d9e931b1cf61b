/**
 * A sheet's name made from a file's, as Excel names the sheet of an opened CSV after its file: Excel's
 * rules for sheet names (at most 31 characters, none of : \ / ? * [ ], not blank, no apostrophe first
 * or last) and one no other sheet of the workbook has, told apart as Excel tells copies: "deals (2)".
 */
import type { Workbook } from "./workbook";

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * The text cut to `units` UTF-16 code units (what the 31-character limit counts, as the workbook's
 * own check does), never inside a character, without a trailing apostrophe or space left.
 */
function cut(text: string, units: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out.replace(/[\s']+$/, "");
}

/** The file's name without its folder and its extension ("exports/deals.csv" → "deals"). */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** A name Excel takes for a sheet, from any text; "Sheet" when nothing of it is left. */
export function validSheetName(text: string): string {
  const name = text
    .replace(/[:\\/?*[\]]/g, "_")
    // Control characters are not written to a file's sheet names either.
    .replace(/\p{Cc}/gu, "")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  const short = cut(name, MAX_SHEET_NAME);
  return short === "" ? "Sheet" : short;
}

/**
 * The name for the sheet of a file opened into the workbook.
 * @example uniqueSheetName(workbook, "HubSpot deals export.csv") // "HubSpot deals export (2)" when the first is taken
 */
export function uniqueSheetName(workbook: Workbook, fileName: string): string {
  const base = validSheetName(fileStem(fileName));
  if (!workbook.sheet(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    // The number stays whole; the name gives way.
    const name = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!workbook.sheet(name)) return name;
  }
}

/**
 * Names that never clash with what a workbook already has: the writers add sheets and defined names
 * beside the user's own and must never replace one of them.
 */

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Excel keeps this sheet name for itself (the change-history sheet). */
const RESERVED = "history";

/** Sheet and defined names are compared without regard to case in Excel. */
function fold(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase();
}

/** Makes a name Excel accepts: forbidden characters become "-", no apostrophe at either end, not blank. */
function cleanSheetName(base: string): string {
  const cleaned = base
    .replace(FORBIDDEN, "-")
    .replace(/^[\s']+|[\s']+$/g, "")
    .slice(0, MAX_SHEET_NAME)
    .trimEnd();
  // "KPI" reads the same in every language the add-in speaks.
  return cleaned === "" ? "KPI" : cleaned;
}

/**
 * A sheet name based on `base` that Excel accepts and no existing sheet has (case-insensitive):
 * at most 31 characters, none of : \ / ? * [ ], not blank; taken names get " (2)", " (3)"... with the
 * base shortened so the suffix still fits.
 *
 * @example uniqueSheetName("KPI", ["KPI", "kpi (2)"]) // "KPI (3)"
 */
export function uniqueSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map(fold));
  taken.add(RESERVED);
  const name = cleanSheetName(base);
  if (!taken.has(fold(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(fold(candidate))) return candidate;
  }
}

/**
 * The suffix to append to every wanted defined name so none clashes with an existing one
 * (case-insensitive): "" when none of them exists, else the smallest "_2", "_3"... that frees them all.
 * One suffix for the whole set keeps a sheet's names recognisably together.
 *
 * @example uniqueNameSuffix(["KPI_REVENUE", "KPI_DEALS"], ["kpi_revenue", "KPI_DEALS_2"]) // "_3"
 */
export function uniqueNameSuffix(wanted: string[], existing: string[]): string {
  const taken = new Set(existing.map(fold));
  const free = (suffix: string) => wanted.every((name) => !taken.has(fold(name + suffix)));
  if (free("")) return "";
  for (let n = 2; ; n++) {
    if (free(`_${n}`)) return `_${n}`;
  }
}

/**
 * After the add-in's version changes, asks Excel to fetch functions.json and functions.js again instead
 * of its cached copy (kept up to a day, Cache-Control ignored: https://github.com/OfficeDev/office-js/issues/2777).
 * The switch is the document setting Office.ForceRefreshCustomFunctionsCache, for add-ins with a shared
 * runtime; it takes effect the next time the document is opened, and Microsoft advises turning it off
 * once things are stable (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-troubleshooting#clear-the-custom-functions-cache-when-your-add-in-runs).
 * So it is turned on in a document that ran an older version, and off again once that document ran this one.
 */

export const FORCE_REFRESH = "Office.ForceRefreshCustomFunctionsCache";
/** Where the version that last ran is kept: the document's settings, and the browser's storage. */
export const VERSION_KEY = "SalesKpi.AddinVersion";

/** The parts of Office.context.document.settings used. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: unknown) => void): void;
}

/** The parts of localStorage used. */
export interface VersionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Turns the refresh on when this document (or, for a document that never ran the add-in, this browser)
 * last ran another version; off when the refresh it asked for has happened.
 * @returns What it did, for tests and logs.
 */
export function refreshCacheOnNewVersion(
  version: string,
  settings: DocumentSettings | undefined,
  store: VersionStore | undefined
): "refresh-on" | "refresh-off" | "unchanged" | "unavailable" {
  if (!settings || typeof settings.set !== "function" || typeof settings.saveAsync !== "function")
    return "unavailable";
  let before: string | undefined;
  try {
    const inDocument = settings.get(VERSION_KEY);
    before =
      typeof inDocument === "string" ? inDocument : (store?.getItem(VERSION_KEY) ?? undefined);
    store?.setItem(VERSION_KEY, version);
  } catch {
    // Storage may be refused (private windows); the document setting alone decides then.
  }
  let outcome: "refresh-on" | "refresh-off" | "unchanged" = "unchanged";
  if (before !== undefined && before !== version) {
    settings.set(FORCE_REFRESH, true);
    outcome = "refresh-on";
  } else if (settings.get(FORCE_REFRESH) === true) {
    settings.set(FORCE_REFRESH, false);
    outcome = "refresh-off";
  }
  if (outcome === "unchanged" && settings.get(VERSION_KEY) === version) return outcome;
  if (outcome === "unchanged" && before === undefined) return outcome; // never stamp a document for nothing
  settings.set(VERSION_KEY, version);
  settings.saveAsync();
  return outcome;
}

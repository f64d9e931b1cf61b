/**
 * Registers every catalog function with Excel under the KPI namespace. The metadata Excel reads
 * (functions.json, functions-tr.json) is generated from the same catalog at build time.
 */
import { CATALOG } from "../engine/catalog";
import { excelFunction } from "./bridge";
import { refreshCacheOnNewVersion } from "./cacheRefresh";

/* global CustomFunctions, Office, localStorage */
/** The manifest's <Version>, put in by the build (webpack's DefinePlugin). */
declare const ADDIN_VERSION: string;

function displayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined; // Office.context is not there before Office.onReady in some hosts
  }
}

for (const entry of CATALOG) {
  CustomFunctions.associate(entry.id, excelFunction(entry, CustomFunctions, displayLanguage));
}

// After an update, Excel is asked to fetch the new metadata and script (see cacheRefresh.ts); only in
// Office (the tests load this bundle without it) and only where document settings exist.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    try {
      const storage = typeof localStorage !== "undefined" ? localStorage : undefined;
      refreshCacheOnNewVersion(ADDIN_VERSION, Office.context?.document?.settings, storage);
    } catch {
      // Nothing here may stop the functions from working.
    }
  });
}

/**
 * Registers every catalog function with Excel under the KPI namespace. The metadata Excel reads
 * (functions.json, functions-tr.json) is generated from the same catalog at build time.
 */
import { CATALOG } from "../engine";
import { excelFunction } from "./bridge";

/* global CustomFunctions, Office */

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

/**
 * Registers every catalog function with Excel under the KPI namespace. The metadata Excel reads
 * (functions.json, functions-tr.json) is generated from the same catalog at build time.
 */
import { CATALOG, evaluateEntry } from "../engine";
import { labelLanguage, toEngineArg, toExcelResult } from "./bridge";

/* global CustomFunctions, Office */

function displayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined; // Office.context is not there before Office.onReady in some hosts
  }
}

for (const entry of CATALOG) {
  const arity = entry.params.length;
  // Excel appends an invocation object after the declared parameters: read only the declared ones.
  CustomFunctions.associate(entry.id, (...args: unknown[]) =>
    toExcelResult(
      evaluateEntry(entry, args.slice(0, arity).map(toEngineArg), {
        language: labelLanguage(displayLanguage()),
      }),
      CustomFunctions
    )
  );
}

/**
 * Excel's custom-function metadata (functions.json, functions-tr.json), generated from the catalog.
 * Every parameter is `any` with matrix dimensionality so that the engine sees blanks, text and ranges
 * and applies its own rules (blank -> #N/A, element-by-element answers), and every result is a matrix.
 */
import type { Language } from "../engine";
import { CATALOG, type MetricEntry } from "../engine";

export type { Language };

export interface FunctionParameterMetadata {
  name: string;
  description: string;
  type: "any";
  dimensionality: "matrix";
  optional: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  result: { type: "any"; dimensionality: "matrix" };
  parameters: FunctionParameterMetadata[];
}

/** The help page of a language, relative to the add-in's base URL. */
export function helpPageName(language: Language): string {
  return language === "en" ? "help.html" : `help-${language}.html`;
}

export function functionName(entry: MetricEntry, language: Language): string {
  return language === "en" ? entry.id : entry.trName;
}

/**
 * Builds the metadata Excel reads for one language.
 * @param language "en" for functions.json, "tr" for functions-tr.json.
 * @param baseUrl Where the add-in is served, ending in "/" (help URLs point to its help page).
 */
export function buildFunctionsMetadata(
  language: Language,
  baseUrl: string
): { functions: FunctionMetadata[] } {
  return {
    functions: CATALOG.map((entry) => ({
      id: entry.id,
      name: functionName(entry, language),
      description: entry.description[language],
      helpUrl: `${baseUrl}${helpPageName(language)}#${entry.id}`,
      result: { type: "any", dimensionality: "matrix" },
      parameters: entry.params.map((param) => ({
        name: language === "en" ? param.name : param.trName,
        description: param.description[language],
        type: "any",
        dimensionality: "matrix",
        optional: Boolean(param.optional),
      })),
    })),
  };
}

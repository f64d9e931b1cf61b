/**
 * Excel's custom-function metadata (functions.json, functions-tr.json), generated from the catalog.
 * Every parameter is `any` with matrix dimensionality so that the engine sees blanks, text and ranges
 * and applies its own rules (blank -> #N/A, element-by-element answers), and every result is a matrix.
 *
 * `allowErrorForDataTypeAny` lets error values reach `any` parameters instead of Excel answering the
 * error itself, so the engine's own rule applies (the first error in argument order, with its reason).
 * It is a top-level property of the file, not a per-function option, and works only in hand-made
 * metadata: https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
 * and https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs
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

/** The whole file: Excel's schema puts allowErrorForDataTypeAny beside `functions`. */
export interface FunctionsMetadata {
  allowErrorForDataTypeAny: boolean;
  functions: FunctionMetadata[];
}

/** The help page of a language, relative to the add-in's base URL. */
export function helpPageName(language: Language): string {
  return language === "en" ? "help.html" : `help-${language}.html`;
}

export function functionName(entry: MetricEntry, language: Language): string {
  return language === "en" ? entry.id : entry.trName;
}

/** Every function's name in one language's metadata, by id: what Excel in that language knows. */
export function localFunctionNames(language: Language): Record<string, string> {
  return Object.fromEntries(CATALOG.map((entry) => [entry.id, functionName(entry, language)]));
}

/**
 * Builds the metadata Excel reads for one language.
 * @param language "en" for functions.json, "tr" for functions-tr.json.
 * @param baseUrl Where the add-in is served, ending in "/" (help URLs point to its help page).
 */
export function buildFunctionsMetadata(language: Language, baseUrl: string): FunctionsMetadata {
  return {
    // Every parameter is `any` and every catalog function goes through evaluate, which passes the
    // first error of its arguments through: the flag holds for each function of the file.
    allowErrorForDataTypeAny: true,
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

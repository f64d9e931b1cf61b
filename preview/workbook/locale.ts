/**
 * Formulas as a person types them in Excel's language (the formula bar, Range.formulasLocal) against
 * formulas as Excel stores them and Range.formulas gives them (English names, "," between arguments,
 * "." in numbers).
 *
 * Sources:
 * - Range.formulas is "the formula in A1-style notation"; Range.formulasLocal is "the formula in
 *   A1-style notation, in the user's language and number-formatting locale. For example, the English
 *   "=SUM(A1, 1.5)" formula would become "=SUMME(A1; 1,5)" in German."
 *   (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member)
 * - A custom function's `name` is the display name shown to users and can be localized; its `id`
 *   is what the code uses (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming),
 *   so Turkish Excel shows and takes the names of functions-tr.json.
 * - Turkish Excel, like German, separates arguments with ";" and writes decimals with "," (the
 *   Windows list and decimal separators of the tr-TR locale); the preview takes that as the rule.
 *
 * Only the add-in's own KPI.* names are translated: Excel's built-in functions keep their English
 * names here (Turkish Excel would show TOPLA for SUM), and array constants are left as written.
 */
import { languageOf } from "../../src/i18n/language";

/** How formulas are written in Excel's language. */
export interface FormulaLocale {
  /** The language, e.g. "tr-TR". */
  language: string;
  /** Between arguments: "," in English, ";" in Turkish. */
  listSeparator: string;
  /** In numbers: "." in English, "," in Turkish. */
  decimalSeparator: string;
  /** Local KPI function names (upper case, without the namespace) to the English ones, and back. */
  toEnglish: Map<string, string>;
  toLocal: Map<string, string>;
  namespace: string;
}

/** Excel in English: formulas are typed as they are stored. */
export const ENGLISH: FormulaLocale = {
  language: "en-US",
  listSeparator: ",",
  decimalSeparator: ".",
  toEnglish: new Map(),
  toLocal: new Map(),
  namespace: "KPI",
};

interface NamedFunctions {
  functions: { id: string; name: string }[];
}

/**
 * The locale of a language, with the local names of the custom functions: `local` is the metadata
 * Excel loads for that language (functions-tr.json), `english` is functions.json; functions are
 * matched by id.
 */
export function formulaLocale(
  language: string,
  english: NamedFunctions,
  local?: NamedFunctions,
  namespace = "KPI"
): FormulaLocale {
  if (languageOf(language) !== "tr" || !local) return { ...ENGLISH, language, namespace };
  const byId = new Map(english.functions.map((f) => [f.id.toUpperCase(), f.name.toUpperCase()]));
  const toEnglish = new Map<string, string>();
  const toLocal = new Map<string, string>();
  for (const f of local.functions) {
    const englishName = byId.get(f.id.toUpperCase());
    if (!englishName) continue;
    toEnglish.set(f.name.toUpperCase(), englishName);
    toLocal.set(englishName, f.name.toUpperCase());
  }
  return { language, listSeparator: ";", decimalSeparator: ",", toEnglish, toLocal, namespace };
}

/**
 * Splits a formula into parts outside and inside string literals ("...") and quoted sheet names
 * ('...'), which are never translated.
 */
function segments(formula: string): { text: string; quoted: boolean }[] {
  const parts: { text: string; quoted: boolean }[] = [];
  let i = 0;
  let plain = "";
  while (i < formula.length) {
    const quote = formula[i];
    if (quote !== '"' && quote !== "'") {
      plain += formula[i++];
      continue;
    }
    if (plain) parts.push({ text: plain, quoted: false });
    plain = "";
    let j = i + 1;
    // A doubled quote inside stands for one quote.
    while (j < formula.length && !(formula[j] === quote && formula[j + 1] !== quote)) {
      j += formula[j] === quote ? 2 : 1;
    }
    parts.push({ text: formula.slice(i, j + 1), quoted: true });
    i = j + 1;
  }
  if (plain) parts.push({ text: plain, quoted: false });
  return parts;
}

const NAME = /\b([A-Za-z_][\w]*)\.([\p{L}\p{N}_.]+)(?=\s*\()/gu;

function translateNames(text: string, locale: FormulaLocale, map: Map<string, string>): string {
  return text.replace(NAME, (whole, namespace: string, name: string) => {
    if (namespace.toUpperCase() !== locale.namespace.toUpperCase()) return whole;
    const translated = map.get(name.toUpperCase());
    return translated ? `${namespace}.${translated}` : whole;
  });
}

/**
 * A formula typed in the locale's language, as Excel stores it: "=KPI.KAZANMA_ORANI(25;75)" in
 * Turkish gives "=KPI.WIN_RATE(25,75)". Anything that is not a formula is returned as it is.
 */
export function toEnglishFormula(entry: string, locale: FormulaLocale): string {
  if (locale.listSeparator === "," || !entry.startsWith("=")) return entry;
  return segments(entry)
    .map(({ text, quoted }) => {
      if (quoted) return text;
      // Decimal commas first (1,5 is one number), then the list separator.
      const numbers = text.replace(/(?<![\w$.])(\d+),(\d+)/g, "$1.$2");
      const separated = numbers.split(locale.listSeparator).join(",");
      return translateNames(separated, locale, locale.toEnglish);
    })
    .join("");
}

/** A stored formula as Excel shows it in the locale's language (formula bar, formulasLocal). */
export function toLocalFormula(formula: string, locale: FormulaLocale): string {
  if (locale.listSeparator === "," || !formula.startsWith("=")) return formula;
  return segments(formula)
    .map(({ text, quoted }) => {
      if (quoted) return text;
      const named = translateNames(text, locale, locale.toLocal);
      const separated = named.split(",").join(locale.listSeparator);
      return separated.replace(/(?<![\w$.])(\d+)\.(\d+)/g, `$1${locale.decimalSeparator}$2`);
    })
    .join("");
}

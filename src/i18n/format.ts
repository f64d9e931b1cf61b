/**
 * Filling the string table's templates: `{name}` placeholders, plurals chosen by Intl.PluralRules and
 * numbers written by Intl.NumberFormat in the language's locale.
 */
import { type Language, LOCALES, type Text } from "./language";

/** A word that changes with a count: the forms Intl.PluralRules selects for English and Turkish. */
export interface Plural {
  one: string;
  other: string;
}

/**
 * A value put into a template: text as it is, a number in the language's format (1.886.500 in
 * Turkish), or a Text, whose language is chosen (a parameter's English or Turkish name).
 */
export type TemplateValue = string | number | Text;

export type TemplateValues = Record<string, TemplateValue>;

const PLACEHOLDER = /\{(\w+)\}/g;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * The language's Intl.NumberFormat for these options, made once: a formatter costs far more to make
 * than to use, and KPI values are formatted by the hundred.
 */
export function numberFormat(
  language: Language,
  options: Intl.NumberFormatOptions
): Intl.NumberFormat {
  const key = `${language}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number as the language writes it, grouped, with at most `digits` decimals (1.886.500 in Turkish). */
export function formatNumber(value: number, language: Language, digits = 2): string {
  return numberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/**
 * A number as Excel's General format writes it in the language's Excel, and as a person types it
 * into a formula: up to `digits` significant digits, no trailing noise (0.1 + 0.2 gives 0.3), no
 * grouping; a decimal comma in Turkish (0,25).
 */
export function plainNumber(value: number, language: Language, digits = 15): string {
  const shown = String(Number(value.toPrecision(digits)));
  return language === "tr" ? shown.replace(".", ",") : shown;
}

/** A number with exactly `digits` decimals, grouped: 62,8 days, 1.886.500 in Turkish. */
export function formatFixed(value: number, language: Language, digits: number): string {
  return numberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A fraction as a percentage in the language's style: 39.1% in English, %39,1 in Turkish. */
export function formatPercent(value: number, language: Language, digits = 1): string {
  return numberFormat(language, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

function isText(value: TemplateValue): value is Text {
  return typeof value === "object";
}

/** The placeholders a template uses, for the string table's tests. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
}

/**
 * A template with its placeholders filled in. A placeholder without a value is a programming error,
 * which the string table's tests catch: it throws rather than show `{name}` to a user.
 */
export function fill(template: string, values: TemplateValues, language: Language): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for {${name}} in "${template}"`);
    const value = values[name];
    if (typeof value === "number") return formatNumber(value, language);
    return isText(value) ? value[language] : value;
  });
}

/** The plural form for a count in a language ("1 cell", "3 cells"; Turkish "3 hücre"). */
export function plural(forms: Plural, count: number, language: Language): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(count) === "one" ? forms.one : forms.other;
}

/** A plural template filled in: the form for `values.count`, with its placeholders. */
export function fillPlural(
  forms: Plural,
  values: TemplateValues & { count: number },
  language: Language
): string {
  return fill(plural(forms, values.count, language), values, language);
}

/** A template of both languages filled in for both: a reason kept until the reader's language is known. */
export function fillBoth(template: Text, values: TemplateValues = {}): Text {
  return { en: fill(template.en, values, "en"), tr: fill(template.tr, values, "tr") };
}

/**
 * The shape of the string table: each section declares its English and Turkish text side by side, and
 * the type makes the Turkish half have exactly the keys of the English one.
 */
import { type Plural, type TemplateValues, fillBoth, fillPlural } from "./format";
import type { Language, Text } from "./language";

/** A leaf of the table (a template, or the forms of a plural) or a group of them. */
export type Entry = string | Plural | { readonly [key: string]: Entry };

/** The shape every language's half of a section shares: the same keys, any words. */
export type Shape<T> = T extends string
  ? string
  : T extends Plural
    ? Plural
    : { readonly [K in keyof T]: Shape<T[K]> };

/** A section of the string table: the same words in each language. */
export type Section<T> = Readonly<Record<Language, Shape<T>>>;

/** Every section, by name, for the tests that compare the languages. */
export const SECTIONS: Record<string, Section<unknown>> = {};

/**
 * Declares a section of the string table. A key missing in Turkish fails the type-check; the string
 * table's test also compares the two halves at run time (keys, placeholders, plural forms).
 */
export function defineSection<const T extends { readonly [key: string]: Entry }>(
  name: string,
  table: { en: T; tr: Shape<T> }
): Section<T> {
  const section = table as unknown as Section<T>;
  SECTIONS[name] = section as Section<unknown>;
  return section;
}

/** One entry of a section in both languages: `textOf(WRITER, (s) => s.leftAsItWas)`. */
export function textOf<S>(
  section: Readonly<Record<Language, S>>,
  pick: (strings: S) => string
): Text {
  return { en: pick(section.en), tr: pick(section.tr) };
}

/** One template of a section filled in for both languages: a reason kept until its reader is known. */
export function sayBoth<S>(
  section: Readonly<Record<Language, S>>,
  pick: (strings: S) => string,
  values: TemplateValues = {}
): Text {
  return fillBoth(textOf(section, pick), values);
}

/** One plural of a section, for `values.count`, filled in for both languages. */
export function countBoth<S>(
  section: Readonly<Record<Language, S>>,
  pick: (strings: S) => Plural,
  values: TemplateValues & { count: number }
): Text {
  return {
    en: fillPlural(pick(section.en), values, "en"),
    tr: fillPlural(pick(section.tr), values, "tr"),
  };
}

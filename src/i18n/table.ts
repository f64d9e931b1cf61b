/**
 * The shape of the string table: each section declares its English and Turkish text side by side, and
 * the type makes the Turkish half have exactly the keys of the English one.
 */
import type { Plural } from "./format";
import type { Language } from "./language";

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

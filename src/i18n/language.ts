/** The languages the add-in speaks, and the locale whose conventions each one writes numbers in. */

/** Text in each language the add-in speaks. */
export interface Text {
  en: string;
  tr: string;
}

/** A language the add-in speaks: English or Turkish. */
export type Language = keyof Text;

export const LANGUAGES: readonly Language[] = ["en", "tr"];

/** The BCP 47 locale of each language: 1,886,500 and 39.1% in English, 1.886.500 and %39,1 in Turkish. */
export const LOCALES: Record<Language, string> = { en: "en-US", tr: "tr-TR" };

/**
 * The language of a locale or language tag ("tr-TR", "tr_TR.UTF-8", "TR"): Turkish for Turkish,
 * English for anything else (the add-in speaks no third language).
 */
export function languageOf(tag: string | undefined | null): Language {
  return tag?.trim().toLowerCase().startsWith("tr") ? "tr" : "en";
}

/**
 * The language of the command line's environment, from the POSIX locale variables in their order of
 * precedence (LC_ALL, LC_MESSAGES, LANG): `LANG=tr_TR.UTF-8` gives Turkish.
 */
export function environmentLanguage(env: Record<string, string | undefined>): Language {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value && value !== "C");
  return languageOf(tag);
}

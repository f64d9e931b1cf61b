/**
 * Failures whose reason is kept in each language until it is shown: a build in a Turkish Office, a
 * command run with --language tr. One class for them all, and one way to read any failure's reason.
 */
import type { Language, Text } from "./language";

/** An Error with its reason in each language; `message` is the English, for logs and stack traces. */
export class TextError extends Error {
  constructor(
    readonly reason: Text,
    options?: { cause?: unknown }
  ) {
    super(reason.en, options);
    this.name = new.target.name;
  }

  /** The reason in a language. */
  messageIn(language: Language): string {
    return this.reason[language];
  }
}

/** Anything that can say why in a language: a TextError, or an Excel error value (KpiError). */
interface SaysWhy {
  messageIn(language: Language): string;
}

function saysWhy(value: unknown): value is SaysWhy {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<SaysWhy>).messageIn === "function"
  );
}

/**
 * Why something failed, in a language: the reason of a failure that keeps one in each language, else
 * the message of any other error (Excel's own, already in Office's language), else its text.
 */
export function reasonIn(failure: unknown, language: Language): string {
  if (saysWhy(failure)) return failure.messageIn(language);
  return failure instanceof Error ? failure.message : String(failure);
}

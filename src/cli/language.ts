/**
 * The language the command line speaks: `--language en|tr`, else the environment's locale (LC_ALL,
 * LC_MESSAGES, LANG: `LANG=tr_TR.UTF-8` gives Turkish).
 */
import { type Language, LANGUAGES, environmentLanguage, sayBoth } from "../i18n";
import { CLI } from "../i18n/strings/cli";
import { UsageError } from "./typedValue";

/** The process environment, or the part of it the language is read from. */
export type Environment = Record<string, string | undefined>;

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The value of --language as a command received it, or the environment's language without one.
 * @throws UsageError for a value other than en and tr.
 */
export function readLanguage(value: string | undefined, env: Environment): Language {
  if (value === undefined) return environmentLanguage(env);
  if (!isLanguage(value))
    throw new UsageError(sayBoth(CLI, (s) => s.usage.badLanguage, { given: value }));
  return value;
}

/**
 * The language asked for on the command line before it is parsed, for the help and the parser's own
 * refusals, which come before any command runs: the last valid `--language X` or `--language=X`, else
 * the environment's. A value that is no language is refused by the command, in the environment's.
 */
export function argvLanguage(argv: readonly string[], env: Environment): Language {
  let found: Language | undefined;
  argv.forEach((arg, i) => {
    const value = arg.startsWith("--language=")
      ? arg.slice("--language=".length)
      : arg === "--language"
        ? argv[i + 1]
        : undefined;
    if (value !== undefined && isLanguage(value)) found = value;
  });
  return found ?? environmentLanguage(env);
}

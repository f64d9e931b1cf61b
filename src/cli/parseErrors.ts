/**
 * Commander's refusals (an unknown option, a missing argument, ...) in the command line's language:
 * said again from the string table by their error code, with the part that was typed (quoted in
 * Commander's English message) kept as it was.
 */
import type { CommanderError } from "commander";
import { type Language, fill } from "../i18n";
import { CLI } from "../i18n/strings/cli";

/** Commander's error codes the string table words, by the key of their template. */
const TEMPLATES = {
  "commander.unknownOption": ["unknownOption", "option"],
  "commander.unknownCommand": ["unknownCommand", "command"],
  "commander.missingArgument": ["missingArgument", "argument"],
  "commander.optionMissingArgument": ["optionMissingArgument", "option"],
  "commander.missingMandatoryOptionValue": ["missingMandatoryOptionValue", "option"],
  "commander.excessArguments": ["excessArguments", "command"],
} as const;

/**
 * What to print for a refusal of Commander's.
 * @param written What Commander wrote (its English message), printed as it is for a code the table
 *   does not word.
 */
export function parseErrorText(error: CommanderError, written: string, language: Language): string {
  const template = TEMPLATES[error.code as keyof typeof TEMPLATES];
  const quoted = /'([^']*)'/.exec(error.message)?.[1];
  if (!template || quoted === undefined) return written;
  const [key, placeholder] = template;
  return fill(CLI[language].parse[key], { [placeholder]: quoted }, language);
}

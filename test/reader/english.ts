/** The reader's reasons in English, for tests that compare them with the English text written out. */
import type { Text } from "../../src/i18n";

/** Problems with their reason in English, every other key as it is. */
export function english<T extends { message: Text }>(
  problems: readonly T[]
): (Omit<T, "message"> & { message: string })[] {
  return problems.map((problem) => ({ ...problem, message: problem.message.en }));
}

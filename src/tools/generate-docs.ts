/**
 * Writes the function reference generated from the catalog (`npm run docs`): docs/functions.md in
 * English and docs/functions.tr.md in Turkish.
 */
import * as fs from "fs";
import * as path from "path";
import type { Language } from "../i18n";
import { renderMarkdown } from "./reference";

/** Where each language's reference is kept in the repository. */
export const REFERENCE_PATHS: Record<Language, string> = {
  en: path.join("docs", "functions.md"),
  tr: path.join("docs", "functions.tr.md"),
};

if (require.main === module) {
  fs.mkdirSync("docs", { recursive: true });
  for (const [language, file] of Object.entries(REFERENCE_PATHS)) {
    fs.writeFileSync(file, renderMarkdown(language as Language));
    process.stdout.write(`wrote ${file}\n`);
  }
}

/** Writes docs/functions.md, the function reference generated from the catalog (`npm run docs`). */
import * as fs from "fs";
import * as path from "path";
import { renderMarkdown } from "./reference";

export const REFERENCE_PATH = path.join("docs", "functions.md");

if (require.main === module) {
  fs.mkdirSync("docs", { recursive: true });
  fs.writeFileSync(REFERENCE_PATH, renderMarkdown());
  process.stdout.write(`wrote ${REFERENCE_PATH}\n`);
}

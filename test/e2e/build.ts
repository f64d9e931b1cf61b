/**
 * Builds the add-in (dist/) and the preview (preview-dist/) when an output is missing or a source is
 * newer than the last build. webpack leaves unchanged files untouched, so a stamp written after each
 * build here records when it was built. E2E_SKIP_BUILD=1 skips this (a build made by hand).
 */
import { execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
const STAMPS = path.join(ROOT, "test-results", "build-stamps");

/** The newest modification time of the files under these paths (0 when none). */
function newest(paths: string[]): number {
  let time = 0;
  const visit = (file: string) => {
    if (!fs.existsSync(file)) return;
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else time = Math.max(time, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return time;
}

interface Target {
  name: string;
  command: string;
  sources: string[];
  outputs: string[];
}

const TARGETS: Target[] = [
  {
    name: "add-in",
    command: "npm run build",
    sources: ["src", "assets", "manifest.xml", "webpack.config.js", "package.json"],
    outputs: ["dist/taskpane.html", "dist/taskpane.js", "dist/functions.js", "dist/functions.json"],
  },
  {
    name: "preview",
    command: "npx webpack --config preview/webpack.config.js",
    sources: ["preview", "src", "samples"],
    outputs: [
      "preview-dist/index.html",
      "preview-dist/preview/preview.js",
      "preview-dist/preview/office-stand-in.js",
    ],
  },
];

/** Runs each build whose outputs are missing or older than its sources. */
export function buildIfNeeded(): void {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  fs.mkdirSync(STAMPS, { recursive: true });
  for (const target of TARGETS) {
    const missing = target.outputs.some((output) => !fs.existsSync(path.join(ROOT, output)));
    const stamp = path.join(STAMPS, target.name);
    const built = Math.max(
      newest(target.outputs),
      fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
    );
    if (!missing && newest(target.sources) <= built) continue;
    console.log(`\nBuilding the ${target.name} for the end-to-end tests: ${target.command}`);
    execSync(target.command, { cwd: ROOT, stdio: "inherit" });
    fs.writeFileSync(stamp, new Date().toISOString());
  }
}

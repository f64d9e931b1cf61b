#!/usr/bin/env node
/**
 * Empties TypeScript's output folders before a compile (`node scripts/clean-output.js lib`): tsc
 * never deletes, so a module moved in the source (plan/kpiSheet.ts to plan/kpiSheet/index.ts) would
 * leave its old .js behind, and Node would load the stale file in place of the folder's index.
 */
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
for (const folder of process.argv.slice(2)) {
  const target = path.resolve(root, folder);
  // Only folders inside the repository, never the repository itself.
  if (!target.startsWith(root + path.sep)) throw new Error(`not an output folder: ${folder}`);
  fs.rmSync(target, { recursive: true, force: true });
}

/** Runs the `kpi` command line as a person runs it: the real bin, in a new process. */
import { execFileSync } from "child_process";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "kpi.js");

export interface Run {
  stdout: string;
  stderr: string;
  status: number;
}

export function kpi(...args: string[]): Run {
  try {
    const stdout = execFileSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // The machine's locale would choose the language: the tests' runs speak English unless told.
      env: { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined },
    });
    return { stdout, stderr: "", status: 0 };
  } catch (error) {
    const failed = error as Run;
    return { stdout: failed.stdout, stderr: failed.stderr, status: failed.status };
  }
}

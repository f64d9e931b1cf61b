/** `kpi solve` called as a function, in this process: its exit code and the lines it printed. */
import { type SolveOptions, solveCommand } from "../../src/cli/solveCommand";

export interface SolveRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs `kpi solve` with these options and collects what it prints on stdout and stderr. */
export async function solve(options: SolveOptions): Promise<SolveRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await solveCommand(options, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out, err };
}

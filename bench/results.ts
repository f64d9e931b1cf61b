/** The shape of bench/results.json, and the machine the figures were taken on. */
import * as os from "os";
import type { BundleSizes } from "./bundles";
import type { CallsResult } from "./calls";
import type { CliRow } from "./cli";
import type { EngineRow } from "./engineRun";
import type { PayloadRow } from "./payload";
import type { SheetBuildRow } from "./sheetBuild";

export interface Machine {
  cpus: number;
  model: string;
  memory_gb: number;
  node: string;
  platform: string;
}

export interface Results {
  engine: EngineRow[];
  calls: CallsResult;
  sheet_build: SheetBuildRow[];
  /** Bytes marshalled into the live KPI sheet's KPI.* calls per recalculation, by data rows. */
  payload: PayloadRow[];
  bundles: BundleSizes;
  cli: CliRow[];
  /** Where and how the figures were taken (not part of the targets). */
  machine: Machine;
  quick: boolean;
}

/** This machine, as the README's table names it. */
export function thisMachine(): Machine {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model.trim() ?? "unknown",
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

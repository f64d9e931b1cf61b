/**
 * `kpi report` (the KPIs of a deal export) and `kpi workbook` (the KPI workbook as an .xlsx file),
 * on the same reader, engine and sheet plan as the task pane.
 */
import * as fs from "fs";
import * as path from "path";
import { type Period, dealKpis, parseIsoDate, parseNumberText, stageOverrideKey } from "../engine";
import type { KpiSheetOptions } from "../plan/kpiSheet";
import { withScenarioSheet } from "../plan/scenarioSheet";
import type { SheetPlan } from "../plan/types";
import {
  DEAL_FIELDS,
  type DateFormat,
  type DealField,
  type DealTable,
  type ReadOptions,
} from "../reader";
import { buildKpiWorkbook } from "../writers/kpiWorkbook";
import { writeAtomically } from "./atomicFile";
import { type LoadedDeals, loadDeals } from "./loadDeals";
import { formatProblem, formatSummary, kpisAsJson } from "./summary";
import { UsageError } from "./typedValue";

/** How the deal export is read: the options of every command that reads one. */
export interface ReadingFlags {
  sheet?: string;
  dateFormat?: string;
  /** FIELD=HEADER, repeatable. */
  map?: string[];
  /** Stage values that count as won, lost or open, repeatable. */
  won?: string[];
  lost?: string[];
  open?: string[];
}

export interface DealOptions extends ReadingFlags {
  json?: boolean;
  from?: string;
  to?: string;
  target?: string;
}

export interface WorkbookOptions extends DealOptions {
  out: string;
  portable?: boolean;
  preset?: string;
  grain?: string;
  language?: string;
  scenarios?: boolean;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Problems shown on the terminal before "... and N more". */
const SHOWN_PROBLEMS = 20;

function readDate(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const serial = parseIsoDate(text);
  if (serial === undefined)
    throw new UsageError(`${flag} must be an ISO date such as 2026-03-31, not "${text}"`);
  return serial;
}

/**
 * The period, checked against the export: without a close-date column no deal can be placed in a
 * period, and the KPI sheet has no period cells to filter by, so a period is refused.
 */
export function periodFor(period: Period | undefined, table: DealTable): Period | undefined {
  if (period && table.mapping.closed === undefined)
    throw new UsageError(
      "--from/--to need a close-date column, and this export has none (say which with --map closed=HEADER)"
    );
  return period;
}

export function readPeriod(options: DealOptions): Period | undefined {
  const from = readDate(options.from, "--from");
  const to = readDate(options.to, "--to");
  if (from !== undefined && to !== undefined && to < from)
    throw new UsageError("--to is before --from");
  return from === undefined && to === undefined ? undefined : { from, to };
}

function readTarget(options: DealOptions): number | null {
  if (options.target === undefined) return null;
  const target = parseNumberText(options.target);
  if (target === undefined || target < 0)
    throw new UsageError(`--target must be an amount of 0 or more, not "${options.target}"`);
  return target;
}

/** The fields --map may name. */
const MAPPABLE = DEAL_FIELDS.join(", ");

/** --map FIELD=HEADER flags as the reader's mapping by header (HEADER "none" leaves the field out). */
function readMap(flags: string[] | undefined): ReadOptions["mappingByHeader"] {
  const byHeader: NonNullable<ReadOptions["mappingByHeader"]> = {};
  for (const flag of flags ?? []) {
    const equals = flag.indexOf("=");
    const field = flag.slice(0, Math.max(0, equals)).trim().toLowerCase() as DealField;
    const header = flag.slice(equals + 1);
    if (equals < 0 || !DEAL_FIELDS.includes(field) || header.trim() === "")
      throw new UsageError(`--map takes FIELD=HEADER with FIELD one of ${MAPPABLE}, not "${flag}"`);
    if (field in byHeader) throw new UsageError(`--map names ${field} twice`);
    byHeader[field] = header.trim().toLowerCase() === "none" ? null : header;
  }
  return byHeader;
}

/** The reader's options from the reading flags: the date format, the mapping, the stage classes. */
export function readingOptions(flags: ReadingFlags): Omit<ReadOptions, "inPlace"> {
  const stageClasses = { won: flags.won ?? [], lost: flags.lost ?? [], open: flags.open ?? [] };
  const seen = new Map<string, string>();
  for (const [kind, values] of Object.entries(stageClasses))
    for (const value of values) {
      const key = stageOverrideKey(value);
      const other = seen.get(key);
      if (other && other !== kind)
        throw new UsageError(`the stage "${value}" is given as both ${other} and ${kind}`);
      seen.set(key, kind);
    }
  return {
    dateFormat: readDateFormat(flags),
    mappingByHeader: readMap(flags.map),
    stageClasses,
  };
}

export function readDateFormat(options: ReadingFlags): DateFormat | undefined {
  const format = options.dateFormat;
  if (format === undefined) return undefined;
  if (format !== "iso" && format !== "dmy" && format !== "mdy") {
    throw new UsageError(`--date-format must be iso, dmy or mdy, not "${format}"`);
  }
  return format;
}

function choose<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  flag: string
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
  return value as T;
}

function warnAboutProblems(loaded: LoadedDeals, io: Io): void {
  const { problems } = loaded;
  if (problems.length === 0) return;
  io.err(`${problems.length} cell(s) could not be read; they count as blank:`);
  problems.slice(0, SHOWN_PROBLEMS).forEach((problem) => io.err(`  ${formatProblem(problem)}`));
  if (problems.length > SHOWN_PROBLEMS)
    io.err(`  ... and ${problems.length - SHOWN_PROBLEMS} more (--json lists them all)`);
}

/** `kpi report FILE`: prints the deal KPIs of an export. */
export async function reportCommand(file: string, options: DealOptions, io: Io): Promise<number> {
  const period = readPeriod(options);
  const target = readTarget(options);
  const loaded = await loadDeals(file, { sheet: options.sheet, reading: readingOptions(options) });
  const kpis = dealKpis(loaded.table.columns, target, periodFor(period, loaded.table));
  if (options.json) {
    io.out(JSON.stringify({ metrics: kpisAsJson(kpis), warnings: loaded.problems }));
  } else {
    formatSummary(kpis).forEach((line) => io.out(line));
    warnAboutProblems(loaded, io);
  }
  return 0;
}

/** `kpi workbook [FILE] --out OUT.xlsx`: the KPI workbook of an export, or the blank template. */
export async function workbookCommand(
  file: string | undefined,
  options: WorkbookOptions,
  io: Io
): Promise<number> {
  if (!options.out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`--out must name an .xlsx file, not "${options.out}"`);
  const period = readPeriod(options);
  const target = readTarget(options);
  const sheetOptions: Omit<KpiSheetOptions, "sheetName"> = {
    mode: options.portable ? "portable" : "live",
    preset: choose(options.preset, ["all", "checklist"] as const, "all", "--preset"),
    grain: choose(options.grain, ["month", "quarter"] as const, "quarter", "--grain"),
    language: choose(options.language, ["en", "tr"] as const, "en", "--language"),
    period,
    inputs: target === null ? {} : { TARGET: target },
  };
  // The scenario sheet follows the KPI sheet's cells, so it is planned from the KPI plan's names.
  const withScenarios = (plan: SheetPlan) =>
    options.scenarios
      ? withScenarioSheet(plan, {
          sheetName: sheetOptions.language === "tr" ? "Senaryolar" : "Scenarios",
          mode: sheetOptions.mode,
          language: sheetOptions.language,
        })
      : plan;
  const loaded = file
    ? await loadDeals(file, { sheet: options.sheet, reading: readingOptions(options) })
    : undefined;
  if (loaded) periodFor(period, loaded.table);
  const workbook = buildKpiWorkbook(loaded ?? null, sheetOptions, withScenarios);
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  await writeAtomically(options.out, (temporary) => workbook.xlsx.writeFile(temporary));
  if (loaded) {
    const kpis = dealKpis(loaded.table.columns, target, period);
    if (options.json)
      io.out(
        JSON.stringify({ out: options.out, metrics: kpisAsJson(kpis), warnings: loaded.problems })
      );
    else {
      formatSummary(kpis).forEach((line) => io.out(line));
      warnAboutProblems(loaded, io);
      io.out(`wrote ${options.out}`);
    }
  } else if (options.json) io.out(JSON.stringify({ out: options.out }));
  else io.out(`wrote ${options.out} (the blank KPI template)`);
  return 0;
}

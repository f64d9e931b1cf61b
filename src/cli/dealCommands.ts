/**
 * `kpi report` (the KPIs of a deal export) and `kpi workbook` (the KPI workbook as an .xlsx file),
 * on the same reader, engine and sheet plan as the task pane.
 */
import * as fs from "fs";
import * as path from "path";
import {
  type DealColumns,
  type DealReport,
  type Period,
  REPORT_KPI_IDS,
  currencyCounts,
  dealReport,
  onlyCurrency,
  parseIsoDate,
  parseNumberText,
  stageOverrideKey,
} from "../engine";
import { type Language, countBoth, fill, fillPlural, sayBoth } from "../i18n";
import { DEAL_KPIS } from "../i18n/strings/dealKpis";
import { CLI } from "../i18n/strings/cli";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
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
import { kpiWorkbookBytes } from "../writers/kpiWorkbook";
import { writeAtomically } from "./atomicFile";
import { type LoadedDeals, loadDeals } from "./loadDeals";
import {
  formatCurrencies,
  formatFunnel,
  formatProblem,
  formatSegments,
  formatSummary,
  kpisAsJson,
  problemsAsJson,
  reportAsJson,
} from "./summary";
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
  /** Only the deals in this currency. */
  currency?: string;
}

export interface DealOptions extends ReadingFlags {
  /** The column to break the deals down by. */
  by?: string;
  /** The language of what is printed (English when left out). */
  language?: Language;
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
    throw new UsageError(sayBoth(CLI, (s) => s.usage.badDate, { flag, given: text }));
  return serial;
}

/**
 * The period, checked against the export: without a close-date column no deal can be placed in a
 * period, and the KPI sheet has no period cells to filter by, so a period is refused.
 */
export function periodFor(period: Period | undefined, table: DealTable): Period | undefined {
  if (period && table.mapping.closed === undefined)
    throw new UsageError(sayBoth(CLI, (s) => s.usage.periodWithoutDates));
  return period;
}

export function readPeriod(options: DealOptions): Period | undefined {
  const from = readDate(options.from, "--from");
  const to = readDate(options.to, "--to");
  if (from !== undefined && to !== undefined && to < from)
    throw new UsageError(sayBoth(CLI, (s) => s.usage.toBeforeFrom));
  return from === undefined && to === undefined ? undefined : { from, to };
}

function readTarget(options: DealOptions): number | null {
  if (options.target === undefined) return null;
  const target = parseNumberText(options.target);
  if (target === undefined || target < 0)
    throw new UsageError(sayBoth(CLI, (s) => s.usage.badTarget, { given: options.target }));
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
      throw new UsageError(sayBoth(CLI, (s) => s.usage.badMap, { fields: MAPPABLE, given: flag }));
    if (field in byHeader) throw new UsageError(sayBoth(CLI, (s) => s.usage.mapTwice, { field }));
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
        throw new UsageError(
          sayBoth(CLI, (s) => s.usage.stageTwice, {
            stage: value,
            first: `--${other}`,
            second: `--${kind}`,
          })
        );
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
    throw new UsageError(sayBoth(CLI, (s) => s.usage.badDateFormat, { given: format }));
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
    throw new UsageError(
      sayBoth(CLI, (s) => s.usage.notOneOf, { flag, allowed: allowed.join(", "), given: value })
    );
  return value as T;
}

function warnAboutProblems(loaded: LoadedDeals, language: Language, io: Io): void {
  const { problems } = loaded;
  if (problems.length === 0) return;
  const t = CLI[language].report;
  io.err(fillPlural(t.problems, { count: problems.length }, language));
  problems
    .slice(0, SHOWN_PROBLEMS)
    .forEach((problem) => io.err(`  ${formatProblem(problem, language)}`));
  if (problems.length > SHOWN_PROBLEMS)
    io.err(`  ${fill(t.more, { count: problems.length - SHOWN_PROBLEMS }, language)}`);
}

/** Loads the export a command names, with its reading flags. */
function loadExport(file: string, options: DealOptions): Promise<LoadedDeals> {
  return loadDeals(file, {
    sheet: options.sheet,
    reading: { ...readingOptions(options), segmentBy: options.by },
    language: options.language,
  });
}

/**
 * The columns the KPIs count: every deal, or with --currency the deals in that currency only (a
 * currency the export does not hold, or an export without a currency column, is refused).
 */
export function dealColumnsFor(table: DealTable, flags: ReadingFlags): DealColumns {
  const { columns } = table;
  if (flags.currency === undefined) return columns;
  if (!columns.currency) throw new UsageError(sayBoth(CLI, (s) => s.usage.currencyWithoutColumn));
  const restricted = onlyCurrency(columns, flags.currency);
  if (!restricted) {
    const currencies = currencyCounts(columns)
      .map((count) => count.currency)
      .join(", ");
    throw new UsageError(
      sayBoth(CLI, (s) => s.usage.noSuchCurrency, { given: flags.currency, currencies })
    );
  }
  return restricted;
}

/** The report's warnings beyond the cells read: open deals without a probability. */
function reportWarnings(report: DealReport, language: Language): string[] {
  const missing = report.openWithoutProbability;
  return missing > 0
    ? [countBoth(DEAL_KPIS, (s) => s.withoutProbability, { count: missing })[language]]
    : [];
}

/** The KPIs a summary shows: the weighted pipeline only where the export has probabilities. */
function shownKpis(columns: DealColumns) {
  return REPORT_KPI_IDS.filter((id) => id !== "WEIGHTED_PIPELINE_VALUE" || columns.probability);
}

/** A report on the terminal: the KPIs, the currencies, the segments and the funnel, as there are. */
function printReport(
  report: DealReport,
  loaded: LoadedDeals,
  columns: DealColumns,
  language: Language,
  io: Io
): void {
  formatSummary(report.kpis, language, shownKpis(columns)).forEach((line) => io.out(line));
  if (report.currencies.length > 1) io.out(formatCurrencies(report.currencies, language));
  const segment = loaded.table.segment;
  if (segment) {
    io.out("");
    formatSegments(segment.header, report.segments, language).forEach((line) => io.out(line));
  }
  if (report.funnel.length) {
    io.out("");
    formatFunnel(report.funnel, language).forEach((line) => io.out(line));
  }
  reportWarnings(report, language).forEach((line) => io.err(line));
  warnAboutProblems(loaded, language, io);
}

/** A report as JSON: the metrics, the parts beyond them and every warning. */
function reportJson(
  report: DealReport,
  loaded: LoadedDeals,
  language: Language
): Record<string, unknown> {
  return {
    metrics: kpisAsJson(report.kpis, language),
    ...reportAsJson(report, loaded.table, language),
    warnings: [
      ...problemsAsJson(loaded.problems, language),
      ...reportWarnings(report, language).map((message) => ({ message })),
    ],
  };
}

/** `kpi report FILE`: prints the deal KPIs of an export, in `options.language`. */
export async function reportCommand(file: string, options: DealOptions, io: Io): Promise<number> {
  const language = options.language ?? "en";
  const period = readPeriod(options);
  const target = readTarget(options);
  const loaded = await loadExport(file, options);
  const columns = dealColumnsFor(loaded.table, options);
  const report = dealReport(columns, target, periodFor(period, loaded.table));
  if (options.json) io.out(JSON.stringify(reportJson(report, loaded, language)));
  else printReport(report, loaded, columns, language, io);
  return 0;
}

/**
 * `kpi workbook [FILE] --out OUT.xlsx`: the KPI workbook of an export, or the blank template; its
 * labels, and what is printed, in `options.language`.
 */
export async function workbookCommand(
  file: string | undefined,
  options: WorkbookOptions,
  io: Io
): Promise<number> {
  const language = options.language ?? "en";
  const t = CLI[language].report;
  if (!options.out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(sayBoth(CLI, (s) => s.usage.outNotXlsx, { given: options.out }));
  const period = readPeriod(options);
  const target = readTarget(options);
  const sheetOptions: Omit<KpiSheetOptions, "sheetName"> = {
    mode: options.portable ? "portable" : "live",
    preset: choose(options.preset, ["all", "checklist"] as const, "all", "--preset"),
    grain: choose(options.grain, ["month", "quarter"] as const, "quarter", "--grain"),
    language,
    period,
    inputs: target === null ? {} : { TARGET: target },
    ...(options.currency === undefined ? {} : { currency: options.currency }),
  };
  // The scenario sheet follows the KPI sheet's cells, so it is planned from the KPI plan's names.
  const withScenarios = (plan: SheetPlan) =>
    options.scenarios
      ? withScenarioSheet(plan, {
          sheetName: SCENARIO_SHEET[language].sheetName,
          mode: sheetOptions.mode,
          language: sheetOptions.language,
        })
      : plan;
  const loaded = file ? await loadExport(file, options) : undefined;
  if (loaded) periodFor(period, loaded.table);
  // Refused before anything is written.
  const columns = loaded && dealColumnsFor(loaded.table, options);
  const bytes = await kpiWorkbookBytes(loaded ?? null, sheetOptions, withScenarios);
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  await writeAtomically(options.out, async (temporary) => fs.promises.writeFile(temporary, bytes));
  if (loaded && columns) {
    const report = dealReport(columns, target, period);
    if (options.json)
      io.out(JSON.stringify({ out: options.out, ...reportJson(report, loaded, language) }));
    else {
      printReport(report, loaded, columns, language, io);
      io.out(fill(t.wrote, { file: options.out }, language));
    }
  } else if (options.json) io.out(JSON.stringify({ out: options.out }));
  else io.out(fill(t.wroteTemplate, { file: options.out }, language));
  return 0;
}

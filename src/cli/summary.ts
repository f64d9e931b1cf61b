/** The KPI summary as the command line prints it: aligned labels, values formatted by unit. */
import {
  currencyList,
  type CurrencyCount,
  type DealReport,
  type FunnelStage,
  KpiError,
  REPORT_KPI_IDS,
  REPORT_KPI_LABELS,
  REPORT_KPI_UNITS,
  type ReportKpiId,
  type ReportKpis,
  SEGMENT_KPI_IDS,
  type Segment,
  formatKpi,
  serialToIsoDate,
} from "../engine";
import { type Language, fill, formatPercent } from "../i18n";
import { CLI } from "../i18n/strings/cli";
import { DEAL_KPIS } from "../i18n/strings/dealKpis";
import type { DealTable, ReadProblem } from "../reader";

/** A KPI's value as the summary shows it: formatted by its unit, or the error code and its reason. */
function shownValue(value: number | KpiError, id: ReportKpiId, language: Language): string {
  return value instanceof KpiError
    ? fill(
        CLI[language].report.kpiError,
        { code: value.codeIn(language), reason: value.messageIn(language) },
        language
      )
    : formatKpi(value, REPORT_KPI_UNITS[id], language);
}

/**
 * The KPIs, one per line: "Win rate  39.1%" in English, "Kazanma oranı  %39,1" in Turkish.
 * @param ids The KPIs to show, in order (all of a report by default).
 */
export function formatSummary(
  kpis: ReportKpis,
  language: Language,
  ids: readonly ReportKpiId[] = REPORT_KPI_IDS
): string[] {
  const labels = ids.map((id) => REPORT_KPI_LABELS[id][language]);
  const width = Math.max(...labels.map((label) => label.length));
  return ids.map((id, i) => `${labels[i].padEnd(width)}  ${shownValue(kpis[id], id, language)}`);
}

/** Rows of text as aligned columns, the first row the header; numbers aligned right. */
function alignedTable(rows: string[][], rightAligned: (column: number) => boolean): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd()
  );
}

/** The name of a segment: its value, or "(blank)" for the blank cells. */
export function segmentName(segment: Segment, language: Language): string {
  return segment.value ?? DEAL_KPIS[language].blankSegment;
}

/** The segments as a table: a heading, then a row per segment with its KPIs. */
export function formatSegments(
  header: string,
  segments: readonly Segment[],
  language: Language
): string[] {
  const t = CLI[language].report;
  const rows = [
    [t.segment, ...SEGMENT_KPI_IDS.map((id) => REPORT_KPI_LABELS[id][language])],
    ...segments.map((segment) => [
      segmentName(segment, language),
      ...SEGMENT_KPI_IDS.map((id) => {
        const value = segment.kpis[id];
        return value instanceof KpiError
          ? value.codeIn(language)
          : formatKpi(value, REPORT_KPI_UNITS[id], language);
      }),
    ]),
  ];
  return [fill(t.segmentsHeading, { header }, language), ...alignedTable(rows, (c) => c > 0)];
}

/** The funnel as a table: a heading, then a row per stage. */
export function formatFunnel(stages: readonly FunnelStage[], language: Language): string[] {
  const t = CLI[language].report;
  const columns = t.funnelColumns;
  const rows = [
    [columns.stage, columns.entered, columns.conversion, columns.days],
    ...stages.map((stage) => [
      stage.stage,
      formatKpi(stage.entered, "count", language),
      stage.conversion === null ? t.noValue : formatPercent(stage.conversion, language),
      stage.avgDays === null ? t.noValue : formatKpi(stage.avgDays, "days", language),
    ]),
  ];
  return [t.funnelHeading, ...alignedTable(rows, (c) => c > 0)];
}

/** The currencies of the deals on one line: "Currencies: USD 12 deals, EUR 3 deals". */
export function formatCurrencies(currencies: readonly CurrencyCount[], language: Language): string {
  return fill(
    CLI[language].report.currencies,
    { list: currencyList(currencies)[language] },
    language
  );
}

/** A problem of the input as one line: "row 17: amount "abc" is not a number ...". */
export function formatProblem(problem: ReadProblem, language: Language): string {
  // A row number is a position, written as the sheet writes it (no grouping).
  return fill(
    CLI[language].report.problem,
    { row: String(problem.row), message: problem.message[language] },
    language
  );
}

/** The problems as JSON: their machine keys as they are, each reason in the language. */
export function problemsAsJson(
  problems: readonly ReadProblem[],
  language: Language
): Record<string, unknown>[] {
  return problems.map((problem) => ({ ...problem, message: problem.message[language] }));
}

/** A value as JSON: the number, or {"error", "message"} with the reason in the language. */
function valueAsJson(value: number | KpiError, language: Language): unknown {
  return value instanceof KpiError
    ? { error: value.code, message: value.messageIn(language) }
    : value;
}

/** The KPIs as JSON values: numbers, or {"error", "message"} with the reason in the language. */
export function kpisAsJson(kpis: ReportKpis, language: Language): Record<string, unknown> {
  return Object.fromEntries(REPORT_KPI_IDS.map((id) => [id, valueAsJson(kpis[id], language)]));
}

/**
 * The parts of a report beyond its KPIs, as JSON: the previous period, the currencies, the
 * segments (when asked for, by the header of their column) and the funnel, each where there is one.
 */
export function reportAsJson(
  report: DealReport,
  table: DealTable,
  language: Language
): Record<string, unknown> {
  const segmentHeader = table.segment?.header;
  const json: Record<string, unknown> = {};
  if (report.previousPeriod)
    json.previous_period = {
      from: serialToIsoDate(report.previousPeriod.from),
      to: serialToIsoDate(report.previousPeriod.to),
    };
  if (report.currencies.length) json.currencies = report.currencies;
  if (segmentHeader !== undefined)
    json.segments = {
      by: segmentHeader,
      values: report.segments.map((segment) => ({
        // A machine key: the blank cells' segment is "(blank)" in every language.
        segment: segmentName(segment, "en"),
        ...Object.fromEntries(
          SEGMENT_KPI_IDS.map((id) => [id, valueAsJson(segment.kpis[id], language)])
        ),
      })),
    };
  // Stage-entry columns of won or lost stages only make an empty funnel, said as such.
  if (table.stageEntries.length)
    json.funnel = report.funnel.map(({ stage, entered, conversion, avgDays }) => ({
      stage,
      entered,
      conversion,
      avg_days: avgDays,
    }));
  return json;
}

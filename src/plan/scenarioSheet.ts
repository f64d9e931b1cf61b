/**
 * The scenario sheet plan: the what-if model's levers as rows, a Base column that follows the KPI sheet
 * (or is typed in), Best, Worst and named scenarios beside it, every output as a live formula per
 * scenario, the change from Base, a chart comparing the scenarios, and below them the sensitivity grid
 * and tornado (sensitivity.ts). Pure: from options and the names a KPI sheet defines, never from values.
 */
import type { Language } from "../engine";
import {
  LEVERS,
  type LeverId,
  type LeverValues,
  MAX_TRIALS,
  OUTPUTS,
  type OutputId,
  leverOf,
  outputLabel,
  outputOf,
} from "../engine";
import { fill } from "../i18n";
import { SCENARIO_SHEET } from "../i18n/strings/scenario";
import { cellAddress, rangeAddress, sheetReference } from "./a1";
import {
  BASE_COL,
  SCENARIO_ROWS,
  SWING_NAME,
  SWING_REF,
  SWING_ROW,
  type ScenarioStrings,
  baseLeverRef,
  leverFormat,
  outputFormat,
  swungLever,
} from "./scenarioLayout";
import { type SensitivityOptions, planSensitivity } from "./sensitivity";
import {
  NUMBER_FORMATS,
  type PlanBlock,
  type PlanCell,
  type PlanChart,
  type PlanName,
  type PlannedSheet,
  type SheetPlan,
} from "./types";
import { type FormulaMode, outputDefinition, outputFormula } from "./whatIfFormulas";

/** Best and Worst move each lever by 10% unless told otherwise. */
const DEFAULT_SWING = 0.1;

/** A scenario beside Base, Best and Worst: the levers it sets; the others follow Base. */
export interface NamedScenario {
  name: string;
  levers: LeverValues;
}

export interface ScenarioSheetOptions {
  /** The sheet's name, already unique in its workbook. */
  sheetName: string;
  /** Appended to every WHATIF_* name when the workbook already has them ("" normally, "_2"...). */
  nameSuffix?: string;
  /** live: outputs call KPI.*; portable: native formulas only. */
  mode: FormulaMode;
  language?: Language;
  /** The KPI sheet the Base column follows: the defined names it has, and their suffix. */
  kpi?: { names: readonly string[]; suffix?: string };
  /** Base values typed in for the levers that no KPI sheet cell feeds. */
  base?: LeverValues;
  /** How far Best and Worst move each lever from Base, and the tornado's swing: 0.1 is ±10%. */
  swing?: number;
  scenarios?: NamedScenario[];
  /** The output the scenario chart compares (expected revenue by default). */
  chartOutput?: OutputId;
  sensitivity?: SensitivityOptions;
  /** Trials and seed of the simulated revenue (live mode only: it needs KPI.REVENUE_SIMULATION). */
  simulation?: { trials?: number; seed?: number };
  title?: string;
}

/** What a scenario column holds. */
export type ScenarioColumn =
  | { kind: "base" }
  | { kind: "best" }
  | { kind: "worst" }
  | { kind: "named"; scenario: NamedScenario };

interface ColumnContext {
  mode: FormulaMode;
  language: Language;
  /** The Base cell of each lever: a link to the KPI sheet, or undefined where it is typed in. */
  links: Map<LeverId, string>;
  base: LeverValues;
}

/** The cells of one scenario column, block by block: header and levers, outputs, change from Base. */
export function scenarioColumnCells(
  col: number,
  column: ScenarioColumn,
  context: ColumnContext
): { levers: PlanCell[]; outputs: PlanCell[]; changes: PlanCell[] } {
  const t = SCENARIO_SHEET[context.language];
  const here = (row: number) => cellAddress(row, col);
  const header =
    column.kind === "named"
      ? column.scenario.name
      : { base: t.base, best: t.best, worst: t.worst }[column.kind];
  const leverCell = (id: LeverId): PlanCell => {
    const format = leverFormat(id);
    if (column.kind === "base") {
      const link = context.links.get(id);
      return link
        ? { formula: `IF(ISBLANK(${link}),"",${link})`, format, style: "value" }
        : { value: context.base[id] ?? null, format, style: "input" };
    }
    if (column.kind === "named") {
      const value = column.scenario.levers[id];
      return value !== undefined
        ? { value, format, style: "input" }
        : { formula: baseLeverRef(id), format, style: "input" };
    }
    const favourable = (leverOf(id).better === "higher") === (column.kind === "best");
    return { formula: swungLever(id, baseLeverRef(id), favourable), format, style: "input" };
  };
  const refs = {
    lever: (id: LeverId) => here(SCENARIO_ROWS.lever(id)),
    output: (id: OutputId) => here(SCENARIO_ROWS.output(id)),
  };
  const headerCell: PlanCell = { value: header, style: "header" };
  return {
    levers: [headerCell, ...LEVERS.map((l) => leverCell(l.id))],
    outputs: [
      headerCell,
      ...OUTPUTS.map((o): PlanCell => ({
        formula: outputFormula(o.id, context.mode, refs, context.language),
        format: outputFormat(o.id),
        style: column.kind === "base" ? "value" : undefined,
      })),
    ],
    changes: [
      column.kind === "base" ? { style: "header" } : headerCell,
      ...OUTPUTS.map((o): PlanCell => {
        if (column.kind === "base") return {};
        const value = here(SCENARIO_ROWS.output(o.id));
        const base = `$${cellAddress(SCENARIO_ROWS.output(o.id), BASE_COL)}`;
        return {
          formula: `IF(AND(ISNUMBER(${value}),ISNUMBER(${base})),IF(${base}=0,"",${value}/${base}-1),"")`,
          format: NUMBER_FORMATS.rate,
        };
      }),
    ],
  };
}

/** The KPI sheet's defined name that feeds each lever's Base, where the KPI sheet has it. */
function kpiLinks(kpi: ScenarioSheetOptions["kpi"]): Map<LeverId, string> {
  const links = new Map<LeverId, string>();
  if (!kpi) return links;
  const have = new Set(kpi.names.map((name) => name.toUpperCase()));
  for (const lever of LEVERS) {
    const source = lever.source;
    const name = `${"kpi" in source ? `KPI_${source.kpi}` : `KPI_INPUT_${source.input}`}${kpi.suffix ?? ""}`;
    if (have.has(name.toUpperCase())) links.set(lever.id, name);
  }
  return links;
}

/** Turns columns of cells into one rectangle per block of rows. */
function transpose(columns: PlanCell[][]): PlanCell[][] {
  return columns[0].map((_, r) => columns.map((column) => column[r]));
}

/** Builds the plan of a scenario sheet; see the module comment. */
export function planScenarioSheet(options: ScenarioSheetOptions): SheetPlan {
  const language = options.language ?? "en";
  const t = SCENARIO_SHEET[language];
  const suffix = options.nameSuffix ?? "";
  const sheet = options.sheetName;
  const links = kpiLinks(options.kpi);
  const context: ColumnContext = { mode: options.mode, language, links, base: options.base ?? {} };
  const columns: ScenarioColumn[] = [
    { kind: "base" },
    { kind: "best" },
    { kind: "worst" },
    ...(options.scenarios ?? []).map((scenario) => ({ kind: "named" as const, scenario })),
  ];
  const cells = columns.map((column, k) => scenarioColumnCells(BASE_COL + k, column, context));
  const rows = SCENARIO_ROWS;
  const blocks: PlanBlock[] = [
    { row: 0, col: 0, cells: [[{ value: options.title ?? t.title, style: "title" }]] },
    { row: 1, col: 0, cells: [[{ value: links.size ? t.linked : t.typed, style: "subtitle" }]] },
    {
      row: SWING_ROW,
      col: 0,
      cells: [
        [
          { value: t.swing, style: "label" },
          { value: options.swing ?? DEFAULT_SWING, format: NUMBER_FORMATS.rate, style: "input" },
          { value: t.swingHint, style: "hint" },
        ],
      ],
    },
  ];
  const section = (row: number, text: string) =>
    blocks.push({ row: row - 1, col: 0, cells: [[{ value: text, style: "section" }]] });

  section(rows.leverHeader, t.levers);
  blocks.push({
    row: rows.leverHeader,
    col: 0,
    cells: [
      [
        { value: t.lever, style: "header" },
        { value: t.source, style: "header" },
      ],
      ...LEVERS.map((l): PlanCell[] => [
        { value: l.label[language], style: "label" },
        { value: links.get(l.id) ?? t.typedIn, style: "hint" },
      ]),
    ],
  });
  blocks.push({
    row: rows.leverHeader,
    col: BASE_COL,
    cells: transpose(cells.map((c) => c.levers)),
  });

  section(rows.outputHeader, t.outputs);
  blocks.push({
    row: rows.outputHeader,
    col: 0,
    cells: [
      [
        { value: t.output, style: "header" },
        { value: t.definition, style: "header" },
      ],
      ...OUTPUTS.map((o): PlanCell[] => [
        { value: outputLabel(o, language), style: "label" },
        { value: outputDefinition(o.id, language), style: "definition" },
      ]),
    ],
  });
  blocks.push({
    row: rows.outputHeader,
    col: BASE_COL,
    cells: transpose(cells.map((c) => c.outputs)),
  });

  section(rows.changeHeader, t.change);
  blocks.push({
    row: rows.changeHeader,
    col: 0,
    cells: [
      [{ value: t.output, style: "header" }, { style: "header" }],
      ...OUTPUTS.map((o): PlanCell[] => [{ value: outputLabel(o, language), style: "label" }, {}]),
    ],
  });
  blocks.push({
    row: rows.changeHeader,
    col: BASE_COL,
    cells: transpose(cells.map((c) => c.changes)),
  });

  let next = rows.end + 1;
  if (options.mode === "live") {
    blocks.push(...simulationBlocks(next, options.simulation ?? {}, t));
    next += SIMULATION_ROWS + 1;
  }

  const sensitivity = planSensitivity(
    next,
    options.mode,
    language,
    options.sensitivity ?? {},
    options.swing ?? DEFAULT_SWING
  );
  blocks.push(...sensitivity.blocks);

  const chartOutput = options.chartOutput ?? "EXPECTED_REVENUE";
  const chartRow = rows.output(chartOutput);
  const lastCol = BASE_COL + columns.length - 1;
  const title = fill(t.chart, { output: outputLabel(outputOf(chartOutput), language) }, language);
  const scenarioChart: PlanChart = {
    kind: "column",
    title,
    categories: rangeAddress(rows.outputHeader, BASE_COL, rows.outputHeader, lastCol),
    values: rangeAddress(chartRow, BASE_COL, chartRow, lastCol),
    seriesBy: "rows",
    seriesName: title,
    // Beside the scenarios, leaving room for a few more scenario columns ("Reach a target").
    anchor: { row: rows.leverHeader - 1, col: lastCol + 6, width: 8, height: 15 },
  };

  const names: PlanName[] = [
    { name: `${SWING_NAME}${suffix}`, refersTo: sheetReference(sheet, SWING_REF) },
    ...LEVERS.map((l) => ({
      name: `WHATIF_BASE_${l.id}${suffix}`,
      refersTo: sheetReference(sheet, cellAddress(rows.lever(l.id), BASE_COL, true)),
    })),
    ...OUTPUTS.map((o) => ({
      name: `WHATIF_BASE_${o.id}${suffix}`,
      refersTo: sheetReference(sheet, cellAddress(rows.output(o.id), BASE_COL, true)),
    })),
  ];
  const planned: PlannedSheet = {
    name: sheet,
    role: "scenarios",
    blocks,
    columnWidths: [36, 30, ...columns.map(() => 15), 15, 15],
    conditionalFormats: [],
    colorScales: sensitivity.colorScales,
    charts: [scenarioChart, ...sensitivity.charts],
    freezeRows: 0,
  };
  return { sheets: [planned], names };
}

/** Rows of the simulation block: its heading, trials, seed and the four rows of its answer. */
const SIMULATION_ROWS = 7;

/**
 * Simulated revenue over the Worst, Base and Best values of its levers (low = the smallest of the
 * three, likely = Base, high = the largest), spilled as a label / value table.
 */
function simulationBlocks(
  row: number,
  options: { trials?: number; seed?: number },
  t: ScenarioStrings
): PlanBlock[] {
  const triangle = (id: LeverId) => {
    const r = SCENARIO_ROWS.lever(id);
    const three = [BASE_COL, BASE_COL + 1, BASE_COL + 2].map((c) => cellAddress(r, c)).join(",");
    return [`MIN(${three})`, cellAddress(r, BASE_COL), `MAX(${three})`];
  };
  const trials = cellAddress(row + 1, 1);
  const seed = cellAddress(row + 2, 1);
  const args = [
    ...triangle("OPEN_OPPORTUNITIES"),
    ...triangle("WIN_RATE"),
    ...triangle("AVG_DEAL_SIZE"),
    trials,
    seed,
  ];
  return [
    { row, col: 0, cells: [[{ value: t.simulation, style: "section" }]] },
    {
      row: row + 1,
      col: 0,
      cells: [
        [
          { value: t.trials, style: "label" },
          {
            value: Math.min(options.trials ?? 10_000, MAX_TRIALS),
            format: NUMBER_FORMATS.count,
            style: "input",
          },
        ],
        [
          { value: t.seed, style: "label" },
          { value: options.seed ?? 1, style: "input" },
        ],
      ],
    },
    {
      row: row + 3,
      col: 0,
      cells: [
        [
          {
            formula: `KPI.REVENUE_SIMULATION(${args.join(",")})`,
            format: NUMBER_FORMATS.money,
            spill: { rows: 4, cols: 2 },
          },
        ],
      ],
    },
  ];
}

/** A KPI sheet plan with the scenario sheet beside it, the scenarios' Base following the KPI sheet. */
export function withScenarioSheet(
  kpiPlan: SheetPlan,
  options: Omit<ScenarioSheetOptions, "kpi"> & { kpiNameSuffix?: string }
): SheetPlan {
  const scenarios = planScenarioSheet({
    ...options,
    kpi: { names: kpiPlan.names.map((n) => n.name), suffix: options.kpiNameSuffix ?? "" },
  });
  return {
    sheets: [...kpiPlan.sheets, ...scenarios.sheets],
    names: [...kpiPlan.names, ...scenarios.names],
  };
}

/**
 * The cells of one more named scenario at column `col` of an existing scenario sheet (the task pane's
 * "Reach a target" answer): header, levers (the ones it sets typed in, the others following Base),
 * outputs and change from Base, one block per part.
 */
export function planScenarioColumn(
  col: number,
  scenario: NamedScenario,
  options: { mode: FormulaMode; language?: Language }
): PlanBlock[] {
  const context: ColumnContext = {
    mode: options.mode,
    language: options.language ?? "en",
    links: new Map(),
    base: {},
  };
  const cells = scenarioColumnCells(col, { kind: "named", scenario }, context);
  const column = (row: number, part: PlanCell[]): PlanBlock => ({
    row,
    col,
    cells: part.map((cell) => [cell]),
  });
  return [
    column(SCENARIO_ROWS.leverHeader, cells.levers),
    column(SCENARIO_ROWS.outputHeader, cells.outputs),
    column(SCENARIO_ROWS.changeHeader, cells.changes),
  ];
}

/**
 * The first column right of Best and Worst whose cells are empty in every scenario block, given the
 * formulas of the area from the Base column's header to the last change row (as Range.formulas reads
 * them: "" for an empty cell).
 */
export function firstFreeScenarioColumn(area: unknown[][]): number {
  const width = Math.max(0, ...area.map((row) => row.length));
  for (let c = 3; c < width; c++) {
    if (area.every((row) => row[c] === "" || row[c] === null || row[c] === undefined))
      return BASE_COL + c;
  }
  return BASE_COL + Math.max(width, 3);
}

/**
 * Sensitivity blocks of the scenario sheet: a two-way grid of one output over two levers (each cell a
 * live formula, a colour scale over the grid) and a tornado of the output with each lever swung by the
 * sheet's swing. Every lever not varied reads the Base column, so both follow the KPI sheet too.
 */
import type { Language } from "../engine";
import {
  type LeverId,
  type LeverValues,
  type OutputId,
  computeOutputs,
  isError,
  leverOf,
  leversOf,
  outputLabel,
  outputOf,
} from "../engine";
import { fill } from "../i18n";
import { SENSITIVITY } from "../i18n/strings/scenario";
import { cellAddress, rangeAddress } from "./a1";
import {
  BASE_COL,
  SCENARIO_ROWS,
  baseLeverRef,
  leverFormat,
  movedLever,
  outputFormat,
  swungLever,
} from "./scenarioLayout";
import {
  NUMBER_FORMATS,
  type PlanBlock,
  type PlanCell,
  type PlanChart,
  type PlanColorScale,
} from "./types";
import { type FormulaMode, outputFormula } from "./whatIfFormulas";

export interface SensitivityOptions {
  /** The output of the grid and the tornado; expected revenue by default. */
  output?: OutputId;
  /** The lever down the grid's rows (win rate) and across its columns (average deal size). */
  rows?: LeverId;
  columns?: LeverId;
  /** Changes from Base of the grid's rows and columns: -20%, -10%, 0, +10%, +20% by default. */
  steps?: number[];
  /**
   * Lever values known when the sheet is planned (the deal KPIs): the tornado lists the levers by how
   * much they move the output at these values, largest first; in the model's order without them.
   */
  order?: LeverValues;
}

/** Red to green where higher is better, green to red where lower is. */
const SCALE = { low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" };

export interface SensitivityPlan {
  blocks: PlanBlock[];
  colorScales: PlanColorScale[];
  charts: PlanChart[];
}

/**
 * The sensitivity grid and the tornado, from `row` down.
 * @param row The first row (0-based) of the blocks, below the scenario blocks.
 */
export function planSensitivity(
  row: number,
  mode: FormulaMode,
  language: Language,
  options: SensitivityOptions,
  swing: number
): SensitivityPlan {
  const s = SENSITIVITY[language];
  const output = options.output ?? "EXPECTED_REVENUE";
  const rowLever = options.rows ?? "WIN_RATE";
  const colLever = options.columns ?? "AVG_DEAL_SIZE";
  if (rowLever === colLever) throw new Error("the sensitivity grid needs two different levers");
  const steps = options.steps ?? [-0.2, -0.1, 0, 0.1, 0.2];
  const label = (id: LeverId) => leverOf(id).label[language];
  const outputName = outputLabel(outputOf(output), language);
  const better = outputOf(output).better;
  const format = outputFormat(output);

  // The grid: steps across (row + 1) and down (column A), lever values beside them, outputs inside.
  const first = BASE_COL;
  const stepRow = row + 1;
  const valueRow = row + 2;
  const bodyRow = row + 3;
  const blocks: PlanBlock[] = [
    {
      row,
      col: 0,
      cells: [
        [
          {
            value: fill(
              s.grid,
              { output: outputName, rows: label(rowLever), columns: label(colLever) },
              language
            ),
            style: "section",
          },
        ],
      ],
    },
  ];
  blocks.push({
    row: stepRow,
    col: 0,
    cells: [
      [
        { value: fill(s.change, { lever: label(colLever) }, language), style: "label" },
        { value: label(colLever), style: "header" },
        ...steps.map((step): PlanCell => ({
          value: step,
          format: NUMBER_FORMATS.rate,
          style: "input",
        })),
      ],
      [
        { value: fill(s.change, { lever: label(rowLever) }, language), style: "header" },
        { value: label(rowLever), style: "header" },
        ...steps.map((_, j): PlanCell => ({
          formula: movedLever(
            colLever,
            baseLeverRef(colLever),
            `(1+${cellAddress(stepRow, first + j, true)})`
          ),
          format: leverFormat(colLever),
          style: "header",
        })),
      ],
      ...steps.map((step, i): PlanCell[] => {
        const r = bodyRow + i;
        // The row lever from column B of this row, the column lever from the value row of column j.
        const lever = (j: number) => (id: LeverId) =>
          id === rowLever
            ? cellAddress(r, 1, true)
            : id === colLever
              ? cellAddress(valueRow, first + j, true)
              : baseLeverRef(id);
        return [
          { value: step, format: NUMBER_FORMATS.rate, style: "input" },
          {
            formula: movedLever(rowLever, baseLeverRef(rowLever), `(1+${cellAddress(r, 0, true)})`),
            format: leverFormat(rowLever),
            style: "label",
          },
          ...steps.map((_, j): PlanCell => ({
            formula: outputFormula(output, mode, { lever: lever(j) }, language),
            format,
          })),
        ];
      }),
    ],
  });
  const gridRange = rangeAddress(
    bodyRow,
    first,
    bodyRow + steps.length - 1,
    first + steps.length - 1
  );
  const colorScales: PlanColorScale[] = [
    better === "higher"
      ? { range: gridRange, min: SCALE.low, mid: SCALE.mid, max: SCALE.high }
      : { range: gridRange, min: SCALE.high, mid: SCALE.mid, max: SCALE.low },
  ];

  const tornado = tornadoBlocks(bodyRow + steps.length + 1, output, mode, language, {
    order: options.order,
    swing,
  });
  return {
    blocks: [...blocks, ...tornado.blocks],
    colorScales,
    charts: [tornado.chart],
  };
}

/** The levers of an output, largest effect of the swing first when values are known. */
function tornadoOrder(output: OutputId, order: LeverValues | undefined, swing: number): LeverId[] {
  const levers = leversOf(output);
  if (!order) return levers;
  const spread = (id: LeverId): number => {
    const base = order[id];
    if (base === undefined) return -1;
    const at = (factor: number) => {
      const moved = leverOf(id).kind === "rate" ? Math.min(1, base * factor) : base * factor;
      return computeOutputs({ ...order, [id]: moved })[output];
    };
    const down = at(1 - swing);
    const up = at(1 + swing);
    return isError(down) || isError(up) ? -1 : Math.abs(up - down);
  };
  const spreads = new Map(levers.map((id) => [id, spread(id)]));
  return [...levers].sort((a, b) => spreads.get(b)! - spreads.get(a)!);
}

function tornadoBlocks(
  row: number,
  output: OutputId,
  mode: FormulaMode,
  language: Language,
  sort: { order?: LeverValues; swing: number }
): { blocks: PlanBlock[]; chart: PlanChart } {
  const s = SENSITIVITY[language];
  const title = fill(s.tornado, { output: outputLabel(outputOf(output), language) }, language);
  const levers = tornadoOrder(output, sort.order, sort.swing);
  const format = outputFormat(output);
  const baseOutput = cellAddress(SCENARIO_ROWS.output(output), BASE_COL, true);
  const first = row + 2;
  const body = levers.map((id, i): PlanCell[] => {
    const r = first + i;
    const at = (col: number): PlanCell => ({
      formula: outputFormula(
        output,
        mode,
        { lever: (lever) => (lever === id ? cellAddress(r, col, true) : baseLeverRef(lever)) },
        language
      ),
      format,
    });
    const change = (col: number): PlanCell => ({
      formula: `IF(AND(ISNUMBER(${cellAddress(r, col)}),ISNUMBER(${baseOutput})),${cellAddress(r, col)}-${baseOutput},"")`,
      format,
    });
    return [
      { value: leverOf(id).label[language], style: "label" },
      { formula: swungLever(id, baseLeverRef(id), false), format: leverFormat(id) },
      { formula: swungLever(id, baseLeverRef(id), true), format: leverFormat(id) },
      at(1),
      at(2),
      change(3),
      change(4),
    ];
  });
  const header = [s.lever, s.down, s.up, s.atDown, s.atUp, s.changeDown, s.changeUp].map(
    (value): PlanCell => ({ value, style: "header" })
  );
  const last = first + levers.length - 1;
  return {
    blocks: [
      { row, col: 0, cells: [[{ value: title, style: "section" }]] },
      { row: row + 1, col: 0, cells: [header, ...body] },
    ],
    chart: {
      kind: "bar",
      title,
      categories: rangeAddress(first, 0, last, 0),
      values: rangeAddress(first, 5, last, 6),
      seriesName: s.changeDown,
      moreSeriesNames: [s.changeUp],
      anchor: { row, col: 9, width: 8, height: Math.max(10, levers.length + 6) },
    },
  };
}

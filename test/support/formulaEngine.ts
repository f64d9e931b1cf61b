/**
 * A real formula engine (HyperFormula, GPL: tests and development tools only) that evaluates a
 * SheetPlan, with the KPI.* custom functions registered from the engine for live sheets.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import {
  type Arg,
  CATALOG,
  type Cell,
  type ErrorCode,
  KpiError,
  evaluateEntry,
} from "../../src/engine";
import type { PlannedSheet, SheetPlan } from "../../src/plan/types";
import { entryOf } from "../../src/writers/excel";

const TO_HF: Partial<Record<ErrorCode, ErrorType>> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};
const FROM_HF: Record<string, ErrorCode> = {
  DIV_BY_ZERO: "#DIV/0!",
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  NA: "#N/A",
  NAME: "#NAME?",
  REF: "#REF!",
};

/** A value inside HyperFormula as the engine reads a cell. */
function toCell(value: unknown): Cell {
  if (value instanceof CellError) {
    const message = value.message ?? "";
    return new KpiError(FROM_HF[value.type] ?? "#VALUE!", { en: message, tr: message });
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: number }).val;
  return null; // EmptyValue
}

function toArg(value: unknown): Arg {
  return value instanceof SimpleRangeValue
    ? value.data.map((row) => row.map(toCell))
    : toCell(value);
}

/** The KPI functions as a HyperFormula plugin: each one calls the engine's evaluate. */
class KpiPlugin extends FunctionPlugin {}
const implemented: Record<string, unknown> = {};
const translations: Record<string, string> = {};
for (const entry of CATALOG) {
  if (entry.unit === "table") continue; // HyperFormula has no dynamic arrays
  const name = `KPI.${entry.id}`;
  const method = `kpi_${entry.id}`;
  implemented[name] = {
    method,
    parameters: entry.params.map((param) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: Boolean(param.optional),
    })),
    vectorizationForbidden: true,
  };
  translations[name] = name;
  (KpiPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
    ast: { args: unknown[] },
    state: unknown
  ) {
    const plugin = this as unknown as {
      runFunction: (
        args: unknown,
        state: unknown,
        metadata: unknown,
        fn: (...args: unknown[]) => unknown
      ) => unknown;
      metadata: (name: string) => unknown;
    };
    return plugin.runFunction(ast.args, state, plugin.metadata(name), (...args: unknown[]) => {
      const result = evaluateEntry(entry, args.map(toArg));
      if (result instanceof KpiError)
        return new CellError(TO_HF[result.code] ?? ErrorType.VALUE, result.message);
      return Array.isArray(result)
        ? new CellError(ErrorType.VALUE, "arrays are not supported here")
        : result;
    });
  };
}
(KpiPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
HyperFormula.registerFunctionPlugin(
  KpiPlugin as never,
  { enGB: translations, enUS: translations } as never
);

/** A planned sheet as rows of constants and "=..." formulas, its holes filled with blanks. */
export function sheetCells(planned: PlannedSheet): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const block of planned.blocks) {
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        grid[block.row + r] ??= [];
        grid[block.row + r][block.col + c] =
          cell.formula !== undefined
            ? `=${cell.formula}`
            : cell.value === null || cell.value === undefined
              ? null
              : entryOf(cell.value);
      })
    );
  }
  let width = 0;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0); // grid has holes
  return Array.from({ length: grid.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null)
  );
}

export interface EvaluatedPlan {
  hf: HyperFormula;
  /** The value of a workbook-level defined name, as the engine would read it. */
  name(name: string): Cell;
  /** The value of a cell (0-based) on a sheet. */
  cell(sheet: string, row: number, col: number): Cell;
}

/** Formulas that give each error value, for error cells of the data. */
const ERROR_FORMULAS: Partial<Record<ErrorCode, string>> = {
  "#N/A": "=NA()",
  "#DIV/0!": "=1/0",
  "#VALUE!": '="a"+1',
  "#NUM!": "=SQRT(-1)",
};

/**
 * A data cell as a workbook holds it: text stays text (HyperFormula would read "1,250" or "#N/A" typed
 * in as a number or an error; a file's string cell never is), an error value is that error.
 */
function dataCell(cell: RawCellContent | KpiError): RawCellContent {
  if (cell instanceof KpiError) return ERROR_FORMULAS[cell.code] ?? "=NA()";
  if (typeof cell === "string" && !cell.startsWith("=")) return `'${cell}`;
  return cell;
}

/**
 * Evaluates a plan with the given data sheets beside it.
 * @param dataSheets Sheets holding the data the plan's names refer to, by name: values as cells hold
 *   them (text is text, KpiError an error cell) or formulas ("=...").
 */
export function evaluatePlan(
  plan: SheetPlan,
  dataSheets: Record<string, (RawCellContent | KpiError)[][]>
): EvaluatedPlan {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const [name, rows] of Object.entries(dataSheets))
    sheets[name] = rows.map((row) => row.map(dataCell));
  for (const planned of plan.sheets) sheets[planned.name] = sheetCells(planned);
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    maxRows: 1_100_000,
  });
  hf.suspendEvaluation();
  for (const named of plan.names) hf.addNamedExpression(named.name, `=${named.refersTo}`);
  hf.resumeEvaluation();
  const sheetId = (name: string) => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  return {
    hf,
    name: (name) => toCell(hf.getNamedExpressionValue(name)),
    cell: (sheet, row, col) => toCell(hf.getCellValue({ sheet: sheetId(sheet), row, col })),
  };
}

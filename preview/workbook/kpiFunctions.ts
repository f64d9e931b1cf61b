/**
 * The custom functions of the built add-in inside HyperFormula: a stand-in for Excel's CustomFunctions
 * runtime records what dist/functions.js associates, and a HyperFormula plugin calls those very
 * functions as Excel would (every argument a 2-D array, null for an omitted one, an invocation object
 * last), so the preview runs the code that ships, not a copy of the engine.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import {
  CALL_PAYLOAD_LIMIT,
  jsonGridBytes,
  jsonValueBytes,
} from "../../src/tools/customFunctionPayload";
import { type CustomFunction, CustomFunctionError } from "./customFunctionsRuntime";

export { CustomFunctionError, ERROR_CODE, createCustomFunctions } from "./customFunctionsRuntime";

/** The part of functions.json the preview reads. */
export interface FunctionsMetadata {
  /**
   * Whether error cells reach parameters of type any (custom-functions-json, "allowErrorForDataTypeAny",
   * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json): a property of the
   * whole file. The preview also reads it on a function or its options, wherever the generator puts it.
   */
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    parameters: { name: string; optional?: boolean; dimensionality?: string; type?: string }[];
    result?: { dimensionality?: string };
    allowErrorForDataTypeAny?: boolean;
    options?: { allowErrorForDataTypeAny?: boolean };
  }[];
}

/**
 * The bytes Excel marshals into one call: the JSON of the list of its arguments, each a 2-D array
 * (the serialization rules of src/tools/customFunctionPayload.ts, whose helpers count each cell and
 * grid; an error cell counts as the object the function receives, {"code":"#N/A"}).
 */
export function callPayloadBytes(args: unknown[]): number {
  const cellBytes = (cell: unknown): number =>
    jsonValueBytes(
      cell instanceof CustomFunctionError
        ? { code: cell.code }
        : (cell as string | number | boolean | null | undefined)
    );
  let bytes = 2 + Math.max(0, args.length - 1); // [ ] and the commas between arguments
  for (const arg of args) {
    const grid = Array.isArray(arg) ? (arg as unknown[][]) : [[arg]];
    const cols = grid.reduce((widest, row) => Math.max(widest, row.length), 1);
    let cells = 0;
    for (const row of grid) for (const cell of row) cells += cellBytes(cell);
    bytes += jsonGridBytes(grid.length, cols, cells);
  }
  return bytes;
}

/** The first error value in the arguments (row by row, argument by argument), if any. */
function firstError(args: unknown[]): CustomFunctionError | undefined {
  for (const arg of args) {
    if (arg instanceof CustomFunctionError) return arg;
    if (!Array.isArray(arg)) continue;
    for (const row of arg as unknown[][])
      for (const cell of row) if (cell instanceof CustomFunctionError) return cell;
  }
  return undefined;
}

const TO_HF: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

const FROM_HF: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
};

/** The rows and columns of a formula's result. */
export interface Size {
  rows: number;
  cols: number;
}

/**
 * Result sizes of custom-function formulas, per HyperFormula instance (keyed by its dependency graph)
 * and cell: the size HyperFormula was told before evaluating, and the size the function gave. A
 * formula's size must be known before it is evaluated, but a custom function's is only known after,
 * so the evaluator re-enters a formula whose sizes differ (see Evaluator.settle); the prediction then
 * reads the size recorded here, and the result spills as in Excel.
 */
export const spillSizes = new WeakMap<object, Map<string, { predicted?: Size; actual?: Size }>>();

/** The sizes recorded for one HyperFormula instance. */
export function sizesOf(graph: object): Map<string, { predicted?: Size; actual?: Size }> {
  let sizes = spillSizes.get(graph);
  if (!sizes) spillSizes.set(graph, (sizes = new Map()));
  return sizes;
}

/** The key of a formula's cell in spillSizes. */
export function cellKey(sheet: number, row: number, col: number): string {
  return `${sheet}:${row}:${col}`;
}

/** A HyperFormula value as Excel hands a cell to a custom function. */
function toExcelCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError)
    return new CustomFunctionError(FROM_HF[value.type] ?? "#VALUE!", value.message || undefined);
  if (typeof value === "object" && "val" in value) return (value as { val: number }).val; // dates
  return value;
}

function toExcelArg(value: unknown, matrix: boolean): unknown {
  if (value instanceof SimpleRangeValue) {
    const grid = value.data.map((row) => row.map(toExcelCell));
    if (matrix) return grid;
    return grid.length === 1 && grid[0].length === 1
      ? grid[0][0]
      : new CustomFunctionError("#VALUE!", "a range where one value is expected");
  }
  const cell = toExcelCell(value);
  return matrix ? [[cell]] : cell;
}

function toHfCell(value: unknown): unknown {
  if (value instanceof CustomFunctionError)
    return new CellError(TO_HF[value.code] ?? ErrorType.VALUE, value.message);
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number")
    return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, "not a finite number");
  if (typeof value === "string" || typeof value === "boolean") return value;
  return new CellError(ErrorType.VALUE, `the function returned ${typeof value}`);
}

/** The members of a plugin instance the methods use (evaluateAst is protected in the typings). */
type Plugin = {
  dependencyGraph: object;
  evaluateAst(ast: unknown, state: unknown): unknown;
};
type ProcedureAst = { args: { type: string }[] };
type State = { formulaAddress: { sheet: number; row: number; col: number } };

/**
 * Registers a HyperFormula plugin with one function per associated id found in the metadata, named
 * `${namespace}.${name}`. Call it before building the HyperFormula instance.
 * @returns The formula names registered.
 */
export function registerCustomFunctions(
  metadata: FunctionsMetadata,
  associations: Map<string, CustomFunction>,
  namespace = "KPI"
): string[] {
  // HyperFormula's plugins are global: registering again (another test, another language) replaces
  // the functions rather than adding a second plugin with the same names.
  for (const registered of HyperFormula.getRegisteredFunctionNames("enGB"))
    if (registered.startsWith(`${namespace}.`.toUpperCase()))
      HyperFormula.unregisterFunction(registered);
  class CustomFunctionsPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  const prototype = CustomFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  for (const meta of metadata.functions) {
    const fn = associations.get(meta.id.toUpperCase());
    if (!fn) continue; // Excel would show #NAME? for a function the script never associated
    const formulaName = `${namespace}.${meta.name}`.toUpperCase();
    const method = `custom_${meta.id}`;
    const matrix = meta.parameters.map((p) => p.dimensionality === "matrix");
    // Error cells reach a parameter only with allowErrorForDataTypeAny and only when it is of type
    // any ("Errors as custom function inputs",
    // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors). Without it
    // Excel does not call the function and the cell shows the error; which error, when several, is
    // not documented: the preview takes the first, row by row, argument by argument.
    const allowErrors =
      (meta.allowErrorForDataTypeAny ??
        meta.options?.allowErrorForDataTypeAny ??
        metadata.allowErrorForDataTypeAny) === true;
    const errorsReach = meta.parameters.map((p) => allowErrors && (p.type ?? "any") === "any");
    implemented[formulaName] = {
      method,
      sizeOfResultArrayMethod: `${method}_size`,
      // Arguments are evaluated by the method itself, so HyperFormula's coercions never apply.
      parameters: meta.parameters.map(() => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: true,
      })),
      vectorizationForbidden: true,
    };
    translations[formulaName] = formulaName;
    prototype[method] = function (this: Plugin, ast: ProcedureAst, state: State) {
      const { sheet, row, col } = state.formulaAddress;
      const record = (rows: number, cols: number) => {
        const sizes = sizesOf(this.dependencyGraph);
        const key = cellKey(sheet, row, col);
        sizes.set(key, { ...sizes.get(key), actual: { rows, cols } });
      };
      if (ast.args.length > meta.parameters.length) {
        record(1, 1);
        return new CellError(
          ErrorType.NA,
          `${formulaName} takes ${meta.parameters.length} arguments`
        );
      }
      const args = meta.parameters.map((_, i) => {
        const arg = ast.args[i];
        if (!arg || arg.type === "EMPTY") return null; // Excel passes null for an omitted argument
        return toExcelArg(this.evaluateAst(arg, state), matrix[i]);
      });
      const withheld = firstError(args.filter((_, i) => !errorsReach[i]));
      if (withheld) {
        record(1, 1);
        return new CellError(
          TO_HF[withheld.code] ?? ErrorType.VALUE,
          `${withheld.message ? `${withheld.message} ` : ""}(Excel passes the error on without calling ${formulaName}: its metadata lacks allowErrorForDataTypeAny.)`
        );
      }
      // Excel caps the payload of one custom-function call at 5 MB and does not run a call past it
      // (office-js#4654, https://github.com/OfficeDev/office-js/issues/4654: "Excel limits
      // custom-function payloads to 5 MB ... at scale that exceeds 5 MB and the function fails to
      // run"). What the cell then shows is not documented: reports there describe cells that look
      // as if they were calculating forever (#BUSY!). The preview settles on #VALUE! with a message,
      // so that a test and a person see the refusal at once.
      const payload = callPayloadBytes(args);
      if (payload > CALL_PAYLOAD_LIMIT) {
        record(1, 1);
        return new CellError(
          ErrorType.VALUE,
          `The arguments of ${formulaName} make ${payload} bytes, over the 5 MB Excel passes to one custom-function call; give it less data (an aggregate, or fewer rows).`
        );
      }
      let result: unknown;
      try {
        result = fn(...args, { address: "", functionName: formulaName });
      } catch (error) {
        record(1, 1);
        return new CellError(ErrorType.VALUE, `${formulaName} threw: ${String(error)}`);
      }
      if (result instanceof Promise) {
        record(1, 1);
        return new CellError(ErrorType.VALUE, "asynchronous functions are not simulated");
      }
      if (!Array.isArray(result)) {
        record(1, 1);
        return toHfCell(result);
      }
      const rows = result.map((line) => (Array.isArray(line) ? line : [line]));
      const width = Math.max(1, ...rows.map((line) => line.length));
      record(Math.max(1, rows.length), width);
      if (rows.length === 1 && width === 1) return toHfCell(rows[0][0]);
      return SimpleRangeValue.onlyValues(
        rows.map((line) =>
          Array.from({ length: width }, (_, c) => toHfCell(line[c] ?? null))
        ) as never
      );
    };
    prototype[`${method}_size`] = function (this: Plugin, _ast: unknown, state: State) {
      const { sheet, row, col } = state.formulaAddress;
      const sizes = sizesOf(this.dependencyGraph);
      const key = cellKey(sheet, row, col);
      const size = sizes.get(key)?.actual ?? { rows: 1, cols: 1 };
      sizes.set(key, { ...sizes.get(key), predicted: size });
      return new ArraySize(size.cols, size.rows);
    };
  }
  (CustomFunctionsPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions =
    implemented;
  // Dotted names only resolve with translations (without them HyperFormula answers #NAME?).
  HyperFormula.registerFunctionPlugin(
    CustomFunctionsPlugin as never,
    { enGB: translations, enUS: translations } as never
  );
  return Object.keys(implemented);
}

/**
 * What Excel marshals into the custom-function calls of a plan on each recalculation: every `KPI.*`
 * call in every formula, each argument resolved to the cells it covers, and the bytes of the JSON its
 * values make. Pure: the data's values (or a typical width per column) come in as arguments.
 *
 * Why it matters: Excel caps the payload of one custom-function call at 5 MB and fails the call past
 * it (office-js#4654, https://github.com/OfficeDev/office-js/issues/4654), so a call given whole data
 * columns stops working once the data is large enough.
 *
 * How Excel serializes the arguments (the assumptions this estimate rests on):
 * - A range reaches a custom function as a 2-D array of values, rows of cells
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options, "Range
 *   parameters"). Every parameter of this add-in is `any` with matrix dimensionality
 *   (src/tools/metadata.ts), so a single value arrives as a 1 x 1 array too. The payload is counted
 *   as the JSON of the list of the call's arguments, `[[[...]],[[...]]]`; the envelope Excel adds
 *   (function id, invocation, address) is not counted, being the same whatever the data.
 * - Numbers as JSON numbers, in JavaScript's shortest round-trip form (dates are serial numbers, as
 *   Excel stores them); text as JSON strings, counted in UTF-8 bytes; booleans as `true` / `false`.
 * - An empty cell as `null`: Excel on the web passes null, and Excel on the desktop passed 0 before a
 *   fix (office-js#4702, https://github.com/OfficeDev/office-js/issues/4702, and #5262,
 *   https://github.com/OfficeDev/office-js/issues/5262); null, the longer, is counted. An argument
 *   left empty (`KPI.X(1,,2)`) is null as well, as Excel passes an omitted optional parameter
 *   (custom-functions-parameter-options, "Optional parameters").
 * - An error value, which reaches the function only with `allowErrorForDataTypeAny`
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), as the JSON of
 *   the object the function receives, `{"code":"#N/A"}`: the wire form is not documented.
 * - A formula cell's value is not known before Excel computes it: it counts as `formulaResultBytes`
 *   (18 by default, the JSON of a full-precision fraction such as 0.3333333333333333).
 * - An argument that is an expression rather than a reference or a literal is computed by Excel first;
 *   its shape is estimated as Excel's array evaluation gives it (an aggregate such as SUM or SUMIFS
 *   gives one value, element-wise operators and functions the largest shape of their operands), each
 *   element counted as a formula result.
 * - Every call counts once per recalculation, the one inside an IF branch too: an upper bound.
 */
import { columnIndex, columnLetters } from "../plan/a1";
import type { PlanCell, SheetPlan } from "../plan/types";

/** The payload Excel accepts in one custom-function call (office-js#4654): 5 MB. */
export const CALL_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Bytes of a formula result whose value is not given: the JSON of 0.3333333333333333. */
export const FORMULA_RESULT_BYTES = 18;

/** Excel's grid: the last row and column (1,048,576 rows, XFD columns). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** "null", an empty cell. */
const BLANK_BYTES = 4;

/** Cell values of a data grid as Excel holds them: null (or undefined) is an empty cell. */
export type GridValue = string | number | boolean | null | undefined | { code: string };

/** Actual values of part of a sheet: `values[0][0]` is the cell at (row, col), both 0-based. */
export interface ValueGrid {
  sheet: string;
  row: number;
  col: number;
  values: readonly (readonly GridValue[])[];
}

/** Rows of a sheet whose cells are counted at a typical width per column, not one by one. */
export interface TypicalColumns {
  sheet: string;
  /** First and last rows, 0-based, inclusive. */
  firstRow: number;
  lastRow: number;
  /** Bytes of one cell's JSON, by 0-based column; a column not listed is empty. */
  columnBytes: Readonly<Record<number, number>>;
}

/** An Excel table, for structured references (CrmDeals[Amount]). */
export interface TableLayout {
  name: string;
  sheet: string;
  /** Its header row and first column, 0-based. */
  headerRow: number;
  col: number;
  /** Column names, in order. */
  columns: readonly string[];
  /** Data rows below the header. */
  rows: number;
}

/** What the plan's formulas refer to outside the plan's own cells. */
export interface PayloadData {
  /** Sources must not overlap; a cell of a listed sheet that none covers is empty. */
  grids?: ValueGrid[];
  typical?: TypicalColumns[];
  tables?: TableLayout[];
  /** Bytes of a formula cell's result; FORMULA_RESULT_BYTES when not given. */
  formulaResultBytes?: number;
}

export interface ArgumentPayload {
  /** The argument as written. */
  text: string;
  kind: "reference" | "literal" | "computed" | "omitted";
  rows: number;
  cols: number;
  /** Bytes of its JSON (a 2-D array). */
  bytes: number;
}

export interface CallPayload {
  sheet: string;
  /** The cell holding the formula (A1). */
  cell: string;
  /** The function as written, such as KPI.DEAL_KPI. */
  fn: string;
  args: ArgumentPayload[];
  /** Bytes of the JSON of the argument list. */
  bytes: number;
}

export interface PlanPayload {
  calls: CallPayload[];
  totalBytes: number;
  /** The call with the most bytes; null when the plan calls no KPI.* function. */
  largest: CallPayload | null;
}

// ---------------------------------------------------------------------------------------------
// JSON sizes

/** UTF-8 bytes of a string. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of one value's JSON, as Excel serializes a cell (see the assumptions above). */
export function jsonValueBytes(value: GridValue): number {
  if (value === null || value === undefined) return BLANK_BYTES;
  if (typeof value === "number") return JSON.stringify(value).length;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value === "string") return utf8Bytes(JSON.stringify(value));
  return utf8Bytes(JSON.stringify({ code: value.code }));
}

/** Bytes of the JSON of a rows x cols array whose cells' JSON make `cellBytes` in all. */
export function jsonGridBytes(rows: number, cols: number, cellBytes: number): number {
  // [ + rows of [cells joined by ,] joined by , + ]
  return 2 + rows * 2 + (rows - 1) + rows * (cols - 1) + cellBytes;
}

// ---------------------------------------------------------------------------------------------
// Formulas

type Node = { start: number; end: number } & (
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "array"; rows: Node[][] }
  | { kind: "ref"; sheet?: string; rect: Rect }
  | { kind: "structured"; table: string; spec: string }
  | { kind: "name"; name: string; sheet?: string }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "missing" }
  | { kind: "unary"; op: string; operand: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "paren"; inner: Node }
);

/** A rectangle of cells, 0-based and inclusive. */
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Token = { start: number; end: number } & (
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "error"; code: string }
  | { kind: "ref"; sheet?: string; rect: Rect }
  | { kind: "structured"; table: string; spec: string }
  | { kind: "ident"; name: string; sheet?: string }
  | { kind: "function"; name: string }
  | { kind: "op"; op: string }
);

const ERROR_LITERAL =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const CELL = "\\$?([A-Za-z]{1,3})\\$?(\\d+)";
/** A cell or a range of cells, not followed by what would make it part of a name or a call. */
const CELL_RANGE = new RegExp(`^${CELL}(?::${CELL})?(?![\\w.(!\\[\\\\?])`);
const COLUMN_RANGE = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w.(!\\[?])/;
const ROW_RANGE = /^\$?(\d+):\$?(\d+)(?![\w.(!])/;
const IDENT = /^[A-Za-z_\\][\w.\\?]*/;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":"];

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** The reference part after an optional sheet: a cell, a range, whole columns or whole rows. */
function matchReference(rest: string): { length: number; rect: Rect } | null {
  const cells = CELL_RANGE.exec(rest);
  if (cells) {
    const left = columnIndex(cells[1]);
    const top = Number(cells[2]) - 1;
    const right = cells[3] ? columnIndex(cells[3]) : left;
    const bottom = cells[4] ? Number(cells[4]) - 1 : top;
    if (Math.max(left, right) <= MAX_COL && Math.max(top, bottom) <= MAX_ROW && top >= 0) {
      const [l, r] = ordered(left, right);
      const [t, b] = ordered(top, bottom);
      return { length: cells[0].length, rect: { top: t, left: l, bottom: b, right: r } };
    }
  }
  const columns = COLUMN_RANGE.exec(rest);
  if (columns) {
    const [l, r] = ordered(columnIndex(columns[1]), columnIndex(columns[2]));
    if (r <= MAX_COL)
      return { length: columns[0].length, rect: { top: 0, left: l, bottom: MAX_ROW, right: r } };
  }
  const rows = ROW_RANGE.exec(rest);
  if (rows) {
    const [t, b] = ordered(Number(rows[1]) - 1, Number(rows[2]) - 1);
    if (t >= 0 && b <= MAX_ROW)
      return { length: rows[0].length, rect: { top: t, left: 0, bottom: b, right: MAX_COL } };
  }
  return null;
}

/** The end (exclusive) of a structured reference's brackets opening at `open`, ' escaping. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") i++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i + 1;
  }
  throw new Error(`unclosed [ at ${open} in ${text}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i);
    const start = i;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error(`unclosed string at ${i} in ${text}`);
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      i = j + 1;
      tokens.push({ kind: "string", value, start, end: i });
      continue;
    }
    if (c === "'") {
      // A quoted sheet name, quotes doubled, then ! and a reference.
      let sheet = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error(`unclosed sheet name at ${i} in ${text}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            sheet += "'";
            j += 2;
            continue;
          }
          break;
        }
        sheet += text[j++];
      }
      if (text[j + 1] !== "!") throw new Error(`a quoted sheet name without ! at ${i} in ${text}`);
      const token = afterSheet(text, sheet, start, j + 2);
      tokens.push(token);
      i = token.end;
      continue;
    }
    const error = ERROR_LITERAL.exec(rest);
    if (error) {
      i += error[0].length;
      tokens.push({ kind: "error", code: error[0].toUpperCase(), start, end: i });
      continue;
    }
    if (/[\d.$A-Za-z_\\]/.test(c)) {
      const reference = matchReference(rest);
      if (reference) {
        i += reference.length;
        tokens.push({ kind: "ref", rect: reference.rect, start, end: i });
        continue;
      }
      const number = NUMBER.exec(rest);
      if (number) {
        i += number[0].length;
        tokens.push({ kind: "number", value: Number(number[0]), start, end: i });
        continue;
      }
      const ident = IDENT.exec(rest);
      if (ident) {
        i += ident[0].length;
        const next = text[i];
        if (next === "!") {
          const token = afterSheet(text, ident[0], start, i + 1);
          tokens.push(token);
          i = token.end;
        } else if (next === "(") {
          tokens.push({ kind: "function", name: ident[0], start, end: i });
        } else if (next === "[") {
          const end = closingBracket(text, i);
          tokens.push({
            kind: "structured",
            table: ident[0],
            spec: text.slice(i + 1, end - 1),
            start,
            end,
          });
          i = end;
        } else tokens.push({ kind: "ident", name: ident[0], start, end: i });
        continue;
      }
    }
    const op = "(),{};".includes(c) ? c : OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw new Error(`unexpected ${JSON.stringify(c)} at ${i} in ${text}`);
    i += op.length;
    tokens.push({ kind: "op", op, start, end: i });
  }
  return tokens;
}

/** A reference or a name after `sheet!`, which ends just before `at`. */
function afterSheet(text: string, sheet: string, start: number, at: number): Token {
  const rest = text.slice(at);
  const reference = matchReference(rest);
  if (reference)
    return { kind: "ref", sheet, rect: reference.rect, start, end: at + reference.length };
  const ident = IDENT.exec(rest);
  if (!ident) throw new Error(`no reference after ${sheet}! in ${text}`);
  return { kind: "ident", name: ident[0], sheet, start, end: at + ident[0].length };
}

/** Binary operators by precedence, lowest first; `:` (range) binds tightest. */
const LEVELS = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

class Parser {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[]
  ) {}

  parse(): Node {
    const node = this.expression(0);
    if (this.at < this.tokens.length)
      throw new Error(`unexpected ${this.describe()} in ${this.text}`);
    return node;
  }

  private describe(): string {
    const token = this.tokens[this.at];
    return token ? JSON.stringify(this.text.slice(token.start, token.end)) : "end";
  }

  private peekOp(): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === "op" ? token.op : undefined;
  }

  private expect(op: string): Token {
    if (this.peekOp() !== op)
      throw new Error(`expected ${op}, got ${this.describe()} in ${this.text}`);
    return this.tokens[this.at++];
  }

  private expression(level: number): Node {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (let op = this.peekOp(); op && LEVELS[level].includes(op); op = this.peekOp()) {
      this.at++;
      const right = this.expression(level + 1);
      left = { kind: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): Node {
    const op = this.peekOp();
    if (op === "-" || op === "+") {
      const start = this.tokens[this.at++].start;
      const operand = this.unary();
      return { kind: "unary", op, operand, start, end: operand.end };
    }
    let node = this.range();
    while (this.peekOp() === "%") {
      const end = this.tokens[this.at++].end;
      node = { kind: "unary", op: "%", operand: node, start: node.start, end };
    }
    return node;
  }

  private range(): Node {
    let left = this.primary();
    while (this.peekOp() === ":") {
      this.at++;
      const right = this.primary();
      left = { kind: "binary", op: ":", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private primary(): Node {
    const token = this.tokens[this.at];
    if (!token) throw new Error(`unexpected end of ${this.text}`);
    const { start, end } = token;
    switch (token.kind) {
      case "number":
      case "string":
      case "error":
      case "ref":
      case "structured":
        this.at++;
        return token;
      case "ident": {
        this.at++;
        const upper = token.name.toUpperCase();
        if (!token.sheet && (upper === "TRUE" || upper === "FALSE"))
          return { kind: "boolean", value: upper === "TRUE", start, end };
        return { kind: "name", name: token.name, sheet: token.sheet, start, end };
      }
      case "function": {
        this.at++;
        this.expect("(");
        const args: Node[] = [];
        if (this.peekOp() === ")") {
          const close = this.tokens[this.at++];
          return { kind: "call", name: token.name, args, start, end: close.end };
        }
        for (;;) {
          const op = this.peekOp();
          if (op === "," || op === ")") {
            const at = this.tokens[this.at].start;
            args.push({ kind: "missing", start: at, end: at });
          } else args.push(this.expression(0));
          if (this.peekOp() === ",") {
            this.at++;
            continue;
          }
          const close = this.expect(")");
          return { kind: "call", name: token.name, args, start, end: close.end };
        }
      }
      case "op":
        if (token.op === "(") {
          this.at++;
          const inner = this.expression(0);
          const close = this.expect(")");
          return { kind: "paren", inner, start, end: close.end };
        }
        if (token.op === "{") {
          this.at++;
          const rows: Node[][] = [[]];
          for (;;) {
            rows[rows.length - 1].push(this.unary());
            const op = this.peekOp();
            this.at++;
            if (op === ",") continue;
            if (op === ";") {
              rows.push([]);
              continue;
            }
            if (op === "}")
              return { kind: "array", rows, start, end: this.tokens[this.at - 1].end };
            throw new Error(`unexpected ${op ?? "end"} in an array constant of ${this.text}`);
          }
        }
    }
    throw new Error(`unexpected ${this.describe()} in ${this.text}`);
  }
}

/** The syntax tree of a formula (with or without its leading =). */
function parseFormula(formula: string): { text: string; node: Node } {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  return { text, node: new Parser(text, tokenize(text)).parse() };
}

/** Every call of a function in the formula, outermost first: its name and its arguments as written. */
export function formulaCalls(formula: string): { fn: string; args: string[] }[] {
  const { text, node } = parseFormula(formula);
  return callsIn(node).map((call) => ({
    fn: call.name,
    args: call.args.map((arg) => text.slice(arg.start, arg.end)),
  }));
}

function callsIn(node: Node): (Node & { kind: "call" })[] {
  const found: (Node & { kind: "call" })[] = [];
  const visit = (n: Node): void => {
    switch (n.kind) {
      case "call":
        found.push(n);
        n.args.forEach(visit);
        break;
      case "array":
        n.rows.flat().forEach(visit);
        break;
      case "unary":
        visit(n.operand);
        break;
      case "binary":
        visit(n.left);
        visit(n.right);
        break;
      case "paren":
        visit(n.inner);
        break;
    }
  };
  visit(node);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** The bytes of the cells of a rectangle, and how many of its cells that accounts for. */
type CellSource = (rect: Rect) => { bytes: number; cells: number };

function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

const cellCount = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function gridSource(grid: ValueGrid): CellSource {
  const height = grid.values.length;
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  const area = {
    top: grid.row,
    left: grid.col,
    bottom: grid.row + height - 1,
    right: grid.col + width - 1,
  };
  return (rect) => {
    const within = height && width ? intersect(rect, area) : null;
    if (!within) return { bytes: 0, cells: 0 };
    let bytes = 0;
    for (let r = within.top; r <= within.bottom; r++) {
      const row = grid.values[r - grid.row];
      for (let c = within.left; c <= within.right; c++) bytes += jsonValueBytes(row[c - grid.col]);
    }
    return { bytes, cells: cellCount(within) };
  };
}

function typicalSource(typical: TypicalColumns): CellSource {
  return (rect) => {
    const rows = Math.min(rect.bottom, typical.lastRow) - Math.max(rect.top, typical.firstRow) + 1;
    if (rows <= 0) return { bytes: 0, cells: 0 };
    let perRow = 0;
    let cols = 0;
    for (const [key, width] of Object.entries(typical.columnBytes)) {
      const col = Number(key);
      if (col >= rect.left && col <= rect.right) {
        perRow += width;
        cols++;
      }
    }
    return { bytes: rows * perRow, cells: rows * cols };
  };
}

/** The plan's own cells: constants as written, formulas (and what they spill into) as results. */
function planSource(cells: Map<number, Map<number, number>>): CellSource {
  return (rect) => {
    let bytes = 0;
    let count = 0;
    for (const [row, byCol] of cells) {
      if (row < rect.top || row > rect.bottom) continue;
      for (const [col, size] of byCol) {
        if (col < rect.left || col > rect.right) continue;
        bytes += size;
        count++;
      }
    }
    return { bytes, cells: count };
  };
}

function planCellBytes(cell: PlanCell, resultBytes: number): number {
  return cell.formula !== undefined ? resultBytes : jsonValueBytes(cell.value);
}

// ---------------------------------------------------------------------------------------------
// Arguments

/** Functions that answer one value however large their arguments (given single criteria). */
const AGGREGATES = new Set([
  "SUM",
  "SUMPRODUCT",
  "SUMSQ",
  "PRODUCT",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "AVERAGE",
  "AVERAGEA",
  "MIN",
  "MAX",
  "MINA",
  "MAXA",
  "MEDIAN",
  "MODE",
  "STDEV",
  "STDEV.S",
  "STDEV.P",
  "VAR",
  "VAR.S",
  "VAR.P",
  "ROWS",
  "COLUMNS",
  "AND",
  "OR",
  "XOR",
  "CONCAT",
  "TEXTJOIN",
  "INDEX",
  "NPV",
  "IRR",
]);

/** Functions with criteria: their answer has the shape of their criteria (indexes of arguments). */
const CRITERIA: Record<string, (index: number) => boolean> = {
  SUMIFS: (i) => i >= 2 && i % 2 === 0,
  AVERAGEIFS: (i) => i >= 2 && i % 2 === 0,
  MAXIFS: (i) => i >= 2 && i % 2 === 0,
  MINIFS: (i) => i >= 2 && i % 2 === 0,
  COUNTIFS: (i) => i % 2 === 1,
  SUMIF: (i) => i === 1,
  AVERAGEIF: (i) => i === 1,
  COUNTIF: (i) => i === 1,
};

/** Lookups: one answer per value looked up (their first argument). */
const LOOKUPS = new Set(["VLOOKUP", "HLOOKUP", "MATCH", "XMATCH", "LOOKUP"]);

interface Shape {
  rows: number;
  cols: number;
}

const ONE: Shape = { rows: 1, cols: 1 };
const widest = (shapes: Shape[]): Shape =>
  shapes.reduce(
    (a, b) => ({ rows: Math.max(a.rows, b.rows), cols: Math.max(a.cols, b.cols) }),
    ONE
  );

/** Estimates, for one formula's sheet, the payload of each custom-function call. */
class Marshaller {
  private readonly sources = new Map<string, CellSource[]>();
  private readonly names = new Map<string, string>();
  private readonly tables = new Map<string, TableLayout>();
  private readonly resultBytes: number;

  constructor(plan: SheetPlan, data: PayloadData) {
    this.resultBytes = data.formulaResultBytes ?? FORMULA_RESULT_BYTES;
    const add = (sheet: string, source: CellSource) => {
      const key = sheet.toUpperCase();
      this.sources.set(key, [...(this.sources.get(key) ?? []), source]);
    };
    for (const grid of data.grids ?? []) add(grid.sheet, gridSource(grid));
    for (const typical of data.typical ?? []) add(typical.sheet, typicalSource(typical));
    for (const sheet of plan.sheets) {
      const cells = new Map<number, Map<number, number>>();
      const put = (row: number, col: number, bytes: number) => {
        const byCol = cells.get(row) ?? new Map<number, number>();
        byCol.set(col, bytes);
        cells.set(row, byCol);
      };
      for (const block of sheet.blocks) {
        block.cells.forEach((line, r) =>
          line.forEach((cell, c) => {
            const row = block.row + r;
            const col = block.col + c;
            for (let sr = 0; sr < (cell.spill?.rows ?? 1); sr++)
              for (let sc = 0; sc < (cell.spill?.cols ?? 1); sc++)
                put(
                  row + sr,
                  col + sc,
                  sr || sc ? this.resultBytes : planCellBytes(cell, this.resultBytes)
                );
          })
        );
      }
      add(sheet.name, planSource(cells));
    }
    for (const named of plan.names) this.names.set(named.name.toUpperCase(), named.refersTo);
    for (const table of data.tables ?? []) this.tables.set(table.name.toUpperCase(), table);
  }

  /** The payload of every KPI.* call in one formula on `sheet`. */
  calls(sheet: string, cell: string, formula: string): CallPayload[] {
    const { text, node } = parseFormula(formula);
    return callsIn(node)
      .filter((call) => /^KPI\./i.test(call.name))
      .map((call) => {
        const args = call.args.map((arg) => this.argument(sheet, text, arg));
        const bytes =
          2 + args.reduce((sum, arg) => sum + arg.bytes, 0) + Math.max(0, args.length - 1);
        return { sheet, cell, fn: call.name, args, bytes };
      });
  }

  private argument(sheet: string, text: string, node: Node): ArgumentPayload {
    const written = text.slice(node.start, node.end);
    const inner = unwrap(node);
    const one = (bytes: number, kind: ArgumentPayload["kind"]): ArgumentPayload => ({
      text: written,
      kind,
      rows: 1,
      cols: 1,
      bytes: jsonGridBytes(1, 1, bytes),
    });
    const number = numberLiteral(inner);
    if (number !== undefined) return one(jsonValueBytes(number), "literal");
    switch (inner.kind) {
      case "missing":
        return one(BLANK_BYTES, "omitted");
      case "number":
      case "string":
        return one(jsonValueBytes(inner.value), "literal");
      case "boolean":
        return one(jsonValueBytes(inner.value), "literal");
      case "error":
        return one(jsonValueBytes({ code: inner.code }), "literal");
      case "array": {
        const rows = inner.rows.length;
        const cols = Math.max(...inner.rows.map((row) => row.length));
        const bytes = inner.rows.flat().reduce((sum, cellNode) => sum + literalBytes(cellNode), 0);
        return {
          text: written,
          kind: "literal",
          rows,
          cols,
          bytes: jsonGridBytes(rows, cols, bytes),
        };
      }
    }
    const area = this.area(sheet, inner);
    if (area) {
      const rows = area.rect.bottom - area.rect.top + 1;
      const cols = area.rect.right - area.rect.left + 1;
      return {
        text: written,
        kind: "reference",
        rows,
        cols,
        bytes: jsonGridBytes(rows, cols, this.cellBytes(area.sheet, area.rect)),
      };
    }
    const shape = this.shape(sheet, inner);
    return {
      text: written,
      kind: "computed",
      rows: shape.rows,
      cols: shape.cols,
      bytes: jsonGridBytes(shape.rows, shape.cols, shape.rows * shape.cols * this.resultBytes),
    };
  }

  /** The cells a reference (a range, a defined name, a structured reference) covers; null otherwise. */
  private area(sheet: string, node: Node, depth = 0): { sheet: string; rect: Rect } | null {
    if (depth > 20) throw new Error("defined names refer to each other in a loop");
    switch (node.kind) {
      case "paren":
        return this.area(sheet, node.inner, depth);
      case "ref":
        return { sheet: node.sheet ?? sheet, rect: node.rect };
      case "name": {
        const refersTo = this.names.get(node.name.toUpperCase());
        if (refersTo === undefined) {
          if (this.tables.has(node.name.toUpperCase())) return this.structured(node.name, "");
          throw new Error(`${node.name} is no defined name of the plan`);
        }
        return this.area(sheet, parseFormula(refersTo).node, depth + 1);
      }
      case "structured":
        return this.structured(node.table, node.spec);
      case "binary": {
        if (node.op !== ":") return null;
        const left = this.area(sheet, node.left, depth);
        const right = this.area(sheet, node.right, depth);
        if (!left || !right || left.sheet.toUpperCase() !== right.sheet.toUpperCase()) return null;
        return {
          sheet: left.sheet,
          rect: {
            top: Math.min(left.rect.top, right.rect.top),
            left: Math.min(left.rect.left, right.rect.left),
            bottom: Math.max(left.rect.bottom, right.rect.bottom),
            right: Math.max(left.rect.right, right.rect.right),
          },
        };
      }
      default:
        return null;
    }
  }

  /** Table[Column], Table[[Column]], Table[[#Data],[Column]], Table[[First]:[Last]], Table[#All]... */
  private structured(tableName: string, spec: string): { sheet: string; rect: Rect } {
    const table = this.tables.get(tableName.toUpperCase());
    if (!table) throw new Error(`${tableName} is no table of the data`);
    const parts: string[] = [];
    const inner = spec.trim();
    if (inner.startsWith("[")) {
      for (const match of inner.matchAll(/\[((?:'.|[^\]'])*)\]|(:)/g))
        parts.push(match[2] ?? match[1]);
    } else if (inner) parts.push(inner);
    const unescape = (text: string) => text.replace(/'(.)/g, "$1").trim();
    let rows: [number, number] = [table.headerRow + 1, table.headerRow + table.rows];
    const columns: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = unescape(parts[i]);
      if (part === ":") continue;
      const special = part.toUpperCase();
      if (special === "#ALL") rows = [table.headerRow, table.headerRow + table.rows];
      else if (special === "#DATA") rows = [table.headerRow + 1, table.headerRow + table.rows];
      else if (special === "#HEADERS") rows = [table.headerRow, table.headerRow];
      else if (special.startsWith("#") || special.startsWith("@"))
        throw new Error(`${tableName}[${spec}]: ${part} is not supported`);
      else {
        const index = table.columns.findIndex((name) => name.toUpperCase() === special);
        if (index < 0) throw new Error(`${tableName} has no column ${part}`);
        columns.push(index);
      }
    }
    const left = columns.length ? Math.min(...columns) : 0;
    const right = columns.length ? Math.max(...columns) : table.columns.length - 1;
    return {
      sheet: table.sheet,
      rect: { top: rows[0], left: table.col + left, bottom: rows[1], right: table.col + right },
    };
  }

  private cellBytes(sheet: string, rect: Rect): number {
    const sources = this.sources.get(sheet.toUpperCase());
    if (!sources) throw new Error(`nothing is known of the sheet ${sheet}`);
    let bytes = 0;
    let cells = 0;
    for (const source of sources) {
      const part = source(rect);
      bytes += part.bytes;
      cells += part.cells;
    }
    return bytes + (cellCount(rect) - cells) * BLANK_BYTES;
  }

  /** The shape of what Excel computes for an expression (see the assumptions at the top). */
  private shape(sheet: string, node: Node): Shape {
    const area = this.area(sheet, node);
    if (area)
      return {
        rows: area.rect.bottom - area.rect.top + 1,
        cols: area.rect.right - area.rect.left + 1,
      };
    switch (node.kind) {
      case "array":
        return { rows: node.rows.length, cols: Math.max(...node.rows.map((row) => row.length)) };
      case "paren":
        return this.shape(sheet, node.inner);
      case "unary":
        return this.shape(sheet, node.operand);
      case "binary":
        return widest([this.shape(sheet, node.left), this.shape(sheet, node.right)]);
      case "call": {
        const name = node.name.toUpperCase().replace(/^_XLFN\./, "");
        if (name.startsWith("KPI.") || AGGREGATES.has(name)) return ONE;
        const criteria = CRITERIA[name];
        if (criteria)
          return widest(
            node.args.filter((_, i) => criteria(i)).map((arg) => this.shape(sheet, arg))
          );
        if (LOOKUPS.has(name)) return node.args[0] ? this.shape(sheet, node.args[0]) : ONE;
        return widest(node.args.map((arg) => this.shape(sheet, arg)));
      }
      default:
        return ONE;
    }
  }
}

function unwrap(node: Node): Node {
  return node.kind === "paren" ? unwrap(node.inner) : node;
}

/** The value of a number literal, signed or with a percent sign (-3, 25%); undefined otherwise. */
function numberLiteral(node: Node): number | undefined {
  if (node.kind === "number") return node.value;
  if (node.kind !== "unary") return undefined;
  const operand = numberLiteral(node.operand);
  if (operand === undefined) return undefined;
  return node.op === "-" ? -operand : node.op === "%" ? operand / 100 : operand;
}

/** Bytes of one element of an array constant ({1,2;"a",TRUE}). */
function literalBytes(node: Node): number {
  const number = numberLiteral(node);
  if (number !== undefined) return jsonValueBytes(number);
  switch (node.kind) {
    case "string":
    case "boolean":
      return jsonValueBytes(node.value);
    case "error":
      return jsonValueBytes({ code: node.code });
    default:
      return FORMULA_RESULT_BYTES;
  }
}

/**
 * Every KPI.* call of the plan's formulas, with what Excel marshals into it per recalculation.
 * @param data The values (or typical widths) of what the defined names and references point at
 *   outside the plan's own cells.
 */
export function planPayload(plan: SheetPlan, data: PayloadData = {}): PlanPayload {
  const marshaller = new Marshaller(plan, data);
  const calls: CallPayload[] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell.formula === undefined) return;
          const address = `${columnLetters(block.col + c)}${block.row + r + 1}`;
          calls.push(...marshaller.calls(sheet.name, address, cell.formula));
        })
      );
    }
  }
  const largest = calls.reduce<CallPayload | null>(
    (best, call) => (!best || call.bytes > best.bytes ? call : best),
    null
  );
  return { calls, totalBytes: calls.reduce((sum, call) => sum + call.bytes, 0), largest };
}

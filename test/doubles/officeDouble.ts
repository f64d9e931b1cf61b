/**
 * An Office.js double for the Excel writer. Like Office.js it only queues: setting a property or calling
 * a method records an operation, and `sync()` applies the batch in order, stopping at the first operation
 * that fails (those before it stay applied, as in Excel). It counts syncs and request bytes, can fail a
 * chosen sync part-way or throw while an operation is queued, refuses to write over a cell that holds a
 * value or formula, and throws on any member it does not implement so a test cannot pass by accident.
 */

type Scalar = string | number | boolean;

export interface CellState {
  value?: Scalar;
  /** The value is an error (Range.valueTypes "Error"). */
  error?: boolean;
  formula?: string;
  numberFormat?: string;
  /** Formatting by Office.js path, e.g. "font.bold", "fill.color", "borders.EdgeBottom.style". */
  format?: Record<string, unknown>;
}

export interface ConditionalFormatState {
  range: string;
  type: string;
  /** Format and rule by path, e.g. "format.fill.color", "rule". */
  props: Record<string, unknown>;
}

export interface ChartState {
  type: string;
  source: string;
  seriesBy?: string;
  props: Record<string, unknown>;
}

export interface SheetState {
  name: string;
  cells: Record<string, CellState>;
  /** Width in points by column letter. */
  columnWidths: Record<string, number>;
  frozenRows: number;
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
}

export interface NameState {
  name: string;
  formula: string;
  comment?: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  active: string;
}

/** Makes a sync fail after its first `opIndex` operations, or throws when that operation is queued. */
export interface Failure {
  sync: number;
  opIndex: number;
  when?: "sync" | "queue";
  message?: string;
}

/** Pre-existing content: cells by A1 address ("=..." is a formula), names by their "=..." reference. */
export interface Seed {
  sheets?: Record<string, Record<string, Scalar>>;
  names?: Record<string, string>;
  active?: string;
  /** An Excel in another language (see {@link LocalExcel}); the default is English Excel. */
  local?: LocalExcel;
}

/**
 * An Excel in another language, as office-js#6614 describes Turkish Excel: a formula written through
 * Range.formulas that calls a custom function by its English name shows `nameError` (#AD?), while
 * the same call written through Range.formulasLocal with the function's local name computes. Its local
 * formulas use `;` between arguments and its own names for a few built-in functions.
 */
export interface LocalExcel {
  /** The custom functions' local names by English name, e.g. { "KPI.CHURN_RATE": "KPI.KAYIP_ORANI" }. */
  functionNames: Record<string, string>;
  /** Built-in functions' local names by English name, e.g. { IF: "EĞER" }. */
  builtIns: Record<string, string>;
  nameError: string;
}

/** Each part of a formula outside double-quoted text, rewritten by `change`. */
function outsideText(formula: string, change: (part: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('"');
}

/** Renames the functions of a formula by a table of names (whole names followed by "("). */
function renameCalls(part: string, table: Record<string, string>): string {
  return part.replace(
    /[A-Za-z_][A-Za-z0-9_.]*(?=\()/g,
    (name) => table[name.toUpperCase()] ?? name
  );
}

interface Op {
  path: string;
  args: unknown[];
  apply: () => void;
}

interface SheetRef {
  path: string;
  name: string;
  orNull: boolean;
}

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  wholeColumns: boolean;
}

/** Excel on the web refuses requests over 5 MB. */
const REQUEST_LIMIT = 5 * 1024 * 1024;
const LAST_ROW = 1048575;
/** Keys that jest, Promise resolution and JSON probe on any object: answered, not failed. */
const PROBES = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "constructor",
]);

/** An error shaped like OfficeExtension.Error. */
export function officeError(code: string, message: string, location?: string): Error {
  return Object.assign(new Error(message), {
    name: "RichApi.Error",
    code,
    debugInfo: { errorLocation: location },
  });
}

const fold = (name: string) => name.toLocaleLowerCase();

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function columnLetters(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "B3", "B3:D5" or "B:D" (whole columns). */
export function parseArea(address: string): Area {
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (cols) {
    return {
      r0: 0,
      r1: LAST_ROW,
      c0: columnIndex(cols[1]),
      c1: columnIndex(cols[2]),
      wholeColumns: true,
    };
  }
  const cells = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
  if (!cells) throw officeError("InvalidArgument", `The address ${address} is not valid.`);
  const [, c0, r0, c1 = c0, r1 = r0] = cells;
  return {
    r0: +r0 - 1,
    c0: columnIndex(c0),
    r1: +r1 - 1,
    c1: columnIndex(c1),
    wholeColumns: false,
  };
}

function addressesOf(area: Area): string[][] {
  const rows: string[][] = [];
  for (let r = area.r0; r <= area.r1; r++) {
    const row: string[] = [];
    for (let c = area.c0; c <= area.c1; c++) row.push(`${columnLetters(c)}${r + 1}`);
    rows.push(row);
  }
  return rows;
}

/** Wraps a fake so reading or setting a member it lacks throws, naming the member. */
function strict<T extends object>(path: string, target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "symbol" || key in t) return Reflect.get(t, key, receiver);
      if (PROBES.has(key)) return undefined;
      throw new Error(`OfficeDouble: ${path}.${key} is not implemented`);
    },
    set(t, key, value, receiver) {
      if (typeof key !== "symbol" && key in t) return Reflect.set(t, key, value, receiver);
      throw new Error(`OfficeDouble: setting ${path}.${String(key)} is not implemented`);
    },
  });
}

/** The double: `context` is what the code under test receives; the rest is for the test. */
export class OfficeDouble {
  readonly state: WorkbookState;
  /** Bytes of each sync's request: the JSON length of its operations' paths and arguments. */
  readonly requestBytes: number[] = [];
  /** Operations sent by each sync. */
  readonly opCounts: number[] = [];
  /** Every applied operation, for tests that check what was touched. */
  readonly log: { sync: number; path: string }[] = [];
  readonly context: Excel.RequestContext;
  private pending: Op[] = [];
  private readonly local?: LocalExcel;
  private fired = new Set<Failure>();
  /** Range paths for serialising ranges passed as arguments (charts). */
  private ranges = new WeakMap<object, { sheet: SheetRef; address: string }>();

  constructor(
    seed: Seed = {},
    private readonly failures: Failure[] = []
  ) {
    const sheets = Object.entries(seed.sheets ?? { Sheet1: {} }).map(([name, cells]) => {
      const sheet = OfficeDouble.emptySheet(name);
      for (const [address, value] of Object.entries(cells)) {
        sheet.cells[address] =
          typeof value === "string" && value.startsWith("=")
            ? { formula: value.slice(1) }
            : { value };
      }
      return sheet;
    });
    this.local = seed.local;
    const names = Object.entries(seed.names ?? {}).map(([name, formula]) => ({ name, formula }));
    this.state = { sheets, names, active: seed.active ?? sheets[0].name };
    this.context = strict("context", {
      workbook: strict("workbook", {
        worksheets: this.worksheets(),
        names: this.namesCollection(),
      }),
      sync: () => this.sync(),
    }) as unknown as Excel.RequestContext;
  }

  get syncs(): number {
    return this.requestBytes.length;
  }

  /** A deep copy of the whole workbook, to compare before and after. */
  snapshot(): WorkbookState {
    return structuredClone(this.state);
  }

  sheet(name: string): SheetState | undefined {
    return this.state.sheets.find((sheet) => fold(sheet.name) === fold(name));
  }

  cell(sheet: string, address: string): CellState | undefined {
    return this.sheet(sheet)?.cells[address];
  }

  private static emptySheet(name: string): SheetState {
    return { name, cells: {}, columnWidths: {}, frozenRows: 0, conditionalFormats: [], charts: [] };
  }

  private async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const n = this.requestBytes.length + 1;
    const bytes = JSON.stringify(batch.map((op) => [op.path, op.args])).length;
    this.requestBytes.push(bytes);
    this.opCounts.push(batch.length);
    await Promise.resolve();
    if (bytes > REQUEST_LIMIT)
      throw officeError("RequestPayloadSizeLimitExceeded", `The request is ${bytes} bytes.`);
    const failure = this.failures.find((f) => f.sync === n && (f.when ?? "sync") === "sync");
    const stop = failure ? Math.min(failure.opIndex, batch.length) : batch.length;
    for (const op of batch.slice(0, stop)) {
      try {
        op.apply();
      } catch (error) {
        const e = error as { debugInfo?: { errorLocation?: string } };
        if (e.debugInfo && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = op.path;
        throw error;
      }
      this.log.push({ sync: n, path: op.path });
    }
    if (failure) {
      const message = failure.message ?? "The operation failed (injected failure).";
      throw officeError("GeneralException", message, batch[stop]?.path);
    }
  }

  private queue(path: string, args: unknown[], apply: () => void): void {
    const sync = this.requestBytes.length + 1;
    const index = this.pending.length;
    const failure = this.failures.find(
      (f) => f.when === "queue" && f.sync === sync && f.opIndex === index
    );
    if (failure && !this.fired.has(failure)) {
      // Once: the code under test may go on queuing (its clean-up) at the same index.
      this.fired.add(failure);
      throw new Error(failure.message ?? `Injected failure while queuing ${path}`);
    }
    const sent = args.map((arg) => {
      const range = typeof arg === "object" && arg !== null ? this.ranges.get(arg) : undefined;
      return range ? `${range.sheet.path}.getRange(${range.address})` : arg;
    });
    this.pending.push({ path, args: sent, apply });
  }

  /** Properties that can only be set; reading one fails as an unloaded Office.js property does. */
  private setters(
    target: object,
    path: string,
    props: Record<string, (value: unknown) => void>
  ): void {
    for (const [key, apply] of Object.entries(props)) {
      Object.defineProperty(target, key, {
        enumerable: true,
        configurable: true, // a range's formulas can also be loaded (see range)
        get: () => {
          throw new Error(`OfficeDouble: ${path}.${key} was not loaded`);
        },
        set: (value: unknown) => {
          this.queue(`${path}.${key}`, [value], () => apply(value));
        },
      });
    }
  }

  /** A method that queues `apply` and returns `result`. */
  private method(
    path: string,
    name: string,
    apply: (...args: never[]) => void,
    result?: (...args: never[]) => unknown
  ) {
    return (...args: never[]) => {
      this.queue(`${path}.${name}`, args, () => apply(...args));
      return result?.(...args);
    };
  }

  private resolve(ref: SheetRef): SheetState | undefined {
    const sheet = this.sheet(ref.name);
    if (!sheet && !ref.orNull)
      throw officeError("ItemNotFound", `The sheet "${ref.name}" does not exist.`);
    return sheet;
  }

  /** A formula as this Excel shows it in formulasLocal: its built-ins' names, `;` between arguments. */
  private toLocal(formula: string): string {
    if (!this.local) return formula;
    const { builtIns } = this.local;
    return outsideText(formula, (part) => renameCalls(part, builtIns).replace(/,/g, ";"));
  }

  /** A formula typed in this Excel's language, as Range.formulas reads it (English, `,`). */
  private fromLocal(formula: string): string {
    if (!this.local) return formula;
    const english: Record<string, string> = {};
    for (const [en, local] of Object.entries(this.local.builtIns))
      english[local.toUpperCase()] = en;
    for (const [en, local] of Object.entries(this.local.functionNames))
      english[local.toUpperCase()] = en;
    return outsideText(formula, (part) => renameCalls(part, english).replace(/;/g, ","));
  }

  /**
   * What this Excel answers to a formula's names: in a local Excel, a custom function called by its
   * English name (in `typed`, the text as it was entered) is not known, and the cell shows #AD?.
   */
  private answerNames(cell: CellState, typed = cell.formula ?? ""): void {
    if (!this.local) return;
    const { functionNames, nameError } = this.local;
    const unknown = outsideText(typed, (part) => part)
      .split('"')
      .some(
        (part, i) =>
          i % 2 === 0 &&
          [...part.matchAll(/[A-Za-z_][A-Za-z0-9_.]*(?=\()/g)].some(
            ([name]) => functionNames[name.toUpperCase()] !== undefined
          )
      );
    if (unknown) {
      cell.value = nameError;
      cell.error = true;
    }
  }

  private worksheets() {
    const path = "worksheets";
    let items: unknown[] | undefined;
    const collection = {
      add: (name: string) => {
        this.queue(`${path}.add`, [name], () => {
          if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
            throw officeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
          }
          if (this.sheet(name))
            throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
          this.state.sheets.push(OfficeDouble.emptySheet(name));
        });
        return this.worksheet({ path: `${path}[${JSON.stringify(name)}]`, name, orNull: false });
      },
      getItem: (name: string) =>
        this.worksheet({ path: `${path}[${JSON.stringify(name)}]`, name, orNull: false }),
      getItemOrNullObject: (name: string) =>
        this.worksheet({ path: `${path}[${JSON.stringify(name)}]?`, name, orNull: true }),
      getActiveWorksheet: () => {
        let loaded: string | undefined;
        return strict(`${path}.active`, {
          load: () => {
            this.queue(`${path}.active.load`, [], () => (loaded = this.state.active));
            return strict(`${path}.active`, {
              get name() {
                if (loaded === undefined)
                  throw new Error("OfficeDouble: active.name was not loaded");
                return loaded;
              },
            });
          },
        });
      },
      load: () => {
        this.queue(`${path}.load`, ["items/name"], () => {
          items = this.state.sheets.map((sheet) => strict(`${path}.items`, { name: sheet.name }));
        });
        return proxy;
      },
      get items() {
        if (!items) throw new Error("OfficeDouble: worksheets.items was not loaded");
        return items;
      },
    };
    const proxy = strict(path, collection);
    return proxy;
  }

  private worksheet(ref: SheetRef) {
    const { path } = ref;
    return strict(path, {
      getRange: (address: string) => this.range(ref, address),
      activate: this.method(path, "activate", () => {
        const sheet = this.resolve(ref);
        if (sheet) this.state.active = sheet.name;
      }),
      delete: this.method(path, "delete", () => {
        const sheet = this.resolve(ref);
        if (!sheet) return;
        const index = this.state.sheets.indexOf(sheet);
        if (this.state.sheets.length === 1)
          throw officeError("InvalidOperation", "A workbook keeps at least one sheet.");
        this.state.sheets.splice(index, 1);
        if (this.state.active === sheet.name)
          this.state.active = this.state.sheets[Math.max(0, index - 1)].name;
        // As in Excel, names that pointed into the sheet now point nowhere.
        for (const name of this.state.names) {
          if (OfficeDouble.sheetOf(name.formula) === fold(sheet.name)) name.formula = "=#REF!";
        }
      }),
      freezePanes: strict(`${path}.freezePanes`, {
        freezeRows: this.method(`${path}.freezePanes`, "freezeRows", (count: number) => {
          this.resolve(ref)!.frozenRows = count;
        }),
      }),
      charts: strict(`${path}.charts`, {
        add: (type: string, source: object, seriesBy?: string) =>
          this.chart(ref, type, source, seriesBy),
      }),
    });
  }

  private range(ref: SheetRef, address: string) {
    const path = `${ref.path}.getRange(${address})`;
    const target = {};
    const cellsOf = () => ({ sheet: this.resolve(ref)!, area: parseArea(address) });
    const grid = (value: unknown, area: Area) => {
      const rows = addressesOf(area);
      const ok =
        Array.isArray(value) &&
        value.length === rows.length &&
        value.every((row) => Array.isArray(row) && row.length === rows[0].length);
      if (!ok)
        throw officeError("InvalidArgument", `The array does not match the size of ${address}.`);
      return rows;
    };
    this.setters(target, path, {
      formulas: (value) => {
        const { sheet, area } = cellsOf();
        const rows = grid(value, area);
        const occupied = rows.flat().find((a) => {
          const cell = sheet.cells[a];
          return cell && (cell.value !== undefined || cell.formula !== undefined);
        });
        if (occupied)
          throw officeError(
            "InvalidOperation",
            `OfficeDouble refuses to overwrite ${sheet.name}!${occupied}.`
          );
        rows.forEach((row, r) =>
          row.forEach((a, c) => {
            const entry = (value as Scalar[][])[r][c];
            if (entry === "") return;
            const cell = (sheet.cells[a] ??= {});
            if (typeof entry === "string" && entry.startsWith("=")) {
              cell.formula = entry.slice(1);
              this.answerNames(cell);
            } else
              cell.value =
                typeof entry === "string" && entry.startsWith("'") ? entry.slice(1) : entry;
          })
        );
      },
      numberFormat: (value) => {
        const { sheet, area } = cellsOf();
        grid(value, area).forEach((row, r) =>
          row.forEach(
            (a, c) => ((sheet.cells[a] ??= {}).numberFormat = (value as string[][])[r][c])
          )
        );
      },
    });
    // Values and formulas as Range.load reads them after a sync ("" for an empty cell; the double
    // computes nothing, so a formula's value is what the test seeded, else "").
    const loaded: {
      values?: unknown[][];
      formulas?: unknown[][];
      formulasLocal?: unknown[][];
      valueTypes?: unknown[][];
    } = {};
    const setFormulas = Object.getOwnPropertyDescriptor(target, "formulas")!.set!;
    const loadedProperty = (key: keyof typeof loaded) => () => {
      if (!loaded[key]) throw new Error(`OfficeDouble: ${path}.${key} was not loaded`);
      return loaded[key];
    };
    Object.defineProperty(target, "formulas", {
      enumerable: true,
      get: loadedProperty("formulas"),
      set: setFormulas,
    });
    Object.defineProperty(target, "values", { enumerable: true, get: loadedProperty("values") });
    Object.defineProperty(target, "valueTypes", {
      enumerable: true,
      get: loadedProperty("valueTypes"),
    });
    // formulasLocal: loaded as this Excel shows it; set (one cell) as typed in this Excel's language.
    Object.defineProperty(target, "formulasLocal", {
      enumerable: true,
      get: loadedProperty("formulasLocal"),
      set: (value: unknown) => {
        this.queue(`${path}.formulasLocal`, [value], () => {
          const { sheet, area } = cellsOf();
          const rows = grid(value, area);
          rows.forEach((row, r) =>
            row.forEach((a, c) => {
              const entry = String((value as Scalar[][])[r][c]);
              const cell = (sheet.cells[a] ??= {});
              if (!entry.startsWith("="))
                throw new Error("OfficeDouble: only formulas via formulasLocal");
              cell.formula = this.fromLocal(entry.slice(1));
              delete cell.value;
              delete cell.error;
              this.answerNames(cell, entry.slice(1));
            })
          );
        });
      },
    });
    Object.defineProperty(target, "load", {
      value: (props: string | string[]) => {
        const keys = Array.isArray(props) ? props : props.split(",").map((k) => k.trim());
        for (const key of keys)
          if (!["values", "formulas", "formulasLocal", "valueTypes"].includes(key))
            throw new Error(`OfficeDouble: ${path}.load(${key}) is not implemented`);
        this.queue(`${path}.load`, [props], () => {
          const { sheet, area } = cellsOf();
          const rows = addressesOf(area);
          loaded.values = rows.map((row) => row.map((a) => sheet.cells[a]?.value ?? ""));
          loaded.valueTypes = rows.map((row) =>
            row.map((a) => {
              const cell = sheet.cells[a];
              if (cell?.error) return "Error";
              const value = cell?.value;
              if (value === undefined || value === "") return "Empty";
              return typeof value === "number"
                ? "Double"
                : typeof value === "boolean"
                  ? "Boolean"
                  : "String";
            })
          );
          loaded.formulasLocal = rows.map((row) =>
            row.map((a) => {
              const cell = sheet.cells[a];
              return cell?.formula !== undefined
                ? `=${this.toLocal(cell.formula)}`
                : (cell?.value ?? "");
            })
          );
          loaded.formulas = rows.map((row) =>
            row.map((a) => {
              const cell = sheet.cells[a];
              return cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? "");
            })
          );
        });
        return range;
      },
    });
    const formatPath = `${path}.format`;
    const style = (key: string) => (value: unknown) => {
      const { sheet, area } = cellsOf();
      if (area.wholeColumns)
        throw new Error(`OfficeDouble: ${formatPath}.${key} on whole columns is not implemented`);
      for (const a of addressesOf(area).flat())
        ((sheet.cells[a] ??= {}).format ??= {})[key] = value;
    };
    const part = (name: string, keys: string[]) => {
      const object = {};
      this.setters(
        object,
        `${formatPath}.${name}`,
        Object.fromEntries(keys.map((k) => [k, style(`${name}.${k}`)]))
      );
      return strict(`${formatPath}.${name}`, object);
    };
    const format = {
      get font() {
        return part("font", ["bold", "italic", "size", "color"]);
      },
      get fill() {
        return part("fill", ["color"]);
      },
      get borders() {
        return strict(`${formatPath}.borders`, {
          getItem: (edge: string) => part(`borders.${edge}`, ["style", "color", "weight"]),
        });
      },
    };
    this.setters(format, formatPath, {
      wrapText: style("wrapText"),
      columnWidth: (value) => {
        const { sheet, area } = cellsOf();
        for (let c = area.c0; c <= area.c1; c++)
          sheet.columnWidths[columnLetters(c)] = value as number;
      },
    });
    Object.defineProperties(target, {
      format: { get: () => strict(formatPath, format) },
      conditionalFormats: {
        get: () =>
          strict(`${path}.conditionalFormats`, {
            add: (type: string) => this.conditionalFormat(ref, address, type),
          }),
      },
    });
    const range = strict(path, target);
    this.ranges.set(range, { sheet: ref, address });
    return range;
  }

  private conditionalFormat(ref: SheetRef, address: string, type: string) {
    const path = `${ref.path}.getRange(${address}).conditionalFormats`;
    const member = (
      {
        CellValue: "cellValue",
        ContainsText: "textComparison",
        ColorScale: "colorScale",
      } as Record<string, string>
    )[type];
    if (!member)
      throw new Error(`OfficeDouble: conditional format type ${type} is not implemented`);
    const state: ConditionalFormatState = { range: address, type, props: {} };
    this.queue(`${path}.add`, [type], () => this.resolve(ref)!.conditionalFormats.push(state));
    const prop = (key: string) => (value: unknown) => (state.props[key] = value);
    if (member === "colorScale") {
      const scale = {};
      this.setters(scale, `${path}.colorScale`, { criteria: prop("criteria") });
      return strict(path, { colorScale: strict(`${path}.colorScale`, scale) });
    }
    const font = {};
    const fill = {};
    const rule = {};
    this.setters(font, `${path}.${member}.format.font`, { color: prop("format.font.color") });
    this.setters(fill, `${path}.${member}.format.fill`, { color: prop("format.fill.color") });
    this.setters(rule, `${path}.${member}`, { rule: prop("rule") });
    const inner = Object.defineProperty(rule, "format", {
      value: strict(`${path}.${member}.format`, {
        font: strict("font", font),
        fill: strict("fill", fill),
      }),
    });
    return strict(path, { [member]: strict(`${path}.${member}`, inner) });
  }

  private chart(ref: SheetRef, type: string, source: object, seriesBy?: string) {
    const path = `${ref.path}.charts[${this.pending.length}]`;
    const range = this.ranges.get(source);
    if (!range || range.sheet.name !== ref.name)
      throw new Error("OfficeDouble: a chart's source must be a range of its sheet");
    const state: ChartState = { type, source: range.address, seriesBy, props: {} };
    this.queue(`${ref.path}.charts.add`, [type, source, seriesBy], () => {
      parseArea(range.address);
      this.resolve(ref)!.charts.push(state);
    });
    const title = {};
    this.setters(title, `${path}.title`, { text: (value) => (state.props["title.text"] = value) });
    const series = {
      setXAxisValues: (arg: object) => {
        const x = this.ranges.get(arg);
        if (!x || x.sheet.name !== ref.name)
          throw new Error("OfficeDouble: setXAxisValues takes a range of the sheet");
        this.queue(
          `${path}.series[0].setXAxisValues`,
          [arg],
          () => (state.props["series.xValues"] = x.address)
        );
      },
    };
    this.setters(series, `${path}.series[0]`, {
      name: (value) => (state.props["series.name"] = value),
    });
    // Later series (a tornado's second one) only take a name.
    const laterSeries = (index: number) => {
      const later = {};
      this.setters(later, `${path}.series[${index}]`, {
        name: (value) => (state.props[`series[${index}].name`] = value),
      });
      return strict(`${path}.series[${index}]`, later);
    };
    return strict(path, {
      title: strict(`${path}.title`, title),
      series: strict(`${path}.series`, {
        getItemAt: (index: number) =>
          index === 0 ? strict(`${path}.series[0]`, series) : laterSeries(index),
      }),
      setPosition: this.method(path, "setPosition", (start: string, end?: string) => {
        if (typeof start !== "string" || (end !== undefined && typeof end !== "string")) {
          throw new Error("OfficeDouble: setPosition takes addresses");
        }
        parseArea(start);
        if (end) parseArea(end);
        state.props.position = end ? `${start}:${end}` : start;
      }),
    });
  }

  private namesCollection() {
    const path = "names";
    let items: unknown[] | undefined;
    const collection = {
      add: (name: string, reference: string, comment?: string) => {
        this.queue(
          `${path}.add`,
          comment === undefined ? [name, reference] : [name, reference, comment],
          () => {
            if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
              throw officeError("InvalidArgument", `"${name}" is not a valid name.`);
            if (this.state.names.some((n) => fold(n.name) === fold(name))) {
              throw officeError("ItemAlreadyExists", `The name ${name} already exists.`);
            }
            if (typeof reference !== "string" || !reference.startsWith("=")) {
              throw officeError("InvalidArgument", `The reference of ${name} must start with "=".`);
            }
            const sheet = OfficeDouble.sheetOf(reference);
            if (sheet !== undefined && !this.sheet(sheet)) {
              throw officeError(
                "InvalidArgument",
                `The name ${name} refers to a sheet that does not exist.`
              );
            }
            this.state.names.push(
              comment === undefined
                ? { name, formula: reference }
                : { name, formula: reference, comment }
            );
          }
        );
        return strict(`${path}[${name}]`, {});
      },
      // NamedItem.getRange (ExcelApi 1.3), then Range.worksheet: the sheet a name points into.
      getItem: (name: string) =>
        strict(`${path}[${name}]`, {
          getRange: () =>
            strict(`${path}[${name}].range`, {
              worksheet: strict(`${path}[${name}].range.worksheet`, {
                load: () => {
                  let loaded: string | undefined;
                  this.queue(`${path}[${name}].range.worksheet.load`, ["name"], () => {
                    const named = this.state.names.find((n) => fold(n.name) === fold(name));
                    if (!named)
                      throw officeError("ItemNotFound", `The name ${name} does not exist.`);
                    const sheet = OfficeDouble.sheetOf(named.formula);
                    loaded = sheet === undefined ? undefined : this.sheet(sheet)?.name;
                    if (loaded === undefined)
                      throw officeError("InvalidOperation", `${name} does not refer to a range.`);
                  });
                  return strict(`${path}[${name}].range.worksheet`, {
                    get name() {
                      if (loaded === undefined)
                        throw new Error("OfficeDouble: worksheet.name was not loaded");
                      return loaded;
                    },
                  });
                },
              }),
            }),
        }),
      getItemOrNullObject: (name: string) =>
        strict(`${path}[${name}]?`, {
          delete: this.method(`${path}[${name}]?`, "delete", () => {
            this.state.names = this.state.names.filter((n) => fold(n.name) !== fold(name));
          }),
        }),
      load: () => {
        this.queue(`${path}.load`, ["items/name"], () => {
          items = this.state.names.map((n) => strict(`${path}.items`, { name: n.name }));
        });
        return proxy;
      },
      get items() {
        if (!items) throw new Error("OfficeDouble: names.items was not loaded");
        return items;
      },
    };
    const proxy = strict(path, collection);
    return proxy;
  }

  /** The sheet a reference such as ='KPI (2)'!$B$3 points into, folded; undefined for no sheet. */
  private static sheetOf(reference: string): string | undefined {
    const match = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!/.exec(reference);
    if (!match) return undefined;
    return fold(match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]);
  }
}

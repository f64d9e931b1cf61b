/**
 * The simulated workbook: sheets, their formats, tables, defined names, charts and selections, with
 * cell contents and computed values held by the Evaluator (HyperFormula). The Office.js stand-in's
 * host and the grid page both work on this one object; it checks what Excel checks and throws a
 * WorkbookError with Excel's error code when Excel would refuse.
 */
import {
  type Area,
  MAX_COLUMNS,
  MAX_ROWS,
  areaColumns,
  areaRows,
  formatAddress,
  intersectArea,
  isWholeColumns,
  isWholeRows,
  parseArea,
  splitSheet,
  unionArea,
} from "./address";
import { WorkbookError, invalidArgument, itemNotFound } from "./errors";
import { type CellInput, type CellValue, Evaluator } from "./evaluator";
import { ENGLISH, type FormulaLocale, toEnglishFormula, toLocalFormula } from "./locale";
import { formatValue } from "./numberFormat";
import { type StructuredRef, hasStructuredRefs, mapStructuredRefs } from "./structured";

/** Formatting by Office.js path: "font.bold", "fill.color", "borders.EdgeBottom.style", "wrapText". */
export type Style = Record<string, unknown>;

export interface ConditionalFormat {
  id: number;
  area: Area;
  type: string;
  /** Rule and format by Office.js path below the type's object: "rule", "format.fill.color". */
  props: Record<string, unknown>;
}

export interface Chart {
  id: number;
  name: string;
  type: string;
  source: Area;
  seriesBy: string;
  /** Set through the chart's objects: "title.text", "series.0.name", "series.0.xValues", "position". */
  props: Record<string, unknown>;
}

export interface Sheet {
  /** Stable across renames, as Worksheet.id. */
  id: number;
  name: string;
  numberFormats: Map<number, string>;
  styles: Map<number, Style>;
  /** Formats of whole columns (number format under "numberFormat"). */
  columnStyles: Map<number, Style>;
  /** Widths in points by column index. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  conditionalFormats: ConditionalFormat[];
  charts: Chart[];
  selection: Area;
  tabColor?: string;
  showGridlines: boolean;
}

export interface Table {
  id: number;
  name: string;
  sheet: Sheet;
  area: Area;
  showHeaders: boolean;
  style: string;
}

export interface DefinedName {
  name: string;
  /** "=..." as Excel shows NamedItem.formula. */
  formula: string;
  comment: string;
  visible: boolean;
  /**
   * What HyperFormula evaluates when the formula holds structured references (=CrmDeals[Amount]):
   * the formula with each resolved to the table's current rows ('CRM Export'!$D$2:$D$251).
   */
  resolved?: string;
}

/** A cell's key in the per-sheet maps. */
export function cellId(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

/** Excel's limit on how many cells one write may cover here (a guard against runaway loops). */
const MAX_WRITE_CELLS = 2_000_000;
const fold = (name: string) => name.toLocaleLowerCase();
/** Text HyperFormula may read as a date or a percentage. */
const LOOKS_PARSED =
  /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|[-+]?[\d.,]+\s*%)\s*$/;

/** The workbook; `onChange` listeners run after `changed()` (the host calls it after each sync). */
export class Workbook {
  readonly evaluator = new Evaluator();
  /** How formulas are typed in Excel's language (formula bar, Range.formulasLocal): see locale.ts. */
  locale: FormulaLocale = ENGLISH;
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  readonly names: DefinedName[] = [];
  private activeSheet?: Sheet;
  private nextId = 1;
  private listeners = new Set<() => void>();

  get active(): Sheet {
    if (!this.activeSheet)
      throw new WorkbookError("GeneralException", "The workbook has no sheet.");
    return this.activeSheet;
  }

  /** Runs `listener` after each change; returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((sheet) => fold(sheet.name) === fold(name));
  }

  /** The sheet of this name, or Excel's ItemNotFound. */
  sheetOrThrow(name: string): Sheet {
    return this.sheet(name) ?? itemNotFound(`The worksheet "${name}" does not exist.`);
  }

  /** Adds a sheet at the end ("Sheet1", "Sheet2"... when no name is given), as worksheets.add does. */
  addSheet(name?: string): Sheet {
    let chosen = name;
    if (chosen === undefined || chosen === "") {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen);
    const sheet: Sheet = {
      id: this.nextId++,
      name: chosen,
      numberFormats: new Map(),
      styles: new Map(),
      columnStyles: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      conditionalFormats: [],
      charts: [],
      selection: { r0: 0, c0: 0, r1: 0, c1: 0 },
      showGridlines: true,
    };
    this.evaluator.addSheet(chosen);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  private checkSheetName(name: string, except?: Sheet): void {
    if (
      typeof name !== "string" ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      /^'|'$/.test(name)
    )
      invalidArgument(`"${name}" is not a valid sheet name.`);
    const other = this.sheet(name);
    if (other && other !== except)
      throw new WorkbookError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  renameSheet(sheet: Sheet, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    this.evaluator.renameSheet(sheet.name, name);
    const old = sheet.name;
    sheet.name = name;
    for (const defined of this.names) defined.formula = renameInFormula(defined.formula, old, name);
    this.resolveTableNames();
  }

  /** Deletes a sheet with its tables; names that pointed into it now read #REF!, as in Excel. */
  deleteSheet(sheet: Sheet): void {
    if (this.sheets.length === 1)
      throw new WorkbookError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.evaluator.removeSheet(sheet.name);
    this.sheets.splice(index, 1);
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.deleteTable(table);
    for (const defined of this.names) {
      if (refersToSheet(defined.formula, sheet.name)) {
        defined.formula = "=#REF!";
        this.evaluator.changeName(defined.name, "=#REF!");
      }
    }
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, index - 1)];
  }

  activate(sheet: Sheet): void {
    this.activeSheet = sheet;
  }

  /** Selects an area of a sheet and brings the sheet to the front, as Range.select does. */
  select(sheet: Sheet, area: Area): void {
    sheet.selection = { ...area };
    this.activeSheet = sheet;
  }

  /** The selection of the active sheet: what getSelectedRange returns. */
  selection(): { sheet: Sheet; area: Area } {
    return { sheet: this.active, area: this.active.selection };
  }

  /**
   * Resolves an address with or without a sheet ("'CRM Export'!A1:B2", "B:D") against a sheet.
   * Throws InvalidArgument for anything that is not an address.
   */
  resolve(address: string, sheet?: Sheet): { sheet: Sheet; area: Area } {
    const { sheet: named, address: local } = splitSheet(address.trim());
    const target = named !== undefined ? this.sheetOrThrow(named) : sheet;
    const area = parseArea(local);
    if (!target || !area) invalidArgument(`The address "${address}" is not valid.`);
    return { sheet: target, area };
  }

  /** Writes constants or formulas: a grid the size of the area, or one value for every cell. */
  setContents(sheet: Sheet, area: Area, input: unknown): void {
    const grid = this.gridFor(area, input, "value");
    const entries = grid.map((line) => line.map(toInput));
    this.evaluator.set(sheet.name, area.r0, area.c0, entries);
    // Text typed as a date or a percentage gets a date or percent format, as in Excel.
    entries.forEach((line, r) =>
      line.forEach((entry, c) => {
        // Only text shaped like a date or a percentage is asked about, so writes need no recalculation.
        if (typeof entry !== "string" || !LOOKS_PARSED.test(entry)) return;
        const row = area.r0 + r;
        const col = area.c0 + c;
        if (this.numberFormat(sheet, row, col) !== "General") return;
        const kind = this.evaluator.parsedKind(sheet.name, row, col);
        if (kind === "date") sheet.numberFormats.set(cellId(row, col), "yyyy-mm-dd");
        if (kind === "percent") sheet.numberFormats.set(cellId(row, col), "0%");
      })
    );
  }

  /**
   * Writes what a person types in Excel's language (the formula bar, Range.formulasLocal):
   * formulas are read with the locale's names and separators and stored in English.
   */
  setLocalContents(sheet: Sheet, area: Area, input: unknown): void {
    const local = (entry: unknown) =>
      typeof entry === "string" ? toEnglishFormula(entry, this.locale) : entry;
    this.setContents(
      sheet,
      area,
      Array.isArray(input)
        ? input.map((line: unknown) => (Array.isArray(line) ? line.map(local) : local(line)))
        : local(input)
    );
  }

  setNumberFormats(sheet: Sheet, area: Area, input: unknown): void {
    if (isWholeColumns(area) && !Array.isArray(input)) {
      for (let c = area.c0; c <= area.c1; c++)
        this.columnStyle(sheet, c).numberFormat = String(input);
      return;
    }
    const grid = this.gridFor(area, input, "number format");
    grid.forEach((line, r) =>
      line.forEach((format, c) => {
        if (format === null || format === undefined) return;
        sheet.numberFormats.set(cellId(area.r0 + r, area.c0 + c), String(format));
      })
    );
  }

  /** Sets one formatting property over an area; whole columns keep it as a column format. */
  setStyle(sheet: Sheet, area: Area, key: string, value: unknown): void {
    if (isWholeColumns(area)) {
      for (let c = area.c0; c <= area.c1; c++) this.columnStyle(sheet, c)[key] = value;
      return;
    }
    this.checkWriteSize(area);
    for (let r = area.r0; r <= area.r1; r++)
      for (let c = area.c0; c <= area.c1; c++) {
        const id = cellId(r, c);
        const style = sheet.styles.get(id) ?? {};
        style[key] = value;
        sheet.styles.set(id, style);
      }
  }

  private columnStyle(sheet: Sheet, col: number): Style {
    let style = sheet.columnStyles.get(col);
    if (!style) sheet.columnStyles.set(col, (style = {}));
    return style;
  }

  /** Clears contents and/or formats ("All", "Contents", "Formats"), as Range.clear does. */
  clear(sheet: Sheet, area: Area, applyTo = "All"): void {
    const bounded = intersectArea(area, this.usedArea(sheet, false) ?? area);
    if (!bounded) return;
    if (applyTo === "All" || applyTo === "Contents") {
      const empty = Array.from({ length: areaRows(bounded) }, () =>
        Array<CellInput>(areaColumns(bounded)).fill(null)
      );
      this.evaluator.set(sheet.name, bounded.r0, bounded.c0, empty);
    }
    if (applyTo === "All" || applyTo === "Formats") {
      for (let r = bounded.r0; r <= bounded.r1; r++)
        for (let c = bounded.c0; c <= bounded.c1; c++) {
          sheet.styles.delete(cellId(r, c));
          sheet.numberFormats.delete(cellId(r, c));
        }
    }
  }

  private checkWriteSize(area: Area): void {
    if (areaRows(area) * areaColumns(area) > MAX_WRITE_CELLS)
      throw new WorkbookError(
        "NotImplemented",
        `The preview does not write ${areaRows(area) * areaColumns(area)} cells at once.`
      );
  }

  /** A grid of `area`'s size from an Office.js input: the grid itself, or one value repeated. */
  private gridFor(area: Area, input: unknown, what: string): unknown[][] {
    if (!Array.isArray(input)) {
      this.checkWriteSize(area);
      return Array.from({ length: areaRows(area) }, () => Array(areaColumns(area)).fill(input));
    }
    const fits =
      input.length === areaRows(area) &&
      input.every((line) => Array.isArray(line) && line.length === areaColumns(area));
    if (!fits)
      invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}s for ${areaRows(area)} x ${areaColumns(area)}).`
      );
    return input as unknown[][];
  }

  numberFormat(sheet: Sheet, row: number, col: number): string {
    return (
      sheet.numberFormats.get(cellId(row, col)) ??
      (sheet.columnStyles.get(col)?.numberFormat as string | undefined) ??
      "General"
    );
  }

  /** A cell's formatting: its column's, then its own. */
  style(sheet: Sheet, row: number, col: number): Style {
    const column = sheet.columnStyles.get(col);
    const own = sheet.styles.get(cellId(row, col));
    return column || own ? { ...column, ...own } : {};
  }

  value(sheet: Sheet, row: number, col: number): CellValue {
    return this.evaluator.value(sheet.name, row, col);
  }

  /**
   * What Range.values reads: "" for blank, and for an error the error's text ("#N/A", "#DIV/0!"), as
   * Range.values is documented: "Cells that contain an error will return the error string."
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
   */
  readValues(sheet: Sheet, area: Area): (string | number | boolean)[][] {
    return this.evaluator.values(sheet.name, area).map((line) => line.map(excelValue));
  }

  /** What Range.formulas reads: the formula, or the constant, or "". */
  readFormulas(sheet: Sheet, area: Area): (string | number | boolean)[][] {
    return this.readValues(sheet, area).map((line, r) =>
      line.map((value, c) => this.evaluator.formula(sheet.name, area.r0 + r, area.c0 + c) ?? value)
    );
  }

  /** What Range.formulasLocal reads: formulas in Excel's language, constants as they are. */
  readFormulasLocal(sheet: Sheet, area: Area): (string | number | boolean)[][] {
    return this.readFormulas(sheet, area).map((line) =>
      line.map((entry) => (typeof entry === "string" ? toLocalFormula(entry, this.locale) : entry))
    );
  }

  /** A stored formula ("=...") as the formula bar shows it in Excel's language. */
  localFormula(formula: string): string {
    return toLocalFormula(formula, this.locale);
  }

  readNumberFormats(sheet: Sheet, area: Area): string[][] {
    return grid(area, (r, c) => this.numberFormat(sheet, r, c));
  }

  /** What Range.text reads: each value shown with its number format. */
  readText(sheet: Sheet, area: Area): string[][] {
    const values = this.evaluator.values(sheet.name, area);
    return values.map((line, r) =>
      line.map((value, c) => formatValue(value, this.numberFormat(sheet, area.r0 + r, area.c0 + c)))
    );
  }

  /**
   * What Range.valueTypes reads, one Excel.RangeValueType per cell: "Empty" for a blank, "Error" for
   * an error (whose Range.values entry is its text), "Double", "String" or "Boolean" otherwise.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-valuetypes-member
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangevaluetype
   */
  readValueTypes(sheet: Sheet, area: Area): string[][] {
    return this.evaluator.values(sheet.name, area).map((line) =>
      line.map((value) => {
        if (value === null || value === "") return "Empty";
        if (typeof value === "object") return "Error";
        const types: Record<string, string> = {
          number: "Double",
          string: "String",
          boolean: "Boolean",
        };
        return types[typeof value] ?? "Unknown";
      })
    );
  }

  /**
   * The used range: from the first to the last cell with contents (or, unless valuesOnly, a format).
   * Undefined for an empty sheet.
   */
  usedArea(sheet: Sheet, valuesOnly: boolean): Area | undefined {
    let area = this.contentArea(sheet);
    if (!valuesOnly) {
      for (const map of [sheet.styles, sheet.numberFormats]) {
        for (const id of map.keys()) {
          const row = Math.floor(id / MAX_COLUMNS);
          const col = id % MAX_COLUMNS;
          area = unionArea(area, { r0: row, c0: col, r1: row, c1: col });
        }
      }
    }
    return area;
  }

  /** The bounding box of cells with contents; HyperFormula knows its far corner, the near one is searched. */
  private contentArea(sheet: Sheet): Area | undefined {
    const { rows, cols } = this.evaluator.contentExtent(sheet.name);
    if (rows === 0 || cols === 0) return undefined;
    const filled = (r: number, c: number) => this.evaluator.value(sheet.name, r, c) !== null;
    let r0 = 0;
    while (r0 < rows && !rangeHas(cols, (c) => filled(r0, c))) r0++;
    let c0 = 0;
    while (c0 < cols && !rangeHas(rows - r0, (r) => filled(r0 + r, c0))) c0++;
    if (r0 >= rows || c0 >= cols) return undefined;
    return { r0, c0, r1: rows - 1, c1: cols - 1 };
  }

  table(name: string): Table | undefined {
    return this.tables.find((table) => fold(table.name) === fold(name));
  }

  /** Adds an Excel table over an area ("Table1"... unless named). */
  addTable(sheet: Sheet, area: Area, hasHeaders: boolean, name?: string): Table {
    let chosen = name;
    if (!chosen) {
      let n = 1;
      while (this.table(`Table${n}`) || this.definedName(`Table${n}`)) n++;
      chosen = `Table${n}`;
    }
    if (!isValidName(chosen)) invalidArgument(`"${chosen}" is not a valid table name.`);
    if (this.table(chosen) || this.definedName(chosen))
      throw new WorkbookError("ItemAlreadyExists", `The name "${chosen}" is already taken.`);
    if (isWholeColumns(area) || isWholeRows(area))
      invalidArgument("A table cannot span whole columns or rows here.");
    const overlap = this.tables.find((t) => t.sheet === sheet && intersectArea(t.area, area));
    if (overlap)
      throw new WorkbookError("InvalidOperation", `The range overlaps the table ${overlap.name}.`);
    if (!hasHeaders)
      // Excel would insert a header row and shift the data down; the preview does not shift cells.
      throw new WorkbookError(
        "NotImplemented",
        "The preview only adds tables whose first row holds the headers (hasHeaders true)."
      );
    const table: Table = {
      id: this.nextId++,
      name: chosen,
      sheet,
      area: { ...area },
      showHeaders: true,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return table;
  }

  /**
   * Removes a table; names whose structured references pointed at it read #REF!, as formulas that
   * referred to a deleted table do in Excel.
   */
  deleteTable(table: Table): void {
    const index = this.tables.indexOf(table);
    if (index < 0) return;
    const isIt = (name: string) => fold(name) === fold(table.name);
    for (const defined of this.names) {
      if (!hasStructuredRefs(defined.formula, isIt)) continue;
      defined.formula = mapStructuredRefs(defined.formula, isIt, () => "#REF!");
    }
    this.tables.splice(index, 1);
    this.resolveTableNames();
  }

  /** Renames a table and the structured references to it in names, as Excel updates formulas. */
  renameTable(table: Table, name: string): void {
    if (!isValidName(name)) invalidArgument(`"${name}" is not a valid table name.`);
    const other = this.table(name) ?? this.definedName(name);
    if (other && other !== table)
      throw new WorkbookError("ItemAlreadyExists", `The name "${name}" is already taken.`);
    const isIt = (n: string) => fold(n) === fold(table.name);
    for (const defined of this.names)
      defined.formula = mapStructuredRefs(defined.formula, isIt, (ref) =>
        formatStructured({ ...ref, table: name })
      );
    table.name = name;
  }

  /**
   * Appends (index null or -1) or inserts data rows in a table, as TableRowCollection.add does:
   * "If null or -1, the addition happens at the end. Any rows below the inserted row are shifted
   * downwards." The table grows by the rows, cells below it in its columns move down, each new row
   * takes the number formats of the row above it, and names that refer to the table follow it.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
   * @returns The index (within the data rows) of the first added row.
   */
  addTableRows(table: Table, index: number | null, values: unknown[][] | undefined): number {
    const width = areaColumns(table.area);
    const dataRows = areaRows(table.area) - 1;
    const at = index === null || index === -1 ? dataRows : index;
    if (!Number.isInteger(at) || at < 0 || at > dataRows)
      invalidArgument(`The index ${String(index)} is outside the table's ${dataRows} rows.`);
    const count = values ? values.length : 1;
    if (count < 1) invalidArgument("values must hold at least one row.");
    if (values && !values.every((line) => Array.isArray(line) && line.length === width))
      invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (rows of ${width} values for the table ${table.name}).`
      );
    const row = table.area.r0 + 1 + at;
    const { c0, c1 } = table.area;
    const below = this.tables.find(
      (t) =>
        t !== table &&
        t.sheet === table.sheet &&
        t.area.r0 >= row &&
        t.area.c0 <= c1 &&
        t.area.c1 >= c0
    );
    if (below)
      throw new WorkbookError(
        "NotImplemented",
        `The preview does not move the table ${below.name} below ${table.name} down.`
      );
    const used = this.usedArea(table.sheet, true);
    if (used && used.r1 >= row) {
      const moved = intersectArea({ r0: row, c0, r1: used.r1, c1 }, used);
      if (moved) {
        if (moved.r1 + count >= MAX_ROWS)
          invalidArgument("The rows would push cells off the bottom of the worksheet.");
        this.evaluator.move(table.sheet.name, { ...moved, c0, c1 }, moved.r0 + count, c0);
      }
    }
    table.area = { ...table.area, r1: table.area.r1 + count };
    if (values) this.setContents(table.sheet, { r0: row, c0, r1: row + count - 1, c1 }, values);
    if (row - 1 > table.area.r0)
      for (let c = c0; c <= c1; c++) {
        const format = table.sheet.numberFormats.get(cellId(row - 1, c));
        if (format === undefined) continue;
        for (let r = row; r < row + count; r++)
          if (!table.sheet.numberFormats.has(cellId(r, c)))
            table.sheet.numberFormats.set(cellId(r, c), format);
      }
    this.resolveTableNames();
    return at;
  }

  /** A structured reference resolved to the table's current cells, or #REF! when it has no such column. */
  private resolveRef(ref: StructuredRef): string {
    const table = this.table(ref.table);
    if (!table) return "#REF!";
    const { area } = table;
    const body = { r0: area.r0 + 1, r1: Math.max(area.r1, area.r0 + 1) };
    let rows = body;
    if (ref.item === "All") rows = { r0: area.r0, r1: area.r1 };
    if (ref.item === "Headers") rows = { r0: area.r0, r1: area.r0 };
    let cols = { c0: area.c0, c1: area.c1 };
    if (ref.column !== undefined) {
      const headers = this.readText(table.sheet, { ...area, r1: area.r0 })[0];
      const wanted = fold(ref.column);
      let index = headers.findIndex((h) => fold(h) === wanted);
      if (index < 0) index = headers.findIndex((h) => fold(h.trim()) === fold(ref.column!.trim()));
      if (index < 0) return "#REF!";
      cols = { c0: area.c0 + index, c1: area.c0 + index };
    }
    const address = formatAddress(table.sheet.name, { ...rows, ...cols });
    const bang = address.lastIndexOf("!");
    return `${address.slice(0, bang + 1)}${absoluteAddress(address.slice(bang + 1))}`;
  }

  /** A name's formula as HyperFormula takes it: structured references resolved. */
  private evaluable(formula: string): string {
    return mapStructuredRefs(
      formula,
      (name) => this.table(name) !== undefined,
      (ref) => this.resolveRef(ref)
    );
  }

  /** Hands HyperFormula the current cells of every name that refers to a table. */
  private resolveTableNames(): void {
    for (const defined of this.names) {
      if (defined.resolved === undefined) continue;
      const resolved = this.evaluable(defined.formula);
      if (resolved === defined.resolved) continue;
      defined.resolved = resolved;
      this.evaluator.changeName(defined.name, resolved);
    }
  }

  definedName(name: string): DefinedName | undefined {
    return this.names.find((defined) => fold(defined.name) === fold(name));
  }

  /** Adds a workbook-level name; `formula` starts with "=", as names.add takes it. */
  addName(name: string, formula: string, comment = ""): DefinedName {
    if (!isValidName(name) || !this.evaluator.isValidName(name))
      invalidArgument(`"${name}" is not a valid name.`);
    if (this.definedName(name) || this.table(name))
      throw new WorkbookError("ItemAlreadyExists", `The name "${name}" already exists.`);
    if (typeof formula !== "string" || !formula.startsWith("="))
      invalidArgument(`The reference of ${name} must start with "=".`);
    const { sheet } = splitSheet(formula.slice(1));
    if (sheet !== undefined && !this.sheet(sheet))
      invalidArgument(`The name ${name} refers to the sheet "${sheet}", which does not exist.`);
    const resolved = this.evaluable(formula);
    try {
      this.evaluator.addName(name, resolved);
    } catch (error) {
      invalidArgument(`The name ${name} cannot be added: ${String(error)}`);
    }
    const defined: DefinedName = { name, formula, comment, visible: true };
    if (resolved !== formula) defined.resolved = resolved;
    this.names.push(defined);
    return defined;
  }

  setNameFormula(defined: DefinedName, formula: string): void {
    const resolved = this.evaluable(formula);
    this.evaluator.changeName(defined.name, resolved);
    defined.formula = formula;
    defined.resolved = resolved !== formula ? resolved : undefined;
  }

  deleteName(defined: DefinedName): void {
    const index = this.names.indexOf(defined);
    if (index < 0) return;
    this.evaluator.removeName(defined.name);
    this.names.splice(index, 1);
  }

  /** The range a name refers to, when it is a plain reference. */
  nameRange(defined: DefinedName): { sheet: Sheet; area: Area } | undefined {
    try {
      const { sheet, address } = splitSheet((defined.resolved ?? defined.formula).slice(1));
      const target = sheet !== undefined ? this.sheet(sheet) : undefined;
      const area = parseArea(address);
      return target && area ? { sheet: target, area } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The address of an area on a sheet, as Range.address gives it. */
  address(sheet: Sheet, area: Area): string {
    return formatAddress(sheet.name, area);
  }

  newId(): number {
    return this.nextId++;
  }
}

function rangeHas(length: number, test: (i: number) => boolean): boolean {
  for (let i = 0; i < length; i++) if (test(i)) return true;
  return false;
}

function grid<T>(area: Area, cell: (row: number, col: number) => T): T[][] {
  return Array.from({ length: areaRows(area) }, (_, r) =>
    Array.from({ length: areaColumns(area) }, (_, c) => cell(area.r0 + r, area.c0 + c))
  );
}

/** A computed value as Range.values gives it. */
function excelValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

/** An Office.js input value: null leaves the cell as it is (undefined here), text keeps its meaning. */
function toInput(value: unknown): CellInput | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  invalidArgument(`A cell cannot hold ${Array.isArray(value) ? "an array" : typeof value}.`);
}

/** Excel's rule for names: a letter, _ or \ first, then letters, digits, _ and .; not a cell address. */
export function isValidName(name: string): boolean {
  return (
    typeof name === "string" &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[rc]$/i.test(name) &&
    !/^R\d*C\d*$/i.test(name)
  );
}

function refersToSheet(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  const lower = formula.toLocaleLowerCase();
  return (
    lower.includes(fold(quoted)) || new RegExp(`[=(,]${escapeRegExp(fold(sheet))}!`).test(lower)
  );
}

function renameInFormula(formula: string, from: string, to: string): string {
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'!`;
  return formula
    .split(quote(from))
    .join(quote(to))
    .replace(new RegExp(`([=(,])${escapeRegExp(from)}!`, "g"), `$1${quote(to)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "A1:B2" -> "$A$1:$B$2". */
function absoluteAddress(address: string): string {
  return address.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");
}

/** A structured reference written back, escaped as Excel writes it (see structured.ts). */
function formatStructured(ref: StructuredRef): string {
  if (ref.column === undefined) return `${ref.table}[#${ref.item ?? "Data"}]`;
  const escaped = ref.column.replace(/[[\]#']/g, "'$&");
  return /[\t\n\r,:.[\]#'"{}$^&*+=\-></]/.test(ref.column)
    ? `${ref.table}[[${escaped}]]`
    : `${ref.table}[${escaped}]`;
}

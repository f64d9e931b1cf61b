/** The workbook, its worksheets, tables and defined names, on the simulated workbook. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  areaColumns,
  areaRows,
  formatArea,
  sheetPrefix,
} from "../workbook/address";
import { WorkbookError, invalidArgument, itemNotFound } from "../workbook/errors";
import type { DefinedName, Sheet, Table } from "../workbook/workbook";
import {
  type HostContext,
  type Impl,
  type Node,
  checkSheet,
  impl,
  integer,
  rangeNode,
  text,
} from "./nodes";
import { rangeArg } from "./rangeImpl";

const worksheet = (sheet: Sheet): Node => ({ type: "Worksheet", data: sheet });
const table = (data: Table): Node => ({ type: "Table", data });
const named = (data: DefinedName): Node => ({ type: "NamedItem", data });

/** Worksheet.id: stable and unique, shaped like Excel's. */
function sheetId(sheet: Sheet): string {
  return `{00000000-0001-0000-${String(sheet.id).padStart(4, "0")}-000000000000}`;
}

function findSheet(key: unknown, context: HostContext): Sheet | undefined {
  const name = text(key, "The worksheet's name or id");
  return context.workbook.sheet(name) ?? context.workbook.sheets.find((s) => sheetId(s) === name);
}

const workbookImpl = impl<null>({
  props: { name: { get: () => "Book1" } },
  nav: {
    worksheets: () => ({ type: "WorksheetCollection", data: null }),
    tables: () => ({ type: "TableCollection", data: { sheet: undefined } }),
    names: () => ({ type: "NamedItemCollection", data: null }),
  },
  methods: {
    getSelectedRange: (_data, _args, { workbook }) => {
      const { sheet, area } = workbook.selection();
      return rangeNode(sheet, area);
    },
    getActiveCell: (_data, _args, { workbook }) => {
      const { sheet, area } = workbook.selection();
      return rangeNode(sheet, { r0: area.r0, c0: area.c0, r1: area.r0, c1: area.c0 });
    },
  },
});

const worksheets = impl<null>({
  items: (_data, { workbook }) => workbook.sheets.map(worksheet),
  methods: {
    add: (_data, [name], { workbook }) =>
      worksheet(
        workbook.addSheet(name === undefined || name === null ? undefined : text(name, "The name"))
      ),
    getItem: (_data, [key], context) =>
      worksheet(
        findSheet(key, context) ?? itemNotFound(`The worksheet "${String(key)}" does not exist.`)
      ),
    getActiveWorksheet: (_data, _args, { workbook }) => worksheet(workbook.active),
    getFirst: (_data, _args, { workbook }) => worksheet(workbook.sheets[0]),
  },
  nullable: {
    getItemOrNullObject: (_data, [key], context) => {
      const sheet = findSheet(key, context);
      return sheet && worksheet(sheet);
    },
  },
  results: { getCount: (_data, _args, { workbook }) => workbook.sheets.length },
});

const sheetImpl = impl<Sheet>({
  check: checkSheet,
  props: {
    name: {
      get: (sheet) => sheet.name,
      set: (sheet, value, { workbook }) => workbook.renameSheet(sheet, text(value, "The name")),
    },
    id: { get: sheetId },
    position: { get: (sheet, { workbook }) => workbook.sheets.indexOf(sheet) },
    visibility: { get: () => "Visible" },
    tabColor: {
      get: (sheet) => sheet.tabColor ?? "",
      set: (sheet, value) => {
        sheet.tabColor = value ? String(value) : undefined;
      },
    },
    showGridlines: {
      get: (sheet) => sheet.showGridlines,
      set: (sheet, value) => {
        sheet.showGridlines = Boolean(value);
      },
    },
  },
  nav: {
    freezePanes: (sheet) => ({ type: "WorksheetFreezePanes", data: sheet }),
    charts: (sheet) => ({ type: "ChartCollection", data: sheet }),
    tables: (sheet) => ({ type: "TableCollection", data: { sheet } }),
  },
  methods: {
    getRange: (sheet, [address], { workbook }) => {
      if (address === undefined || address === null)
        return rangeNode(sheet, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 });
      const resolved = workbook.resolve(text(address, "The address"), sheet);
      if (resolved.sheet !== sheet)
        invalidArgument(`The address "${String(address)}" is on another worksheet.`);
      return rangeNode(sheet, resolved.area);
    },
    getRangeByIndexes: (sheet, [row, col, rows, cols]) => {
      const r0 = integer(row, "startRow");
      const c0 = integer(col, "startColumn");
      const r1 = r0 + integer(rows, "rowCount", 1) - 1;
      const c1 = c0 + integer(cols, "columnCount", 1) - 1;
      if (r1 >= MAX_ROWS || c1 >= MAX_COLUMNS)
        invalidArgument("The range would lie outside the worksheet.");
      return rangeNode(sheet, { r0, c0, r1, c1 });
    },
    getUsedRange: (sheet, [valuesOnly], { workbook }) =>
      rangeNode(
        sheet,
        workbook.usedArea(sheet, valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }
      ),
    getCell: (sheet, [row, col]) => {
      const r = integer(row, "row");
      const c = integer(col, "column");
      return rangeNode(sheet, { r0: r, c0: c, r1: r, c1: c });
    },
  },
  nullable: {
    getUsedRangeOrNullObject: (sheet, [valuesOnly], { workbook }) => {
      const area = workbook.usedArea(sheet, valuesOnly === true);
      return area && rangeNode(sheet, area);
    },
  },
  actions: {
    activate: (sheet, _args, { workbook }) => workbook.activate(sheet),
    delete: (sheet, _args, { workbook }) => workbook.deleteSheet(sheet),
  },
});

const freezePanes = impl<Sheet>({
  actions: {
    freezeRows: (sheet, [count]) => {
      sheet.frozenRows = count === undefined ? 1 : integer(count, "rowCount");
    },
    freezeColumns: (sheet, [count]) => {
      sheet.frozenColumns = count === undefined ? 1 : integer(count, "columnCount");
    },
    freezeAt: (sheet, [frozen], context) => {
      const { area } = rangeArg(frozen, context, sheet);
      sheet.frozenRows = area.r1 + 1;
      sheet.frozenColumns = area.c1 + 1;
    },
    unfreeze: (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    },
  },
});

function tablesOf(sheet: Sheet | undefined, context: HostContext): Table[] {
  return context.workbook.tables.filter((t) => !sheet || t.sheet === sheet);
}

function findTable(
  key: unknown,
  sheet: Sheet | undefined,
  context: HostContext
): Table | undefined {
  const name = String(key);
  return tablesOf(sheet, context).find(
    (t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase() || String(t.id) === name
  );
}

const tables = impl<{ sheet?: Sheet }>({
  items: ({ sheet }, context) => tablesOf(sheet, context).map(table),
  methods: {
    add: ({ sheet }, [address, hasHeaders], context) => {
      const source = rangeArg(address, context, sheet ?? context.workbook.active);
      if (sheet && source.sheet !== sheet) invalidArgument("The range is on another worksheet.");
      return table(context.workbook.addTable(source.sheet, source.area, hasHeaders !== false));
    },
    getItem: ({ sheet }, [key], context) =>
      table(
        findTable(key, sheet, context) ?? itemNotFound(`The table "${String(key)}" does not exist.`)
      ),
    getItemAt: ({ sheet }, [index], context) =>
      table(
        tablesOf(sheet, context)[integer(index, "index")] ??
          itemNotFound(`There is no table at ${String(index)}.`)
      ),
  },
  nullable: {
    getItemOrNullObject: ({ sheet }, [key], context) => {
      const found = findTable(key, sheet, context);
      return found && table(found);
    },
  },
  results: { getCount: ({ sheet }, _args, context) => tablesOf(sheet, context).length },
});

function checkTable(data: Table, context: HostContext): void {
  if (!context.workbook.tables.includes(data))
    throw new WorkbookError("InvalidReference", `The table "${data.name}" was deleted.`);
}

const tableImpl = impl<Table>({
  check: checkTable,
  props: {
    name: {
      get: (t) => t.name,
      // Renaming updates the structured references to the table, as in Excel.
      set: (t, value, { workbook }) => workbook.renameTable(t, text(value, "The name")),
    },
    id: { get: (t) => String(t.id) },
    showHeaders: { get: (t) => t.showHeaders },
    showTotals: { get: () => false },
    style: {
      get: (t) => t.style,
      set: (t, value) => {
        t.style = String(value);
      },
    },
  },
  nav: {
    worksheet: (t) => worksheet(t.sheet),
    columns: (t) => ({ type: "TableColumnCollection", data: t }),
    rows: (t) => ({ type: "TableRowCollection", data: t }),
  },
  methods: {
    getRange: (t) => rangeNode(t.sheet, t.area),
    getHeaderRowRange: (t) => rangeNode(t.sheet, { ...t.area, r1: t.area.r0 }),
    getDataBodyRange: (t) =>
      rangeNode(t.sheet, { ...t.area, r0: t.area.r0 + 1, r1: Math.max(t.area.r1, t.area.r0 + 1) }),
  },
  actions: {
    // Deleting a table removes its cells' contents and formats, as Table.delete does in Excel.
    delete: (t, _args, { workbook }) => {
      workbook.clear(t.sheet, t.area, "All");
      workbook.deleteTable(t);
    },
  },
});

interface RowData {
  table: Table;
  /** Index among the data rows, as TableRow.index gives it. */
  index: number;
}

const tableRowNode = (t: Table, index: number): Node => ({
  type: "TableRow",
  data: { table: t, index },
});

function rowArea(t: Table, index: number) {
  const r = t.area.r0 + 1 + index;
  return { r0: r, r1: r, c0: t.area.c0, c1: t.area.c1 };
}

/**
 * TableRowCollection: add(index, values) appends or inserts rows and gives the first added row
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1));
 * the table, and names referring to it, grow.
 */
const tableRows = impl<Table>({
  check: checkTable,
  props: { count: { get: (t) => areaRows(t.area) - 1 } },
  items: (t) => Array.from({ length: areaRows(t.area) - 1 }, (_, index) => tableRowNode(t, index)),
  methods: {
    add: (t, [index, values, alwaysInsert], { workbook }) => {
      if (alwaysInsert === false)
        throw new WorkbookError(
          "NotImplemented",
          "rows.add with alwaysInsert false is not simulated."
        );
      if (values !== undefined && values !== null && !Array.isArray(values))
        invalidArgument("values must be a 2-D array.");
      const at = workbook.addTableRows(
        t,
        index === undefined || index === null ? null : integer(index, "index", -1),
        (values ?? undefined) as unknown[][] | undefined
      );
      return tableRowNode(t, at);
    },
    getItemAt: (t, [index]) => {
      const i = integer(index, "index");
      if (i >= areaRows(t.area) - 1) itemNotFound(`The table ${t.name} has no row ${i}.`);
      return tableRowNode(t, i);
    },
  },
  results: { getCount: (t) => areaRows(t.area) - 1 },
});

const tableRow = impl<RowData>({
  check: ({ table: t }, context) => checkTable(t, context),
  props: {
    index: { get: ({ index }) => index },
    values: {
      get: ({ table: t, index }, { workbook }) => workbook.readValues(t.sheet, rowArea(t, index)),
      set: ({ table: t, index }, value, { workbook }) =>
        workbook.setContents(t.sheet, rowArea(t, index), value),
    },
  },
  methods: { getRange: ({ table: t, index }) => rangeNode(t.sheet, rowArea(t, index)) },
});

interface ColumnData {
  table: Table;
  index: number;
}

function columnNames(t: Table, context: HostContext): string[] {
  return context.workbook.readText(t.sheet, { ...t.area, r1: t.area.r0 })[0];
}

const tableColumns = impl<Table>({
  check: checkTable,
  items: (t) =>
    Array.from({ length: areaColumns(t.area) }, (_, index) => ({
      type: "TableColumn",
      data: { table: t, index },
    })),
  methods: {
    getItem: (t, [key], context) => {
      const index = findColumn(t, key, context);
      if (index < 0) itemNotFound(`The table ${t.name} has no column "${String(key)}".`);
      return { type: "TableColumn", data: { table: t, index } };
    },
    getItemAt: (t, [index]) => {
      const i = integer(index, "index");
      if (i >= areaColumns(t.area)) itemNotFound(`The table ${t.name} has no column ${i}.`);
      return { type: "TableColumn", data: { table: t, index: i } };
    },
  },
  nullable: {
    getItemOrNullObject: (t, [key], context) => {
      const index = findColumn(t, key, context);
      return index < 0 ? undefined : { type: "TableColumn", data: { table: t, index } };
    },
  },
  results: { getCount: (t) => areaColumns(t.area) },
});

function findColumn(t: Table, key: unknown, context: HostContext): number {
  if (typeof key === "number") return key >= 1 && key <= areaColumns(t.area) ? key - 1 : -1;
  const wanted = String(key).toLocaleLowerCase();
  return columnNames(t, context).findIndex((name) => name.toLocaleLowerCase() === wanted);
}

const tableColumn = impl<ColumnData>({
  check: ({ table: t }, context) => checkTable(t, context),
  props: {
    name: { get: ({ table: t, index }, context) => columnNames(t, context)[index] },
    index: { get: ({ index }) => index },
    id: { get: ({ index }) => index + 1 },
  },
  methods: {
    getRange: ({ table: t, index }) => rangeNode(t.sheet, column(t, index, t.area.r0, t.area.r1)),
    getHeaderRowRange: ({ table: t, index }) =>
      rangeNode(t.sheet, column(t, index, t.area.r0, t.area.r0)),
    getDataBodyRange: ({ table: t, index }) =>
      rangeNode(t.sheet, column(t, index, t.area.r0 + 1, Math.max(t.area.r1, t.area.r0 + 1))),
  },
});

function column(t: Table, index: number, r0: number, r1: number) {
  return { r0, r1, c0: t.area.c0 + index, c1: t.area.c0 + index };
}

const names = impl<null>({
  items: (_data, { workbook }) => workbook.names.map(named),
  methods: {
    add: (_data, [name, reference, comment], context) => {
      let formula: string;
      if (typeof reference === "string")
        formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const { sheet, area } = rangeArg(reference, context);
        formula = `=${sheetPrefix(sheet.name)}${absolute(formatArea(area))}`;
      }
      const added = context.workbook.addName(
        text(name, "The name"),
        formula,
        comment === undefined || comment === null ? "" : String(comment)
      );
      return named(added);
    },
    getItem: (_data, [name], { workbook }) =>
      named(
        workbook.definedName(String(name)) ??
          itemNotFound(`The name "${String(name)}" does not exist.`)
      ),
  },
  nullable: {
    getItemOrNullObject: (_data, [name], { workbook }) => {
      const found = workbook.definedName(String(name));
      return found && named(found);
    },
  },
  results: { getCount: (_data, _args, { workbook }) => workbook.names.length },
});

/** "A1:B2" -> "$A$1:$B$2". */
function absolute(address: string): string {
  return address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function nameValue(defined: DefinedName, context: HostContext): unknown {
  const range = context.workbook.nameRange(defined);
  if (range) return context.workbook.address(range.sheet, range.area);
  const value = context.workbook.evaluator.nameValue(defined.name);
  if (value && typeof value === "object" && "value" in value)
    return (value as { value: unknown }).value;
  return value;
}

const namedItem = impl<DefinedName>({
  check: (defined, { workbook }) => {
    if (!workbook.names.includes(defined))
      throw new WorkbookError("InvalidReference", `The name ${defined.name} was deleted.`);
  },
  props: {
    name: { get: (d) => d.name },
    formula: {
      get: (d) => d.formula,
      set: (d, value, { workbook }) => {
        const formula = text(value, "The formula");
        workbook.setNameFormula(d, formula.startsWith("=") ? formula : `=${formula}`);
      },
    },
    comment: {
      get: (d) => d.comment,
      set: (d, value) => {
        d.comment = String(value ?? "");
      },
    },
    type: {
      get: (d, context) => {
        if (context.workbook.nameRange(d)) return "Range";
        if (d.formula === "=#REF!") return "Error";
        const value = nameValue(d, context);
        const types: Record<string, string> = {
          number: "Double",
          string: "String",
          boolean: "Boolean",
        };
        return types[typeof value] ?? (Array.isArray(value) ? "Array" : "Error");
      },
    },
    value: { get: nameValue },
    visible: {
      get: (d) => d.visible,
      set: (d, value) => {
        d.visible = Boolean(value);
      },
    },
    scope: { get: () => "Workbook" },
  },
  methods: {
    getRange: (d, _args, { workbook }) => {
      const range = workbook.nameRange(d);
      if (!range)
        throw new WorkbookError(
          "InvalidOperation",
          `The name ${d.name} does not refer to a range.`
        );
      return rangeNode(range.sheet, range.area);
    },
  },
  nullable: {
    getRangeOrNullObject: (d, _args, { workbook }) => {
      const range = workbook.nameRange(d);
      return range && rangeNode(range.sheet, range.area);
    },
  },
  actions: { delete: (d, _args, { workbook }) => workbook.deleteName(d) },
});

/** Implementations of the workbook's own types. */
export const WORKBOOK_IMPLS: Record<string, Impl<unknown>> = {
  Workbook: workbookImpl,
  WorksheetCollection: worksheets,
  Worksheet: sheetImpl,
  WorksheetFreezePanes: freezePanes,
  TableCollection: tables,
  Table: tableImpl,
  TableColumnCollection: tableColumns,
  TableRowCollection: tableRows,
  TableRow: tableRow,
  TableColumn: tableColumn,
  NamedItemCollection: names,
  NamedItem: namedItem,
};

/** Ranges, their formats and their conditional formats, on the simulated workbook. */
import { PAYLOAD_LIMIT } from "../standIn/protocol";
import {
  type Area,
  MAX_COLUMNS,
  MAX_ROWS,
  areaColumns,
  areaRows,
  intersectArea,
  isWholeColumns,
  isWholeRows,
} from "../workbook/address";
import { WorkbookError, invalidArgument, itemNotFound } from "../workbook/errors";
import type { ConditionalFormat, Sheet } from "../workbook/workbook";
import {
  type HostContext,
  type Impl,
  type Node,
  type RangeData,
  checkSheet,
  impl,
  integer,
  rangeNode,
} from "./nodes";

/** A range argument: a Range object or an address on `sheet` (or with its own sheet). */
export function rangeArg(arg: unknown, context: HostContext, sheet?: Sheet): RangeData {
  if (typeof arg === "string") return context.workbook.resolve(arg, sheet);
  const node = context.ref(arg, "Range");
  if (!node) invalidArgument("A range or an address is expected.");
  return node.data as RangeData;
}

/** Fails before a grid is built whose JSON could only exceed Excel on the web's response limit. */
function checkReadSize(area: Area): void {
  // Each cell costs at least three characters in the response ("",).
  if (areaRows(area) * areaColumns(area) * 3 > PAYLOAD_LIMIT)
    throw new WorkbookError(
      "ResponsePayloadSizeLimitExceeded",
      `Reading ${areaRows(area) * areaColumns(area)} cells at once exceeds the 5 MB response limit of Excel on the web; read in chunks.`
    );
}

function offset(data: RangeData, top: number, left: number, rows: number, cols: number): Node {
  const area = {
    r0: data.area.r0 + top,
    c0: data.area.c0 + left,
    r1: data.area.r0 + top + rows - 1,
    c1: data.area.c0 + left + cols - 1,
  };
  if (
    area.r0 < 0 ||
    area.c0 < 0 ||
    area.r1 >= MAX_ROWS ||
    area.c1 >= MAX_COLUMNS ||
    rows < 1 ||
    cols < 1
  )
    invalidArgument("The range would lie outside the worksheet.");
  return rangeNode(data.sheet, area);
}

/** A property read on the top-left cell, written on every cell of the range. */
function styleProp(key: string, fallback: unknown) {
  return {
    get: ({ sheet, area }: RangeData, context: HostContext) =>
      context.workbook.style(sheet, area.r0, area.c0)[key] ?? fallback,
    set: ({ sheet, area }: RangeData, value: unknown, context: HostContext) =>
      context.workbook.setStyle(sheet, area, key, value),
  };
}

function grid<T>(read: (data: RangeData, context: HostContext) => T) {
  return {
    get: (data: RangeData, context: HostContext) => {
      checkReadSize(data.area);
      return read(data, context);
    },
  };
}

const range = impl<RangeData>({
  check: ({ sheet }, context) => checkSheet(sheet, context),
  props: {
    values: {
      ...grid(({ sheet, area }, { workbook }) => workbook.readValues(sheet, area)),
      set: ({ sheet, area }, value, { workbook }) => workbook.setContents(sheet, area, value),
    },
    formulas: {
      ...grid(({ sheet, area }, { workbook }) => workbook.readFormulas(sheet, area)),
      set: ({ sheet, area }, value, { workbook }) => workbook.setContents(sheet, area, value),
    },
    // Range.formulasLocal: "in the user's language and number-formatting locale", ExcelApi 1.1
    // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member).
    formulasLocal: {
      ...grid(({ sheet, area }, { workbook }) => workbook.readFormulasLocal(sheet, area)),
      set: ({ sheet, area }, value, { workbook }) => workbook.setLocalContents(sheet, area, value),
    },
    numberFormat: {
      ...grid(({ sheet, area }, { workbook }) => workbook.readNumberFormats(sheet, area)),
      set: ({ sheet, area }, value, { workbook }) => workbook.setNumberFormats(sheet, area, value),
    },
    text: grid(({ sheet, area }, { workbook }) => workbook.readText(sheet, area)),
    valueTypes: grid(({ sheet, area }, { workbook }) => workbook.readValueTypes(sheet, area)),
    address: { get: ({ sheet, area }, { workbook }) => workbook.address(sheet, area) },
    addressLocal: { get: ({ sheet, area }, { workbook }) => workbook.address(sheet, area) },
    rowCount: { get: ({ area }) => areaRows(area) },
    columnCount: { get: ({ area }) => areaColumns(area) },
    rowIndex: { get: ({ area }) => area.r0 },
    columnIndex: { get: ({ area }) => area.c0 },
    cellCount: { get: ({ area }) => areaRows(area) * areaColumns(area) },
    isEntireColumn: { get: ({ area }) => isWholeColumns(area) },
    isEntireRow: { get: ({ area }) => isWholeRows(area) },
  },
  nav: {
    format: (data) => ({ type: "RangeFormat", data }),
    conditionalFormats: (data) => ({ type: "ConditionalFormatCollection", data }),
    worksheet: ({ sheet }) => ({ type: "Worksheet", data: sheet }),
  },
  methods: {
    getCell: (data, [row, col]) => offset(data, integer(row, "row"), integer(col, "column"), 1, 1),
    getRow: (data, [row]) => offset(data, integer(row, "row"), 0, 1, areaColumns(data.area)),
    getColumn: (data, [col]) => offset(data, 0, integer(col, "column"), areaRows(data.area), 1),
    getResizedRange: (data, [rows, cols]) =>
      offset(
        data,
        0,
        0,
        areaRows(data.area) + integer(rows, "deltaRows", -MAX_ROWS),
        areaColumns(data.area) + integer(cols, "deltaColumns", -MAX_COLUMNS)
      ),
    getOffsetRange: (data, [rows, cols]) =>
      offset(
        data,
        integer(rows, "rowOffset", -MAX_ROWS),
        integer(cols, "columnOffset", -MAX_COLUMNS),
        areaRows(data.area),
        areaColumns(data.area)
      ),
    getUsedRange: (data, [valuesOnly], context) =>
      usedWithin(data, valuesOnly === true, context) ?? itemNotFound("The range holds nothing."),
    getEntireColumn: ({ sheet, area }) => rangeNode(sheet, { ...area, r0: 0, r1: MAX_ROWS - 1 }),
    getEntireRow: ({ sheet, area }) => rangeNode(sheet, { ...area, c0: 0, c1: MAX_COLUMNS - 1 }),
    getIntersection: (data, [other], context) =>
      intersection(data, other, context) ?? itemNotFound("The ranges do not intersect."),
    getSurroundingRegion: (data, _args, context) => surroundingRegion(data, context),
  },
  nullable: {
    getUsedRangeOrNullObject: (data, [valuesOnly], context) =>
      usedWithin(data, valuesOnly === true, context),
    getIntersectionOrNullObject: (data, [other], context) => intersection(data, other, context),
  },
  actions: {
    select: ({ sheet, area }, _args, { workbook }) => workbook.select(sheet, area),
    clear: ({ sheet, area }, [applyTo], { workbook }) => {
      const what = applyTo ?? "All";
      if (!["All", "Contents", "Formats"].includes(String(what)))
        throw new WorkbookError(
          "NotImplemented",
          `Range.clear("${String(what)}") is not simulated.`
        );
      workbook.clear(sheet, area, String(what));
    },
  },
});

/**
 * Range.getSurroundingRegion: "the surrounding region for the top-left cell in this range. A
 * surrounding region is a range bounded by any combination of blank rows and blank columns relative
 * to this range" (Ctrl+Shift+* in Excel), diagonal neighbours included.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getsurroundingregion-member(1)
 */
function surroundingRegion({ sheet, area }: RangeData, { workbook }: HostContext): Node {
  const filled = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLUMNS && workbook.value(sheet, r, c) !== null;
  const used = workbook.usedArea(sheet, true);
  const box = { r0: area.r0, c0: area.c0, r1: area.r0, c1: area.c0 };
  if (!used || !intersectArea(used, box)) return rangeNode(sheet, box);
  const rowHas = (r: number) => {
    for (let c = box.c0 - 1; c <= box.c1 + 1; c++) if (filled(r, c)) return true;
    return false;
  };
  const colHas = (c: number) => {
    for (let r = box.r0 - 1; r <= box.r1 + 1; r++) if (filled(r, c)) return true;
    return false;
  };
  let grown = true;
  while (grown) {
    const before = { ...box };
    while (box.r1 < used.r1 && rowHas(box.r1 + 1)) box.r1++;
    while (box.r0 > used.r0 && rowHas(box.r0 - 1)) box.r0--;
    while (box.c1 < used.c1 && colHas(box.c1 + 1)) box.c1++;
    while (box.c0 > used.c0 && colHas(box.c0 - 1)) box.c0--;
    grown = (["r0", "c0", "r1", "c1"] as const).some((key) => box[key] !== before[key]);
  }
  return rangeNode(sheet, box);
}

function usedWithin(data: RangeData, valuesOnly: boolean, context: HostContext): Node | undefined {
  const used = context.workbook.usedArea(data.sheet, valuesOnly);
  const area = used && intersectArea(used, data.area);
  return area ? rangeNode(data.sheet, area) : undefined;
}

function intersection(data: RangeData, other: unknown, context: HostContext): Node | undefined {
  const second = rangeArg(other, context, data.sheet);
  if (second.sheet !== data.sheet) invalidArgument("The ranges are on different worksheets.");
  const area = intersectArea(data.area, second.area);
  return area ? rangeNode(data.sheet, area) : undefined;
}

const DEFAULT_WIDTH = 48; // points: Excel's 8.43 characters
const DEFAULT_HEIGHT = 15;

const rangeFormat = impl<RangeData>({
  props: {
    columnWidth: {
      get: ({ sheet, area }) => sheet.columnWidths.get(area.c0) ?? DEFAULT_WIDTH,
      set: ({ sheet, area }, value) => {
        if (typeof value !== "number" || value < 0)
          invalidArgument("columnWidth must be a number of points.");
        for (let c = area.c0; c <= area.c1; c++) sheet.columnWidths.set(c, value);
      },
    },
    rowHeight: {
      get: ({ sheet, area }) => sheet.rowHeights.get(area.r0) ?? DEFAULT_HEIGHT,
      set: ({ sheet, area }, value) => {
        if (typeof value !== "number" || value < 0)
          invalidArgument("rowHeight must be a number of points.");
        if (isWholeColumns(area))
          throw new WorkbookError("NotImplemented", "Heights of every row are not simulated.");
        for (let r = area.r0; r <= area.r1; r++) sheet.rowHeights.set(r, value);
      },
    },
    wrapText: styleProp("wrapText", false),
    horizontalAlignment: styleProp("horizontalAlignment", "General"),
    verticalAlignment: styleProp("verticalAlignment", "Bottom"),
  },
  nav: {
    font: (data) => ({ type: "RangeFont", data }),
    fill: (data) => ({ type: "RangeFill", data }),
    borders: (data) => ({ type: "RangeBorderCollection", data }),
  },
  actions: {
    // Widths follow the longest text shown, at about 6.5 points a character.
    autofitColumns: ({ sheet, area }, _args, { workbook }) => {
      const used = workbook.usedArea(sheet, true);
      const bounded = used && intersectArea(area, used);
      if (!bounded) return;
      const texts = workbook.readText(sheet, bounded);
      for (let c = bounded.c0; c <= bounded.c1; c++) {
        const longest = Math.max(0, ...texts.map((line) => line[c - bounded.c0].length));
        sheet.columnWidths.set(c, Math.max(12, Math.round(longest * 6.5 + 6)));
      }
    },
    autofitRows: () => undefined, // rows already grow with their text in the grid
  },
});

const FONT_DEFAULTS: Record<string, unknown> = {
  bold: false,
  italic: false,
  size: 11,
  color: "#000000",
  name: "Calibri",
  underline: "None",
};

const rangeFont = impl<RangeData>({
  props: Object.fromEntries(
    Object.entries(FONT_DEFAULTS).map(([key, fallback]) => [
      key,
      styleProp(`font.${key}`, fallback),
    ])
  ),
});

const rangeFill = impl<RangeData>({
  props: { color: styleProp("fill.color", "#FFFFFF") },
  actions: {
    clear: ({ sheet, area }, _args, { workbook }) =>
      workbook.setStyle(sheet, area, "fill.color", undefined),
  },
});

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

const borders = impl<RangeData>({
  methods: {
    getItem: (data, [edge]) => {
      if (typeof edge !== "string" || !EDGES.includes(edge))
        invalidArgument(`"${String(edge)}" is not a border.`);
      return { type: "RangeBorder", data: { ...data, edge } };
    },
  },
});

const border = impl<RangeData & { edge: string }>({
  props: {
    style: borderProp("style", "None"),
    color: borderProp("color", "#000000"),
    weight: borderProp("weight", "Thin"),
    sideIndex: { get: ({ edge }) => edge },
  },
});

function borderProp(key: string, fallback: unknown) {
  return {
    get: ({ sheet, area, edge }: RangeData & { edge: string }, context: HostContext) =>
      context.workbook.style(sheet, area.r0, area.c0)[`borders.${edge}.${key}`] ?? fallback,
    set: (
      { sheet, area, edge }: RangeData & { edge: string },
      value: unknown,
      context: HostContext
    ) => context.workbook.setStyle(sheet, area, `borders.${edge}.${key}`, value),
  };
}

/** The conditional format types the preview draws; others are refused loudly. */
const CONDITIONAL_TYPES: Record<string, string> = {
  CellValue: "CellValueConditionalFormat",
  ContainsText: "TextConditionalFormat",
  ColorScale: "ColorScaleConditionalFormat",
};

interface ConditionalData {
  sheet: Sheet;
  format: ConditionalFormat;
}

const conditionalFormats = impl<RangeData>({
  items: ({ sheet, area }) =>
    sheet.conditionalFormats
      .filter((format) => intersectArea(format.area, area))
      .map((format) => ({ type: "ConditionalFormat", data: { sheet, format } })),
  methods: {
    add: ({ sheet, area }, [type], { workbook }) => {
      if (typeof type !== "string" || !CONDITIONAL_TYPES[type])
        throw new WorkbookError(
          "NotImplemented",
          `Conditional formats of type ${String(type)} are not simulated.`
        );
      const format: ConditionalFormat = {
        id: workbook.newId(),
        area: { ...area },
        type,
        props: {},
      };
      sheet.conditionalFormats.push(format);
      return { type: "ConditionalFormat", data: { sheet, format } };
    },
  },
  actions: {
    clearAll: ({ sheet, area }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (f) => !intersectArea(f.area, area)
      );
    },
  },
  results: {
    getCount: ({ sheet, area }) =>
      sheet.conditionalFormats.filter((f) => intersectArea(f.area, area)).length,
  },
});

function conditionalProp(key: string, fallback: unknown = null) {
  return {
    get: ({ format }: ConditionalData) => format.props[key] ?? fallback,
    set: ({ format }: ConditionalData, value: unknown) => {
      format.props[key] = value;
    },
  };
}

function ruleObject(type: string) {
  return (data: ConditionalData): Node => {
    if (data.format.type !== type)
      throw new WorkbookError(
        "InvalidOperation",
        `This conditional format is of type ${data.format.type}, not ${type}.`
      );
    return { type: CONDITIONAL_TYPES[type], data };
  };
}

const conditionalFormat = impl<ConditionalData>({
  props: {
    type: { get: ({ format }) => format.type },
    priority: conditionalProp("priority", 0),
    stopIfTrue: conditionalProp("stopIfTrue", false),
  },
  nav: {
    cellValue: ruleObject("CellValue"),
    textComparison: ruleObject("ContainsText"),
    colorScale: ruleObject("ColorScale"),
  },
  methods: { getRange: ({ sheet, format }) => rangeNode(sheet, format.area) },
  actions: {
    delete: ({ sheet, format }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== format);
    },
  },
});

const ruleFormat = impl<ConditionalData>({
  props: { rule: conditionalProp("rule") },
  nav: { format: (data) => ({ type: "ConditionalRangeFormat", data }) },
});

const conditionalRangeFormat = impl<ConditionalData>({
  props: { numberFormat: conditionalProp("format.numberFormat") },
  nav: {
    font: (data) => ({ type: "ConditionalRangeFont", data }),
    fill: (data) => ({ type: "ConditionalRangeFill", data }),
  },
});

/** Range and conditional-format implementations by schema type. */
export const RANGE_IMPLS: Record<string, Impl<unknown>> = {
  Range: range,
  RangeFormat: rangeFormat,
  RangeFont: rangeFont,
  RangeFill: rangeFill,
  RangeBorderCollection: borders,
  RangeBorder: border,
  ConditionalFormatCollection: conditionalFormats,
  ConditionalFormat: conditionalFormat,
  CellValueConditionalFormat: ruleFormat,
  ColorScaleConditionalFormat: impl<ConditionalData>({
    props: {
      criteria: conditionalProp("criteria"),
      threeColorScale: {
        get: ({ format }) => Boolean((format.props.criteria as { midpoint?: unknown })?.midpoint),
      },
    },
  }),
  TextConditionalFormat: ruleFormat,
  ConditionalRangeFormat: conditionalRangeFormat,
  ConditionalRangeFont: impl<ConditionalData>({
    props: {
      color: conditionalProp("format.font.color"),
      bold: conditionalProp("format.font.bold", false),
      italic: conditionalProp("format.font.italic", false),
    },
  }),
  ConditionalRangeFill: impl<ConditionalData>({
    props: { color: conditionalProp("format.fill.color") },
    actions: {
      clear: ({ format }) => {
        delete format.props["format.fill.color"];
      },
    },
  }),
};

/**
 * The Excel object model the stand-in implements, as data: the pane's side builds its proxies from it
 * and the page's side implements exactly these members (a test checks both agree). Anything not listed
 * throws when the pane touches it, so a pane relying on an unsimulated API fails loudly.
 */

export interface TypeSchema {
  /** Scalar properties: read-only ("r") or settable ("rw"). */
  props?: Record<string, "r" | "rw">;
  /** Properties that are objects of another type. */
  nav?: Record<string, string>;
  /** Methods returning an object of the given type. */
  methods?: Record<string, string>;
  /** *OrNullObject methods: an object of the type that may be a null object. */
  nullable?: Record<string, string>;
  /** Methods queued for their effect. */
  actions?: string[];
  /** Methods giving a ClientResult (value after sync). */
  results?: string[];
  /** For collections: the type of `items`. */
  items?: string;
}

const FONT = {
  bold: "rw",
  italic: "rw",
  size: "rw",
  color: "rw",
  name: "rw",
  underline: "rw",
} as const;

export const SCHEMA: Record<string, TypeSchema> = {
  Workbook: {
    props: { name: "r" },
    nav: {
      worksheets: "WorksheetCollection",
      tables: "TableCollection",
      names: "NamedItemCollection",
    },
    methods: { getSelectedRange: "Range", getActiveCell: "Range" },
  },
  WorksheetCollection: {
    items: "Worksheet",
    methods: {
      add: "Worksheet",
      getItem: "Worksheet",
      getActiveWorksheet: "Worksheet",
      getFirst: "Worksheet",
    },
    nullable: { getItemOrNullObject: "Worksheet" },
    results: ["getCount"],
  },
  Worksheet: {
    props: {
      name: "rw",
      id: "r",
      position: "r",
      visibility: "r",
      tabColor: "rw",
      showGridlines: "rw",
    },
    nav: {
      freezePanes: "WorksheetFreezePanes",
      charts: "ChartCollection",
      tables: "TableCollection",
    },
    methods: {
      getRange: "Range",
      getRangeByIndexes: "Range",
      getUsedRange: "Range",
      getCell: "Range",
    },
    nullable: { getUsedRangeOrNullObject: "Range" },
    actions: ["activate", "delete"],
  },
  WorksheetFreezePanes: {
    actions: ["freezeRows", "freezeColumns", "freezeAt", "unfreeze"],
  },
  Range: {
    props: {
      values: "rw",
      formulas: "rw",
      formulasLocal: "rw",
      numberFormat: "rw",
      text: "r",
      valueTypes: "r",
      address: "r",
      addressLocal: "r",
      rowCount: "r",
      columnCount: "r",
      rowIndex: "r",
      columnIndex: "r",
      cellCount: "r",
      isEntireColumn: "r",
      isEntireRow: "r",
    },
    nav: {
      format: "RangeFormat",
      conditionalFormats: "ConditionalFormatCollection",
      worksheet: "Worksheet",
    },
    methods: {
      getCell: "Range",
      getRow: "Range",
      getColumn: "Range",
      getResizedRange: "Range",
      getOffsetRange: "Range",
      getUsedRange: "Range",
      getEntireColumn: "Range",
      getEntireRow: "Range",
      getIntersection: "Range",
      getSurroundingRegion: "Range",
    },
    nullable: { getUsedRangeOrNullObject: "Range", getIntersectionOrNullObject: "Range" },
    actions: ["select", "clear"],
  },
  RangeFormat: {
    props: {
      columnWidth: "rw",
      rowHeight: "rw",
      wrapText: "rw",
      horizontalAlignment: "rw",
      verticalAlignment: "rw",
    },
    nav: { font: "RangeFont", fill: "RangeFill", borders: "RangeBorderCollection" },
    actions: ["autofitColumns", "autofitRows"],
  },
  RangeFont: { props: { ...FONT } },
  RangeFill: { props: { color: "rw" }, actions: ["clear"] },
  RangeBorderCollection: { methods: { getItem: "RangeBorder" } },
  RangeBorder: { props: { style: "rw", color: "rw", weight: "rw", sideIndex: "r" } },
  ConditionalFormatCollection: {
    items: "ConditionalFormat",
    methods: { add: "ConditionalFormat" },
    actions: ["clearAll"],
    results: ["getCount"],
  },
  ConditionalFormat: {
    props: { type: "r", priority: "rw", stopIfTrue: "rw" },
    nav: {
      cellValue: "CellValueConditionalFormat",
      textComparison: "TextConditionalFormat",
      colorScale: "ColorScaleConditionalFormat",
    },
    methods: { getRange: "Range" },
    actions: ["delete"],
  },
  CellValueConditionalFormat: { props: { rule: "rw" }, nav: { format: "ConditionalRangeFormat" } },
  TextConditionalFormat: { props: { rule: "rw" }, nav: { format: "ConditionalRangeFormat" } },
  ColorScaleConditionalFormat: { props: { criteria: "rw", threeColorScale: "r" } },
  ConditionalRangeFormat: {
    props: { numberFormat: "rw" },
    nav: { font: "ConditionalRangeFont", fill: "ConditionalRangeFill" },
  },
  ConditionalRangeFont: { props: { color: "rw", bold: "rw", italic: "rw" } },
  ConditionalRangeFill: { props: { color: "rw" }, actions: ["clear"] },
  ChartCollection: {
    items: "Chart",
    methods: { add: "Chart", getItem: "Chart", getItemAt: "Chart" },
    results: ["getCount"],
  },
  Chart: {
    props: { name: "rw", chartType: "rw", height: "rw", width: "rw", top: "rw", left: "rw" },
    nav: { title: "ChartTitle", legend: "ChartLegend", series: "ChartSeriesCollection" },
    actions: ["setPosition", "delete"],
  },
  ChartTitle: { props: { text: "rw", visible: "rw" } },
  ChartLegend: { props: { visible: "rw", position: "rw" } },
  ChartSeriesCollection: {
    items: "ChartSeries",
    methods: { getItemAt: "ChartSeries" },
    results: ["getCount"],
  },
  ChartSeries: { props: { name: "rw" }, actions: ["setXAxisValues", "setValues"] },
  TableCollection: {
    items: "Table",
    methods: { add: "Table", getItem: "Table", getItemAt: "Table" },
    nullable: { getItemOrNullObject: "Table" },
    results: ["getCount"],
  },
  Table: {
    props: { name: "rw", id: "r", showHeaders: "r", showTotals: "r", style: "rw" },
    nav: { worksheet: "Worksheet", columns: "TableColumnCollection", rows: "TableRowCollection" },
    methods: { getRange: "Range", getHeaderRowRange: "Range", getDataBodyRange: "Range" },
    actions: ["delete"],
  },
  TableColumnCollection: {
    items: "TableColumn",
    methods: { getItem: "TableColumn", getItemAt: "TableColumn" },
    nullable: { getItemOrNullObject: "TableColumn" },
    results: ["getCount"],
  },
  TableRowCollection: {
    props: { count: "r" },
    items: "TableRow",
    methods: { add: "TableRow", getItemAt: "TableRow" },
    results: ["getCount"],
  },
  TableRow: { props: { index: "r", values: "rw" }, methods: { getRange: "Range" } },
  TableColumn: {
    props: { name: "r", index: "r", id: "r" },
    methods: { getRange: "Range", getHeaderRowRange: "Range", getDataBodyRange: "Range" },
  },
  NamedItemCollection: {
    items: "NamedItem",
    methods: { add: "NamedItem", getItem: "NamedItem" },
    nullable: { getItemOrNullObject: "NamedItem" },
    results: ["getCount"],
  },
  NamedItem: {
    props: {
      name: "r",
      formula: "rw",
      comment: "rw",
      type: "r",
      value: "r",
      visible: "rw",
      scope: "r",
    },
    methods: { getRange: "Range" },
    nullable: { getRangeOrNullObject: "Range" },
    actions: ["delete"],
  },
};

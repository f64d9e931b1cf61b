/**
 * Requirement sets of the Excel the preview plays: which ExcelApi version an Excel build supports, and
 * which version each member of the stand-in's object model needs, so that isSetSupported answers as
 * that Excel would and a member beyond its set fails with ApiNotFound.
 *
 * Sources:
 * - Versions per Excel build: "Excel JavaScript API requirement sets", table "Requirement set
 *   availability", https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 *   (Office 2016: ExcelApi 1.1 only, also stated on
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-1-requirement-set;
 *   Office 2019: up to 1.7; Office 2021: up to 1.14; Office 2024: up to 1.17; Microsoft 365 and the
 *   web: up to 1.20, the newest numbered set the table lists).
 * - The set of each member: the "[ API set: ExcelApi 1.x ]" remark of its page in the Excel API
 *   reference, https://learn.microsoft.com/javascript/api/excel/ (for example
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getrangebyindexes-member(1)),
 *   and the per-version lists, https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-N-requirement-set
 *   (N = 2 ... 8).
 */
import { compareVersions } from "../../src/tools/versions";

/** The newest numbered ExcelApi set, which current Microsoft 365 and Excel on the web support. */
export const LATEST_EXCEL_API = "1.20";

/**
 * Excel builds a test may choose with `?excel=`: the perpetual versions by year, and Microsoft 365.
 * A Microsoft 365 build can also be given by its version ("1808" = Version 1808), read from the same
 * table's "Office on Windows (Microsoft 365 subscription)" column below.
 */
const PERPETUAL: Record<string, string> = {
  "2016": "1.1",
  "2019": "1.7",
  "2021": "1.14",
  "2024": "1.17",
  "365": LATEST_EXCEL_API,
  web: LATEST_EXCEL_API,
};

/** The first Microsoft 365 version (YYMM) supporting each ExcelApi set, from the docs' table. */
const M365_VERSION: [string, number][] = [
  ["1.20", 2509],
  ["1.19", 2504],
  ["1.18", 2501],
  ["1.17", 2302],
  ["1.16", 2208],
  ["1.15", 2202],
  ["1.14", 2108],
  ["1.13", 2102],
  ["1.12", 2008],
  ["1.11", 2002],
  ["1.10", 1907],
  ["1.9", 1903],
  ["1.8", 1808],
  ["1.7", 1801],
  ["1.6", 1704],
  ["1.5", 1703],
  ["1.4", 1701],
  ["1.3", 1608],
  ["1.2", 1601],
  ["1.1", 1509],
];

/** The Excel the preview plays: its ExcelApi version and whether it is Excel on the web. */
export interface ExcelBuild {
  /** The value of `?excel=` ("365" when none was given). */
  name: string;
  /** The newest ExcelApi set it supports, e.g. "1.7"; "0" when it supports none. */
  excelApi: string;
  web: boolean;
}

/**
 * Reads `?excel=`: "2016", "2019", "2021", "2024", "365" (the default), "web", or a Microsoft 365
 * version such as "1808". Throws for anything else, so a typo does not pass for the default.
 */
export function excelBuild(name?: string | null): ExcelBuild {
  const key = (name ?? "").trim().toLowerCase() || "365";
  if (key in PERPETUAL)
    return { name: key, excelApi: PERPETUAL[key], web: key === "365" || key === "web" };
  if (/^\d{4}$/.test(key)) {
    const version = Number(key);
    const set = M365_VERSION.find(([, first]) => version >= first)?.[0] ?? "0";
    return { name: key, excelApi: set, web: false };
  }
  throw new Error(
    `?excel=${name}: give 2016, 2019, 2021, 2024, 365, web or a Microsoft 365 version (YYMM, e.g. 1808).`
  );
}

export { compareVersions };

/**
 * Office.context.requirements.isSetSupported as this Excel answers it
 * (https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport#office-office-requirementsetsupport-issetsupported-member(1)):
 * the docs make minVersion optional without saying what its absence means; the preview takes "1.1".
 * The deprecated number overload is read with String(), so 1.10 given as a number reads as 1.1, as
 * a number cannot tell them apart. ExcelApi by the table above; ExcelApiOnline only on the web
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-online-requirement-set).
 * Other sets (dialogs, ribbon, custom-function runtime) are not modelled: answered true, as before.
 */
export function supportsSet(build: ExcelBuild, name: string, version?: string): boolean {
  if (typeof name !== "string") return false;
  const wanted =
    version === undefined || version === null || version === "" ? "1.1" : String(version);
  const set = name.trim().toLowerCase();
  if (set === "excelapi") return compareVersions(build.excelApi, wanted) >= 0;
  if (set === "excelapionline") return build.web && compareVersions("1.1", wanted) >= 0;
  return true;
}

/**
 * The ExcelApi version each member of the stand-in's schema needs, by type and member; a member not
 * listed is in ExcelApi 1.1. From each member's "API set" remark in the Excel API reference
 * (https://learn.microsoft.com/javascript/api/excel/excel.<type>), checked against the per-set lists.
 */
export const MEMBER_SETS: Record<string, Record<string, string>> = {
  // https://learn.microsoft.com/javascript/api/excel/excel.workbook: name and getActiveCell() 1.7.
  Workbook: { name: "1.7", getActiveCell: "1.7" },
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection
  WorksheetCollection: { getFirst: "1.5", getItemOrNullObject: "1.4", getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet: getRangeByIndexes, tabColor and
  // freezePanes 1.7 (excel-api-1-7-requirement-set), showGridlines 1.8, the *OrNullObject methods 1.4.
  Worksheet: {
    tabColor: "1.7",
    showGridlines: "1.8",
    freezePanes: "1.7",
    getRangeByIndexes: "1.7",
    getUsedRangeOrNullObject: "1.4",
  },
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes: the object is 1.7.
  WorksheetFreezePanes: {
    freezeRows: "1.7",
    freezeColumns: "1.7",
    freezeAt: "1.7",
    unfreeze: "1.7",
  },
  // https://learn.microsoft.com/javascript/api/excel/excel.range: getSurroundingRegion,
  // isEntireColumn/Row 1.7; getResizedRange 1.2; conditionalFormats 1.6; *OrNullObject 1.4.
  Range: {
    isEntireColumn: "1.7",
    isEntireRow: "1.7",
    conditionalFormats: "1.6",
    getResizedRange: "1.2",
    getSurroundingRegion: "1.7",
    getUsedRangeOrNullObject: "1.4",
    getIntersectionOrNullObject: "1.4",
  },
  // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat: sizes and autofit 1.2.
  RangeFormat: { columnWidth: "1.2", rowHeight: "1.2", autofitColumns: "1.2", autofitRows: "1.2" },
  // Conditional formats are ExcelApi 1.6 throughout
  // (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-6-requirement-set).
  ConditionalFormatCollection: { add: "1.6", clearAll: "1.6", getCount: "1.6", items: "1.6" },
  ConditionalFormat: {
    type: "1.6",
    priority: "1.6",
    stopIfTrue: "1.6",
    cellValue: "1.6",
    textComparison: "1.6",
    colorScale: "1.6",
    getRange: "1.6",
    delete: "1.6",
  },
  CellValueConditionalFormat: { rule: "1.6", format: "1.6" },
  TextConditionalFormat: { rule: "1.6", format: "1.6" },
  ColorScaleConditionalFormat: { criteria: "1.6", threeColorScale: "1.6" },
  ConditionalRangeFormat: { numberFormat: "1.6", font: "1.6", fill: "1.6" },
  ConditionalRangeFont: { color: "1.6", bold: "1.6", italic: "1.6" },
  ConditionalRangeFill: { color: "1.6", clear: "1.6" },
  // https://learn.microsoft.com/javascript/api/excel/excel.chartcollection: getCount() 1.4.
  ChartCollection: { getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.chart: chartType 1.7.
  Chart: { chartType: "1.7" },
  // https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection: getCount() 1.4.
  ChartSeriesCollection: { getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.chartseries: setValues and
  // setXAxisValues 1.7 (excel-api-1-7-requirement-set, "Chart series").
  ChartSeries: { setValues: "1.7", setXAxisValues: "1.7" },
  // https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
  TableCollection: { getItemOrNullObject: "1.4", getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.table: worksheet 1.2.
  Table: { worksheet: "1.2" },
  TableColumnCollection: { getItemOrNullObject: "1.4", getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection: add() is 1.1 for one
  // row (1.4 for several rows at once, not told apart here), getCount() 1.4.
  TableRowCollection: { getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection: add() 1.4.
  NamedItemCollection: { add: "1.4", getItemOrNullObject: "1.4", getCount: "1.4" },
  // https://learn.microsoft.com/javascript/api/excel/excel.nameditem: formula 1.7, comment, scope,
  // getRangeOrNullObject() and delete() 1.4.
  NamedItem: {
    formula: "1.7",
    comment: "1.4",
    scope: "1.4",
    getRangeOrNullObject: "1.4",
    delete: "1.4",
  },
};

/** Excel.createWorkbook: ExcelApi 1.8 (https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)). */
export const CREATE_WORKBOOK_SET = "1.8";

/** The ExcelApi version a member of the schema needs. */
export function memberSet(type: string, member: string): string {
  return MEMBER_SETS[type]?.[member] ?? "1.1";
}

/**
 * The error Excel gives for a member its version does not have: code ApiNotFound, message "The API
 * you are trying to use could not be found. It may be available in a newer version of the Office
 * application." (table "Error codes and messages" of
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling;
 * Excel.ErrorCodes.apiNotFound, https://learn.microsoft.com/javascript/api/excel/excel.errorcodes).
 * The preview adds which set the member needs.
 */
export function apiNotFoundMessage(path: string, set: string, build: ExcelBuild): string {
  return `The API you are trying to use could not be found. It may be available in a newer version of the Office application. (${path} needs ExcelApi ${set}; the preview plays Excel ${build.name}, which has ExcelApi ${build.excelApi}.)`;
}

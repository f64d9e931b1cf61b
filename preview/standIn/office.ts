/**
 * The Office, Excel, OfficeExtension and CustomFunctions globals of the stand-in, for the task pane's
 * frame: Office.onReady and context (display language, requirement sets), Excel.run with the
 * request context, Excel.createWorkbook, the enums a pane passes as strings, and the error codes.
 * Every object is strict: a member the preview does not simulate throws, naming itself.
 */
import { createCustomFunctions } from "../workbook/customFunctionsRuntime";
import { StandInContext } from "./context";
import { OfficeExtensionError } from "./errors";
import type { PreviewHost } from "./protocol";
import { strict } from "./strict";

/** An enum of string values keyed by their lower-camel-case names, as Office.js defines them. */
function enumOf(
  path: string,
  values: string[],
  keys: Record<string, string> = {}
): Record<string, string> {
  const entries = values.map((value) => [
    keys[value] ?? value[0].toLowerCase() + value.slice(1),
    value,
  ]);
  return strict(path, Object.fromEntries(entries));
}

const EXCEL_ERROR_CODES = [
  "AccessDenied",
  "ApiNotFound",
  "Conflict",
  "GeneralException",
  "InsertDeleteConflict",
  "InvalidArgument",
  "InvalidBinding",
  "InvalidOperation",
  "InvalidReference",
  "InvalidSelection",
  "ItemAlreadyExists",
  "ItemNotFound",
  "NotImplemented",
  "RequestAborted",
  "ResponsePayloadSizeLimitExceeded",
  "UnsupportedFeature",
  "UnsupportedOperation",
];

const OFFICE_EXTENSION_ERROR_CODES = [
  "AccessDenied",
  "ActivityLimitReached",
  "GeneralException",
  "InvalidArgument",
  "InvalidObjectPath",
  "InvalidRequestContext",
  "PropertyNotLoaded",
  "RequestPayloadSizeLimitExceeded",
  "ValueNotLoaded",
];

function excelEnums(): Record<string, unknown> {
  return {
    ErrorCodes: enumOf("Excel.ErrorCodes", EXCEL_ERROR_CODES),
    ChartType: enumOf(
      "Excel.ChartType",
      [
        "ColumnClustered",
        "ColumnStacked",
        "BarClustered",
        "BarStacked",
        "Line",
        "LineMarkers",
        "Pie",
        "Doughnut",
        "Area",
        "XYScatter",
      ],
      { XYScatter: "xyscatter" }
    ),
    ChartSeriesBy: enumOf("Excel.ChartSeriesBy", ["Auto", "Columns", "Rows"]),
    ChartLegendPosition: enumOf("Excel.ChartLegendPosition", [
      "Invalid",
      "Top",
      "Bottom",
      "Left",
      "Right",
      "Corner",
      "Custom",
    ]),
    ConditionalFormatType: enumOf("Excel.ConditionalFormatType", [
      "Custom",
      "DataBar",
      "ColorScale",
      "IconSet",
      "TopBottom",
      "PresetCriteria",
      "ContainsText",
      "CellValue",
    ]),
    ConditionalCellValueOperator: enumOf("Excel.ConditionalCellValueOperator", [
      "Invalid",
      "Between",
      "NotBetween",
      "EqualTo",
      "NotEqualTo",
      "GreaterThan",
      "LessThan",
      "GreaterThanOrEqual",
      "LessThanOrEqual",
    ]),
    ConditionalTextOperator: enumOf("Excel.ConditionalTextOperator", [
      "Invalid",
      "Contains",
      "NotContains",
      "BeginsWith",
      "EndsWith",
    ]),
    BorderIndex: enumOf("Excel.BorderIndex", [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
      "DiagonalDown",
      "DiagonalUp",
    ]),
    BorderLineStyle: enumOf("Excel.BorderLineStyle", [
      "None",
      "Continuous",
      "Dash",
      "DashDot",
      "DashDotDot",
      "Dot",
      "Double",
      "SlantDashDot",
    ]),
    BorderWeight: enumOf("Excel.BorderWeight", ["Hairline", "Thin", "Medium", "Thick"]),
    HorizontalAlignment: enumOf("Excel.HorizontalAlignment", [
      "General",
      "Left",
      "Center",
      "Right",
      "Fill",
      "Justify",
      "CenterAcrossSelection",
      "Distributed",
    ]),
    VerticalAlignment: enumOf("Excel.VerticalAlignment", [
      "Top",
      "Center",
      "Bottom",
      "Justify",
      "Distributed",
    ]),
    ClearApplyTo: enumOf("Excel.ClearApplyTo", ["All", "Formats", "Contents"]),
    RangeValueType: enumOf("Excel.RangeValueType", [
      "Unknown",
      "Empty",
      "String",
      "Integer",
      "Double",
      "Boolean",
      "Error",
    ]),
    SheetVisibility: enumOf("Excel.SheetVisibility", ["Visible", "Hidden", "VeryHidden"]),
    NamedItemType: enumOf("Excel.NamedItemType", [
      "String",
      "Integer",
      "Double",
      "Boolean",
      "Range",
      "Error",
      "Array",
    ]),
  };
}

/** The globals a task pane uses, bound to a host (looked up at each sync, so it may come later). */
export interface OfficeGlobals {
  Office: unknown;
  Excel: unknown;
  OfficeExtension: unknown;
  CustomFunctions: unknown;
}

/**
 * Creates the stand-in globals.
 * @param host The preview page's host, or a function giving it.
 * @param whenDomReady Resolves when the pane's document is ready (Office.onReady waits for it).
 */
export function createOfficeStandIn(
  host: PreviewHost | (() => PreviewHost),
  whenDomReady: Promise<void> = Promise.resolve()
): OfficeGlobals {
  const getHost = typeof host === "function" ? host : () => host;
  const info = { host: "Excel", platform: "OfficeOnline" };
  let initialize: ((reason: string) => void) | undefined;
  const ready = whenDomReady.then(() => {
    initialize?.("inserted");
    return strict("Office.onReady result", { ...info });
  });
  const language = () => getHost().displayLanguage;

  const requirements = strict("Office.context.requirements", {
    // Answered for the Excel the page plays (?excel=, current Microsoft 365 by default): see
    // preview/standIn/apiSets.ts for the table and its sources.
    isSetSupported: (name: string, version?: string | number) =>
      getHost().isSetSupported(name, version === undefined ? undefined : String(version)),
  });
  const context = strict("Office.context", {
    get displayLanguage() {
      return language();
    },
    get contentLanguage() {
      return language();
    },
    requirements,
    host: "Excel",
    platform: "OfficeOnline",
    diagnostics: strict("Office.context.diagnostics", { ...info, version: "16.0 (preview)" }),
  });

  const Office = strict("Office", {
    onReady: (callback?: (value: typeof info) => void) =>
      ready.then((value) => {
        callback?.(value);
        return value;
      }),
    get initialize() {
      return initialize;
    },
    set initialize(fn: ((reason: string) => void) | undefined) {
      initialize = fn;
    },
    context,
    HostType: enumOf("Office.HostType", [
      "Excel",
      "Word",
      "PowerPoint",
      "Outlook",
      "OneNote",
      "Project",
      "Access",
    ]),
    PlatformType: enumOf(
      "Office.PlatformType",
      ["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"],
      {
        PC: "PC",
        iOS: "iOS",
      }
    ),
  });

  const run = async (...args: unknown[]) => {
    const batch = args.length === 1 ? args[0] : args[1];
    if (typeof batch !== "function" || args.length > 2)
      throw new TypeError(
        "Excel.run: the preview takes Excel.run(batch) or Excel.run(options, batch)."
      );
    const requestContext = new StandInContext(getHost);
    try {
      const result = await batch(requestContext.proxy);
      // Like Office.js, whatever the batch queued after its last sync is sent when it returns.
      if (requestContext.hasPending)
        await (requestContext.proxy as { sync(): Promise<void> }).sync();
      return result;
    } finally {
      getHost().release(requestContext.id);
    }
  };

  const Excel = strict("Excel", {
    run,
    RequestContext: function RequestContext() {
      return new StandInContext(getHost).proxy;
    } as unknown as new () => object,
    createWorkbook: async (base64?: string) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        getHost().createWorkbook(String(base64 ?? ""));
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        throw new OfficeExtensionError(code ?? "GeneralException", message ?? String(error));
      }
    },
    ...excelEnums(),
  });

  const OfficeExtension = strict("OfficeExtension", {
    Error: OfficeExtensionError,
    ErrorCodes: enumOf("OfficeExtension.ErrorCodes", OFFICE_EXTENSION_ERROR_CODES),
  });

  // The pane's page loads functions.js too (a shared runtime); the preview page runs its own copy
  // for the grid's formulas, so associations made here are only recorded.
  const CustomFunctions = strict("CustomFunctions", { ...createCustomFunctions().runtime });

  return { Office, Excel, OfficeExtension, CustomFunctions };
}

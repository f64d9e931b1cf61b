/**
 * Charts, recorded as the add-in describes them (type, source, title, series, position) so the page
 * can draw a simple picture of each and tests can check them.
 */
import { areaColumns, areaRows, formatArea } from "../workbook/address";
import { WorkbookError, invalidArgument, itemNotFound } from "../workbook/errors";
import type { Chart, Sheet } from "../workbook/workbook";
import { type HostContext, type Impl, type Node, checkSheet, impl, integer, text } from "./nodes";
import { rangeArg } from "./rangeImpl";

interface ChartData {
  sheet: Sheet;
  chart: Chart;
}

const chartNode = (sheet: Sheet, chart: Chart): Node => ({ type: "Chart", data: { sheet, chart } });

/** How many series a chart's source gives: one per column, or per row when seriesBy says so. */
export function seriesCount(chart: Chart): number {
  const byRows =
    chart.seriesBy === "Rows" ||
    (chart.seriesBy === "Auto" && areaColumns(chart.source) > areaRows(chart.source));
  return byRows ? areaRows(chart.source) : areaColumns(chart.source);
}

/** A range argument that must lie on the chart's own sheet (all the preview draws). */
function sameSheetArea(arg: unknown, sheet: Sheet, context: HostContext) {
  const range = rangeArg(arg, context, sheet);
  if (range.sheet !== sheet)
    throw new WorkbookError(
      "NotImplemented",
      "The preview draws charts from ranges of their own sheet only."
    );
  return range.area;
}

const charts = impl<Sheet>({
  check: checkSheet,
  items: (sheet) => sheet.charts.map((chart) => chartNode(sheet, chart)),
  methods: {
    add: (sheet, [type, source, seriesBy], context) => {
      const chart: Chart = {
        id: context.workbook.newId(),
        name: `Chart ${sheet.charts.length + 1}`,
        type: text(type, "The chart type"),
        source: sameSheetArea(source, sheet, context),
        seriesBy: seriesBy === undefined || seriesBy === null ? "Auto" : text(seriesBy, "seriesBy"),
        props: {},
      };
      if (!["Auto", "Columns", "Rows"].includes(chart.seriesBy))
        invalidArgument(`seriesBy "${chart.seriesBy}" is not valid.`);
      sheet.charts.push(chart);
      return chartNode(sheet, chart);
    },
    getItem: (sheet, [name]) =>
      chartNode(
        sheet,
        sheet.charts.find((c) => c.name === name) ??
          itemNotFound(`There is no chart "${String(name)}".`)
      ),
    getItemAt: (sheet, [index]) =>
      chartNode(
        sheet,
        sheet.charts[integer(index, "index")] ??
          itemNotFound(`There is no chart at ${String(index)}.`)
      ),
  },
  results: { getCount: (sheet) => sheet.charts.length },
});

function prop(key: string, fallback: unknown = null) {
  return {
    get: ({ chart }: ChartData) => chart.props[key] ?? fallback,
    set: ({ chart }: ChartData, value: unknown) => {
      chart.props[key] = value;
    },
  };
}

const chartImpl = impl<ChartData>({
  check: ({ sheet, chart }, context) => {
    checkSheet(sheet, context);
    if (!sheet.charts.includes(chart))
      throw new WorkbookError("InvalidReference", "The chart was deleted.");
  },
  props: {
    name: {
      get: ({ chart }) => chart.name,
      set: ({ chart }, value) => {
        chart.name = text(value, "The name");
      },
    },
    chartType: {
      get: ({ chart }) => chart.type,
      set: ({ chart }, value) => {
        chart.type = text(value, "The chart type");
      },
    },
    height: prop("height", 216),
    width: prop("width", 360),
    top: prop("top", 0),
    left: prop("left", 0),
  },
  nav: {
    title: (data) => ({ type: "ChartTitle", data }),
    legend: (data) => ({ type: "ChartLegend", data }),
    series: (data) => ({ type: "ChartSeriesCollection", data }),
  },
  actions: {
    setPosition: ({ sheet, chart }, [start, end], context) => {
      const from = sameSheetArea(start, sheet, context);
      const to = end === undefined || end === null ? from : sameSheetArea(end, sheet, context);
      chart.props.position = formatArea({ r0: from.r0, c0: from.c0, r1: to.r1, c1: to.c1 });
    },
    delete: ({ sheet, chart }) => {
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    },
  },
});

interface SeriesData extends ChartData {
  index: number;
}

const series = impl<ChartData>({
  items: (data) =>
    Array.from({ length: seriesCount(data.chart) }, (_, index) => ({
      type: "ChartSeries",
      data: { ...data, index },
    })),
  methods: {
    getItemAt: (data, [index]) => {
      const i = integer(index, "index");
      if (i >= seriesCount(data.chart)) itemNotFound(`The chart has no series ${i}.`);
      return { type: "ChartSeries", data: { ...data, index: i } };
    },
  },
  results: { getCount: ({ chart }) => seriesCount(chart) },
});

const seriesImpl = impl<SeriesData>({
  props: {
    name: {
      get: ({ chart, index }) => chart.props[`series.${index}.name`] ?? `Series${index + 1}`,
      set: ({ chart, index }, value) => {
        chart.props[`series.${index}.name`] = value;
      },
    },
  },
  actions: {
    setXAxisValues: ({ sheet, chart, index }, [values], context) => {
      chart.props[`series.${index}.xValues`] = formatArea(sameSheetArea(values, sheet, context));
    },
    setValues: ({ sheet, chart, index }, [values], context) => {
      chart.props[`series.${index}.values`] = formatArea(sameSheetArea(values, sheet, context));
    },
  },
});

/** Chart implementations by schema type. */
export const CHART_IMPLS: Record<string, Impl<unknown>> = {
  ChartCollection: charts,
  Chart: chartImpl,
  ChartTitle: impl<ChartData>({
    props: { text: prop("title.text", ""), visible: prop("title.visible", true) },
  }),
  ChartLegend: impl<ChartData>({
    props: { visible: prop("legend.visible", true), position: prop("legend.position", "Right") },
  }),
  ChartSeriesCollection: series,
  ChartSeries: seriesImpl,
};

/**
 * A simple picture of each chart the add-in added, drawn over the grid where setPosition put it: the
 * title, the first series as bars (or a line), and the category labels. Enough to see that a chart
 * is there and shows the right figures; not Excel's rendering.
 */
import { seriesCount } from "../host/chartImpl";
import { type Area, areaColumns, areaRows, parseArea } from "../workbook/address";
import type { Chart, Sheet, Workbook } from "../workbook/workbook";

type Box = { left: number; top: number; width: number; height: number };
const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The first series' values and the categories, from the chart's ranges. */
function seriesData(
  workbook: Workbook,
  sheet: Sheet,
  chart: Chart
): { values: number[]; labels: string[] } {
  const byRows =
    seriesCount(chart) === areaRows(chart.source) &&
    areaRows(chart.source) !== areaColumns(chart.source);
  const first: Area = byRows
    ? { ...chart.source, r1: chart.source.r0 }
    : { ...chart.source, c1: chart.source.c0 };
  const valuesArea = parseArea(String(chart.props["series.0.values"] ?? "")) ?? first;
  const values = workbook
    .readValues(sheet, valuesArea)
    .flat()
    .map((v) => (typeof v === "number" ? v : 0));
  const labelArea = parseArea(String(chart.props["series.0.xValues"] ?? ""));
  const labels = labelArea
    ? workbook.readText(sheet, labelArea).flat()
    : values.map((_, i) => String(i + 1));
  return { values, labels };
}

function picture(
  workbook: Workbook,
  sheet: Sheet,
  chart: Chart,
  width: number,
  height: number
): SVGElement {
  const { values, labels } = seriesData(workbook, sheet, chart);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height });
  const pad = { top: 8, right: 10, bottom: 34, left: 10 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1e-9, ...values.map(Math.abs));
  const n = Math.max(1, values.length);
  const horizontal = /^bar/i.test(chart.type);
  if (/^line/i.test(chart.type)) {
    const points = values.map(
      (v, i) =>
        `${pad.left + ((i + 0.5) * plotW) / n},${pad.top + plotH - (Math.abs(v) / max) * plotH}`
    );
    root.append(
      svg("polyline", {
        points: points.join(" "),
        fill: "none",
        stroke: "#4472C4",
        "stroke-width": 2,
      })
    );
  } else {
    values.forEach((v, i) => {
      const share = Math.abs(v) / max;
      const bar = horizontal
        ? {
            x: pad.left,
            y: pad.top + (i * plotH) / n + 2,
            width: share * plotW,
            height: plotH / n - 4,
          }
        : {
            x: pad.left + (i * plotW) / n + 3,
            y: pad.top + plotH - share * plotH,
            width: plotW / n - 6,
            height: share * plotH,
          };
      root.append(svg("rect", { ...bar, fill: "#4472C4" }));
    });
  }
  if (horizontal)
    labels.slice(0, n).forEach((label, i) => {
      const y = pad.top + ((i + 0.5) * plotH) / n + 3;
      root.append(
        svg("text", { x: pad.left + 4, y, class: "chart-label on-bar" }, label.slice(0, 24))
      );
    });
  // Every label when they fit, else every second, third... so that they never overlap.
  const every = Math.max(1, Math.ceil((n * 48) / plotW));
  if (!horizontal)
    labels.slice(0, n).forEach((label, i) => {
      if (i % every !== 0) return;
      const x = pad.left + ((i + 0.5) * plotW) / n;
      root.append(
        svg(
          "text",
          { x, y: height - 20, "text-anchor": "middle", class: "chart-label" },
          label.slice(0, 10)
        )
      );
    });
  root.append(
    svg("line", {
      x1: pad.left,
      y1: pad.top + plotH,
      x2: width - pad.right,
      y2: pad.top + plotH,
      stroke: "#BFBFBF",
    })
  );
  return root;
}

/**
 * Draws the sheet's charts into `layer`.
 * @param cellBox Where a cell is drawn, for charts placed with setPosition.
 * @param used The used range, beside which a chart without a position is put.
 */
export function drawCharts(
  layer: HTMLElement,
  workbook: Workbook,
  sheet: Sheet,
  cellBox: (row: number, col: number) => Box | undefined,
  used: Area | undefined
): void {
  sheet.charts.forEach((chart, index) => {
    const at = parseArea(String(chart.props.position ?? "")) ?? {
      r0: 1 + index * 16,
      c0: (used?.c1 ?? 0) + 2,
      r1: 15 + index * 16,
      c1: (used?.c1 ?? 0) + 8,
    };
    const start = cellBox(at.r0, at.c0);
    const end = cellBox(at.r1, at.c1);
    if (!start || !end) return;
    const box: Box = {
      left: start.left,
      top: start.top,
      width: Math.max(160, end.left + end.width - start.left),
      height: Math.max(120, end.top + end.height - start.top),
    };
    const frame = document.createElement("figure");
    frame.className = "chart";
    frame.dataset.chart = chart.name;
    Object.assign(frame.style, {
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
    const caption = document.createElement("figcaption");
    caption.textContent = String(chart.props["title.text"] ?? chart.name);
    frame.append(caption, picture(workbook, sheet, chart, box.width - 12, box.height - 36));
    layer.append(frame);
  });
}

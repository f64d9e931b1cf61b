/**
 * How a cell looks in the grid: its formatting (font, fill, borders, alignment, wrap), the look of the
 * Excel table it belongs to, and its conditional formats, as inline CSS.
 */
import type { Area } from "../workbook/address";
import type { CellValue } from "../workbook/evaluator";
import type { ConditionalFormat, Sheet, Style, Table, Workbook } from "../workbook/workbook";

/** Excel's points to CSS pixels. */
export const PX_PER_POINT = 96 / 72;

const BORDER_WIDTH: Record<string, number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };
const BORDER_STYLE: Record<string, string> = {
  Continuous: "solid",
  Dash: "dashed",
  DashDot: "dashed",
  DashDotDot: "dotted",
  Dot: "dotted",
  Double: "double",
};

function border(style: Style, edge: string): string | undefined {
  const line = style[`borders.${edge}.style`];
  if (!line || line === "None") return undefined;
  const width = BORDER_WIDTH[String(style[`borders.${edge}.weight`] ?? "Thin")] ?? 1;
  return `${width}px ${BORDER_STYLE[String(line)] ?? "solid"} ${String(style[`borders.${edge}.color`] ?? "#000")}`;
}

/** What a conditional format changes in a cell whose value meets its rule. */
interface RuleLook {
  fill?: string;
  color?: string;
  bold?: boolean;
}

/** A conditional format, ready to apply: its operands computed once per render. */
export interface ActiveRule {
  format: ConditionalFormat;
  look: (value: CellValue) => RuleLook | undefined;
}

function compare(operator: string, value: number | string, a: unknown, b: unknown): boolean {
  const norm = (x: unknown) => (typeof x === "string" ? x.toLocaleLowerCase() : x);
  const v = norm(value) as number | string;
  const x = norm(a) as number | string;
  const y = norm(b) as number | string;
  switch (operator) {
    case "EqualTo":
      return v === x;
    case "NotEqualTo":
      return v !== x;
    case "GreaterThan":
      return v > x;
    case "LessThan":
      return v < x;
    case "GreaterThanOrEqual":
      return v >= x;
    case "LessThanOrEqual":
      return v <= x;
    case "Between":
      return v >= x && v <= y;
    case "NotBetween":
      return v < x || v > y;
    default:
      return false;
  }
}

function formatLook(format: ConditionalFormat): RuleLook {
  return {
    fill: format.props["format.fill.color"] as string | undefined,
    color: format.props["format.font.color"] as string | undefined,
    bold: format.props["format.font.bold"] === true ? true : undefined,
  };
}

function rgb(hex: string): number[] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) || 0);
}

function mix(a: string, b: string, share: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return (
    "#" +
    x
      .map((v, i) =>
        Math.round(v + (y[i] - v) * share)
          .toString(16)
          .padStart(2, "0")
      )
      .join("")
  );
}

interface ScalePoint {
  type?: string;
  formula?: string;
  color?: string;
}

/** A colour scale's fill for each number: the colours of its points, blended in between. */
function colorScale(
  workbook: Workbook,
  sheet: Sheet,
  format: ConditionalFormat
): ActiveRule["look"] {
  const criteria = (format.props.criteria ?? {}) as Record<string, ScalePoint | undefined>;
  const numbers = workbook
    .readValues(sheet, format.area)
    .flat()
    .filter((v): v is number => typeof v === "number")
    .sort((a, b) => a - b);
  if (!numbers.length || !criteria.minimum || !criteria.maximum) return () => undefined;
  const low = numbers[0];
  const high = numbers[numbers.length - 1];
  const at = (point: ScalePoint, fallback: number) => {
    const n = Number(point.formula);
    if (point.type === "Percentile" && Number.isFinite(n))
      return numbers[Math.min(numbers.length - 1, Math.floor((n / 100) * numbers.length))];
    if (point.type === "Percent" && Number.isFinite(n)) return low + ((high - low) * n) / 100;
    if (point.type === "Number" && Number.isFinite(n)) return n;
    return fallback;
  };
  const points = [
    { value: at(criteria.minimum, low), color: criteria.minimum.color ?? "#F8696B" },
    ...(criteria.midpoint
      ? [
          {
            value: at(criteria.midpoint, (low + high) / 2),
            color: criteria.midpoint.color ?? "#FFEB84",
          },
        ]
      : []),
    { value: at(criteria.maximum, high), color: criteria.maximum.color ?? "#63BE7B" },
  ];
  return (value) => {
    if (typeof value !== "number") return undefined;
    if (value <= points[0].value) return { fill: points[0].color };
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      if (value <= b.value)
        return {
          fill: mix(
            a.color,
            b.color,
            b.value === a.value ? 1 : (value - a.value) / (b.value - a.value)
          ),
        };
    }
    return { fill: points[points.length - 1].color };
  };
}

/** The sheet's conditional formats, ready to apply to values. */
export function activeRules(workbook: Workbook, sheet: Sheet): ActiveRule[] {
  return sheet.conditionalFormats.map((format) => {
    if (format.type === "ColorScale") return { format, look: colorScale(workbook, sheet, format) };
    const rule = (format.props.rule ?? {}) as Record<string, string>;
    const look = formatLook(format);
    if (format.type === "CellValue") {
      const operand = (formula?: string) =>
        formula === undefined ? undefined : workbook.evaluator.calculate(formula, sheet.name);
      const a = operand(rule.formula1);
      const b = operand(rule.formula2);
      return {
        format,
        look: (value) =>
          (typeof value === "number" || typeof value === "string") &&
          value !== "" &&
          compare(rule.operator, value, a, b)
            ? look
            : undefined,
      };
    }
    const text = String(rule.text ?? "").toLocaleLowerCase();
    const matches = (s: string) => {
      if (rule.operator === "BeginsWith") return s.startsWith(text);
      if (rule.operator === "EndsWith") return s.endsWith(text);
      if (rule.operator === "NotContains") return !s.includes(text);
      return s.includes(text);
    };
    return {
      format,
      look: (value) =>
        typeof value === "string" && value && matches(value.toLocaleLowerCase()) ? look : undefined,
    };
  });
}

function inArea(area: Area, row: number, col: number): boolean {
  return row >= area.r0 && row <= area.r1 && col >= area.c0 && col <= area.c1;
}

/**
 * The inline CSS of a cell.
 * @param value Its computed value (alignment by type, conditional formats).
 */
export function cellCss(
  style: Style,
  value: CellValue,
  row: number,
  col: number,
  tables: Table[],
  rules: ActiveRule[]
): string {
  const css: string[] = [];
  let fill = style["fill.color"] as string | undefined;
  let color = style["font.color"] as string | undefined;
  let bold = style["font.bold"] === true;
  const table = tables.find((t) => inArea(t.area, row, col));
  if (table && !fill) {
    // TableStyleMedium2: a blue header row and banded rows.
    if (row === table.area.r0) {
      fill = "#4472C4";
      color ??= "#FFFFFF";
      bold = true;
    } else if ((row - table.area.r0) % 2 === 1) fill = "#D9E1F2";
  }
  for (const rule of rules) {
    const look = inArea(rule.format.area, row, col) ? rule.look(value) : undefined;
    if (!look) continue;
    fill = look.fill ?? fill;
    color = look.color ?? color;
    bold = look.bold ?? bold;
  }
  if (fill) css.push(`background:${fill}`);
  if (color) css.push(`color:${color}`);
  if (bold) css.push("font-weight:bold");
  if (style["font.italic"] === true) css.push("font-style:italic");
  if (typeof style["font.size"] === "number") css.push(`font-size:${style["font.size"]}pt`);
  if (style["font.name"]) css.push(`font-family:"${String(style["font.name"])}",sans-serif`);
  if (style.wrapText === true) css.push("white-space:normal");
  const align = style.horizontalAlignment as string | undefined;
  if (align && align !== "General") css.push(`text-align:${align.toLowerCase()}`);
  const bottom = border(style, "EdgeBottom");
  const top = border(style, "EdgeTop");
  const left = border(style, "EdgeLeft");
  const right = border(style, "EdgeRight");
  if (bottom) css.push(`border-bottom:${bottom}`);
  if (top) css.push(`border-top:${top}`);
  if (left) css.push(`border-left:${left}`);
  if (right) css.push(`border-right:${right}`);
  return css.join(";");
}

/** The class of a value, for Excel's default alignment: numbers right, logicals and errors centred. */
export function valueClass(value: CellValue): string {
  if (typeof value === "number") return "num";
  if (typeof value === "boolean" || (value !== null && typeof value === "object")) return "centre";
  return "";
}

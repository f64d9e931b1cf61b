/**
 * The .xlsx writer: a SheetPlan, with the data on its own sheet, into a new workbook (ExcelJS), and
 * that workbook into the bytes of an .xlsx file. ExcelJS cannot write charts: xlsxBytes adds the
 * plan's charts to what ExcelJS wrote (./xlsxCharts), so every face that writes a file gets them.
 */
import ExcelJS from "exceljs";
import { KpiError } from "../engine/values";
import { rangeAddress } from "../plan/a1";
import type { CellStyle, PlannedSheet, SheetPlan } from "../plan/types";
import { addChartsToXlsx } from "./xlsxCharts";

/** A sheet of data written as is: a header row and rows of values, each column with a number format. */
export interface DataSheet {
  name: string;
  rows: (string | number | boolean | KpiError | null)[][];
  /** Number format of each column ("yyyy-mm-dd" for dates), "General" where none. */
  formats?: (string | undefined)[];
}

const GREY = "FF616161";
const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 18 } },
  subtitle: { font: { color: { argb: GREY } } },
  section: {
    font: { bold: true, size: 12 },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFEBF3FC" } },
  },
  header: {
    font: { bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF5F5F5" } },
    border: { bottom: { style: "thin", color: { argb: "FFD1D1D1" } } },
  },
  label: {},
  input: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E6" } } },
  value: { font: { bold: true } },
  hint: { font: { italic: true, color: { argb: GREY } } },
  definition: { font: { color: { argb: GREY } }, alignment: { wrapText: true, vertical: "top" } },
};

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function writePlannedSheet(worksheet: ExcelJS.Worksheet, planned: PlannedSheet): void {
  planned.columnWidths.forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
  for (const block of planned.blocks) {
    block.cells.forEach((row, r) =>
      row.forEach((planCell, c) => {
        const row = block.row + r;
        const col = block.col + c;
        const cell = worksheet.getCell(row + 1, col + 1);
        if (planCell.formula !== undefined && planCell.spill) {
          // A file has no dynamic arrays: a table-valued formula is an array formula over its area.
          const { rows, cols } = planCell.spill;
          const ref = rangeAddress(row, col, row + rows - 1, col + cols - 1);
          cell.value = { formula: planCell.formula, shareType: "array", ref } as ExcelJS.CellValue;
        } else if (planCell.formula !== undefined)
          cell.value = { formula: planCell.formula } as ExcelJS.CellFormulaValue;
        else if (planCell.value !== undefined && planCell.value !== null)
          cell.value = planCell.value;
        if (planCell.style) Object.assign(cell, STYLES[planCell.style]);
        if (planCell.format) cell.numFmt = planCell.format;
      })
    );
  }
  for (const conditional of planned.conditionalFormats) {
    worksheet.addConditionalFormatting({
      ref: conditional.range,
      rules: conditional.rules.map((rule, i) => ({
        type: "containsText",
        operator: "containsText",
        text: rule.equals,
        priority: i + 1,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.font) } },
        },
      })),
    });
  }
  for (const scale of planned.colorScales ?? []) {
    worksheet.addConditionalFormatting({
      ref: scale.range,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [scale.min, scale.mid, scale.max].map((hex) => ({ argb: argb(hex) })),
        },
      ],
    });
  }
  if (planned.freezeRows) worksheet.views = [{ state: "frozen", ySplit: planned.freezeRows }];
}

function writeDataSheet(worksheet: ExcelJS.Worksheet, data: DataSheet): void {
  for (const row of data.rows)
    worksheet.addRow(row.map((cell) => (cell instanceof KpiError ? { error: cell.code } : cell)));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  data.formats?.forEach((format, i) => {
    if (format) worksheet.getColumn(i + 1).numFmt = format;
  });
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
  data.rows[0]?.forEach((_, i) => (worksheet.getColumn(i + 1).width = 16));
}

/**
 * Builds the workbook of a plan: the data sheet first (when given), then the plan's sheets.
 * The plan's formulas carry no cached results, so the workbook is set to recalculate when opened.
 */
export function buildXlsxWorkbook(plan: SheetPlan, data?: DataSheet): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sales KPIs";
  workbook.calcProperties.fullCalcOnLoad = true;
  const kpiSheets = plan.sheets.map((planned) => {
    const worksheet = workbook.addWorksheet(planned.name);
    writePlannedSheet(worksheet, planned);
    return worksheet;
  });
  if (data) {
    writeDataSheet(workbook.addWorksheet(data.name), data);
  }
  // ExcelJS keeps a defined name as a matrix of cells, one per cell of its range: a name over a
  // 1,000,000-row column would cost a million objects. The plan's names go into the model as written.
  const names = plan.names.map((named) => ({ name: named.name, ranges: [named.refersTo] }));
  Object.defineProperty(workbook.definedNames, "model", {
    get: () => names,
    set() {},
    configurable: true,
  });
  if (kpiSheets[0]) workbook.views = [{ activeTab: 0 } as ExcelJS.WorkbookView];
  return workbook;
}

/**
 * The .xlsx file of a workbook built from `plan` (buildXlsxWorkbook), with the plan's charts: what
 * `kpi workbook` saves and the task pane opens, one way for both.
 */
export async function xlsxBytes(workbook: ExcelJS.Workbook, plan: SheetPlan): Promise<Uint8Array> {
  const written = await workbook.xlsx.writeBuffer();
  return addChartsToXlsx(new Uint8Array(written as ArrayBuffer), plan);
}

/**
 * Each catalog entry's native Excel formula, evaluated by a real formula engine (HyperFormula, a dev
 * dependency), gives the worked examples' values: the portable KPI sheet can rely on it.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { type Arg, KpiError } from "../../src/engine";
import { readTypedCell } from "../../src/cli/typedValue";
import { EXAMPLES } from "../exampleArgs";
import { closeTo } from "../helpers";

const COLUMNS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A cell as Excel holds it after a person typed the example's value (ISO dates become serials). */
function typed(cell: unknown): RawCellContent {
  if (typeof cell === "string") {
    const read = readTypedCell(cell);
    return read instanceof KpiError ? read.code : (read as RawCellContent);
  }
  return cell as RawCellContent;
}

/** Lays the arguments out side by side from A1 and returns the sheet and a reference for each. */
function layOut(args: Arg[]): { sheet: RawCellContent[][]; refs: string[] } {
  const sheet: RawCellContent[][] = [];
  const refs: string[] = [];
  let column = 0;
  for (const arg of args) {
    const grid = Array.isArray(arg) ? arg : [[arg]];
    grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        sheet[r] ??= [];
        sheet[r][column + c] = typed(cell);
      })
    );
    const first = `${COLUMNS[column]}1`;
    const last = `${COLUMNS[column + grid[0].length - 1]}${grid.length}`;
    refs.push(Array.isArray(arg) ? `${first}:${last}` : first);
    column += grid[0].length;
  }
  for (const row of sheet) for (let c = 0; c < column; c++) row[c] ??= null;
  return { sheet, refs };
}

const numericCases = EXAMPLES.filter((c) => c.entry.excel && typeof c.example.expect === "number");

describe("native Excel formulas in a real formula engine", () => {
  it("cover every metric that has a plain spreadsheet equivalent", () => {
    expect(numericCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(numericCases.map((c) => [c.label, c] as const))("%s", (_label, { entry, example }) => {
    const { sheet, refs } = layOut(example.args);
    sheet.push([`=${entry.excel!(...refs)}`]);
    const hf = HyperFormula.buildFromArray(sheet, {
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
    });
    const value = hf.getCellValue({ sheet: 0, row: sheet.length - 1, col: 0 });
    hf.destroy();
    expect(typeof value).toBe("number");
    expect(closeTo(value as number, example.expect as number)).toBe(true);
  });
});

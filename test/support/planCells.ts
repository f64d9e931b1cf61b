/** Finding cells of a planned KPI sheet by their text, and reading the values beside them. */
import type { Cell } from "../../src/engine";
import type { SheetPlan } from "../../src/plan/types";
import type { EvaluatedPlan } from "./formulaEngine";

/**
 * The 0-based row and column of the first cell of the KPI sheet whose text is `text`, below the cell
 * holding `below` when given.
 */
export function find(plan: SheetPlan, text: string, below?: string): [number, number] {
  const from = below === undefined ? -1 : find(plan, below)[0];
  const cells = plan.sheets[0].blocks
    .flatMap((block) =>
      block.cells.flatMap((row, r) =>
        row.map((cell, c) => ({ cell, at: [block.row + r, block.col + c] as [number, number] }))
      )
    )
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  const found = cells.find(({ cell, at }) => cell.value === text && at[0] > from);
  if (!found) throw new Error(`no cell "${text}" on the sheet`);
  return found.at;
}

/** The values right of a label on the sheet: a segment's or a funnel stage's row. */
export function rowAfter(
  plan: SheetPlan,
  sheet: EvaluatedPlan,
  label: string,
  count: number,
  below?: string
): Cell[] {
  const [row, col] = find(plan, label, below);
  return Array.from({ length: count }, (_, i) => sheet.cell("KPI", row, col + 1 + i));
}

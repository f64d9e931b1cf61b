/**
 * The inputs block: the figures a deal table cannot give (a target, the number of reps, marketing
 * spend...), only those the sheet's KPIs read, each a yellow cell named KPI_INPUT_<ID>.
 */
import { INPUTS, type InputSpec, type KpiRow, inputLabel } from "../kpiRows";
import type { SheetContext } from "./context";
import { BlockWriter, type SheetBlock, numberFormat } from "./layout";
import type { DataSource } from "./options";

/**
 * The inputs the rows read, in the sheet's order. With an owner table, quota attainment comes from
 * the quotas typed into it, not from inputs.
 */
export function inputsRead(rows: KpiRow[], quotasFromOwners: boolean): InputSpec[] {
  const read = new Set(
    rows
      .filter((row) => !(row.id === "QUOTA_ATTAINMENT" && quotasFromOwners))
      .flatMap((row) => (row.args ?? []).flatMap((arg) => ("input" in arg ? [arg.input] : [])))
  );
  return INPUTS.filter((input) => read.has(input.id));
}

/** The values the inputs start with: the options', and the data's active owners as the reps. */
function startingValues(
  data: DataSource | null,
  given: Partial<Record<string, number>> = {}
): Partial<Record<string, number>> {
  const values = { ...given };
  if (data?.columns.owner && values.REPS === undefined) values.REPS = data.activeOwners;
  return values;
}

/** The inputs block of `inputs`; `data` is null for the blank template. */
export function inputsBlock(
  context: SheetContext,
  data: DataSource | null,
  inputs: InputSpec[]
): SheetBlock {
  const { words: t, language } = context;
  const values = startingValues(data, context.options.inputs);
  return {
    what: "inputs",
    height: 2 + inputs.length,
    place(top) {
      const w = new BlockWriter(context, top);
      w.heading(t.inputs, [t.input, t.value]);
      w.table(inputs, (input, row) => {
        w.nameCell(context.inputName(input.id), row, 1);
        return [
          { value: inputLabel(input.id, language), style: "label" },
          { value: values[input.id] ?? null, format: numberFormat(input.unit), style: "input" },
        ];
      });
      return w.output;
    },
  };
}

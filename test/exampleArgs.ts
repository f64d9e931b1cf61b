/** The catalog's worked examples, shaped for each front end. */
import { type Arg, CATALOG, type Example, KpiError, type MetricEntry } from "../src/engine";

export interface ExampleCase {
  entry: MetricEntry;
  example: Example;
  label: string;
}

/** Every example of every entry, labelled "ID #n (note)". */
export const EXAMPLES: ExampleCase[] = CATALOG.flatMap((entry) =>
  entry.examples.map((example, i) => ({
    entry,
    example,
    label: `${entry.id} #${i + 1}${example.note ? ` (${example.note})` : ""}`,
  }))
);

/** An argument as Excel passes it to a function whose parameters are matrices: always a 2-D array. */
export function excelArg(arg: Arg): unknown {
  return Array.isArray(arg) ? arg : [[arg instanceof KpiError ? arg : arg === null ? "" : arg]];
}

/** An argument as typed on the command line: a JSON array for a range, the cell's text otherwise. */
export function cliArg(arg: Arg): string {
  if (Array.isArray(arg)) return JSON.stringify(arg);
  if (arg === null) return "";
  if (arg instanceof KpiError) return arg.code;
  return String(arg);
}

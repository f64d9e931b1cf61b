/**
 * The `kpi` command line, on the same engine as the custom functions.
 *   kpi list [--json]              the catalog
 *   kpi calc [--json] ID ARG...    one function, with arguments typed as in a cell
 * Exit codes: 0 a value, 1 an error value, 2 bad usage.
 */
import { Command, CommanderError } from "commander";
import { CATALOG, CATEGORIES, KpiError, evaluateEntry, findEntry, isRangeParam } from "../engine";
import { syntax } from "../tools/reference";
import { formatJson, formatPlain } from "./format";
import { UsageError, readArgument } from "./typedValue";

export const EXIT_VALUE = 0;
export const EXIT_ERROR_VALUE = 1;
export const EXIT_USAGE = 2;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function listCommand(json: boolean, io: Io): number {
  if (json) {
    const entries = CATALOG.map((entry) => ({
      id: entry.id,
      trName: entry.trName,
      category: entry.category,
      title: entry.title,
      description: entry.description,
      formula: entry.formula,
      unit: entry.unit,
      params: entry.params.map((param) => ({
        name: param.name,
        trName: param.trName,
        kind: isRangeParam(param) ? `range of ${param.range}` : param.kind,
        optional: Boolean(param.optional),
        description: param.description,
      })),
    }));
    io.out(JSON.stringify(entries));
    return EXIT_VALUE;
  }
  let category = "";
  for (const entry of CATALOG) {
    if (entry.category !== category) {
      category = entry.category;
      io.out(`\n${CATEGORIES[entry.category].en}`);
    }
    io.out(`  ${entry.id.padEnd(29)} ${syntax(entry, "en")}`);
    io.out(`  ${"".padEnd(29)} ${entry.title.en}: ${entry.formula}`);
  }
  return EXIT_VALUE;
}

function calcCommand(id: string, texts: string[], json: boolean, io: Io): number {
  const entry = findEntry(id);
  if (!entry) throw new UsageError(`there is no function ${id}: \`kpi list\` shows them all`);
  const required = entry.params.filter((param) => !param.optional).length;
  if (texts.length < required || texts.length > entry.params.length) {
    const count =
      required === entry.params.length ? `${required}` : `${required} to ${entry.params.length}`;
    throw new UsageError(
      `${entry.id} takes ${count} arguments, not ${texts.length}: ${syntax(entry, "en")}`
    );
  }
  const result = evaluateEntry(
    entry,
    texts.map((text, i) => readArgument(text, i + 1))
  );
  io.out(json ? formatJson(result) : formatPlain(result));
  return result instanceof KpiError ? EXIT_ERROR_VALUE : EXIT_VALUE;
}

/**
 * Runs the command line and returns its exit code.
 * @param argv The arguments after the program name.
 */
export function run(argv: string[], io: Io): number {
  let code = EXIT_VALUE;
  const program = new Command("kpi")
    .description("B2B sales KPIs on the add-in's metric engine")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
  program
    .command("list")
    .description("list every function of the catalog")
    .option("--json", "print the catalog as JSON")
    .action((options: { json?: boolean }) => {
      code = listCommand(Boolean(options.json), io);
    });
  program
    .command("calc")
    .description(
      "evaluate one function; a JSON array is a range ([[1],[2]] a column), anything else one cell"
    )
    .argument("<id>", "function id, e.g. PIPELINE_VELOCITY")
    .argument("[args...]", "arguments, typed as in a cell")
    .option("--json", 'print {"value": ...} or {"error": ..., "message": ...}')
    .allowUnknownOption() // negative numbers such as -5 are arguments, not options
    .action((id: string, args: string[], options: { json?: boolean }) => {
      code = calcCommand(id, args, Boolean(options.json), io);
    });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_VALUE : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.err(`kpi: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  return code;
}

/** Entry point of bin/kpi.js. */
export function main(): void {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}

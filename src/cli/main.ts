/**
 * The `kpi` command line, on the same engine as the custom functions.
 *   kpi list [--json]              the catalog
 *   kpi calc [--json] ID ARG...    one function, with arguments typed as in a cell
 *   kpi report FILE                the KPIs of a deal export (.csv or .xlsx)
 *   kpi workbook [FILE] --out X    the KPI workbook, or the blank template (--scenarios: what-if sheet)
 *   kpi solve --output O --lever L --target T   the lever value that brings an output to a target
 * Exit codes: 0 a value, 1 an error value (or an unreachable target), 2 bad usage, 3 an input that
 * cannot be read.
 */
import { Command, CommanderError } from "commander";
import {
  CATALOG,
  CATEGORIES,
  KpiError,
  OUTPUT_IDS,
  evaluateEntry,
  findEntry,
  isRangeParam,
} from "../engine";
import { syntax } from "../tools/reference";
import { formatJson, formatPlain } from "./format";
import {
  type DealOptions,
  type WorkbookOptions,
  reportCommand,
  workbookCommand,
} from "./dealCommands";
import { InputError } from "./loadDeals";
import { LEVER_HELP, type SolveOptions, solveCommand } from "./solveCommand";
import { UsageError, readArgument } from "./typedValue";

export const EXIT_VALUE = 0;
export const EXIT_ERROR_VALUE = 1;
export const EXIT_USAGE = 2;
export const EXIT_BAD_INPUT = 3;
export const EXIT_INTERNAL = 70;

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
      formula: entry.formula.en,
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
    io.out(`  ${"".padEnd(29)} ${entry.title.en}: ${entry.formula.en}`);
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
/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * The options of every command that reads a deal export: which sheet, how dates are written, which
 * column is which field, and which stage values count as won, lost or open.
 * @param prefix How the help text introduces them ("with --data: " for kpi solve).
 */
function withReadingOptions(command: Command, prefix = ""): Command {
  return command
    .option("--sheet <name>", `${prefix}the sheet of an .xlsx file (the first one by default)`)
    .option("--date-format <format>", `${prefix}how to read dates that are not ISO: dmy or mdy`)
    .option(
      "--map <field=header>",
      `${prefix}read a field from the column with this header (or letter); repeatable, e.g. --map amount="Deal - Value"; HEADER none leaves the field out`,
      collect,
      []
    )
    .option(
      "--won <stage>",
      `${prefix}a stage or status value that counts as won; repeatable`,
      collect,
      []
    )
    .option(
      "--lost <stage>",
      `${prefix}a stage or status value that counts as lost; repeatable`,
      collect,
      []
    )
    .option(
      "--open <stage>",
      `${prefix}a stage or status value that counts as open; repeatable`,
      collect,
      []
    );
}

export async function run(argv: string[], io: Io): Promise<number> {
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
  const report = program
    .command("report")
    .description("print the KPIs of a deal export (.csv or .xlsx)")
    .argument("<file>", "the deal export")
    .option("--json", 'print {"metrics": {...}, "warnings": [...]}')
    .option("--from <date>", "first close date of the period (ISO, 2026-01-01)")
    .option("--to <date>", "last close date of the period (ISO, 2026-03-31)")
    .option("--target <amount>", "quota or revenue target, for pipeline coverage");
  withReadingOptions(report).action(async (file: string, options: DealOptions) => {
    code = await reportCommand(file, options, io);
  });
  const workbook = program
    .command("workbook")
    .description("write the KPI workbook of a deal export, or without FILE the blank KPI template")
    .argument("[file]", "the deal export (.csv or .xlsx)")
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--portable", "native Excel formulas only: the workbook computes without the add-in")
    .option("--preset <preset>", "all (every metric) or checklist (the article's seven)", "all")
    .option("--grain <grain>", "breakdown by month or quarter", "quarter")
    .option("--language <language>", "labels in en or tr", "en")
    .option("--json", "print the KPIs as JSON")
    .option("--from <date>", "first close date of the period (ISO)")
    .option("--to <date>", "last close date of the period (ISO)")
    .option("--target <amount>", "quota or revenue target, for pipeline coverage")
    .option("--scenarios", "add the scenario sheet: levers, scenarios, sensitivity, tornado");
  withReadingOptions(workbook).action(
    async (file: string | undefined, options: WorkbookOptions) => {
      code = await workbookCommand(file, options, io);
    }
  );
  const solve = program
    .command("solve")
    .description(
      "goal seek: the value of a lever that brings an output of the what-if model to a target"
    )
    .requiredOption("--output <id>", `the output: ${OUTPUT_IDS.join(", ")}`)
    .requiredOption("--lever <id>", `the lever to move: ${LEVER_HELP}`)
    .requiredOption("--target <value>", "the value the output must reach")
    .option("--set <lever=value...>", "the other levers (the specification's examples otherwise)")
    .option(
      "--data <file>",
      "a deal export whose KPIs set open opportunities, win rate, deal size, cycle"
    )
    .option("--from <date>", "with --data: first close date of the period (ISO)")
    .option("--to <date>", "with --data: last close date of the period (ISO)")
    .option("--json", 'print {"found": true, "value": ...} or {"found": false, "reason": ...}');
  withReadingOptions(solve, "with --data: ").action(async (options: SolveOptions) => {
    code = await solveCommand(options, io);
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_VALUE : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.err(`kpi: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.err(`kpi: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    io.err(
      `kpi: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    );
    return EXIT_INTERNAL;
  }
  return code;
}

/** Entry point of bin/kpi.js. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}

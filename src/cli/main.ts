/**
 * The `kpi` command line, on the same engine as the custom functions.
 *   kpi list [--json]              the catalog
 *   kpi calc [--json] ID ARG...    one function, with arguments typed as in a cell
 *   kpi report FILE                the KPIs of a deal export (.csv or .xlsx)
 *   kpi workbook [FILE] --out X    the KPI workbook, or the blank template (--scenarios: what-if sheet)
 *   kpi solve --output O --lever L --target T   the lever value that brings an output to a target
 * Every command takes --language en|tr (by default the environment's locale: LANG=tr_TR.UTF-8 gives
 * Turkish) for what it prints; --json keeps its machine keys (ids, error codes) in any language.
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
import { type Language, fill, sayBoth } from "../i18n";
import { CLI } from "../i18n/strings/cli";
import { syntax } from "../tools/reference";
import { formatJson, formatPlain } from "./format";
import {
  type DealOptions,
  type WorkbookOptions,
  reportCommand,
  workbookCommand,
} from "./dealCommands";
import { type Environment, argvLanguage, readLanguage } from "./language";
import { InputError } from "./loadDeals";
import { parseErrorText } from "./parseErrors";
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

/** The help's words, in the language the command line was asked for. */
type HelpStrings = (typeof CLI)[Language]["help"];

function listCommand(json: boolean, language: Language, io: Io): number {
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
        kind: isRangeParam(param) ? `range:${param.range}` : param.kind,
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
      io.out(`\n${CATEGORIES[entry.category][language]}`);
    }
    io.out(`  ${entry.id.padEnd(29)} ${syntax(entry, language)}`);
    io.out(`  ${"".padEnd(29)} ${entry.title[language]}: ${entry.formula[language]}`);
  }
  return EXIT_VALUE;
}

function calcCommand(
  id: string,
  texts: string[],
  json: boolean,
  language: Language,
  io: Io
): number {
  const entry = findEntry(id);
  if (!entry) throw new UsageError(sayBoth(CLI, (s) => s.calc.noFunction, { id }));
  const required = entry.params.filter((param) => !param.optional).length;
  if (texts.length < required || texts.length > entry.params.length) {
    const values = {
      id: entry.id,
      count: required,
      least: required,
      most: entry.params.length,
      given: texts.length,
      syntax: { en: syntax(entry, "en"), tr: syntax(entry, "tr") },
    };
    throw new UsageError(
      sayBoth(
        CLI,
        (s) => (required === entry.params.length ? s.calc.arguments : s.calc.argumentRange),
        values
      )
    );
  }
  // A table's labels (DEAL_SUMMARY's rows, a simulation's) in the command's language.
  const result = evaluateEntry(
    entry,
    texts.map((text, i) => readArgument(text, i + 1)),
    { language }
  );
  io.out(json ? formatJson(result, language) : formatPlain(result, language));
  return result instanceof KpiError ? EXIT_ERROR_VALUE : EXIT_VALUE;
}

/** Collects a repeatable option's values (none given is undefined, which the commands read as []). */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The options of every command that reads a deal export: which sheet, how dates are written, which
 * column is which field, and which stage values count as won, lost or open.
 * @param withData Whether they apply with --data only (kpi solve), which their help then says.
 */
function withReadingOptions(
  command: Command,
  h: HelpStrings,
  language: Language,
  withData = false
): Command {
  const say = (help: string) => (withData ? fill(h.withData, { help }, language) : help);
  return command
    .option("--sheet <name>", say(h.sheet))
    .option("--date-format <format>", say(h.dateFormat))
    .option("--map <field=header>", say(h.map), collect)
    .option("--won <stage>", say(h.won), collect)
    .option("--lost <stage>", say(h.lost), collect)
    .option("--open <stage>", say(h.open), collect)
    .option("--currency <code>", say(h.currency));
}

/**
 * Runs the command line and returns its exit code.
 * @param argv The arguments after the program name.
 * @param env The environment whose locale chooses the language when --language is not given.
 */
export async function run(argv: string[], io: Io, env: Environment = process.env): Promise<number> {
  let code = EXIT_VALUE;
  // The help and the parser's refusals come before a command reads its --language.
  let language = argvLanguage(argv, env);
  const h = CLI[language].help;
  /** A command's language: its --language (or kpi's, before the command), checked, else the environment's. */
  const choose = (options: { language?: string }): Language => {
    const given = options.language ?? program.opts<{ language?: string }>().language;
    language = readLanguage(given, env);
    return language;
  };
  let refusal = "";
  const program = new Command("kpi")
    .description(h.program)
    .exitOverride()
    .helpOption("-h, --help", h.helpOption)
    .helpCommand("help [command]", h.helpCommand)
    .option("--language <language>", h.language)
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
      // Said once the refusal's code is known, in the command line's language (see below).
      outputError: (text) => (refusal = text.trimEnd()),
    });
  program
    .command("list")
    .description(h.list)
    .option("--json", h.listJson)
    .option("--language <language>", h.language)
    .action((options: { json?: boolean; language?: string }) => {
      code = listCommand(Boolean(options.json), choose(options), io);
    });
  program
    .command("calc")
    .description(h.calc)
    .argument("<id>", h.calcId)
    .argument("[args...]", h.calcArgs)
    .option("--json", h.calcJson)
    .option("--language <language>", h.language)
    .allowUnknownOption() // negative numbers such as -5 are arguments, not options
    .action((id: string, args: string[], options: { json?: boolean; language?: string }) => {
      code = calcCommand(id, args, Boolean(options.json), choose(options), io);
    });
  const report = program
    .command("report")
    .description(h.report)
    .argument("<file>", h.reportFile)
    .option("--json", h.reportJson)
    .option("--language <language>", h.language)
    .option("--from <date>", h.from)
    .option("--to <date>", h.to)
    .option("--target <amount>", h.target)
    .option("--by <column>", h.by);
  withReadingOptions(report, h, language).action(
    async (file: string, options: Omit<DealOptions, "language"> & { language?: string }) => {
      code = await reportCommand(file, { ...options, language: choose(options) }, io);
    }
  );
  const workbook = program
    .command("workbook")
    .description(h.workbook)
    .argument("[file]", h.workbookFile)
    .requiredOption("--out <file>", h.out)
    .option("--portable", h.portable)
    .option("--preset <preset>", h.preset, "all")
    .option("--grain <grain>", h.grain, "quarter")
    .option("--language <language>", h.language)
    .option("--json", h.workbookJson)
    .option("--from <date>", h.from)
    .option("--to <date>", h.to)
    .option("--target <amount>", h.target)
    .option("--scenarios", h.scenarios)
    .option("--by <column>", h.by);
  withReadingOptions(workbook, h, language).action(
    async (
      file: string | undefined,
      options: Omit<WorkbookOptions, "language"> & { language?: string }
    ) => {
      code = await workbookCommand(file, { ...options, language: choose(options) }, io);
    }
  );
  const solve = program
    .command("solve")
    .description(h.solve)
    .requiredOption("--output <id>", fill(h.output, { outputs: OUTPUT_IDS.join(", ") }, language))
    .requiredOption("--lever <id>", fill(h.lever, { levers: LEVER_HELP }, language))
    .requiredOption("--target <value>", h.solveTarget)
    .option("--set <lever=value...>", h.set)
    .option("--data <file>", h.data)
    .option("--from <date>", fill(h.withData, { help: h.from }, language))
    .option("--to <date>", fill(h.withData, { help: h.to }, language))
    .option("--language <language>", h.language)
    .option("--json", h.solveJson);
  withReadingOptions(solve, h, language, true).action(
    async (options: Omit<SolveOptions, "language"> & { language?: string }) => {
      code = await solveCommand({ ...options, language: choose(options) }, io);
    }
  );
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_VALUE;
      io.err(parseErrorText(error, refusal || error.message, language));
      return EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`kpi: ${error.messageIn(language)}`);
      return error instanceof UsageError ? EXIT_USAGE : EXIT_BAD_INPUT;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`kpi: ${fill(CLI[language].unexpected, { detail }, language)}`);
    return EXIT_INTERNAL;
  }
  return code;
}

/** Entry point of bin/kpi.js. */
export async function main(): Promise<void> {
  // A reader that stops early (`kpi list | head`) closes the pipe: the rest is not wanted, as for
  // any Unix tool, so the command ends quietly instead of with a stack trace.
  process.stdout.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}

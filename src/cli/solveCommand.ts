/**
 * `kpi solve`: goal seek on the what-if model. The value of one lever that brings one output to a
 * target, the other levers at the specification's example values, a deal export's KPIs (--data) or
 * values given with --set.
 */
import {
  LEVERS,
  LEVER_IDS,
  type Lever,
  type LeverId,
  type LeverValues,
  OUTPUT_IDS,
  type Output,
  dealReport,
  exampleLevers,
  findLever,
  findOutput,
  leversFromDealKpis,
  leverOf,
  leversOf,
  parseTypedNumber,
  solveLever,
} from "../engine";
import { shownValue } from "../engine/solve";
import { type Language, type TemplateValues, type Text, fill, languageOf } from "../i18n";
import { SOLVE_COMMAND } from "../i18n/strings/solver";
import {
  type DealOptions,
  dealColumnsFor,
  periodFor,
  readingOptions,
  readPeriod,
} from "./dealCommands";
import { loadDeals } from "./loadDeals";
import { UsageError } from "./typedValue";

export interface SolveOptions extends DealOptions {
  output: string;
  lever: string;
  target: string;
  set?: string[];
  data?: string;
  /** The language of what it prints, answers and messages alike; English when left out. */
  language?: Language;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Reads what a person typed, refusing it (exit 2) in the reader's language. */
class Reader {
  readonly t: (typeof SOLVE_COMMAND)[Language];

  constructor(readonly language: Language) {
    this.t = SOLVE_COMMAND[language];
  }

  refuse(template: string, values: TemplateValues): never {
    throw new UsageError(fill(template, values, this.language));
  }

  output(id: string): Output {
    const output = findOutput(id);
    if (!output) this.refuse(this.t.badOutput, { outputs: OUTPUT_IDS.join(", "), given: id });
    return output;
  }

  lever(id: string, flag: string): Lever {
    const lever = findLever(id);
    if (!lever) this.refuse(this.t.badLever, { flag, levers: LEVER_IDS.join(", "), given: id });
    return lever;
  }

  number(text: string, flag: string): number {
    const value = parseTypedNumber(text, this.language);
    if (value === undefined || !Number.isFinite(value))
      this.refuse(this.t.badNumber, { flag, given: text });
    return value;
  }

  /** --set LEVER=VALUE pairs; each value must lie within its lever's range. */
  settings(pairs: string[]): LeverValues {
    const values: LeverValues = {};
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      if (at < 0) this.refuse(this.t.badPair, { given: pair });
      const lever = this.lever(pair.slice(0, at), "--set");
      const value = this.number(pair.slice(at + 1), `--set ${lever.id}`);
      if (value < lever.bounds.min || value > lever.bounds.max)
        this.refuse(this.t.outOfBounds, {
          lever: lever.id,
          min: this.shown(lever.bounds.min, lever.kind),
          max: this.shown(lever.bounds.max, lever.kind),
          value: this.shown(value, lever.kind),
        });
      values[lever.id] = value;
    }
    return values;
  }

  /** A lever's or output's value as the reader writes numbers: 1,250 and 25%, or 1.250 and %25. */
  shown(value: number, unit: string): string {
    return shownValue(value, unit === "rate" ? "rate" : "amount", this.language);
  }
}

/**
 * `kpi solve`: prints the lever value that reaches the target, in `options.language`; exit 0 found,
 * 1 unreachable. A value it cannot read throws a UsageError (exit 2).
 */
export async function solveCommand(options: SolveOptions, io: Io): Promise<number> {
  const read = new Reader(languageOf(options.language));
  const { t, language } = read;
  const output = read.output(options.output);
  const lever = read.lever(options.lever, "--lever");
  const target = read.number(options.target, "--target");
  const settings = read.settings(options.set ?? []);
  let fromData: LeverValues = {};
  if (options.data) {
    const loaded = await loadDeals(options.data, {
      sheet: options.sheet,
      reading: readingOptions(options),
      language,
    });
    const period = periodFor(readPeriod(options), loaded.table);
    // Mixed currencies refuse the money KPIs (see dealReport): their levers keep the examples' values.
    fromData = leversFromDealKpis(
      dealReport(dealColumnsFor(loaded.table, options), null, period).kpis
    );
  }
  const base: LeverValues = { ...exampleLevers(), ...fromData, ...settings };
  const solution = solveLever(output.id, lever.id, target, base);
  const used = Object.fromEntries(
    leversOf(output.id)
      .filter((id) => id !== lever.id)
      .map((id) => [id, base[id]])
  ) as LeverValues;
  if (options.json) {
    io.out(
      JSON.stringify(
        solution.found
          ? { ...pick(solution), base: used }
          : {
              ...pick(solution),
              reason: solution.reason[language],
              range: solution.range,
              base: used,
            }
      )
    );
  } else if (solution.found) {
    io.out(
      fill(t.value, { lever: lever.id, value: read.shown(solution.value, lever.kind) }, language)
    );
    io.out(
      fill(
        t.reached,
        {
          output: output.id,
          reached: read.shown(solution.reached, output.unit),
          target: read.shown(target, output.unit),
          lever: lever.id,
          before: read.shown(base[lever.id]!, lever.kind),
        },
        language
      )
    );
    io.out(describe(used, read));
  } else {
    io.err(fill(t.unreachable, { reason: solution.reason }, language));
    io.err(describe(used, read));
  }
  return solution.found ? 0 : 1;
}

function pick(solution: ReturnType<typeof solveLever>) {
  const { output, lever, target, found } = solution;
  return solution.found
    ? { output, lever, target, found, value: solution.value, reached: solution.reached }
    : { output, lever, target, found };
}

/** The other levers the answer holds: "with WIN_RATE=25%, AVG_DEAL_SIZE=10,000". */
function describe(values: LeverValues, read: Reader): string {
  const { t, language } = read;
  const parts = Object.entries(values).map(([id, value]) =>
    fill(t.setting, { lever: id, value: read.shown(value!, leverOf(id as LeverId).kind) }, language)
  );
  return parts.length
    ? fill(t.withLevers, { levers: parts.join(t.listSeparator) }, language)
    : t.withoutLevers;
}

/** The levers with their labels, for the command's help text in either language. */
export const LEVER_HELP: Text = {
  en: LEVERS.map((l) => `${l.id} (${l.label.en})`).join("; "),
  tr: LEVERS.map((l) => `${l.id} (${l.label.tr})`).join("; "),
};

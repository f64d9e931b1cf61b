/**
 * Property tests over every catalog entry: whatever Excel hands a function (numbers of any size,
 * text, logicals, blanks, error values, ranges of any shape), evaluate answers with a well-formed
 * value and never throws.
 */
import fc from "fast-check";
import {
  type Arg,
  CATALOG,
  type Cell,
  DEAL_KPI_LABELS,
  ERROR_CODES,
  type Grid,
  KpiError,
  type MetricEntry,
  type ParamSpec,
  type RangeParam,
  type Result,
  type ResultCell,
  SIMULATION_LABELS,
  type ScalarParam,
  evaluate,
  isRangeParam,
} from "../../src/engine";

const RUNS = 10_000;
const TIMEOUT_MS = 120_000;

// ---- cells -------------------------------------------------------------------------------------

const SPECIAL_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.2,
  2,
  100,
  46096,
  1e15,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
  -5e-324,
  1e-300,
  Infinity,
  -Infinity,
];
const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.double({ noNaN: true }),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ min: 0, max: 1, noNaN: true })
);

const NUMERIC_TEXT = [
  "1,200",
  "$5",
  "12%",
  "150%",
  "(1,200)",
  "1.234,56",
  "₺1.234,56",
  "1 200",
  "$1,200.00",
  "-$3",
  "0",
  "-0",
  "0.25",
  "1e308",
  "1e400",
  "46096",
  "2026-03-15",
  "2026-02-30",
  "1899-12-01",
  "1,2,3",
  "abc",
  "n/a",
  "TRUE",
  "#N/A",
  " ",
  "Won",
  "Closed Won",
  "closedwon",
  "Kazanıldı",
  "KAZANILDI",
  "Closed Lost",
  "Kaybedildi",
  "Negotiation",
];
/** Thousands separators with commas, without Intl (cheap). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const numericLooking = fc
  .tuple(
    fc.constantFrom("", "", "$", "₺", "-", "("),
    fc.nat(10_000_000),
    fc.constantFrom("", "", "%", ".50", ",5", ")")
  )
  .map(([prefix, n, suffix]) => `${prefix}${grouped(n)}${suffix}`);
const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NUMERIC_TEXT),
  numericLooking,
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 4 })
);
const blankArb = fc.constantFrom<Cell>(null, "");
const errorArb = fc
  .constantFrom(...ERROR_CODES)
  .map((code) => new KpiError(code, { en: "x", tr: "x" }));

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: numberArb, weight: 4 },
  { arbitrary: textArb, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: blankArb, weight: 1 },
  { arbitrary: errorArb, weight: 1 }
);

/** A number within the bounds of a scalar kind, as a number or as text. */
function validScalarCell(param: ScalarParam): fc.Arbitrary<Cell> {
  // A simulation's cost grows with its trials: few of them keep 10,000 runs quick, the bound itself
  // (100,000) is checked by the simulation's own tests.
  if (param.name === "trials")
    return fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant<Cell>("20"));
  switch (param.kind) {
    case "choice":
      return fc.constantFrom<Cell>(...(param.choices ?? []));
    case "date":
      return fc.oneof(fc.integer({ min: 0, max: 80_000 }), fc.constant<Cell>("2026-03-15"));
    case "rate":
      return fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<Cell>(0, 1, "25%", "0.5")
      );
    case "number":
      return fc.oneof(
        fc.integer({ min: -100, max: 100 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constant<Cell>("1,200")
      );
    default:
      return fc.oneof(
        fc.nat(100_000),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom<Cell>(0, 5e-324, 1e308, "1,200", "$12,500.00")
      );
  }
}

const STAGES = [
  "Won",
  "Closed Won",
  "closedwon",
  "Kazanıldı",
  "Lost",
  "Closed Lost",
  "Kaybedildi",
  "Negotiation",
  "Proposal",
];

/** A cell a range parameter reads without complaint (blanks included). */
function validRangeCell(param: RangeParam): fc.Arbitrary<Cell> {
  switch (param.range) {
    case "labels":
      return fc.oneof(fc.constantFrom<Cell>(...STAGES, "Ayşe", "Ben", null, ""), fc.nat(9));
    case "dates":
      return fc.oneof(
        fc.integer({ min: 40_000, max: 50_000 }),
        fc.constantFrom<Cell>("2026-01-01", "2026-03-15", "2025-12-31T12:00", null)
      );
    default:
      return fc.oneof(
        fc.nat(100_000),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom<Cell>(null, "", "1,200", "$5", "12%", 1e308)
      );
  }
}

/** A valid cell that is not blank: a one-cell range of a blank is a blank argument (#N/A). */
const filledRangeCell = (param: RangeParam) =>
  validRangeCell(param).filter((cell) => cell !== null && cell !== "");

// ---- grids -------------------------------------------------------------------------------------

/** A rows x cols grid, generated flat and cut into rows (cheaper than nested arrays). */
function gridOf(cell: fc.Arbitrary<Cell>, rows: number, cols: number): fc.Arbitrary<Grid> {
  return fc.array(cell, { minLength: rows * cols, maxLength: rows * cols }).map((cells) => {
    const grid: Grid = [];
    for (let r = 0; r < rows; r++) grid.push(cells.slice(r * cols, (r + 1) * cols));
    return grid;
  });
}

const dim = fc.integer({ min: 1, max: 4 });
const randomRectGrid = fc.tuple(dim, dim).chain(([rows, cols]) => gridOf(anyCell, rows, cols));
const raggedGrid: fc.Arbitrary<Grid> = fc.array(fc.array(anyCell, { maxLength: 3 }), {
  maxLength: 3,
});

/** Anything at all as an argument: a cell, a range of any shape, a ragged or empty array. */
const garbageArg: fc.Arbitrary<Arg> = fc.oneof(
  { arbitrary: anyCell, weight: 4 },
  { arbitrary: randomRectGrid, weight: 3 },
  { arbitrary: raggedGrid, weight: 1 },
  { arbitrary: fc.constantFrom<Arg>([], [[]], [[], []]), weight: 1 }
);

/** Shapes shared by the arguments of one run, so that ranges often line up. */
interface RunShape {
  /** Cells of the range parameters: a column of n, or a row of n when `across`. */
  n: number;
  across: boolean;
  rows: number;
  cols: number;
}

/** A plausible argument for a parameter, most cells valid, in the run's shapes. */
function plausibleArg(param: ParamSpec, shape: RunShape): fc.Arbitrary<Arg> {
  if (isRangeParam(param)) {
    const cell = fc.oneof(
      { arbitrary: validRangeCell(param), weight: 12 },
      { arbitrary: anyCell, weight: 1 }
    );
    return shape.across ? gridOf(cell, 1, shape.n) : gridOf(cell, shape.n, 1);
  }
  const cell = fc.oneof(
    { arbitrary: validScalarCell(param), weight: 8 },
    { arbitrary: anyCell, weight: 1 }
  );
  return fc.oneof(
    { arbitrary: cell, weight: 4 },
    { arbitrary: gridOf(cell, shape.rows, shape.cols), weight: 2 },
    { arbitrary: gridOf(cell, shape.rows, 1), weight: 1 },
    { arbitrary: gridOf(cell, 1, shape.cols), weight: 1 }
  );
}

const runShape: fc.Arbitrary<RunShape> = fc.record({
  n: fc.integer({ min: 1, max: 5 }),
  across: fc.oneof(
    { arbitrary: fc.constant(false), weight: 3 },
    { arbitrary: fc.constant(true), weight: 1 }
  ),
  rows: dim,
  cols: dim,
});

/** Arguments for an entry: plausible or garbage per parameter; sometimes too few or too many. */
function argsFor(entry: MetricEntry): fc.Arbitrary<Arg[]> {
  const full = runShape.chain((shape) =>
    fc.tuple(
      ...entry.params.map((param) =>
        fc.oneof(
          { arbitrary: plausibleArg(param, shape), weight: 3 },
          { arbitrary: garbageArg, weight: 1 }
        )
      )
    )
  );
  const count = entry.params.length;
  return fc.oneof(
    { arbitrary: full, weight: 10 },
    {
      arbitrary: fc.tuple(full, fc.nat(count - 1)).map(([args, keep]) => args.slice(0, keep)),
      weight: 1,
    },
    { arbitrary: fc.tuple(full, garbageArg).map(([args, extra]) => [...args, extra]), weight: 1 }
  );
}

// ---- what a well-formed answer is ----------------------------------------------------------------

const TABLE_LABELS = [...Object.values(DEAL_KPI_LABELS), ...Object.values(SIMULATION_LABELS)];
const LABELS = {
  en: new Set(TABLE_LABELS.map((label) => label.en)),
  tr: new Set(TABLE_LABELS.map((label) => label.tr)),
};

/** The problem with a result, or undefined when it is well formed. */
function problemWith(
  entry: MetricEntry,
  result: Result,
  language: "en" | "tr" = "en"
): string | undefined {
  if (!Array.isArray(result)) return problemWithCell(result);
  if (
    result.length === 0 ||
    !result.every((row) => Array.isArray(row) && row.length > 0 && row.length === result[0].length)
  ) {
    return "not a non-empty rectangle";
  }
  for (const row of result) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "string") {
        if (entry.unit !== "table" || c !== 0 || !LABELS[language].has(cell))
          return `unexpected text ${JSON.stringify(cell)}`;
        continue;
      }
      const problem = problemWithCell(cell);
      if (problem) return problem;
    }
  }
  return undefined;
}

function problemWithCell(cell: ResultCell | Result): string | undefined {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return `non-finite ${cell}`;
    if (Object.is(cell, -0)) return "minus zero";
    return undefined;
  }
  if (cell instanceof KpiError) {
    if (!ERROR_CODES.includes(cell.code)) return `unknown error code ${cell.code}`;
    if (typeof cell.message !== "string" || cell.message.trim() === "")
      return `${cell.code} without a message`;
    // evaluate turns an exception into #VALUE! "<ID> failed: ..."; none may happen.
    if (/ failed: /.test(cell.message)) return `an exception was caught: ${cell.message}`;
    return undefined;
  }
  return `unexpected value ${JSON.stringify(cell)}`;
}

function show(result: Result): string {
  return JSON.stringify(result, (_key, value) =>
    value instanceof KpiError ? value.toString() : value
  );
}

/** Same number (exactly) or same error code. */
function sameCell(a: ResultCell | Result, b: ResultCell | Result): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b);
  return a instanceof KpiError && b instanceof KpiError && a.code === b.code;
}

// ---- the properties ------------------------------------------------------------------------------

const entries = CATALOG.map((entry) => [entry.id, entry] as const);
const elementWise = entries.filter(
  ([, entry]) => entry.unit !== "table" && entry.params.some((p) => !isRangeParam(p))
);
const scalarOnly = entries.filter(([, entry]) => entry.params.every((p) => !isRangeParam(p)));

describe("every entry answers any input with a well-formed value", () => {
  it.each(entries)(
    "%s never throws and answers a finite number, an error value or a rectangle",
    (_id, entry) => {
      fc.assert(
        fc.property(argsFor(entry), fc.constantFrom<"en" | "tr">("en", "tr"), (args, language) => {
          const result = evaluate(entry.id, args, { language });
          const problem = problemWith(entry, result, language);
          if (problem) throw new Error(`${problem} in ${show(result)}`);
        }),
        { numRuns: RUNS }
      );
    },
    TIMEOUT_MS
  );
});

/** A single valid cell for each range parameter, and R x C grids from `scalarGrid` for the others. */
function elementWiseArgs(
  entry: MetricEntry,
  scalarGrid: (param: ScalarParam) => fc.Arbitrary<Grid>
): fc.Arbitrary<Arg[]> {
  return fc.tuple(
    ...entry.params.map((param): fc.Arbitrary<Arg> =>
      isRangeParam(param)
        ? fc.oneof(
            filledRangeCell(param),
            filledRangeCell(param).map((cell) => [[cell]])
          )
        : scalarGrid(param)
    )
  );
}

/** The single-value arguments of cell (r, c) of an element-wise call. */
function argsAt(entry: MetricEntry, args: Arg[], r: number, c: number): Arg[] {
  return args.map((arg, i) => {
    if (isRangeParam(entry.params[i]) || !Array.isArray(arg)) return arg;
    const row = arg.length === 1 ? arg[0] : arg[r];
    return row.length === 1 ? row[0] : row[c];
  });
}

/**
 * The answer is rows x cols and well formed; one cell of it (picked by `pick`, a different one each
 * run) equals the answer to that cell's values alone.
 */
function checkElementWise(
  entry: MetricEntry,
  args: Arg[],
  rows: number,
  cols: number,
  pick: number
): void {
  const result = evaluate(entry.id, args);
  if (
    !Array.isArray(result) ||
    result.length !== rows ||
    result.some((row) => row.length !== cols)
  ) {
    throw new Error(`expected a ${rows}x${cols} array, got ${show(result)}`);
  }
  const problem = problemWith(entry, result);
  if (problem) throw new Error(`${problem} in ${show(result)}`);
  const r = Math.floor(pick / cols) % rows;
  const c = pick % cols;
  const single = evaluate(entry.id, argsAt(entry, args, r, c));
  if (!sameCell(result[r][c], single)) {
    throw new Error(
      `cell (${r + 1}, ${c + 1}) is ${show([[result[r][c]]])} but alone it is ${show(single)}`
    );
  }
}

const smallDim = fc.integer({ min: 1, max: 3 });
/** R x C with R * C > 1. */
const elementShape = fc
  .tuple(smallDim, smallDim)
  .map(([rows, cols]) => (rows * cols > 1 ? { rows, cols } : { rows, cols: cols + 1 }));
const pickArb = fc.nat(99);

describe("ranges given for single values answer element by element", () => {
  it.each(elementWise)(
    "%s answers R x C for R x C arguments, each cell as if computed alone",
    (_id, entry) => {
      fc.assert(
        fc.property(
          elementShape.chain(({ rows, cols }) =>
            elementWiseArgs(entry, (param) =>
              gridOf(
                fc.oneof(
                  { arbitrary: validScalarCell(param), weight: 4 },
                  { arbitrary: anyCell, weight: 1 }
                ),
                rows,
                cols
              )
            ).map((args) => ({ rows, cols, args }))
          ),
          pickArb,
          ({ rows, cols, args }, pick) => checkElementWise(entry, args, rows, cols, pick)
        ),
        { numRuns: RUNS }
      );
    },
    TIMEOUT_MS
  );

  it.each(elementWise)(
    "%s broadcasts single rows, columns and cells to the largest shape, as Excel does",
    (_id, entry) => {
      fc.assert(
        fc.property(
          elementShape.chain(({ rows, cols }) =>
            elementWiseArgs(entry, (param) =>
              fc
                .constantFrom([1, 1], [rows, 1], [1, cols], [rows, cols])
                .chain(([r, c]) => gridOf(validScalarCell(param), r, c))
            )
          ),
          pickArb,
          (args, pick) => {
            const grids = args.filter((_, i) => !isRangeParam(entry.params[i])) as Grid[];
            const rows = Math.max(...grids.map((grid) => grid.length));
            const cols = Math.max(...grids.map((grid) => grid[0].length));
            if (rows * cols === 1) {
              const problem = problemWith(entry, evaluate(entry.id, args));
              if (problem) throw new Error(problem);
              return;
            }
            checkElementWise(entry, args, rows, cols, pick);
          }
        ),
        { numRuns: RUNS }
      );
    },
    TIMEOUT_MS
  );

  it("DEAL_SUMMARY, a table, answers #VALUE! when given a range for its target", () => {
    const table = CATALOG.find((entry) => entry.id === "DEAL_SUMMARY")!;
    fc.assert(
      fc.property(elementShape, ({ rows, cols }) => {
        const column = (cell: Cell) => [[cell]];
        const result = evaluate(table.id, [
          column("Won"),
          column(100),
          column(46000),
          column(46010),
          column("Ben"),
          Array.from({ length: rows }, () => Array<Cell>(cols).fill(1000)),
        ]);
        return result instanceof KpiError && result.code === "#VALUE!";
      }),
      { numRuns: 100 }
    );
  });
});

describe("an error value in the inputs propagates unchanged", () => {
  it.each(scalarOnly)(
    "%s passes an error given as its first argument on as the same object",
    (_id, entry) => {
      fc.assert(
        fc.property(
          errorArb,
          fc.boolean(),
          fc.array(anyCell, { minLength: 0, maxLength: entry.params.length - 1 }),
          (error, inRange, rest) => {
            const result = evaluate(entry.id, [inRange ? [[error]] : error, ...rest]);
            if (result !== error)
              throw new Error(`got ${show(result)} instead of ${error.toString()}`);
          }
        ),
        { numRuns: RUNS }
      );
    },
    TIMEOUT_MS
  );

  it.each(entries)(
    "%s passes on the first error in argument order when the arguments before it are valid",
    (_id, entry) => {
      const count = entry.params.length;
      const arb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.nat(count - 1)).chain(([n, k]) =>
        fc.tuple(
          ...entry.params.map((param, i): fc.Arbitrary<{ arg: Arg; first?: KpiError }> => {
            if (i < k) {
              return isRangeParam(param)
                ? gridOf(n === 1 ? filledRangeCell(param) : validRangeCell(param), n, 1).map(
                    (arg) => ({ arg })
                  )
                : validScalarCell(param).map((arg) => ({ arg }));
            }
            if (i > k) {
              return isRangeParam(param)
                ? gridOf(anyCell, n, 1).map((arg) => ({ arg }))
                : anyCell.map((arg) => ({ arg }));
            }
            // A deal table read in place leaves an error cell out as a blank (one bad row stays one
            // bad row); an error given for the whole range still passes on.
            if (!isRangeParam(param) || param.inPlace)
              return errorArb.map((error) => ({ arg: error, first: error }));
            const cell = fc.oneof(validRangeCell(param), errorArb);
            return fc
              .tuple(gridOf(cell, n, 1), fc.nat(n - 1), errorArb)
              .map(([grid, at, error]) => {
                grid[at][0] = error;
                return {
                  arg: grid,
                  first: grid.flat().find((c): c is KpiError => c instanceof KpiError),
                };
              });
          })
        )
      );
      fc.assert(
        fc.property(arb, (parts) => {
          const expected = parts.find((part) => part.first)!.first;
          const result = evaluate(
            entry.id,
            parts.map((part) => part.arg)
          );
          if (result !== expected)
            throw new Error(`got ${show(result)} instead of ${expected!.toString()}`);
        }),
        { numRuns: RUNS }
      );
    },
    TIMEOUT_MS
  );
});

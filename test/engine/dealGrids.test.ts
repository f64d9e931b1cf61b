/**
 * The deal table's one pass over Excel's ranges (KPI.DEAL_SUMMARY and KPI.DEAL_KPI's shortcut) gives
 * exactly what the general reading gives, and hands back every call it cannot take as it comes, so
 * that the general reading names the cell at fault.
 */
import fc from "fast-check";
import {
  type Arg,
  type Cell,
  type MetricEntry,
  KpiError,
  evaluateEntry,
  findEntry,
} from "../../src/engine";

const summary = findEntry("DEAL_SUMMARY")!;
const oneKpi = findEntry("DEAL_KPI")!;
/** The same entries without their shortcut: the general reading alone. */
const general = (entry: MetricEntry): MetricEntry => ({ ...entry, shortcut: undefined });

const stageCell: fc.Arbitrary<Cell> = fc.constantFrom(
  "Won",
  "Closed Won",
  " closed-won ",
  "Kazanıldı",
  "Lost",
  "Closed Lost",
  "Negotiation",
  "Proposal",
  "   ",
  "",
  null,
  42,
  true,
  new KpiError("#N/A", { en: "lookup failed", tr: "lookup failed" })
);
const amountCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 0, max: 250_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom<Cell>(null, "", "12,500", "$1,200.50", "abc", -5, -0, Infinity, false)
);
const dateCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 45_000, max: 46_500 }),
  fc.constantFrom<Cell>(null, "", "2026-03-15", "15.03.2026", -1, NaN, 46000.5)
);
const ownerCell: fc.Arbitrary<Cell> = fc.constantFrom<Cell>(
  "Ayşe",
  "AYŞE",
  " Ben ",
  "Cem",
  "",
  null,
  7,
  new KpiError("#REF!", { en: "gone", tr: "gone" })
);

/** Rows of a deal table, mostly plain (so that the shortcut answers), sometimes not. */
function table(plain: boolean) {
  const cell = <T>(arbitrary: fc.Arbitrary<T>, simple: fc.Arbitrary<T>) =>
    plain ? simple : arbitrary;
  return fc.array(
    fc.tuple(
      cell(stageCell, fc.constantFrom<Cell>("Won", "Closed Lost", "Proposal", null, "")),
      cell(amountCell, fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant<Cell>(null))),
      cell(dateCell, fc.integer({ min: 45_000, max: 46_000 })),
      cell(dateCell, fc.oneof(fc.integer({ min: 45_000, max: 46_500 }), fc.constant<Cell>(""))),
      cell(ownerCell, fc.constantFrom<Cell>("Ayşe", "AYŞE", "Ben", null))
    ),
    { minLength: 1, maxLength: 30 }
  );
}

const column = (rows: Cell[][], i: number): Cell[][] => rows.map((row) => [row[i]]);

/** Results compared as Excel would show them: numbers, texts and error codes with their reasons. */
const shown = (result: unknown) =>
  JSON.stringify(result, (_, value) =>
    value instanceof KpiError ? `${value.code} ${value.message}` : value
  );

describe("the deal table's pass over Excel's ranges", () => {
  it.each([true, false])(
    "gives DEAL_SUMMARY's answer of the general reading (plain tables: %s)",
    (plain) => {
      fc.assert(
        fc.property(
          table(plain),
          fc.boolean(),
          fc.constantFrom<Arg | undefined>(undefined, null, 50_000, [[50_000]], "", -1, [[1], [2]]),
          (rows, withOwners, target) => {
            const args: Arg[] = [0, 1, 2, 3].map((i) => column(rows, i));
            args.push(withOwners ? column(rows, 4) : null);
            if (target !== undefined) args.push(target);
            for (const language of ["en", "tr"] as const)
              expect(shown(evaluateEntry(summary, args, { language }))).toBe(
                shown(evaluateEntry(general(summary), args, { language }))
              );
          }
        ),
        { numRuns: 2_000 }
      );
    }
  );

  it("gives DEAL_KPI's answer of the general reading, with a period", () => {
    fc.assert(
      fc.property(
        table(true),
        fc.constantFrom("REVENUE", "win_rate", "SALES_CYCLE_LENGTH", "REP_PRODUCTIVITY", "MARGIN"),
        fc.constantFrom<Arg>(null, 45_500, "2025-06-01", [[45_200]], -3),
        fc.constantFrom<Arg>(null, 46_000, [[45_900], [46_000]]),
        (rows, kpi, from, to) => {
          const args: Arg[] = [kpi, ...[0, 1, 2, 3, 4].map((i) => column(rows, i)), 1e6, from, to];
          expect(shown(evaluateEntry(oneKpi, args))).toBe(
            shown(evaluateEntry(general(oneKpi), args))
          );
        }
      ),
      { numRuns: 2_000 }
    );
  });

  it("answers plain ranges itself, without the general reading", () => {
    const args: Arg[] = [
      [["Won"], ["Closed Lost"], ["Proposal"], [""]],
      [[100], [200], [300], [null]],
      [[46000], [46000], [46000], [""]],
      [[46010], [46020], [46090], [""]],
      [["Ayşe"], ["AYŞE"], ["Ben"], [""]],
      [[1000]],
    ];
    const quick = summary.shortcut!(args, { language: "en" });
    expect(quick).toBeDefined();
    expect(shown(evaluateEntry(summary, args))).toBe(shown(evaluateEntry(general(summary), args)));
    expect(oneKpi.shortcut!(["revenue", ...args], { language: "en" })).toBe(100);
  });

  it("reads ranges given as rows, and hands back ranges that do not line up", () => {
    const row = (...cells: Cell[]) => [cells];
    const args: Arg[] = [
      row("Won", "Lost", "Open"),
      row(100, 200, 300),
      row(46000, 46000, 46000),
      row(46010, 46020, 46030),
    ];
    expect(shown(evaluateEntry(summary, args))).toBe(shown(evaluateEntry(general(summary), args)));
    const ragged: Arg[] = [
      [["Won"], ["Lost", "x"]],
      [[1], [2]],
      [[46000], [46000]],
      [[1], [2]],
    ];
    expect(shown(evaluateEntry(summary, ragged))).toBe(
      shown(evaluateEntry(general(summary), ragged))
    );
  });
});

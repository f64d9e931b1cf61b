/** The `kpi` command line, run as a person runs it: the real bin, a new process each time. */
import { EXAMPLES, cliArg } from "../exampleArgs";
import { closeTo } from "../helpers";
import { kpi } from "../support/cli";

describe("kpi calc", () => {
  it("prints 20000 for the article's pipeline velocity example", () => {
    const run = kpi("calc", "PIPELINE_VELOCITY", "200", "0.25", "10000", "25");
    expect(run.stdout).toBe("20000\n");
    expect(run.status).toBe(0);
  });

  it("prints #DIV/0! with a reason as JSON and exits 1 for churn of no customers", () => {
    const run = kpi("calc", "--json", "CHURN_RATE", "30", "0");
    const printed = JSON.parse(run.stdout);
    expect(printed.error).toBe("#DIV/0!");
    expect(printed.message).toMatch(/customers_at_start/);
    expect(run.status).toBe(1);
  });

  it.each(EXAMPLES.map((c) => [c.label, c] as const))(
    "gives the worked example %s",
    (_label, { entry, example }) => {
      const run = kpi("calc", "--json", entry.id, ...example.args.map(cliArg));
      const printed = JSON.parse(run.stdout);
      if (typeof example.expect === "number") {
        expect(run.status).toBe(0);
        expect(closeTo(printed.value, example.expect)).toBe(true);
      } else if (typeof example.expect === "string") {
        expect(run.status).toBe(1);
        expect(printed.error).toBe(example.expect);
        expect(printed.message.length).toBeGreaterThan(5);
      } else {
        expect(run.status).toBe(0);
        example.expect.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (typeof cell === "number") expect(closeTo(printed.value[r][c], cell)).toBe(true);
            else expect(printed.value[r][c]).toEqual(cell);
          })
        );
      }
    }
  );

  it("reads typed values as Excel does: percentages, currency, thousands separators", () => {
    expect(kpi("calc", "PIPELINE_VELOCITY", "200", "25%", "$10,000", "25").stdout).toBe("20000\n");
  });

  it("prints the error code and its reason in plain output", () => {
    const run = kpi("calc", "WIN_RATE", "25", "many");
    expect(run.stdout).toMatch(/^#VALUE! deals_lost must be a number, not "many"\n$/);
    expect(run.status).toBe(1);
  });

  it("takes a column as a JSON array and spills element by element", () => {
    const run = kpi("calc", "WIN_RATE", "[[25],[10]]", "[[75],[30]]");
    expect(JSON.parse(run.stdout)).toEqual([[0.25], [0.25]]);
    expect(run.status).toBe(0);
  });

  it("takes a row as a flat JSON array", () => {
    const run = kpi("calc", "QUALIFIED_LEADS", "[40,75,90,60]", "60");
    expect(run.stdout).toBe("3\n");
  });

  it("treats negative numbers as arguments, not options", () => {
    expect(kpi("calc", "REVENUE_GROWTH", "600000", "800000").stdout).toBe("-0.25\n");
    expect(kpi("calc", "--json", "TOTAL_REVENUE", "100", "-5").status).toBe(1);
  });

  it("exits 2 with a message for an unknown function or a wrong number of arguments", () => {
    const unknown = kpi("calc", "NO_SUCH_KPI", "1");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/NO_SUCH_KPI/);
    const short = kpi("calc", "WIN_RATE", "25");
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/takes 2 arguments/);
    expect(kpi("calc", "QUALIFIED_LEADS", "[[1],[2,3]]", "1").status).toBe(2);
    expect(kpi("frobnicate").status).toBe(2);
  });
});

describe("kpi list", () => {
  it("lists every function as JSON with its parameters", () => {
    const run = kpi("list", "--json");
    const entries = JSON.parse(run.stdout) as { id: string; trName: string; params: unknown[] }[];
    expect(entries.map((e) => e.id)).toContain("PIPELINE_VELOCITY");
    expect(entries.find((e) => e.id === "CHURN_RATE")!.trName).toBe("KAYIP_ORANI");
    expect(entries.length).toBe(
      EXAMPLES.map((c) => c.entry.id).filter((id, i, all) => all.indexOf(id) === i).length
    );
  });

  it("lists the syntax of each function in plain output", () => {
    expect(kpi("list").stdout).toContain("=KPI.CHURN_RATE(customers_lost, customers_at_start)");
  });
});

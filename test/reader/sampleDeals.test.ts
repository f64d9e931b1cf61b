/** The sample CRM export: deterministic, realistic, and readable without a single problem. */
import { dealKpis, serialToIsoDate } from "../../src/engine";
import {
  type Cell,
  type DealTable,
  isReadFailure,
  parseCsv,
  readDealTable,
} from "../../src/reader";
import { generateDeals, toCsv } from "../../src/tools/sampleDeals";

function read(rows: Cell[][]): DealTable {
  const table = readDealTable(rows);
  if (isReadFailure(table)) throw new Error(table.failure.en);
  return table;
}

describe("generateDeals", () => {
  it("gives the same rows for the same seed, and other rows for another seed", () => {
    expect(generateDeals(300, 7)).toEqual(generateDeals(300, 7));
    expect(generateDeals(300, 8)).not.toEqual(generateDeals(300, 7));
    expect(generateDeals(5)).toEqual(generateDeals(5, 1, "en"));
  });

  it("writes the export's headers in English and in Turkish", () => {
    expect(generateDeals(1)[0]).toEqual([
      "Deal Name",
      "Deal Owner",
      "Stage",
      "Amount",
      "Created Date",
      "Close Date",
      "Lead Source",
    ]);
    expect(generateDeals(1, 1, "tr")[0]).toEqual([
      "Fırsat Adı",
      "Temsilci",
      "Aşama",
      "Tutar",
      "Oluşturma Tarihi",
      "Kapanış Tarihi",
      "Kaynak",
    ]);
  });

  it.each(["en", "tr"] as const)(
    "gives a %s table that reads with no problems and looks like a CRM",
    (language) => {
      const table = read(generateDeals(250, 42, language));
      expect(table.problems).toEqual([]);
      expect(table.mapping).toEqual({
        id: 0,
        owner: 1,
        stage: 2,
        amount: 3,
        created: 4,
        closed: 5,
        source: 6,
      });
      expect(table.columns.stage).toHaveLength(250);
      expect(table.owners.length).toBeGreaterThanOrEqual(6);
      expect(new Set(table.stageValues.map((value) => value.kind))).toEqual(
        new Set(["won", "lost", "open"])
      );
      expect(table.stageValues).toHaveLength(6);

      const quarters = new Set<string>();
      table.columns.stage.forEach((stage, i) => {
        const closed = table.columns.closed[i] as number;
        const created = table.columns.created[i] as number;
        const amount = table.columns.amount[i] as number;
        expect(amount).toBeGreaterThanOrEqual(2000);
        expect(amount).toBeLessThanOrEqual(250000);
        expect(amount % 100).toBe(0);
        expect(
          serialToIsoDate(created) >= "2025-01-01" && serialToIsoDate(created) <= "2026-09-30"
        ).toBe(true);
        if (table.stageValues.find((value) => value.text === stage)?.kind === "open") {
          expect(serialToIsoDate(closed) > "2026-09-30").toBe(true);
        } else {
          expect(closed - created).toBeGreaterThanOrEqual(10);
          expect(closed - created).toBeLessThanOrEqual(120);
          const iso = serialToIsoDate(closed);
          quarters.add(`${iso.slice(0, 4)}Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`);
        }
      });
      expect(quarters.size).toBeGreaterThanOrEqual(6);

      const kpis = dealKpis(table.columns, null);
      const open = (kpis.OPEN_OPPORTUNITIES as number) / 250;
      expect(open).toBeGreaterThan(0.12);
      expect(open).toBeLessThan(0.28);
      expect(kpis.WIN_RATE).toBeGreaterThan(0.27);
      expect(kpis.WIN_RATE).toBeLessThan(0.43);
    }
  );

  it("sorts the deals by creation date", () => {
    const created = generateDeals(100, 3)
      .slice(1)
      .map((row) => row[4]);
    expect(created).toEqual([...created].sort());
  });
});

describe("toCsv", () => {
  it("quotes fields with commas, quotes and line breaks only", () => {
    expect(toCsv([["a", "b,c", 'say "hi"', "two\nlines"]])).toBe(
      'a,"b,c","say ""hi""","two\nlines"\n'
    );
  });

  it("round-trips through parseCsv into the same deal table", () => {
    const rows = generateDeals(220, 11, "tr");
    const { grid, problems } = parseCsv(toCsv(rows));
    expect(problems).toEqual([]);
    expect(grid).toEqual(rows);
    expect(read(grid).columns).toEqual(read(rows).columns);
  });
});

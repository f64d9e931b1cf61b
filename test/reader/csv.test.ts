/** CSV exports as grids: delimiter detection, byte order mark, quoting, malformed files. */
import { isReadFailure, parseCsv, readDealTable } from "../../src/reader";

describe("parseCsv", () => {
  it("reads a semicolon-separated Turkish export with a byte order mark", () => {
    const text =
      "\uFEFFFırsat Adı;Temsilci;Aşama;Tutar\r\nA;Ayşe;Kazanıldı;1.234,56\r\nB;Emre;Teklif;\r\n";
    const { grid, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(grid).toEqual([
      ["Fırsat Adı", "Temsilci", "Aşama", "Tutar"],
      ["A", "Ayşe", "Kazanıldı", "1.234,56"],
      ["B", "Emre", "Teklif", null],
    ]);
    const table = readDealTable(grid);
    if (isReadFailure(table)) throw new Error(table.failure.en);
    expect(table.mapping).toEqual({ id: 0, owner: 1, stage: 2, amount: 3 });
    expect(table.columns.amount).toEqual([1234.56, null]);
    expect(table.problems).toEqual([]);
  });

  it("reads a comma-separated file with quoted fields and keeps every value as text", () => {
    const text =
      'Deal Name,Stage,Amount\n"Kara, Doğan & Co",Closed Won,"$12,500.00"\n"Say ""hi""",Open,42\n';
    expect(parseCsv(text).grid).toEqual([
      ["Deal Name", "Stage", "Amount"],
      ["Kara, Doğan & Co", "Closed Won", "$12,500.00"],
      ['Say "hi"', "Open", "42"],
    ]);
  });

  it("reads a tab-separated file and keeps blank lines as rows", () => {
    const { grid } = parseCsv("Stage\tAmount\nWon\t100\n\nLost\t5\n");
    expect(grid).toEqual([["Stage", "Amount"], ["Won", "100"], [null], ["Lost", "5"]]);
    const table = readDealTable(grid);
    if (isReadFailure(table)) throw new Error(table.failure.en);
    expect(table.columns.stage).toEqual(["Won", null, "Lost"]);
    expect(table.problems).toEqual([]);
  });

  it("reports an unterminated quote with its row number", () => {
    expect(parseCsv('Stage,Amount\n"Won,100\nLost,5\n').problems).toEqual([
      {
        row: 2,
        message: {
          en: "CSV: Quoted field unterminated",
          tr: "CSV: tırnak içindeki alan kapanmamış",
        },
      },
    ]);
  });

  it("reads an empty file as an empty grid", () => {
    expect(parseCsv("")).toEqual({ grid: [], problems: [] });
    expect(parseCsv("\uFEFF")).toEqual({ grid: [], problems: [] });
  });
});

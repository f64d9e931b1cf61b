/**
 * Reading a CSV file as it streams in (what `kpi report` does) gives what reading it whole gives: the
 * same rows and CSV problems as parseCsv, the same table, failures and problems as readDealTable,
 * wherever the chunks of the file happen to end.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { type Cell, type ReadOptions, parseCsv, readDealTable } from "../../src/reader";
import { readCsvFile } from "../../src/reader/csvFile";
import { DealTableStream } from "../../src/reader/stream";
import { generateDeals, toCsv } from "../../src/tools/sampleDeals";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-stream-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let files = 0;
function fileOf(text: string): string {
  const file = path.join(folder, `export-${files++}.csv`);
  fs.writeFileSync(file, text);
  return file;
}

/** A grid read row by row through DealTableStream. */
function streamed(grid: Cell[][], options?: ReadOptions) {
  const stream = new DealTableStream(options);
  for (const row of grid) stream.push(row);
  return stream.finish();
}

const TEXTS: Record<string, string> = {
  "a Turkish export with a byte order mark and CRLF":
    "\uFEFFFırsat Adı;Temsilci;Aşama;Tutar;Kapanış Tarihi\r\nA;Ayşe;Kazanıldı;1.234,56;15.03.2026\r\nB;Emre;Teklif;;\r\n\r\n",
  "quoted fields with commas, quotes and line breaks":
    'Deal Name,Stage,Amount\n"Kara, Doğan & Co",Closed Won,"$12,500.00"\n"Say ""hi""",Open,42\n"two\nlines",Lost,7\n',
  "tabs and blank lines": "Stage\tAmount\nWon\t100\n\n\nLost\t5\n\n",
  "an unterminated quote": 'Stage,Amount\n"Won,100\nLost,5\n',
  "malformed quotes twice in a row": 'Stage,Amount\nWon,1"0"0\nLost,"5"x,3\nOpen,"a""b"\n',
  "no newline at the end, a quoted empty last row": 'Stage,Amount\nWon,5\n""',
  "only blank lines": "\n\n\n",
  "nothing at all": "",
  "a title above the header and notes below":
    "Pipeline, March\n\nStage,Amount,Owner\nWon,1,Ann\n,,\nnote\n",
  "no deal table": "Name,City\nAnn,Paris\n",
  "a sample export": toCsv(generateDeals(300, 3, "en")),
  "a Turkish sample export": toCsv(generateDeals(300, 4, "tr")),
};

describe("readCsvFile and DealTableStream", () => {
  it.each(Object.entries(TEXTS))("read %s as parseCsv and readDealTable do", async (_, text) => {
    const file = fileOf(text);
    const whole = parseCsv(text);
    const table = readDealTable(whole.grid);
    for (const chunkBytes of [undefined, 1, 2, 7, 64, 1000]) {
      const rows: Cell[][] = [];
      const stream = new DealTableStream();
      const problems = await readCsvFile(
        file,
        (row) => {
          rows.push([...row]);
          stream.push(row);
        },
        { chunkBytes }
      );
      expect({ chunkBytes, rows, problems }).toEqual({
        chunkBytes,
        rows: whole.grid,
        problems: whole.problems,
      });
      expect(stream.finish()).toEqual(table);
    }
  });

  it("tells how far through the file it is", async () => {
    const file = fileOf(TEXTS["a sample export"]);
    const seen: number[] = [];
    await readCsvFile(file, () => undefined, {
      chunkBytes: 1024,
      onBytes: (read, total) => {
        expect(total).toBe(fs.statSync(file).size);
        seen.push(read);
      },
    });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen[seen.length - 1]).toBe(fs.statSync(file).size);
  });
});

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    "Stage",
    "Status",
    "Amount",
    "Owner",
    "Close Date",
    "Created",
    "Deal",
    "Won",
    "Closed Lost",
    "Proposal",
    "Ann",
    " ann ",
    "2026-03-15",
    "15.03.2026",
    "12,500",
    "abc",
    "note",
    null,
    "",
    "  "
  ),
  fc.integer({ min: -5, max: 50_000 })
);
const grid = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 40 });
const options: fc.Arbitrary<ReadOptions> = fc.record(
  {
    firstRowNumber: fc.integer({ min: 1, max: 9 }),
    dateFormat: fc.constantFrom("iso" as const, "dmy" as const, "mdy" as const),
    mapping: fc.dictionary(
      fc.constantFrom("stage", "amount", "owner", "closed", "status"),
      fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 8 }))
    ),
  },
  { requiredKeys: [] }
);

describe("DealTableStream", () => {
  it("reads any grid as readDealTable does", () => {
    fc.assert(
      fc.property(grid, options, (rows, readOptions) => {
        expect(streamed(rows, readOptions)).toEqual(readDealTable(rows, readOptions));
      }),
      { numRuns: 3_000 }
    );
  });

  it("finds a header below up to 20 rows of notes, as readDealTable does", () => {
    const notes: Cell[][] = Array.from({ length: 19 }, (_, i) => [`note ${i}`]);
    const rows = [...notes, [null], ["Stage", "Amount"], ["Won", 5], [null], [null]];
    expect(streamed(rows)).toEqual(readDealTable(rows));
    const tooLow = [["x"], ...rows];
    expect(streamed(tooLow)).toEqual(readDealTable(tooLow));
  });
});

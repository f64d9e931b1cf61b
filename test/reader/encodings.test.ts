/**
 * CSV files as people save them: Turkish Excel's "CSV (semicolon delimited)" in Windows-1254, US
 * Excel's "CSV (Comma delimited)" in Windows-1252, "Unicode Text" in UTF-16LE with tabs, "CSV UTF-8"
 * with its byte order mark and UTF-8 without one. Each is written as bytes and read three ways: whole
 * (parseCsv and readDealTable), streamed (loadDeals, in chunks of any size) and by `kpi report`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dealKpis, parseIsoDate } from "../../src/engine";
import {
  type Cell,
  type DealTable,
  isReadFailure,
  parseCsv,
  readDealTable,
} from "../../src/reader";
import { readCsvFile } from "../../src/reader/csvFile";
import { CsvDecoder, DETECT_BYTES, decodeCsvBytes } from "../../src/reader/encoding";
import { DealTableStream } from "../../src/reader/stream";
import { loadDeals } from "../../src/cli/loadDeals";
import { kpi } from "../support/cli";
import { english } from "./english";
import { codePage } from "../support/codePage";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-encodings-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let files = 0;
function fileOf(bytes: Uint8Array, extension = ".csv"): string {
  const file = path.join(folder, `export-${files++}${extension}`);
  fs.writeFileSync(file, bytes);
  return file;
}

const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
}
const utf8Bom = (text: string) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

const TURKISH_HEADERS = [
  "Fırsat Adı",
  "Temsilci",
  "Aşama",
  "Tutar",
  "Oluşturma Tarihi",
  "Kapanış Tarihi",
];

/**
 * Won A (8.300,00; 10 days) and B (1.250 with dot-grouped thousands; 30 days); lost C; open D
 * (12.000). Revenue 9,550; average deal 4,775; win rate 2/3; cycle 20 days; owners Ayşe, Şule, İsmail.
 */
const TURKISH_ROWS = [
  ["Yıllık Lisans", "Ayşe Yılmaz", "Kazanıldı", "8.300,00", "01.06.2026", "11.06.2026"],
  ["Ğüneş Pilot", "Şule Doğan", "Kazanıldı", "1.250", "15.05.2026", "14.06.2026"],
  ["Destek", "İsmail Öz", "Kaybedildi", "4.000,50", "02.06.2026", "20.06.2026"],
  ["Genişleme", "Ayşe Yılmaz", "Teklif", "12.000", "05.06.2026", ""],
];
const turkishText = (delimiter: string) =>
  [TURKISH_HEADERS, ...TURKISH_ROWS].map((row) => row.join(delimiter)).join("\r\n") + "\r\n";

const US_HEADERS = [
  "Opportunity Name",
  "Opportunity Owner",
  "Stage",
  "Amount",
  "Created Date",
  "Close Date",
];
/**
 * The same deals from US Excel: $8,300.00 and $1,250 won (10 and 30 days), $4,000.50 lost, $12,000
 * open; the first dates (6/1/2026, 6/11/2026) read both ways until 5/20/2026 and 6/19/2026 show that
 * the month comes first.
 */
const US_TEXT =
  [
    US_HEADERS.join(","),
    'Acme Renewal,René Café,Closed Won,"$8,300.00",6/1/2026,6/11/2026',
    'Globex Pilot,Ann Lee,Closed Won,"$1,250",5/20/2026,6/19/2026',
    'Initech Support,Chloë Brontë,Closed Lost,"$4,000.50",6/2/2026,6/20/2026',
    'Umbrella Expansion,René Café,Prospecting,"$12,000",6/5/2026,',
  ].join("\r\n") + "\r\n";

const serial = (iso: string) => parseIsoDate(iso) as number;

/** The hand-computed KPIs of both sets of deals (target 24,000: coverage 0.5). */
const EXPECTED = {
  REVENUE: 9550,
  DEALS_WON: 2,
  DEALS_LOST: 1,
  OPEN_OPPORTUNITIES: 1,
  OPEN_PIPELINE_VALUE: 12000,
  AVG_DEAL_SIZE: 4775,
  WIN_RATE: 2 / 3,
  SALES_CYCLE_LENGTH: 20,
  PIPELINE_VELOCITY: (1 * (2 / 3) * 4775) / 20,
  REP_PRODUCTIVITY: 9550 / 3,
  PIPELINE_COVERAGE: 0.5,
};

function expectKpis(metrics: Record<string, unknown>): void {
  for (const [id, value] of Object.entries(EXPECTED))
    expect([id, metrics[id]]).toEqual([id, expect.closeTo(value, 9)]);
}

function table(result: ReturnType<typeof readDealTable>): DealTable {
  if (isReadFailure(result)) throw new Error(result.failure.en);
  return result;
}

const TURKISH_COLUMNS = {
  amount: [8300, 1250, 4000.5, 12000],
  created: ["2026-06-01", "2026-05-15", "2026-06-02", "2026-06-05"].map(serial),
  closed: [serial("2026-06-11"), serial("2026-06-14"), serial("2026-06-20"), null],
};

interface Case {
  bytes: Buffer;
  encoding: string;
  headers: string[];
  owners: string[];
  columns: typeof TURKISH_COLUMNS;
}

const US_COLUMNS = {
  amount: [8300, 1250, 4000.5, 12000],
  created: ["2026-06-01", "2026-05-20", "2026-06-02", "2026-06-05"].map(serial),
  closed: [serial("2026-06-11"), serial("2026-06-19"), serial("2026-06-20"), null],
};
const TURKISH_OWNERS = ["Ayşe Yılmaz", "Şule Doğan", "İsmail Öz"];

const CASES: Record<string, Case> = {
  "Turkish Excel's CSV (semicolon delimited), Windows-1254": {
    bytes: codePage(turkishText(";"), "windows-1254"),
    encoding: "windows-1254",
    headers: TURKISH_HEADERS,
    owners: TURKISH_OWNERS,
    columns: TURKISH_COLUMNS,
  },
  "US Excel's CSV (Comma delimited), Windows-1252": {
    bytes: codePage(US_TEXT, "windows-1252"),
    encoding: "windows-1252",
    headers: US_HEADERS,
    owners: ["René Café", "Ann Lee", "Chloë Brontë"],
    columns: US_COLUMNS,
  },
  "Excel's Unicode Text, UTF-16LE with tabs": {
    bytes: utf16le(turkishText("\t")),
    encoding: "utf-16le",
    headers: TURKISH_HEADERS,
    owners: TURKISH_OWNERS,
    columns: TURKISH_COLUMNS,
  },
  "UTF-16BE with tabs": {
    bytes: utf16be(turkishText("\t")),
    encoding: "utf-16be",
    headers: TURKISH_HEADERS,
    owners: TURKISH_OWNERS,
    columns: TURKISH_COLUMNS,
  },
  "CSV UTF-8, with a byte order mark": {
    bytes: utf8Bom(turkishText(";")),
    encoding: "utf-8",
    headers: TURKISH_HEADERS,
    owners: TURKISH_OWNERS,
    columns: TURKISH_COLUMNS,
  },
  "UTF-8 without a byte order mark": {
    bytes: Buffer.from(US_TEXT),
    encoding: "utf-8",
    headers: US_HEADERS,
    owners: ["René Café", "Ann Lee", "Chloë Brontë"],
    columns: US_COLUMNS,
  },
};

describe("CSV files in the encodings Excel saves them in", () => {
  it("are written as the bytes of those encodings", () => {
    const turkish = CASES["Turkish Excel's CSV (semicolon delimited), Windows-1254"].bytes;
    // ı FD, ş FE, İ DD, Ş DE, ğ F0, Ğ D0: not UTF-8, and the Turkish letters of Windows-1254.
    for (const byte of [0xfd, 0xfe, 0xdd, 0xde, 0xf0, 0xd0])
      expect(turkish.includes(byte)).toBe(true);
    expect(codePage("Café", "windows-1252")).toEqual(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
  });

  describe.each(Object.entries(CASES))("%s", (_, { bytes, encoding, headers, owners, columns }) => {
    const file = fileOf(bytes);

    it("is decoded in its encoding, its header and mapping found, its KPIs as computed by hand", () => {
      const whole = parseCsv(bytes);
      expect(whole.encoding).toBe(encoding);
      expect(whole.problems).toEqual([]);
      expect(whole.grid[0]).toEqual(headers);
      const read = table(readDealTable(whole.grid));
      expect(read.mapping).toEqual({ id: 0, owner: 1, stage: 2, amount: 3, created: 4, closed: 5 });
      expect(read.problems).toEqual([]);
      expect(read.owners).toEqual(owners);
      expect(read.columns.amount).toEqual(columns.amount);
      expect(read.columns.created).toEqual(columns.created);
      expect(read.columns.closed).toEqual(columns.closed);
      expectKpis(dealKpis(read.columns, 24000) as unknown as Record<string, unknown>);
    });

    it("streams, in chunks of any size, into the same rows and the same table", async () => {
      const whole = parseCsv(bytes);
      const expected = table(readDealTable(whole.grid));
      for (const chunkBytes of [1, 2, 3, 7, 64, undefined]) {
        const rows: Cell[][] = [];
        const stream = new DealTableStream();
        let detected: string | undefined;
        const problems = await readCsvFile(
          file,
          (row) => {
            rows.push([...row]);
            stream.push(row);
          },
          { chunkBytes, onEncoding: (value) => (detected = value) }
        );
        expect({ chunkBytes, rows, problems, detected }).toEqual({
          chunkBytes,
          rows: whole.grid,
          problems: [],
          detected: encoding,
        });
        expect(stream.finish()).toEqual(expected);
      }
      const loaded = await loadDeals(file);
      expect(loaded.table).toEqual(expected);
      expect(loaded.problems).toEqual([]);
      expect(loaded.grid).toEqual(whole.grid);
    });

    it("gives kpi report the hand-computed KPIs", () => {
      const run = kpi("report", file, "--json", "--target", "24000");
      expect(run.stderr).toBe("");
      const { metrics, warnings } = JSON.parse(run.stdout);
      expectKpis(metrics);
      expect(warnings).toEqual([]);
    });
  });
});

describe("encoding detection", () => {
  it("looks past a first megabyte of ASCII to the first byte that is not", async () => {
    const ascii =
      "Stage,Amount,Owner\n" + "Won,100,Ann Lee\n".repeat(Math.ceil(DETECT_BYTES / 16) + 10);
    const bytes = Buffer.concat([
      Buffer.from(ascii),
      codePage("Won,50,René Café\nLost,7,Zoë\n", "windows-1252"),
    ]);
    expect(bytes.indexOf(0xe9)).toBeGreaterThan(DETECT_BYTES);
    const whole = parseCsv(bytes);
    expect(whole.encoding).toBe("windows-1252");
    expect(whole.grid[whole.grid.length - 2]).toEqual(["Won", "50", "René Café"]);
    const loaded = await loadDeals(fileOf(bytes));
    expect(loaded.problems).toEqual([]);
    expect(loaded.table.owners).toEqual(["Ann Lee", "René Café", "Zoë"]);
  });

  it("streams the same rows when the bytes that decide run over many chunks", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Won,${i},Frank Müller ${i % 7}\n`);
    const bytes = Buffer.from("Stage,Amount,Owner\n" + rows.join(""));
    expect(bytes.length).toBeGreaterThan(DETECT_BYTES);
    const whole = parseCsv(bytes);
    const streamed: Cell[][] = [];
    await readCsvFile(fileOf(bytes), (row) => streamed.push([...row]));
    expect(streamed).toEqual(whole.grid);
    expect(whole.grid[60_000]).toEqual(["Won", "59999", "Frank Müller 2"]);
  });

  it("reads a character cut between chunks, and UTF-16 without a byte order mark", () => {
    const text = "Aşama;Tutar\nKazanıldı;5\n";
    for (const bytes of [Buffer.from(text), Buffer.from(text, "utf16le")]) {
      const decoder = new CsvDecoder();
      let decoded = "";
      for (const byte of bytes) decoded += decoder.write(Uint8Array.of(byte));
      decoded += decoder.end();
      expect(decoded).toBe(text);
      expect(decodeCsvBytes(bytes).text).toBe(text);
    }
    expect(decodeCsvBytes(Buffer.from(text, "utf16le")).encoding).toBe("utf-16le");
  });

  it("reads Windows-1252 when no Turkish letter's byte is there", () => {
    expect(decodeCsvBytes(codePage("Owner\nJosé Müller\n", "windows-1252"))).toEqual({
      text: "Owner\nJosé Müller\n",
      encoding: "windows-1252",
    });
    expect(decodeCsvBytes(codePage("Temsilci\nAyşe\n", "windows-1254")).text).toBe(
      "Temsilci\nAyşe\n"
    );
  });
});

describe("a file that does not decode", () => {
  // A byte order mark says UTF-8, but the text is Windows-1254: its Turkish letters do not decode.
  const garbled = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    codePage(turkishText(";"), "windows-1254"),
  ]);

  it("is reported with the rows that hold undecodable characters, never passed over", async () => {
    const whole = parseCsv(garbled);
    expect(whole.grid[0][2]).toBe("A\uFFFDama");
    const message =
      "CSV: rows 1 and 4 more hold characters that could not be read as utf-8 (shown as \uFFFD): " +
      "save the file as CSV UTF-8 and read it again";
    expect(english(whole.problems)).toEqual([{ row: 1, message }]);
    const file = fileOf(garbled);
    for (const chunkBytes of [1, 5, undefined])
      expect(await readCsvFile(file, () => undefined, { chunkBytes })).toEqual(whole.problems);
    // However the columns are then found, the problem is among the warnings.
    expect(english((await loadDeals(file)).problems)).toContainEqual({ row: 1, message });
    const run = kpi("report", file, "--json");
    expect(JSON.parse(run.stdout).warnings).toContainEqual({ row: 1, message });
    const turkish = kpi("report", file, "--json", "--language", "tr");
    expect(JSON.parse(turkish.stdout).warnings).toContainEqual({
      row: 1,
      message:
        "CSV: 1. satırda ve 4 satırda daha utf-8 olarak okunamayan karakterler var " +
        "(\uFFFD olarak gösterildi): dosyayı CSV UTF-8 olarak kaydedip yeniden okuyun",
    });
  });

  it("is reported when only a cell is garbled and the table reads", async () => {
    const text = Buffer.concat([
      utf8Bom("Stage,Amount,Owner\nWon,5,Ann\nLost,3,Ren"),
      Buffer.from([0xe9]), // é in Windows-1252, in a file that says UTF-8
      Buffer.from("\n"),
    ]);
    const loaded = await loadDeals(fileOf(text));
    expect(english(loaded.problems)).toEqual([
      {
        row: 3,
        message:
          "CSV: row 3 holds characters that could not be read as utf-8 (shown as \uFFFD): " +
          "save the file as CSV UTF-8 and read it again",
      },
    ]);
  });
});

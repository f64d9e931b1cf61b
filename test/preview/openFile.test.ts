/**
 * A file opened on the preview page becomes a sheet holding what Excel would: CRM exports as their
 * CRMs and Excels write them (a HubSpot deals export, a CSV saved by Turkish Excel in Windows-1254
 * with semicolons, an .xlsx with dates, formulas and errors), the cells compared with values worked
 * out by hand (serials counted from 2026-01-01 = 46023: 45658 for 2025-01-01, plus 365 days).
 */
import ExcelJS from "exceljs";
import { csvCells, csvField } from "../../preview/workbook/csvCells";
import { addFileSheet, readFile } from "../../preview/workbook/openFile";
import { uniqueSheetName, validSheetName } from "../../preview/workbook/sheetName";
import { Workbook } from "../../preview/workbook/workbook";
import { codePage } from "../support/codePage";

const MARCH_15_2026 = 46023 + 31 + 28 + 14; // 46096
const MARCH_31_2026 = 46023 + 31 + 28 + 30; // 46112
const JANUARY_5_2026 = 46023 + 4; // 46027

/** Text in Windows-1254, as Turkish Windows' "CSV (Comma delimited)" writes it. */
const windows1254 = (text: string): Uint8Array => codePage(text, "windows-1254");

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A workbook with the sample's sheet, as the page has before a file is opened. */
function pageWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.addSheet("CRM Export");
  return workbook;
}

/** Opens a file as the page does; the sheet's values, formats and shown texts, or the message. */
async function open(workbook: Workbook, name: string, bytes: Uint8Array) {
  const read = await readFile(name, bytes);
  if (!read.ok) throw new Error(read.message);
  const sheet = addFileSheet(workbook, name, read.cells);
  const area = workbook.usedArea(sheet, false)!;
  return {
    sheet,
    note: read.note,
    values: workbook.readValues(sheet, area),
    formats: workbook.readNumberFormats(sheet, area),
    texts: workbook.readText(sheet, area),
  };
}

describe("a HubSpot deals export (UTF-8, commas)", () => {
  const csv = [
    '"Record ID","Deal Name","Deal Stage","Amount","Close Date","Create Date","Deal owner"',
    '"18734203651","Anadolu Tekstil - Annual License","Closed won","12500","2026-03-31 14:00","2026-01-05 10:23","Alice Martin"',
    '"18734203652","Kara, Doğan & Ortakları - Upgrade","Closed lost","1,250.50","2026-03-15","2026-01-05","Bob Stone"',
    '"18734203653","=HYPERLINK(""http://x"")","Appointment scheduled","","","2026-01-05","+90 555 0101"',
  ].join("\r\n");

  it("holds numbers as numbers, ISO dates as dated serials and the rest as text", async () => {
    const workbook = pageWorkbook();
    const { sheet, values, formats, texts } = await open(workbook, "hubspot-deals.csv", utf8(csv));
    expect(sheet.name).toBe("hubspot-deals");
    expect(values[0]).toEqual([
      "Record ID",
      "Deal Name",
      "Deal Stage",
      "Amount",
      "Close Date",
      "Create Date",
      "Deal owner",
    ]);
    expect(values[1].slice(0, 4)).toEqual([
      18734203651,
      "Anadolu Tekstil - Annual License",
      "Closed won",
      12500,
    ]);
    // 14:00 is 14/24 of a day; 10:23 is 623 minutes of 1440.
    expect(values[1][4]).toBeCloseTo(MARCH_31_2026 + 14 / 24, 9);
    expect(values[1][5]).toBeCloseTo(JANUARY_5_2026 + 623 / 1440, 9);
    expect(formats[1][4]).toBe("yyyy-mm-dd hh:mm");
    expect(texts[1][4]).toBe("2026-03-31 14:00");
    expect(values[2][3]).toBe(1250.5);
    expect(formats[2][3]).toBe("#,##0.00");
    expect(texts[2][3]).toBe("1,250.50");
    expect(values[2][4]).toBe(MARCH_15_2026);
    expect(formats[2][4]).toBe("yyyy-mm-dd");
    expect(texts[2][4]).toBe("2026-03-15");
    // A formula or a phone number in an export is text, never run or read as a number.
    expect(values[3][1]).toBe('=HYPERLINK("http://x")');
    expect(values[3][6]).toBe("+90 555 0101");
    expect(values[3][3]).toBe("");
  });

  it("becomes the active sheet with A1 selected, under a name no other sheet has", async () => {
    const workbook = pageWorkbook();
    await open(workbook, "hubspot-deals.csv", utf8(csv));
    const second = await open(workbook, "HubSpot-Deals.csv", utf8(csv));
    expect(second.sheet.name).toBe("HubSpot-Deals (2)");
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "CRM Export",
      "hubspot-deals",
      "HubSpot-Deals (2)",
    ]);
    expect(workbook.active).toBe(second.sheet);
    expect(second.sheet.selection).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
  });
});

describe("a CSV Turkish Excel saved (Windows-1254, semicolons)", () => {
  const csv = [
    "Fırsat Adı;Temsilci;Aşama;Tutar;Oluşturma Tarihi;Kapanış Tarihi",
    "Yıllık Lisans;Ayşe Yılmaz;Kazanıldı;1.234,50;15.03.2026;31.03.2026",
    "Genişleme;Mehmet Öztürk;Kaybedildi;8.300;05.01.2026 09:30;15.03.2026",
    "Destek;Şule Çelik;Teklif;950,75;2026-01-05;",
    "Eğitim;Ayşe Yılmaz;Açık;12.5;1/5/2026;",
  ].join("\r\n");

  it("is decoded and read with decimal commas and day-first dotted dates", async () => {
    const { values, formats, texts, note } = await open(
      pageWorkbook(),
      "Fırsatlar.csv",
      windows1254(csv)
    );
    expect(note).toMatch(/windows-1254, separated by semicolons, numbers with decimal commas/);
    expect(values[0]).toEqual([
      "Fırsat Adı",
      "Temsilci",
      "Aşama",
      "Tutar",
      "Oluşturma Tarihi",
      "Kapanış Tarihi",
    ]);
    expect(values[1]).toEqual([
      "Yıllık Lisans",
      "Ayşe Yılmaz",
      "Kazanıldı",
      1234.5,
      MARCH_15_2026,
      MARCH_31_2026,
    ]);
    expect(formats[1].slice(3)).toEqual(["#,##0.00", "dd.mm.yyyy", "dd.mm.yyyy"]);
    expect(texts[1][4]).toBe("15.03.2026");
    // 8.300 groups thousands where the comma is the decimal mark; 09:30 is 570 minutes.
    expect(values[2][3]).toBe(8300);
    expect(formats[2][3]).toBe("#,##0");
    expect(values[2][4]).toBeCloseTo(JANUARY_5_2026 + 570 / 1440, 9);
    expect(values[3][1]).toBe("Şule Çelik");
    expect(values[3][3]).toBe(950.75);
    expect(values[3][4]).toBe(JANUARY_5_2026);
    // A decimal point and a slashed date are not how this Excel writes numbers and dates: text.
    expect(values[4][3]).toBe("12.5");
    expect(values[4][4]).toBe("1/5/2026");
  });

  it("reads dotted dates only in a decimal-comma file, and a point file's numbers only there", () => {
    expect(csvField("15.03.2026", "point")).toEqual({ value: "'15.03.2026" });
    expect(csvField("1.234,50", "point")).toEqual({ value: "'1.234,50" });
    expect(csvField("31.02.2026", "comma")).toEqual({ value: "'31.02.2026" });
    expect(csvField("-1.234,5", "comma")).toEqual({ value: -1234.5, format: "#,##0.0" });
  });

  it("takes a tab-separated file's decimal mark from the Excel the preview plays", () => {
    const text = "Tutar\tTarih\n1.234,50\t15.03.2026\n";
    expect(csvCells(text, "comma").cells[1]).toEqual([
      { value: 1234.5, format: "#,##0.00" },
      { value: MARCH_15_2026, format: "dd.mm.yyyy" },
    ]);
    expect(csvCells(text, "point").cells[1]).toEqual([
      { value: "'1.234,50" },
      { value: "'15.03.2026" },
    ]);
  });
});

describe("an .xlsx workbook", () => {
  async function dealsWorkbook(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const deals = book.addWorksheet("Deals");
    deals.addRow(["Deal", "Amount", "Close Date", "Created", "Double", "Check", "Won"]);
    deals.addRow([
      "Pioneer Energy",
      1234.5,
      new Date(Date.UTC(2026, 2, 15)),
      new Date(Date.UTC(2026, 0, 5, 12, 0)),
      { formula: "B2*2", result: 2469 },
      { error: "#N/A" },
      true,
    ]);
    deals.addRow([
      "2026-01-01",
      8300,
      null,
      null,
      { formula: "1/0", result: { error: "#DIV/0!" } },
    ]);
    deals.getCell("B2").numFmt = "#,##0.00";
    deals.getCell("C2").numFmt = "dd.mm.yyyy";
    deals.getCell("D2").numFmt = "yyyy-mm-dd hh:mm";
    book.addWorksheet("Notes").addRow(["left out"]);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("holds the first worksheet's values, dates as serials with their formats, formulas' results", async () => {
    const workbook = pageWorkbook();
    const { sheet, values, formats, texts, note } = await open(
      workbook,
      "dynamics-opportunities.xlsx",
      await dealsWorkbook()
    );
    expect(sheet.name).toBe("dynamics-opportunities");
    expect(note).toMatch(
      /from the worksheet “Deals”\. Only the first worksheet .* \(Notes\) was left/
    );
    expect(values[1]).toEqual([
      "Pioneer Energy",
      1234.5,
      MARCH_15_2026,
      JANUARY_5_2026 + 0.5,
      2469,
      "#N/A",
      true,
    ]);
    expect(formats[1].slice(1, 4)).toEqual(["#,##0.00", "dd.mm.yyyy", "yyyy-mm-dd hh:mm"]);
    expect(texts[1].slice(1, 4)).toEqual(["1,234.50", "15.03.2026", "2026-01-05 12:00"]);
    // The error values are errors of the sheet, not text.
    expect(workbook.value(sheet, 1, 5)).toEqual(expect.objectContaining({ error: "#N/A" }));
    expect(workbook.value(sheet, 2, 4)).toEqual(expect.objectContaining({ error: "#DIV/0!" }));
    // Text that looks like a date stays the text it is in the file; the formula is not kept.
    expect(values[2][0]).toBe("2026-01-01");
    expect(workbook.readFormulas(sheet, { r0: 1, c0: 4, r1: 1, c1: 4 })[0][0]).toBe(2469);
  });
});

describe("a file that cannot be opened", () => {
  const cases: [string, string, Uint8Array, RegExp][] = [
    ["empty", "deals.csv", new Uint8Array(0), /“deals\.csv” is empty; nothing was opened/],
    ["blank lines only", "deals.csv", utf8("\r\n\r\n\r\n"), /holds no data/],
    ["not CSV or xlsx", "deals.pdf", utf8("%PDF-1.7"), /neither CSV nor \.xlsx/],
    ["Excel 97-2003", "deals.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), /save it as \.xlsx/],
    ["a workbook named .csv", "deals.csv", Uint8Array.from([0x50, 0x4b, 3, 4, 0]), /zip archive/],
    [
      "binary named .csv",
      "deals.csv",
      Uint8Array.from([0x89, 0, 0, 0x41, 0x42]),
      /not a text file/,
    ],
    ["text named .xlsx", "deals.xlsx", utf8("Stage,Amount\n"), /not an \.xlsx workbook/],
    [
      "a broken .xlsx",
      "deals.xlsx",
      Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]),
      /could not be read as an \.xlsx workbook/,
    ],
  ];

  it.each(cases)(
    "%s: says why, and the workbook is left as it was",
    async (_, name, bytes, why) => {
      const workbook = pageWorkbook();
      const read = await readFile(name, bytes);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.message).toMatch(why);
      expect(workbook.sheets.map((s) => s.name)).toEqual(["CRM Export"]);
    }
  );

  it("an .xlsx whose first worksheet is empty", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Empty");
    const read = await readFile("empty.xlsx", new Uint8Array(await book.xlsx.writeBuffer()));
    expect(!read.ok && read.message).toMatch(/The worksheet “Empty” of “empty\.xlsx” is empty/);
  });
});

describe("sheet names from file names", () => {
  it("follow Excel's rules: no : \\ / ? * [ ], 31 characters, not blank", () => {
    expect(validSheetName("Q1 [EMEA]: deals?*")).toBe("Q1 _EMEA__ deals__");
    expect(validSheetName("Pipedrive deals export 2026-03-31 full")).toBe(
      "Pipedrive deals export 2026-03-"
    );
    expect(validSheetName("Pipedrive deals export 2026-03-31 full")).toHaveLength(31);
    expect(validSheetName("   ")).toBe("Sheet");
    expect(validSheetName("'quoted'")).toBe("quoted");
  });

  it("are made unique with a number that fits in the 31 characters", () => {
    const workbook = pageWorkbook();
    const long = "Pipedrive deals export 2026-03-31 full.csv";
    workbook.addSheet(uniqueSheetName(workbook, long));
    const second = uniqueSheetName(workbook, long);
    expect(second).toBe("Pipedrive deals export 2026 (2)");
    expect(second).toHaveLength(31);
    // Excel tells sheet names apart without regard to case.
    expect(uniqueSheetName(workbook, "crm export.csv")).toBe("crm export (2)");
  });
});

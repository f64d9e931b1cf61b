/**
 * The reader's reasons in Turkish: every problem and failure carries both languages, the Turkish
 * written out here as a Turkish sales team reads it (row numbers as the sheet writes them).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Workbook } from "exceljs";
import { type Cell, type ReadResult, isReadFailure, readDealTable } from "../../src/reader";
import { SheetError, readXlsxGrid } from "../../src/reader/xlsx";

const HEADERS = ["Deal", "Stage", "Amount", "Created", "Closed"];

/** The Turkish of each problem, by row. */
function turkish(result: ReadResult): [number, string][] {
  if (isReadFailure(result)) throw new Error(result.failure.en);
  return result.problems.map((problem) => [problem.row, problem.message.tr]);
}

function failureIn(result: ReadResult): { en: string; tr: string } {
  if (!isReadFailure(result)) throw new Error("expected a failure");
  return result.failure;
}

describe("the reader's problems in Turkish", () => {
  it("reads Turkish Excel's error names (a CSV it saved holds #YOK, #DEĞER!) as the errors they are", () => {
    const grid: Cell[][] = [
      HEADERS,
      ["A", "Won", 1000, "2026-01-01", "2026-01-11"],
      ["B", "#YOK", 500, "2026-01-01", "2026-01-11"],
      ["C", "Won", "#DEĞER!", "2026-01-01", "2026-01-11"],
    ];
    const result = readDealTable(grid);
    if (isReadFailure(result)) throw new Error(result.failure.en);
    // #YOK is no stage: only Won is one, and the deal is left out, as #N/A's would be.
    expect(result.stageValues.map((stage) => stage.text)).toEqual(["Won"]);
    expect(turkish(result)).toEqual([
      [3, "aşama hücresinde #YOK hatası var: anlaşma dışarıda bırakıldı"],
      [4, "tutar hücresinde #DEĞER! hatası var: toplamlara katılmadı"],
    ]);
    expect(result.problems.map((problem) => problem.message.en)).toEqual([
      "stage is the error #N/A: the deal is left out",
      "amount is the error #VALUE!: left out of the sums",
    ]);
  });

  it("names the cell's field and value, and what is left out", () => {
    const grid: Cell[][] = [
      HEADERS,
      ["A", "Won", "abc", "2026-01-01", "2026-01-11"],
      ["B", "Won", "-500", "2026-01-01", "2026-01-11"],
      ["C", null, 100, "2026-01-01", "2026-01-11"],
      ["D", "Won", null, "2026-03-01", "2026-02-01"],
      ["E", "Lost", 100, "2026-01-01", null],
      ["F", "Won", 100, "someday", "2026-01-11"],
      ["G", "#N/A", 100, "2026-01-01", "2026-01-11"],
    ];
    expect(turkish(readDealTable(grid))).toEqual([
      [2, 'tutar "abc" bir sayı değil: toplamlara katılmadı'],
      [3, 'tutar "-500" negatif: toplamlara katılmadı'],
      [4, "aşama boş: anlaşma dışarıda bırakıldı"],
      [5, "kazanılan anlaşmanın tutarı yok"],
      [5, "kazanılan anlaşma, oluşturulmasından (2026-03-01) önce kapanmış (2026-02-01)"],
      [6, "kapanan anlaşmanın kapanış tarihi yok: dönem rakamlarına katılmadı"],
      [
        7,
        'oluşturma tarihi "someday" bir tarih değil (ISO biçiminde 2026-03-15 yazın ya da bir tarih biçimi seçin)',
      ],
      [8, "aşama hücresinde #YOK hatası var: anlaşma dışarıda bırakıldı"],
    ]);
  });

  it("says why a column's dates or amounts are read as they are", () => {
    const undecided: Cell[][] = [
      HEADERS,
      ["A", "Won", 1000, "2026-05-01", "06/11/2026"],
      ["B", "Won", 3000, "2026-05-02", "01/02/2026"],
      ["C", "Lost", 500, "2026-05-03", "2026-06-20"],
    ];
    expect(turkish(readDealTable(undecided))).toEqual([
      [
        2,
        '"Closed" sütunundaki kapanış tarihleri hem gün önce hem ay önce okunabiliyor (hiçbirinde gün ' +
          '12\'den büyük değil, "06/11/2026" gibi): bir tarih biçimi seçin (dmy ya da mdy; komut ' +
          "satırında --date-format); sütunun 2 tarihi boş sayıldı",
      ],
    ]);
    const against: Cell[][] = [
      HEADERS,
      ["A", "Won", 1, "13/06/2026", null],
      ["B", "Open", 1, "06/13/2026", null],
    ];
    expect(turkish(readDealTable(against))).toContainEqual([
      3,
      'oluşturma tarihi "06/13/2026", sütundaki tarihler gibi gün önce yazılmış bir tarih değil ' +
        '(2. satırda "13/06/2026")',
    ]);
    const marks: Cell[][] = [
      ["Stage", "Amount"],
      ["Open", "8.300,00"],
      ["Open", "1,250.00"],
    ];
    expect(turkish(readDealTable(marks))).toEqual([
      [
        3,
        '"Amount" sütunundaki tutarlar iki ondalık işaretiyle de yazılmış (2. satırda "8.300,00", ' +
          'burada "1,250.00"): her tutar yazıldığı gibi okundu, iki türlü okunabilen bir tutar ' +
          '("1.250" gibi) ilkine göre okundu',
      ],
    ]);
  });

  it("gives the cells read in place as stored as text", () => {
    const grid: Cell[][] = [HEADERS, ["A", "Won", "$2,000", 46000, "2026-03-15"]];
    expect(turkish(readDealTable(grid, { inPlace: true }))).toEqual([
      [
        2,
        'tutar "$2,000" metin olarak saklanmış: sayfanın formülleri onu toplayamaz; toplamlara ' +
          "katılmadı — sütunu sayıya dönüştürün",
      ],
      [
        2,
        'kapanış tarihi "2026-03-15" metin olarak saklanmış: sayfanın formülleri onu tarih olarak ' +
          "okuyamaz; dışarıda bırakıldı — sütunu tarihe dönüştürün",
      ],
    ]);
  });

  it("keeps an error cell's reason in both languages", () => {
    const grid: Cell[][] = [
      ["Stage", "Amount"],
      ["Won", "#SPILL!"],
    ];
    const table = readDealTable(grid);
    if (isReadFailure(table)) throw new Error(table.failure.en);
    expect(table.problems[0].message).toEqual({
      en: "amount is the error #VALUE!: left out of the sums",
      tr: "tutar hücresinde #DEĞER! hatası var: toplamlara katılmadı",
    });
  });
});

describe("the reader's failures in Turkish", () => {
  const sheet: Cell[][] = [
    ["Stage", "Amount"],
    ["Won", 1],
  ];

  it("names the fields and the headers", () => {
    expect(failureIn(readDealTable(sheet, { mapping: { stage: null, amount: null } }))).toEqual({
      en: "no stage and no amount column; the headers are: Stage, Amount",
      tr: "aşama sütunu da tutar sütunu da yok; başlıklar: Stage, Amount",
    });
    expect(failureIn(readDealTable(sheet, { mapping: { stage: 1, amount: 1 } })).tr).toBe(
      "eşleme hem aşama hem tutar alanını B sütununa koyuyor"
    );
    expect(failureIn(readDealTable(sheet, { mapping: { amount: 5 } })).tr).toBe(
      "eşleme tutar alanını 5. sütuna koyuyor, ama tablonun sütunları 0 ile 1 arasında"
    );
    expect(failureIn(readDealTable(sheet, { mappingByHeader: { amount: "Value" } })).tr).toBe(
      'tutar için "Value" sütunu yok; başlıklar: Stage, Amount'
    );
    expect(failureIn(readDealTable([])).tr).toBe("tablo boş: başlık satırı da anlaşma da yok");
  });

  it("says which sheet an .xlsx workbook lacks", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-tr-xlsx-"));
    try {
      const file = path.join(folder, "deals.xlsx");
      const workbook = new Workbook();
      workbook.addWorksheet("Özet");
      await workbook.xlsx.writeFile(file);
      const error = await readXlsxGrid(file, "Fırsatlar").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SheetError);
      expect((error as SheetError).reason).toEqual({
        en: 'the workbook has no sheet named "Fırsatlar"; its sheets are: "Özet"',
        tr: 'çalışma kitabında "Fırsatlar" adlı sayfa yok; sayfaları: "Özet"',
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("gives a cell holding an error value as that error, its reason in both languages", () => {
    const table = readDealTable([
      ["Stage", "Amount", "Owner"],
      ["Won", 5, "#REF!"],
    ]);
    if (isReadFailure(table)) throw new Error(table.failure.en);
    expect(table.problems.map((problem) => problem.message)).toEqual([
      { en: "owner is the error #REF!", tr: "temsilci hücresinde #BAŞV! hatası var" },
    ]);
  });
});

/**
 * The deal-table reader's words: why a cell could not be read (kept for each row as a Text, until the
 * face that shows it knows its language), why a grid or a file is not a deal table at all, and the
 * names of the fields those reasons speak of. Row numbers are positions, filled in as written (no
 * grouping), as the sheet's row headers write them.
 */
import { defineSection } from "../table";

export const READER = defineSection("reader", {
  en: {
    /** The fields as reasons name them: the mapping's own names, which --map takes. */
    fields: {
      id: "id",
      owner: "owner",
      stage: "stage",
      status: "status",
      amount: "amount",
      created: "created",
      closed: "closed",
      source: "source",
      probability: "probability",
      currency: "currency",
    },
    /** A date field as its cells' reasons name it. */
    dates: { created: "created date", closed: "closed date", entered: "stage-entry date" },
    /** The dates of a column, as a reason about the whole column names them. */
    datesOfColumn: {
      created: "created dates",
      closed: "closed dates",
      entered: "stage-entry dates",
    },
    cellError: "the cell holds the error {code}",
    labelError: "{field} is the error {code}",
    labelNotText: '{field} "{text}" is not a text',
    leftOut: "{reason}: the deal is left out",
    blank: "{field} is blank: the deal is left out",
    amount: {
      notANumber: 'amount "{text}" is not a number: left out of the sums',
      negative: 'amount "{text}" is negative: left out of the sums',
      storedAsText:
        'amount "{text}" is stored as text: the sheet\'s formulas cannot add it; left out of the sums — convert the column to numbers',
      error: "amount is the error {code}: left out of the sums",
      bothMarks:
        'the amounts of column "{header}" are written with both decimal marks ("{first}" on row {firstRow}, "{other}" here): each such amount is read as written, and one that reads both ways (as "1.250") as the first',
      wonWithoutAmount: "won deal without an amount",
    },
    probability: {
      notANumber: 'probability "{text}" is not a number: left out of the weighted pipeline',
      outOfRange: 'probability "{text}" is outside 0 to 100 %: left out of the weighted pipeline',
      storedAsText:
        'probability "{text}" is stored as text: the sheet\'s formulas cannot read it; left out of the weighted pipeline — convert the column to numbers',
      error: "probability is the error {code}: left out of the weighted pipeline",
    },
    date: {
      notADate: '{field} "{text}" is not a date ({hint})',
      hints: {
        iso: "use ISO 2026-03-15 or choose a date format",
        dmy: "use ISO 2026-03-15 or 15.03.2026",
        mdy: "use ISO 2026-03-15 or 03/15/2026",
      },
      againstColumn: {
        dmy: '{field} "{text}" is not a date written day first, as the column\'s dates are ("{example}" on row {row})',
        mdy: '{field} "{text}" is not a date written month first, as the column\'s dates are ("{example}" on row {row})',
      },
      storedAsText:
        '{field} "{text}" is stored as text: the sheet\'s formulas cannot read it as a date; left out — convert the column to dates',
      error: "{field} is the error {code}",
      undecided: {
        one: 'the {dates} of column "{header}" read both day first and month first (none has a day above 12, as "{text}"): choose a date format (dmy or mdy; --date-format on the command line); {count} date of it counts as blank',
        other:
          'the {dates} of column "{header}" read both day first and month first (none has a day above 12, as "{text}"): choose a date format (dmy or mdy; --date-format on the command line); {count} dates of it count as blank',
      },
      closedWithoutDate: "closed deal without a close date: left out of period figures",
      closedBeforeCreated: "won deal closed ({closed}) before it was created ({created})",
    },
    csv: {
      /** Papaparse's malformed quotes, by its error code; any other error keeps its own words. */
      MissingQuotes: "CSV: Quoted field unterminated",
      InvalidQuotes: "CSV: Trailing quote on quoted field is malformed",
      other: "CSV: {message}",
      garbledRow:
        "CSV: row {row} holds characters that could not be read as {encoding} (shown as \uFFFD): save the file as CSV UTF-8 and read it again",
      garbledRows:
        "CSV: rows {row} and {more} more hold characters that could not be read as {encoding} (shown as \uFFFD): save the file as CSV UTF-8 and read it again",
    },
    failure: {
      empty: "the table is empty: no header row and no deals",
      noHeaderRow:
        "no header row with a stage and an amount column found in the first {rows} rows; headers seen: {headers}",
      missingOne: "no {field} column; the headers are: {headers}",
      missingBoth: "no {first} and no {second} column; the headers are: {headers}",
      noHeaders: "(none)",
      mappingOutOfRange:
        "the mapping puts {field} in column {column}, but the table has columns 0 to {last}",
      mappingTwice: "the mapping puts both {first} and {second} in column {letter}",
      noColumn: 'no column "{header}" for {field}; the headers are: {headers}',
      noSegmentColumn:
        'no column "{header}" to break the deals down by; the headers are: {headers}',
      noDeals: "the header row (row {row}) has no deals below it",
    },
    workbook: {
      noWorksheets: "the workbook has no worksheets",
      noSheet: 'the workbook has no sheet named "{sheet}"; its sheets are: {sheets}',
      noSheets: "none",
    },
  },
  tr: {
    fields: {
      id: "anlaşma adı",
      owner: "temsilci",
      stage: "aşama",
      status: "durum",
      amount: "tutar",
      created: "oluşturma tarihi",
      closed: "kapanış tarihi",
      source: "kaynak",
      probability: "olasılık",
      currency: "para birimi",
    },
    dates: {
      created: "oluşturma tarihi",
      closed: "kapanış tarihi",
      entered: "aşamaya giriş tarihi",
    },
    datesOfColumn: {
      created: "oluşturma tarihleri",
      closed: "kapanış tarihleri",
      entered: "aşamaya giriş tarihleri",
    },
    cellError: "hücrede {code} hatası var",
    labelError: "{field} hücresinde {code} hatası var",
    labelNotText: '{field} "{text}" bir metin değil',
    leftOut: "{reason}: anlaşma dışarıda bırakıldı",
    blank: "{field} boş: anlaşma dışarıda bırakıldı",
    amount: {
      notANumber: 'tutar "{text}" bir sayı değil: toplamlara katılmadı',
      negative: 'tutar "{text}" negatif: toplamlara katılmadı',
      storedAsText:
        'tutar "{text}" metin olarak saklanmış: sayfanın formülleri onu toplayamaz; toplamlara katılmadı — sütunu sayıya dönüştürün',
      error: "tutar hücresinde {code} hatası var: toplamlara katılmadı",
      bothMarks:
        '"{header}" sütunundaki tutarlar iki ondalık işaretiyle de yazılmış ({firstRow}. satırda "{first}", burada "{other}"): her tutar yazıldığı gibi okundu, iki türlü okunabilen bir tutar ("1.250" gibi) ilkine göre okundu',
      wonWithoutAmount: "kazanılan anlaşmanın tutarı yok",
    },
    probability: {
      notANumber: 'olasılık "{text}" bir sayı değil: ağırlıklı boru hattına katılmadı',
      outOfRange: 'olasılık "{text}" %0 ile %100 arasında değil: ağırlıklı boru hattına katılmadı',
      storedAsText:
        'olasılık "{text}" metin olarak saklanmış: sayfanın formülleri onu okuyamaz; ağırlıklı boru hattına katılmadı — sütunu sayıya dönüştürün',
      error: "olasılık hücresinde {code} hatası var: ağırlıklı boru hattına katılmadı",
    },
    date: {
      notADate: '{field} "{text}" bir tarih değil ({hint})',
      hints: {
        iso: "ISO biçiminde 2026-03-15 yazın ya da bir tarih biçimi seçin",
        dmy: "ISO biçiminde 2026-03-15 ya da 15.03.2026 yazın",
        mdy: "ISO biçiminde 2026-03-15 ya da 03/15/2026 yazın",
      },
      againstColumn: {
        dmy: '{field} "{text}", sütundaki tarihler gibi gün önce yazılmış bir tarih değil ({row}. satırda "{example}")',
        mdy: '{field} "{text}", sütundaki tarihler gibi ay önce yazılmış bir tarih değil ({row}. satırda "{example}")',
      },
      storedAsText:
        '{field} "{text}" metin olarak saklanmış: sayfanın formülleri onu tarih olarak okuyamaz; dışarıda bırakıldı — sütunu tarihe dönüştürün',
      error: "{field} hücresinde {code} hatası var",
      // Turkish nouns stay singular after a number: "1 tarih", "2 tarih".
      undecided: {
        one: '"{header}" sütunundaki {dates} hem gün önce hem ay önce okunabiliyor (hiçbirinde gün 12\'den büyük değil, "{text}" gibi): bir tarih biçimi seçin (dmy ya da mdy; komut satırında --date-format); sütunun {count} tarihi boş sayıldı',
        other:
          '"{header}" sütunundaki {dates} hem gün önce hem ay önce okunabiliyor (hiçbirinde gün 12\'den büyük değil, "{text}" gibi): bir tarih biçimi seçin (dmy ya da mdy; komut satırında --date-format); sütunun {count} tarihi boş sayıldı',
      },
      closedWithoutDate: "kapanan anlaşmanın kapanış tarihi yok: dönem rakamlarına katılmadı",
      closedBeforeCreated:
        "kazanılan anlaşma, oluşturulmasından ({created}) önce kapanmış ({closed})",
    },
    csv: {
      MissingQuotes: "CSV: tırnak içindeki alan kapanmamış",
      InvalidQuotes: "CSV: tırnak içindeki alanın kapanış tırnağı hatalı",
      other: "CSV: {message}",
      garbledRow:
        "CSV: {row}. satırda {encoding} olarak okunamayan karakterler var (\uFFFD olarak gösterildi): dosyayı CSV UTF-8 olarak kaydedip yeniden okuyun",
      garbledRows:
        "CSV: {row}. satırda ve {more} satırda daha {encoding} olarak okunamayan karakterler var (\uFFFD olarak gösterildi): dosyayı CSV UTF-8 olarak kaydedip yeniden okuyun",
    },
    failure: {
      empty: "tablo boş: başlık satırı da anlaşma da yok",
      noHeaderRow:
        "ilk {rows} satırda aşama ve tutar sütunu olan bir başlık satırı bulunamadı; görülen başlıklar: {headers}",
      missingOne: "{field} sütunu yok; başlıklar: {headers}",
      missingBoth: "{first} sütunu da {second} sütunu da yok; başlıklar: {headers}",
      noHeaders: "(yok)",
      mappingOutOfRange:
        "eşleme {field} alanını {column}. sütuna koyuyor, ama tablonun sütunları 0 ile {last} arasında",
      mappingTwice: "eşleme hem {first} hem {second} alanını {letter} sütununa koyuyor",
      noColumn: '{field} için "{header}" sütunu yok; başlıklar: {headers}',
      noSegmentColumn: 'anlaşmaları ayırmak için "{header}" sütunu yok; başlıklar: {headers}',
      noDeals: "başlık satırının ({row}. satır) altında anlaşma yok",
    },
    workbook: {
      noWorksheets: "çalışma kitabında çalışma sayfası yok",
      noSheet: 'çalışma kitabında "{sheet}" adlı sayfa yok; sayfaları: {sheets}',
      noSheets: "yok",
    },
  },
});

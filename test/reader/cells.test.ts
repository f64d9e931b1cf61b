/**
 * The reader's quick ways to the commonest cells (a plain ISO day, an amount of digits) give what the
 * general readings give: parseIsoDate for dates, parseNumberText with dot-grouped thousands for amounts.
 */
import fc from "fast-check";
import { parseIsoDate, parseNumberText } from "../../src/engine";
import { MAX_SERIAL } from "../../src/engine/excelDate";
import { readAmount, readDate } from "../../src/reader/cells";

const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("readDate on ISO days", () => {
  it("reads every day, and refuses the impossible ones, as parseIsoDate does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const serial = parseIsoDate(text);
          const valid = serial !== undefined && serial >= 1 && serial < MAX_SERIAL + 1;
          expect(readDate(text, "closed").value).toBe(valid ? serial : null);
        }
      ),
      { numRuns: 20_000 }
    );
  });

  it("reads leap days and the ends of months", () => {
    for (const text of ["2024-02-29", "2000-02-29", "2026-12-31", "1900-03-01", "9999-12-31"])
      expect(readDate(text, "closed").value).toBe(parseIsoDate(text));
    for (const text of ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10"])
      expect(readDate(text, "closed").value).toBeNull();
  });
});

describe("readDate on other written forms", () => {
  it("reads a serial number written out (five digits), as its day", () => {
    expect(readDate("46061", "closed").value).toBe(46061); // 2026-02-08
    expect(readDate("46061.75", "closed").value).toBe(46061);
    // A stray small number is not a day of 1900.
    expect(readDate("5", "closed").value).toBeNull();
    expect(readDate("123456", "closed").value).toBeNull();
  });

  it("reads year-first dates with slashes or dots, whatever the date format", () => {
    for (const format of ["iso", "dmy", "mdy"] as const) {
      expect(readDate("2026/02/13", "closed", format).value).toBe(parseIsoDate("2026-02-13"));
      expect(readDate("2026.2.3 14:05", "closed", format).value).toBe(parseIsoDate("2026-02-03"));
      expect(readDate("2026/02/30", "closed", format).value).toBeNull();
    }
  });
});

describe("readAmount on amounts of digits", () => {
  /** The general reading: dot-grouped thousands first, then parseNumberText. */
  const general = (text: string) =>
    /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(text)
      ? parseNumberText(text.replace(/\./g, ""))
      : parseNumberText(text);

  it("reads digits with or without decimals as the general reading does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}(\.\d{0,4})?$/), (text) => {
        const value = general(text);
        expect(readAmount(text).value).toBe(value === undefined ? null : value);
      }),
      { numRuns: 20_000 }
    );
  });

  it("keeps three decimals for thousands grouped with dots", () => {
    expect(readAmount("1.250").value).toBe(1250);
    expect(readAmount("12500.5").value).toBe(12500.5);
    expect(readAmount("0012").value).toBe(12);
    expect(readAmount("99.90").value).toBe(99.9);
  });
});

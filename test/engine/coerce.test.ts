/** Reading numbers, dates and stage names out of cells. */
import {
  classifyStage,
  foldText,
  parseIsoDate,
  parseNumberText,
  parseTypedNumber,
} from "../../src/engine";

describe("parseNumberText", () => {
  it.each([
    ["$12,500.00", 12500],
    ["12,500", 12500],
    ["1,200", 1200],
    ["1,234,567.89", 1234567.89],
    ["(1,200)", -1200],
    ["-$1,200.00", -1200],
    ["$-1,200", -1200],
    ["1.234,56", 1234.56],
    ["₺1.234,56", 1234.56],
    ["1.234,56 TL", 1234.56],
    ["€ 99", 99],
    ["1 200", 1200],
    ["1\u00a0200", 1200],
    ["  42  ", 42],
    ["1,5", 1.5],
    ["0.25", 0.25],
    [".5", 0.5],
    ["2e3", 2000],
  ])("reads %j as %d", (text, expected) => {
    expect(parseNumberText(text)).toBeCloseTo(expected, 9);
  });

  it("reads a percentage as a fraction, so that 12% is 0.12", () => {
    expect(parseNumberText("12%")).toBeCloseTo(0.12, 12);
    expect(parseNumberText("12.5 %")).toBeCloseTo(0.125, 12);
  });

  it.each(["abc", "1,2,3", "", "   ", "12abc", "1.2.3,4,5", "$", "%", "()", "1e400", "TRUE"])(
    "does not read %j as a number",
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    }
  );
});

describe("parseIsoDate", () => {
  it("reads 2026-03-15 as Excel serial 46096", () => {
    // Independently: 2024-01-01 is serial 45292; add 366 (2024), 365 (2025), 31 (Jan), 28 (Feb) and 14 days.
    expect(45292 + 366 + 365 + 31 + 28 + 14).toBe(46096);
    expect(parseIsoDate("2026-03-15")).toBe(46096);
  });

  it("reads a date with a time of day as a fraction of a day", () => {
    expect(parseIsoDate("2026-03-15T12:00")).toBe(46096.5);
    expect(parseIsoDate("2026-03-15 06:00:00")).toBe(46096.25);
  });

  it("accepts the 29th of February in a leap year only", () => {
    expect(parseIsoDate("2024-02-29")).toBe(45292 + 31 + 28);
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
  });

  it.each([
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-03-15T24:00",
    "15/03/2026",
    "2026-3-15",
    "March 15, 2026",
    "",
  ])("rejects %j, which is not a possible ISO date", (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe("foldText", () => {
  it("folds KAZANILDI and Kazanıldı to the same text", () => {
    expect(foldText("KAZANILDI")).toBe(foldText("Kazanıldı"));
    expect(foldText("Kazanıldı")).toBe("kazanildi");
  });

  it("drops accents and the Turkish dotted capital I", () => {
    expect(foldText("Aşama")).toBe("asama");
    expect(foldText("İSTANBUL")).toBe(foldText("istanbul"));
    expect(foldText("  Oluşturma Tarihi ")).toBe("olusturma tarihi");
  });
});

describe("classifyStage", () => {
  it.each([
    "Closed Won",
    "closedwon",
    "closed_won",
    "Closed-Won",
    "Won",
    " won ",
    "Kazanıldı",
    "KAZANILDI",
    "kazanildi",
    "Won - Signed",
    "Closed Won (Contract)",
    "closed_won",
  ])("classifies %j as won", (stage) => {
    expect(classifyStage(stage)).toBe("won");
  });

  it.each([
    "Closed Lost",
    "closedlost",
    "Lost",
    "Kaybedildi",
    "KAYBEDİLDİ",
    "Closed Lost to Competition",
    "Closed-Lost to Competition",
    "Lost - No Budget",
    "Kayıp",
  ])("classifies %j as lost", (stage) => {
    expect(classifyStage(stage)).toBe("lost");
  });

  it.each([
    "Negotiation",
    "Proposal",
    "Qualification",
    "Teklif",
    "Won't buy",
    "Not won",
    "Won/Lost",
    "Closed",
  ])("classifies %j as open", (stage) => {
    expect(classifyStage(stage)).toBe("open");
  });
});

describe("parseTypedNumber", () => {
  it("reads Turkish writing as the add-in shows numbers to a Turkish user", () => {
    expect(parseTypedNumber("3.000.000", "tr")).toBe(3_000_000);
    expect(parseTypedNumber("1.500", "tr")).toBe(1500); // not 1.5
    expect(parseTypedNumber("1.234.567,25", "tr")).toBe(1234567.25);
    expect(parseTypedNumber("0,25", "tr")).toBe(0.25);
    expect(parseTypedNumber("%25", "tr")).toBe(0.25);
    expect(parseTypedNumber("%39,1", "tr")).toBeCloseTo(0.391, 12);
    expect(parseTypedNumber("-2.500", "tr")).toBe(-2500);
  });

  it("reads English writing, and anything else, as parseNumberText does", () => {
    expect(parseTypedNumber("1.500", "en")).toBe(1.5);
    expect(parseTypedNumber("3,000,000", "en")).toBe(3_000_000);
    expect(parseTypedNumber("25%", "en")).toBe(0.25);
    expect(parseTypedNumber("1.5", "tr")).toBe(1.5);
    expect(parseTypedNumber("abc", "tr")).toBeUndefined();
  });
});

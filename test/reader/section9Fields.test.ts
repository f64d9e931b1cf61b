/**
 * The fields of section 9 as the reader reads them: probabilities decided per column (40, 40 % and
 * 0.4 all 40 %), out-of-range values reported with their row, currencies, and stage-entry headers.
 */
import { type Cell, isReadFailure, readDealTable } from "../../src/reader";
import type { DealTable } from "../../src/reader/types";
import { stageOfEntryHeader } from "../../src/reader/stageEntries";

function read(grid: Cell[][]): DealTable {
  const table = readDealTable(grid);
  if (isReadFailure(table)) throw new Error(table.failure.en);
  return table;
}

const withProbabilities = (...values: Cell[]): Cell[][] => [
  ["Stage", "Amount", "Probability"],
  ...values.map((value): Cell[] => ["Proposal", 100, value]),
];

describe("probability column", () => {
  it("reads fractions when no value is above 1 and none has a % sign", () => {
    expect(read(withProbabilities(0.4, 0.25, 1, null)).columns.probability).toEqual([
      0.4,
      0.25,
      1,
      null,
    ]);
  });

  it("reads percentages when a value is above 1, the smaller ones too", () => {
    expect(read(withProbabilities(40, 0.5, 100)).columns.probability).toEqual([0.4, 0.005, 1]);
  });

  it("reads percentages when a value has a % sign, before (Turkish) or after", () => {
    expect(read(withProbabilities("40%", "%25", "10", "12,5 %")).columns.probability).toEqual([
      0.4, 0.25, 0.1, 0.125,
    ]);
  });

  it("reports a value outside 0 to 100 % and a text with their rows, and leaves them out", () => {
    const table = read(withProbabilities(40, 150, -5, "high"));
    expect(table.columns.probability).toEqual([0.4, null, null, null]);
    expect(table.problems.map((p) => [p.row, p.field, p.message.en])).toEqual([
      [
        3,
        "probability",
        'probability "150" is outside 0 to 100 %: left out of the weighted pipeline',
      ],
      [
        4,
        "probability",
        'probability "-5" is outside 0 to 100 %: left out of the weighted pipeline',
      ],
      [5, "probability", 'probability "high" is not a number: left out of the weighted pipeline'],
    ]);
  });
});

describe("currency column", () => {
  it("is found by the CRMs' headers and read trimmed", () => {
    for (const header of [
      "Opportunity Currency",
      "Deal - Currency",
      "Currency of Value",
      "Para Birimi",
    ]) {
      const table = read([
        ["Stage", "Amount", header],
        ["Won", 10, " usd "],
      ]);
      expect(table.columns.currency).toEqual(["usd"]);
    }
  });

  it("is not guessed from an amount's header", () => {
    const table = read([
      ["Stage", "Amount", "Amount in company currency"],
      ["Won", 10, 12],
    ]);
    expect(table.mapping.currency).toBeUndefined();
  });
});

describe("stage-entry headers", () => {
  it.each([
    ['Date entered "Appointment scheduled (Sales Pipeline)"', "Appointment scheduled"],
    ["Date entered Contract sent (Enterprise)", "Contract sent"],
    ["Entered Proposal", "Proposal"],
    ["Negotiation entered", "Negotiation"],
    ["Teklif giriş tarihi", "Teklif"],
  ])("%s names the stage %s", (header, stage) => {
    expect(stageOfEntryHeader(header)).toBe(stage);
  });

  it.each([
    'Date exited "Appointment scheduled (Sales Pipeline)"',
    "Date entered",
    "Entered by",
    "Close Date",
  ])("%s names no stage", (header) => {
    expect(stageOfEntryHeader(header)).toBeUndefined();
  });

  it("reads each stage-entry column's dates, day first as the close dates are", () => {
    const table = read([
      ["Stage", "Amount", "Close Date", "Entered Proposal"],
      ["Won", 10, "25/03/2026", "03/02/2026"],
      ["Proposal", 10, "", "04/02/2026"],
    ]);
    expect(table.stageEntries).toEqual([
      { column: 3, header: "Entered Proposal", stage: "Proposal" },
    ]);
    expect(table.columns.stageEntries?.[0].dates).toEqual([46056, 46057]);
  });
});

describe("stage-entry columns among other columns", () => {
  it("leaves out a column headed like one whose values are no dates", () => {
    const table = read([
      ["Stage", "Amount", "Manually entered", "Entered Proposal"],
      ["Won", 10, "Yes", 46056],
      ["Proposal", 10, "No", null],
    ]);
    expect(table.stageEntries.map((entry) => entry.header)).toEqual(["Entered Proposal"]);
    expect(table.problems).toEqual([]);
  });
});

describe("the day order of a file's dates", () => {
  it("is decided by a stage-entry column for the close dates too", () => {
    // The close dates alone read both ways; 25/02/2026 in the stage-entry column is day first.
    const table = read([
      ["Stage", "Amount", "Close Date", "Entered Proposal"],
      ["Won", 10, "03/04/2026", "25/02/2026"],
    ]);
    expect(table.columns.closed).toEqual([46115]); // 3 April 2026
    expect(table.problems).toEqual([]);
  });
});

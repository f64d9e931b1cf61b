/** Header detection: which column holds which field of a deal table. */
import { type Cell, detectColumns, detectMapping, normalizeHeader } from "../../src/reader";

describe("detectMapping", () => {
  it("maps the English headers of the specification", () => {
    expect(
      detectMapping([
        "Deal ID",
        "Owner",
        "Stage",
        "Amount",
        "Created Date",
        "Close Date",
        "Lead Source",
      ])
    ).toEqual({ id: 0, owner: 1, stage: 2, amount: 3, created: 4, closed: 5, source: 6 });
  });

  it("maps Turkish headers whatever their case and accents", () => {
    expect(
      detectMapping([
        "Fırsat Adı",
        "SATIŞ TEMSİLCİSİ",
        "AŞAMA",
        "tutar",
        "oluşturma tarihi",
        "KAPANIŞ TARİHİ",
        "Kaynak",
      ])
    ).toEqual({ id: 0, owner: 1, stage: 2, amount: 3, created: 4, closed: 5, source: 6 });
    expect(detectMapping(["Fırsat No", "Sorumlu", "Asama", "Anlaşma Tutarı", "Durum"])).toEqual({
      id: 0,
      owner: 1,
      stage: 2,
      amount: 3,
      status: 4,
    });
  });

  it("maps a HubSpot deal export", () => {
    expect(
      detectMapping([
        "Record ID",
        "Deal Name",
        "Deal Stage",
        "Amount",
        "Close Date",
        "Create Date",
        "Deal owner",
        "Pipeline",
      ])
    ).toEqual({ id: 1, stage: 2, amount: 3, closed: 4, created: 5, owner: 6 });
  });

  it("maps a Salesforce opportunity report", () => {
    const headers = [
      "Opportunity Owner",
      "Account Name",
      "Opportunity Name",
      "Stage",
      "Fiscal Period",
      "Amount",
      "Expected Revenue",
      "Probability (%)",
      "Age",
      "Close Date",
      "Created Date",
      "Next Step",
      "Lead Source",
      "Type",
    ];
    expect(detectMapping(headers)).toEqual({
      owner: 0,
      id: 2,
      stage: 3,
      amount: 5,
      closed: 9,
      created: 10,
      source: 12,
      probability: 7,
    });
  });

  it("ignores spaces, underscores, hyphens and punctuation", () => {
    expect(detectMapping(["deal_stage", "DEAL-VALUE", "created.on", " Closed  Date "])).toEqual({
      stage: 0,
      amount: 1,
      created: 2,
      closed: 3,
    });
    expect(normalizeHeader(" Kapanış_Tarihi ")).toBe("kapanistarihi");
  });

  it("finds a synonym inside a longer header, but prefers an exact header", () => {
    expect(detectMapping(["Stage", "Amount (USD)"])).toEqual({ stage: 0, amount: 1 });
    expect(detectMapping(["Amount in company currency", "Deal Stage", "Amount"])).toEqual({
      stage: 1,
      amount: 2,
    });
  });

  it("does not take a person, a probability or a duration for a field", () => {
    expect(
      detectMapping(["Stage", "Amount", "Created By", "Days in Stage", "Stage Probability"])
    ).toEqual({
      stage: 0,
      amount: 1,
    });
    expect(detectMapping(["Deal Type", "Expected Value", "Stage", "Amount"])).toEqual({
      stage: 2,
      amount: 3,
    });
  });

  it("uses a status column as the stage when there is no stage column", () => {
    expect(detectMapping(["Deal", "Status", "Value"])).toEqual({ id: 0, stage: 1, amount: 2 });
    expect(detectMapping(["Fırsat", "DURUM", "Tutar"])).toEqual({ id: 0, stage: 1, amount: 2 });
  });

  it("keeps both a status and a stage column when both exist", () => {
    expect(detectMapping(["Stage", "Status", "Amount"])).toEqual({
      stage: 0,
      status: 1,
      amount: 2,
    });
  });

  it("does not guess a status from a longer header", () => {
    expect(detectMapping(["Stage", "Payment Status", "Ödeme Durumu", "Amount"])).toEqual({
      stage: 0,
      amount: 3,
    });
  });

  it("maps each column to one field at most, the leftmost column first", () => {
    const mapping = detectMapping(["Amount", "Amount", "Stage", "Stage"]);
    expect(mapping).toEqual({ amount: 0, stage: 2 });
    const columns = Object.values(mapping);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it("maps nothing from a row that is not a header", () => {
    expect(detectMapping(["Q1 pipeline", "", "2026"])).toEqual({});
  });
});

describe("detectColumns", () => {
  it("takes the actual close date over an expected one, the owner over the creator, the value over the weighted value", () => {
    const headers = [
      "Deal - Title",
      "Deal - Creator",
      "Deal - Owner",
      "Deal - Weighted value",
      "Deal - Value",
      "Deal - Stage",
      "Deal - Status",
      "Deal - Expected close date",
      "Deal - Deal created",
      "Deal - Deal closed on",
      "Deal - Lost time",
      "Organization - Name",
    ];
    expect(detectColumns(headers)).toEqual({
      mapping: { id: 0, owner: 2, amount: 4, stage: 5, status: 6, created: 8, closed: 9 },
      unsure: [],
    });
  });

  it("uses an expected close date when it is the only one, and says it is unsure", () => {
    expect(detectColumns(["Stage", "Amount", "Expected close date"])).toEqual({
      mapping: { stage: 0, amount: 1, closed: 2 },
      unsure: ["closed"],
    });
    expect(detectColumns(["Stage", "Amount", "Closing Date", "Created Time"]).unsure).toEqual([]);
  });

  it("takes Dynamics' estimated revenue for the amount, the actual revenue only without it", () => {
    expect(detectMapping(["Status", "Actual Revenue", "Est. Revenue"])).toEqual({
      stage: 0,
      amount: 2,
    });
    expect(detectMapping(["Status", "Actual Revenue"])).toEqual({ stage: 0, amount: 1 });
  });

  it("reads the words of a header no synonym names", () => {
    expect(detectColumns(["Deal Closing Date", "deal_phase", "Total Deal Value"])).toEqual({
      mapping: { closed: 0, stage: 1, amount: 2 },
      unsure: ["stage", "amount", "closed"],
    });
  });

  it("drops a column whose values contradict its header", () => {
    const samples: Cell[][] = [
      ["Won", 100, true],
      ["Lost", 200, false],
      ["Open", 300, false],
    ];
    expect(detectMapping(["Stage", "Amount", "Closed"], samples)).toEqual({ stage: 0, amount: 1 });
  });

  it("drops a status that never says won or lost where the stage does", () => {
    const samples: Cell[][] = [
      ["Closed Won", "Active", 1],
      ["Closed Lost", "Active", 2],
      ["Proposal", "On hold", 3],
    ];
    expect(detectMapping(["Stage", "Status", "Amount"], samples)).toEqual({ stage: 0, amount: 2 });
  });

  it("finds a stage and an amount column from the values when no header names them", () => {
    const samples: Cell[][] = [
      ["Acme", "Won", "$1,200", 40],
      ["Globex", "Lost", "$900", 10],
      ["Initech", "Won", "$2,500", 90],
      ["Hooli", "Negotiation", "$700", 50],
    ];
    expect(detectColumns(["Customer", "Result", "Worth", "Chance"], samples)).toEqual({
      mapping: { stage: 1, amount: 2 },
      unsure: ["stage", "amount"],
    });
  });
});

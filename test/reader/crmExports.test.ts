/**
 * Every CRM's default deal export maps right with no option: the columns found (by header) and the
 * KPIs of `kpi report --json`, run as a person runs it. The expected figures were computed outside
 * this code base, from the rows as the fixtures were written, with the metric specification's
 * definitions: revenue of won deals, win rate won / (won + lost), sales cycle in calendar days over
 * won deals with both dates, rep productivity over distinct owners, open deals whatever their close
 * date. Zoho's "Closed Lost to Competition" is lost; Dynamics' amount is "Est. Revenue".
 */
import * as fs from "fs";
import * as path from "path";
import { isReadFailure, parseCsv, readDealTable } from "../../src/reader";
import type { DealField } from "../../src/reader";
import { kpi, ROOT } from "../support/cli";

const FIXTURES = path.join(ROOT, "test", "fixtures", "crm");

interface Expected {
  /** What the export is. */
  what: string;
  /** The header each field must get; a field not listed must get no column. */
  mapping: Partial<Record<DealField, string>>;
  metrics: Record<string, number>;
  /** Fields detection may not be sure of; any other must be sure. */
  unsure?: DealField[];
}

const EXPORTS: Record<string, Expected> = {
  "salesforce-report.csv": {
    what: "a Salesforce opportunity report",
    mapping: {
      id: "Opportunity Name",
      owner: "Opportunity Owner",
      stage: "Stage",
      amount: "Amount",
      created: "Created Date",
      closed: "Close Date",
      source: "Lead Source",
      probability: "Probability (%)",
    },
    metrics: {
      REVENUE: 117700,
      DEALS_WON: 10,
      DEALS_LOST: 7,
      OPEN_OPPORTUNITIES: 1,
      OPEN_PIPELINE_VALUE: 29600,
      AVG_DEAL_SIZE: 11770,
      WIN_RATE: 0.5882352941176471,
      SALES_CYCLE_LENGTH: 62.2,
      REP_PRODUCTIVITY: 39233.333333333336,
    },
  },
  "salesforce-dataloader.csv": {
    what: "a Salesforce Data Loader export (upper-cased API names)",
    mapping: {
      id: "NAME",
      owner: "OWNERID",
      stage: "STAGENAME",
      amount: "AMOUNT",
      created: "CREATEDDATE",
      closed: "CLOSEDATE",
      source: "LEADSOURCE",
      probability: "PROBABILITY",
    },
    metrics: {
      REVENUE: 93900,
      DEALS_WON: 6,
      DEALS_LOST: 4,
      OPEN_OPPORTUNITIES: 6,
      OPEN_PIPELINE_VALUE: 61300,
      AVG_DEAL_SIZE: 15650,
      WIN_RATE: 0.6,
      SALES_CYCLE_LENGTH: 49.666666666666664,
      REP_PRODUCTIVITY: 31300,
    },
  },
  "hubspot-export.csv": {
    what: "a HubSpot deal export",
    mapping: {
      id: "Deal Name",
      owner: "Deal owner",
      stage: "Deal Stage",
      amount: "Amount",
      created: "Create Date",
      closed: "Close Date",
      probability: "Deal probability",
    },
    metrics: {
      REVENUE: 181300,
      DEALS_WON: 8,
      DEALS_LOST: 8,
      OPEN_OPPORTUNITIES: 4,
      OPEN_PIPELINE_VALUE: 85200,
      AVG_DEAL_SIZE: 22662.5,
      WIN_RATE: 0.5,
      SALES_CYCLE_LENGTH: 81.875,
      REP_PRODUCTIVITY: 45325,
    },
  },
  "hubspot-internal.csv": {
    what: "HubSpot internal property names",
    mapping: {
      id: "dealname",
      owner: "hubspot_owner_id",
      stage: "dealstage",
      amount: "amount",
      created: "createdate",
      closed: "closedate",
      probability: "hs_deal_stage_probability",
    },
    metrics: {
      REVENUE: 219700,
      DEALS_WON: 10,
      DEALS_LOST: 5,
      OPEN_OPPORTUNITIES: 2,
      OPEN_PIPELINE_VALUE: 37500,
      AVG_DEAL_SIZE: 21970,
      WIN_RATE: 0.6666666666666666,
      SALES_CYCLE_LENGTH: 50.1,
      REP_PRODUCTIVITY: 73233.33333333333,
    },
  },
  "pipedrive.csv": {
    what: "a Pipedrive deal export",
    mapping: {
      id: "Deal - Title",
      owner: "Deal - Owner",
      stage: "Deal - Stage",
      status: "Deal - Status",
      amount: "Deal - Value",
      created: "Deal - Deal created",
      closed: "Deal - Deal closed on",
      probability: "Deal - Probability",
      currency: "Deal - Currency",
    },
    metrics: {
      REVENUE: 105500,
      DEALS_WON: 5,
      DEALS_LOST: 7,
      OPEN_OPPORTUNITIES: 8,
      OPEN_PIPELINE_VALUE: 126900,
      AVG_DEAL_SIZE: 21100,
      WIN_RATE: 0.4166666666666667,
      SALES_CYCLE_LENGTH: 40.8,
      REP_PRODUCTIVITY: 35166.666666666664,
    },
  },
  "zoho.csv": {
    what: "a Zoho CRM deals export",
    mapping: {
      id: "Deal Name",
      owner: "Deal Owner",
      stage: "Stage",
      amount: "Amount",
      created: "Created Time",
      closed: "Closing Date",
      source: "Lead Source",
      probability: "Probability (%)",
    },
    metrics: {
      REVENUE: 191600,
      DEALS_WON: 10,
      DEALS_LOST: 6,
      OPEN_OPPORTUNITIES: 4,
      OPEN_PIPELINE_VALUE: 87000,
      AVG_DEAL_SIZE: 19160,
      WIN_RATE: 0.625,
      SALES_CYCLE_LENGTH: 69.6,
      REP_PRODUCTIVITY: 63866.666666666664,
    },
  },
  "dynamics365.csv": {
    what: "a Dynamics 365 Sales opportunities export",
    mapping: {
      id: "Topic",
      owner: "Owner",
      stage: "Pipeline Phase",
      status: "Status",
      amount: "Est. Revenue",
      created: "Created On",
      closed: "Actual Close Date",
      probability: "Probability",
    },
    metrics: {
      REVENUE: 132900,
      DEALS_WON: 6,
      DEALS_LOST: 7,
      OPEN_OPPORTUNITIES: 5,
      OPEN_PIPELINE_VALUE: 48800,
      AVG_DEAL_SIZE: 22150,
      WIN_RATE: 0.46153846153846156,
      SALES_CYCLE_LENGTH: 56.666666666666664,
      REP_PRODUCTIVITY: 44300,
    },
  },
  "freshsales.csv": {
    what: "a Freshsales deals export",
    mapping: {
      id: "Name",
      owner: "Sales owner",
      stage: "Deal stage",
      amount: "Deal value",
      created: "Created at",
      closed: "Closed date",
      source: "Source",
      probability: "Probability (%)",
    },
    metrics: {
      REVENUE: 124800,
      DEALS_WON: 6,
      DEALS_LOST: 7,
      OPEN_OPPORTUNITIES: 3,
      OPEN_PIPELINE_VALUE: 104400,
      AVG_DEAL_SIZE: 20800,
      WIN_RATE: 0.46153846153846156,
      SALES_CYCLE_LENGTH: 51.5,
      REP_PRODUCTIVITY: 41600,
    },
  },
  "maven-sales-pipeline.csv": {
    what: "the Maven Analytics sales_pipeline.csv",
    mapping: {
      id: "opportunity_id",
      owner: "sales_agent",
      stage: "deal_stage",
      amount: "close_value",
      created: "engage_date",
      closed: "close_date",
    },
    metrics: {
      REVENUE: 115800,
      DEALS_WON: 6,
      DEALS_LOST: 12,
      OPEN_OPPORTUNITIES: 6,
      OPEN_PIPELINE_VALUE: 0,
      AVG_DEAL_SIZE: 19300,
      WIN_RATE: 0.3333333333333333,
      SALES_CYCLE_LENGTH: 63,
      REP_PRODUCTIVITY: 28950,
    },
    unsure: ["created"],
  },
  "handmade-en.csv": {
    what: "an English hand-made sheet",
    mapping: {
      id: "Deal",
      owner: "Sales Rep",
      stage: "Stage",
      amount: "Deal Value ($)",
      created: "Created",
      closed: "Closed",
    },
    metrics: {
      REVENUE: 75500,
      DEALS_WON: 5,
      DEALS_LOST: 3,
      OPEN_OPPORTUNITIES: 7,
      OPEN_PIPELINE_VALUE: 127600,
      AVG_DEAL_SIZE: 15100,
      WIN_RATE: 0.625,
      SALES_CYCLE_LENGTH: 80,
      REP_PRODUCTIVITY: 25166.666666666668,
    },
  },
  "handmade-tr.csv": {
    what: "a Turkish hand-made sheet",
    mapping: {
      id: "Fırsat Adı",
      owner: "Temsilci",
      stage: "Aşama",
      amount: "Tutar (TL)",
      created: "Oluşturma Tarihi",
      closed: "Kapanış Tarihi",
      source: "Kaynak",
    },
    metrics: {
      REVENUE: 181200,
      DEALS_WON: 9,
      DEALS_LOST: 5,
      OPEN_OPPORTUNITIES: 1,
      OPEN_PIPELINE_VALUE: 8700,
      AVG_DEAL_SIZE: 20133.333333333332,
      WIN_RATE: 0.6428571428571429,
      SALES_CYCLE_LENGTH: 69.88888888888889,
      REP_PRODUCTIVITY: 60400,
    },
  },
};

/** The mapping read from a fixture, as field -> header text. */
function mappingOf(file: string): {
  mapping: Partial<Record<DealField, string>>;
  unsure: DealField[];
} {
  const { grid } = parseCsv(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
  const table = readDealTable(grid);
  if (isReadFailure(table)) throw new Error(`${file}: ${table.failure.en}`);
  const mapping: Partial<Record<DealField, string>> = {};
  for (const [field, column] of Object.entries(table.mapping))
    mapping[field as DealField] = table.headers[column as number];
  return { mapping, unsure: table.unsure };
}

describe("CRM default exports", () => {
  it("has a fixture for every export and an export for every fixture", () => {
    expect(fs.readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPORTS).sort());
  });

  describe.each(Object.entries(EXPORTS))("%s", (file, expected) => {
    it(`maps the columns of ${expected.what}`, () => {
      const { mapping, unsure } = mappingOf(file);
      expect(mapping).toEqual(expected.mapping);
      expect(unsure.filter((field) => !expected.unsure?.includes(field))).toEqual([]);
    });

    it("gives the expected KPIs with kpi report --json", () => {
      const run = kpi("report", path.join(FIXTURES, file), "--json");
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const metrics = JSON.parse(run.stdout).metrics as Record<string, unknown>;
      for (const [id, value] of Object.entries(expected.metrics)) {
        expect([id, metrics[id]]).toEqual([id, expect.any(Number)]);
        expect([id, metrics[id] as number]).toEqual([id, expect.closeTo(value, 9)]);
      }
    });
  });
});

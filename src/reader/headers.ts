/**
 * Which column of a header row holds which field of a deal table: the header names of the common CRM
 * exports (Salesforce, HubSpot, Pipedrive, Zoho CRM, Dynamics 365, Freshsales) and of hand-made
 * English and Turkish sheets, the words of other headers, and the values below them.
 */
import { classifyStage, foldText, parseIsoDate, parseNumberText } from "../engine";
import { type Cell, type ColumnMapping, DEAL_FIELDS, type DealField } from "./types";

/** How many rows below a header row detection reads for the values' evidence. */
export const SAMPLE_ROWS = 50;

/** Header synonyms per field, as people write them; matched after normalizeHeader. */
export const HEADER_SYNONYMS: Readonly<Record<DealField, readonly string[]>> = {
  id: [
    "Deal ID",
    "Opportunity ID",
    "Deal Name",
    "Opportunity Name",
    "Deal",
    "Opportunity",
    "Fırsat No",
    "Fırsat Adı",
    "Fırsat",
    "Anlaşma Adı",
    "Anlaşma No",
  ],
  owner: [
    "Owner",
    "Sales Rep",
    "Deal Owner",
    "Opportunity Owner",
    "Temsilci",
    "Satış Temsilcisi",
    "Sorumlu",
    "Fırsat Sahibi",
  ],
  stage: [
    "Stage",
    "Deal Stage",
    "Opportunity Stage",
    "Sales Stage",
    "Aşama",
    "Satış Aşaması",
    "Fırsat Aşaması",
  ],
  status: [
    "Status",
    "Deal Status",
    "Opportunity Status",
    "Durum",
    "Fırsat Durumu",
    "Anlaşma Durumu",
  ],
  amount: [
    "Amount",
    "Deal Value",
    "Value",
    "Deal Amount",
    "Revenue",
    "Tutar",
    "Anlaşma Tutarı",
    "Fırsat Tutarı",
    "Anlaşma Değeri",
  ],
  created: [
    "Created Date",
    "Create Date",
    "Created",
    "Created On",
    "Oluşturma Tarihi",
    "Oluşturulma Tarihi",
  ],
  closed: ["Close Date", "Closed Date", "Closed On", "Closed", "Kapanış Tarihi", "Kapanma Tarihi"],
  source: ["Lead Source", "Source", "Kaynak", "Müşteri Adayı Kaynağı"],
  probability: [
    "Probability",
    "Probability (%)",
    "Deal probability",
    "Win Probability",
    "Olasılık",
    "Kazanma Olasılığı",
  ],
  currency: [
    "Currency",
    "Opportunity Currency",
    "Currency of Value",
    "Deal Currency",
    "Currency Code",
    "Para Birimi",
    "Döviz",
  ],
};

/**
 * A header reduced to what matters for matching: case, accents, spaces, underscores, hyphens and
 * punctuation dropped, so that "AŞAMA", "aşama" and "Deal_Stage" meet their synonyms.
 */
export function normalizeHeader(header: string): string {
  return foldText(header).replace(/[^a-z0-9]+/g, "");
}

const NORMALIZED: ReadonlyArray<[DealField, string[]]> = DEAL_FIELDS.map((field) => [
  field,
  HEADER_SYNONYMS[field].map(normalizeHeader),
]);

/**
 * Synonyms too short or generic to find inside a longer header ("Deal Type" is not the deal's name,
 * "Expected Value" not its amount, "Is Closed" not a date): they match only a whole header.
 */
const EXACT_ONLY = new Set(
  ["Deal", "Opportunity", "Fırsat", "Value", "Closed"].map(normalizeHeader)
);

/**
 * The status decides won / lost / open, so it is never guessed from a longer header ("Payment Status",
 * "Ödeme Durumu" are something else); nor are the probability and the currency ("Amount in company
 * currency" is an amount, "Probability of churn" not the deal's).
 */
const EXACT_ONLY_FIELDS = new Set<DealField>(["status", "probability", "currency"]);

/**
 * Headers that contain a synonym but name something else ("Created By" is a person, "Days in Stage"
 * a number): they never match partially, only exactly.
 */
const NOT_PARTIAL =
  /by(id)?$|probability|olasilik|duration|days|gun(u|sayisi)|previous|prior|onceki|change|entered|exited|giris/;

/** A header cell's text: numbers and logicals as written, blanks and errors as "". */
export function headerText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return "";
}

/**
 * Header names of the default exports of the common CRMs, ranked against each other where one export
 * carries several candidates for a field. Matched after normalizeHeader, as whole headers, once a
 * "Deal - " entity prefix (Pipedrive) and a trailing currency marker ("(USD)") are taken off.
 * - Pipedrive (https://pipedrive.readme.io/docs/core-api-concepts-about-pipedrive-api, deal fields
 *   title, value, status open/won/lost, add_time, close_time, won_time, expected_close_date):
 *   "Deal - Deal closed on" is the close date, "Deal - Expected close date" only a forecast.
 * - Zoho CRM (https://help.zoho.com/portal/en/kb/crm/sales-force-automation/deal-management/articles/standard-fields-deals):
 *   "Closing Date" is the deal's one close date; "Created Time" its creation.
 * - Microsoft Dynamics 365 Sales (https://learn.microsoft.com/en-us/dynamics365/sales/developer/entities/opportunity):
 *   "Actual Close Date" (actualclosedate) is the close date, "Est. Close Date" a forecast. "Est.
 *   Revenue" (estimatedvalue) is the amount: every deal has it, open ones included, and "Actual
 *   Revenue" (actualvalue) defaults to it when a deal is won; "Actual Revenue" serves only when there is
 *   no estimated revenue.
 * - Freshsales (https://crmsupport.freshworks.com/support/solutions/articles/50000002555): "Closed date"
 *   over "Expected close date"; "Deal value".
 * - Salesforce Data Loader exports API names, upper-cased by older versions
 *   (https://github.com/forcedotcom/dataloader/issues/1095): STAGENAME, CLOSEDATE, CREATEDDATE, OWNERID.
 * - HubSpot internal property names: dealname, dealstage, amount, closedate, createdate,
 *   hubspot_owner_id, hs_object_id.
 * - The Maven Analytics "CRM Sales Opportunities" dataset: opportunity_id, sales_agent, deal_stage,
 *   engage_date (the nearest thing it has to a creation date), close_date, close_value.
 */
interface HeaderRule {
  field: DealField;
  /** Higher wins; the synonyms of HEADER_SYNONYMS rank EXACT. */
  rank: number;
  /** False when the column only stands in for the field (an expected close date, an engagement date). */
  sure: boolean;
  headers: readonly string[];
}

const EXACT = 1000;

const VENDOR_HEADERS: readonly HeaderRule[] = [
  {
    field: "id",
    rank: EXACT,
    sure: true,
    headers: ["Name", "Title", "Topic", "Deal Title", "dealname", "Konu", "Başlık"],
  },
  { field: "id", rank: 800, sure: true, headers: ["Record ID", "ID", "hs_object_id", "Kayıt No"] },
  {
    field: "owner",
    rank: EXACT,
    sure: true,
    headers: [
      "Sales Agent",
      "Sales Owner",
      "Rep",
      "Salesperson",
      "Account Executive",
      "Assigned To",
      "OwnerId",
      "Owner Name",
      "Owner ID",
      "hubspot_owner_id",
      "Satış Sorumlusu",
      "Satışçı",
      "Sahibi",
    ],
  },
  {
    field: "stage",
    rank: EXACT,
    sure: true,
    headers: ["StageName", "Pipeline Phase", "Pipeline Stage", "stepname", "Aşaması"],
  },
  {
    field: "amount",
    rank: EXACT,
    sure: true,
    headers: [
      "close_value",
      "Opportunity Amount",
      "Opportunity Value",
      "Deal Size",
      "Fırsat Değeri",
    ],
  },
  {
    field: "amount",
    rank: 900,
    sure: true,
    headers: [
      "Est. Revenue",
      "Estimated Revenue",
      "estimatedvalue",
      "Tahmini Gelir",
      "Tahmini Tutar",
    ],
  },
  {
    field: "amount",
    rank: 800,
    sure: true,
    headers: ["Actual Revenue", "actualvalue", "Gerçekleşen Gelir", "Gerçekleşen Tutar"],
  },
  {
    field: "created",
    rank: EXACT,
    sure: true,
    headers: [
      "Created Time",
      "Created At",
      "Deal created",
      "Deal created on",
      "Creation Date",
      "Date Created",
      "Add Time",
      "Opened",
      "Open Date",
      "hs_createdate",
      "Oluşturma Zamanı",
      "Oluşturulma Zamanı",
      "Kayıt Tarihi",
      "Açılış Tarihi",
    ],
  },
  { field: "created", rank: 700, sure: false, headers: ["engage_date", "Engage Date", "Engaged"] },
  {
    field: "closed",
    rank: EXACT,
    sure: true,
    headers: [
      "Deal closed on",
      "Actual Close Date",
      "actualclosedate",
      "Close Time",
      "Closed At",
      "Closed Time",
      "Date Closed",
      "Gerçekleşen Kapanış Tarihi",
      "Kapanış Zamanı",
    ],
  },
  { field: "closed", rank: 950, sure: true, headers: ["Closing Date"] },
  {
    field: "closed",
    rank: 800,
    sure: false,
    headers: ["Won Time", "Won Date", "Date Won", "Kazanılma Tarihi"],
  },
  {
    field: "closed",
    rank: 600,
    sure: false,
    headers: [
      "Expected Close Date",
      "Expected Close",
      "Expected Closing Date",
      "Est. Close Date",
      "Estimated Close Date",
      "estimatedclosedate",
      "Forecast Close Date",
      "Beklenen Kapanış Tarihi",
      "Tahmini Kapanış Tarihi",
    ],
  },
  {
    field: "source",
    rank: EXACT,
    sure: true,
    headers: ["Source Channel", "Deal Source", "Lead Kaynağı", "Kaynak Kanalı"],
  },
  {
    field: "probability",
    rank: EXACT,
    sure: true,
    headers: ["hs_deal_stage_probability", "Deal Stage Probability", "closeprobability"],
  },
  {
    field: "currency",
    rank: EXACT,
    sure: true,
    headers: ["CurrencyIsoCode", "deal_currency_code", "transactioncurrencyid"],
  },
];

/** Every whole-header rule: the common synonyms first, then the vendors' names. */
const EXACT_RULES: ReadonlyArray<{
  field: DealField;
  rank: number;
  sure: boolean;
  keys: Set<string>;
}> = [
  ...DEAL_FIELDS.map((field) => ({
    field,
    rank: EXACT,
    sure: true,
    headers: HEADER_SYNONYMS[field],
  })),
  ...VENDOR_HEADERS,
].map(({ field, rank, sure, headers }) => ({
  field,
  rank,
  sure,
  keys: new Set(headers.map(normalizeHeader)),
}));

/**
 * Headers that name something other than the field whose words they carry, whatever the match:
 * "Deal - Creator" and "Created By" are not the owner, a weighted value or an expected revenue is not
 * the amount, a lost time is not the close date of every deal.
 */
const NOT_FIELD: Partial<Record<DealField, RegExp>> = {
  owner: /creator|createdby|modifiedby|lastmodified|olusturan|guncelleyen/,
  amount:
    /weighted|expected|forecast|projected|probab|olasilik|agirlikli|beklenen|annual|yillik|quantity|adet|discount|indirim|tax|vergi/,
  created: /createdby|creator|olusturan/,
  closed: /lost|kaybed/,
};

/** Entities whose columns a deal export carries beside the deal's own ("Organization - Name"). */
const FOREIGN_ENTITIES = new Set(
  [
    "Organization",
    "Organisation",
    "Person",
    "Contact",
    "Account",
    "Product",
    "Lead",
    "Activity",
    "Company",
    "Note",
    "Kişi",
    "Kurum",
    "Firma",
    "Ürün",
  ].map(normalizeHeader)
);
const DEAL_ENTITIES = new Set(
  ["Deal", "Deals", "Opportunity", "Opportunities", "Fırsat", "Anlaşma"].map(normalizeHeader)
);

/** "Deal - Value", "Deal: Value": an entity, a dash or colon, the field's own name. */
const ENTITY_PREFIX = /^\s*([^\-–:]{2,30}?)\s*[-–:]\s+(\S.*)$/;
/** "Amount (USD)", "Tutar (TL)", "Deal Value ($)": a currency marker says nothing about the field. */
const CURRENCY_SUFFIX = /\s*[([]\s*(?:[a-z]{2,3}|[$€£¥₺])\s*[)\]]\s*$/i;
/** The hidden key columns of a Dynamics 365 Excel export. */
const DO_NOT_MODIFY = /^\s*\(do not modify\)/i;

/** A header as matching sees it. */
interface HeaderKey {
  /** normalizeHeader of the header without its entity prefix and currency marker. */
  key: string;
  /** Its words, camelCase split ("StageName" -> stage, name), folded. */
  words: string[];
  /** The column belongs to another entity than the deal (or is a key column): it serves no field. */
  foreign: boolean;
}

function headerKey(header: string): HeaderKey {
  let text = header ?? "";
  if (DO_NOT_MODIFY.test(text)) return { key: "", words: [], foreign: true };
  const prefixed = ENTITY_PREFIX.exec(text);
  if (prefixed) {
    const entity = normalizeHeader(prefixed[1]);
    if (FOREIGN_ENTITIES.has(entity)) return { key: "", words: [], foreign: true };
    if (DEAL_ENTITIES.has(entity)) text = prefixed[2];
  }
  text = text.replace(CURRENCY_SUFFIX, "");
  const words = foldText(text.replace(/([a-z])([A-Z])/g, "$1 $2"))
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  return { key: normalizeHeader(text), words, foreign: false };
}

const has = (words: string[], set: ReadonlySet<string>): boolean => words.some((w) => set.has(w));
const wordSet = (...words: string[]): ReadonlySet<string> => new Set(words);

const CLOSE_WORDS = wordSet("close", "closing", "closed", "kapanis", "kapanma");
const CREATE_WORDS = wordSet("create", "created", "creation", "olusturma", "olusturulma", "added");
const DATE_WORDS = wordSet("date", "time", "on", "at", "day", "tarih", "tarihi", "zamani", "gunu");
const FORECAST_WORDS = wordSet(
  "expected",
  "est",
  "estimated",
  "forecast",
  "target",
  "planned",
  "beklenen",
  "tahmini",
  "planlanan"
);
const MONEY_WORDS = wordSet(
  "amount",
  "value",
  "revenue",
  "tutar",
  "tutari",
  "deger",
  "degeri",
  "gelir",
  "bedel",
  "bedeli"
);
const OWNER_WORDS = wordSet("owner", "rep", "agent", "salesperson", "temsilci", "temsilcisi");
const STAGE_WORDS = wordSet("stage", "phase", "asama", "asamasi");

/**
 * Weak evidence from a header's words, for headers no synonym names ("Deal Closing Date",
 * "Opportunity close_value"): a field whose column is found this way is unsure.
 */
function wordRules(words: string[]): { field: DealField; rank: number }[] {
  const found: { field: DealField; rank: number }[] = [];
  if (has(words, CLOSE_WORDS) && has(words, DATE_WORDS))
    found.push({ field: "closed", rank: has(words, FORECAST_WORDS) ? 200 : 300 });
  if (has(words, CREATE_WORDS) && (has(words, DATE_WORDS) || words.length === 1))
    found.push({ field: "created", rank: 300 });
  if (has(words, MONEY_WORDS) && !has(words, DATE_WORDS))
    found.push({ field: "amount", rank: 250 });
  if (has(words, OWNER_WORDS)) found.push({ field: "owner", rank: 250 });
  if (has(words, STAGE_WORDS)) found.push({ field: "stage", rank: 250 });
  return found;
}

/** A candidate column for a field, with how strongly its header names it. */
interface Candidate {
  field: DealField;
  column: number;
  rank: number;
  sure: boolean;
}

/** What the first rows below a header say about a column's values. */
interface ColumnProfile {
  filled: number;
  /** ISO dates, and texts shaped like a date in another order (15.03.2026). */
  dates: number;
  /** Numbers, and texts that read as one ("$1,200"). */
  numbers: number;
  booleans: number;
  /** Texts without a digit ("Closed Won", "Alice"). */
  words: number;
  /** Distinct texts, folded. */
  distinct: Set<string>;
  /** Texts that the stage rules classify as won or lost. */
  closing: number;
  /** Numbers that are whole and within 0..100 (a probability, a count). */
  smallWholes: number;
}

const DATE_SHAPED = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T].*)?$/;

function profileColumn(samples: readonly (readonly Cell[])[], column: number): ColumnProfile {
  const profile: ColumnProfile = {
    filled: 0,
    dates: 0,
    numbers: 0,
    booleans: 0,
    words: 0,
    distinct: new Set(),
    closing: 0,
    smallWholes: 0,
  };
  for (const row of samples) {
    const cell = row?.[column];
    if (cell === null || cell === undefined) continue;
    if (typeof cell === "number") {
      profile.filled++;
      profile.numbers++;
      if (Number.isInteger(cell) && cell >= 0 && cell <= 100) profile.smallWholes++;
    } else if (typeof cell === "boolean") {
      profile.filled++;
      profile.booleans++;
    } else if (typeof cell === "string") {
      const text = cell.trim();
      if (text === "") continue;
      profile.filled++;
      const folded = foldText(text);
      profile.distinct.add(folded);
      if (parseIsoDate(text) !== undefined || DATE_SHAPED.test(text)) profile.dates++;
      else if (folded === "true" || folded === "false") profile.booleans++;
      else if (parseNumberText(text) !== undefined) {
        profile.numbers++;
        const value = parseNumberText(text)!;
        if (Number.isInteger(value) && value >= 0 && value <= 100) profile.smallWholes++;
      } else if (!/\d/.test(text)) profile.words++;
      if (classifyStage(text) !== "open") profile.closing++;
    }
  }
  return profile;
}

/** Fewer filled sample cells than this say nothing about a column. */
const EVIDENCE = 3;
/** The share of a column's sample cells that makes its values' type clear. */
const CLEAR = 0.8;

/** True when the values contradict the field the header names (booleans in a "Closed" column). */
function contradicts(field: DealField, p: ColumnProfile): boolean {
  if (p.filled < EVIDENCE) return false;
  const share = (count: number): boolean => count / p.filled >= CLEAR;
  switch (field) {
    case "created":
    case "closed":
      return share(p.booleans + p.words);
    case "amount":
      return share(p.dates + p.booleans + p.words);
    case "stage":
    case "status":
      return share(p.numbers + p.dates);
    default:
      return share(p.dates);
  }
}

/** Which column holds each field, and which of them detection was unsure of. */
export interface ColumnDetection {
  mapping: ColumnMapping;
  /** Fields found by a partial or weak header match, a stand-in column or the values alone. */
  unsure: DealField[];
}

/**
 * Detects which column holds each field of a deal table from its header row and, when given, the
 * first rows below it. Headers decide first: whole-header synonyms and the CRMs' default export names
 * (ranked where an export offers several: an actual close date over an expected one, an estimated
 * revenue over an actual one), then a synonym inside a longer header, then the header's words. A
 * column serves one field at most; the leftmost column wins among equals. The values then veto a
 * column whose cells contradict its field, drop a status column that never says won or lost where
 * the stage does, and fill a stage or an amount column that no header names. When there is a status
 * column and no stage column, the status serves as the stage (mapping.stage, no mapping.status).
 * @param headers The header row's texts, one per column.
 * @param samples The first rows below the header (up to SAMPLE_ROWS), for the values' evidence.
 */
export function detectColumns(
  headers: readonly string[],
  samples?: readonly (readonly Cell[])[]
): ColumnDetection {
  const keys = headers.map((header) => headerKey(header ?? ""));
  const profiles = samples?.length
    ? keys.map((_, column) => profileColumn(samples, column))
    : undefined;
  const candidates: Candidate[] = [];
  const fieldOrder = (field: DealField): number => DEAL_FIELDS.indexOf(field);

  keys.forEach(({ key, words, foreign }, column) => {
    if (foreign || key === "") return;
    const add = (field: DealField, rank: number, sure: boolean): void => {
      if (NOT_FIELD[field]?.test(key)) return;
      if (profiles && contradicts(field, profiles[column])) return;
      candidates.push({ field, column, rank, sure });
    };
    for (const rule of EXACT_RULES) if (rule.keys.has(key)) add(rule.field, rule.rank, rule.sure);
    if (NOT_PARTIAL.test(key)) return;
    for (const [field, synonyms] of NORMALIZED) {
      if (EXACT_ONLY_FIELDS.has(field)) continue;
      const longest = Math.max(
        0,
        ...synonyms
          .filter((synonym) => !EXACT_ONLY.has(synonym) && key.includes(synonym))
          .map((synonym) => synonym.length)
      );
      if (longest > 0) add(field, 100 + longest, false);
    }
    for (const { field, rank } of wordRules(words)) add(field, rank, false);
  });

  candidates.sort(
    (a, b) => b.rank - a.rank || fieldOrder(a.field) - fieldOrder(b.field) || a.column - b.column
  );
  const mapping: ColumnMapping = {};
  const unsure = new Set<DealField>();
  const used = new Set<number>();
  for (const candidate of candidates) {
    const { field, column } = candidate;
    if (mapping[field] !== undefined || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
    const rival = candidates.some(
      (other) =>
        other.field === field &&
        other.column !== column &&
        other.rank === candidate.rank &&
        !used.has(other.column)
    );
    if (!candidate.sure || rival) unsure.add(field);
  }

  if (profiles) {
    // A status that never says won or lost, beside a stage that does, decides nothing.
    if (mapping.status !== undefined && mapping.stage !== undefined) {
      const status = profiles[mapping.status];
      const stage = profiles[mapping.stage];
      if (status.filled >= EVIDENCE && status.closing === 0 && stage.closing > 0) {
        used.delete(mapping.status);
        delete mapping.status;
      }
    }
    if (mapping.stage === undefined && mapping.status === undefined) {
      const column = stageByValues(keys, profiles, used);
      if (column !== undefined) {
        mapping.stage = column;
        used.add(column);
        unsure.add("stage");
      }
    }
    if (mapping.amount === undefined) {
      const column = amountByValues(keys, profiles, used);
      if (column !== undefined) {
        mapping.amount = column;
        used.add(column);
        unsure.add("amount");
      }
    }
  }

  if (mapping.stage === undefined && mapping.status !== undefined) {
    mapping.stage = mapping.status;
    delete mapping.status;
    if (unsure.delete("status")) unsure.add("stage");
  }
  return { mapping, unsure: DEAL_FIELDS.filter((field) => unsure.has(field)) };
}

/** The column whose few distinct texts include won or lost ones, when no header names a stage. */
function stageByValues(
  keys: HeaderKey[],
  profiles: ColumnProfile[],
  used: Set<number>
): number | undefined {
  let best: { column: number; share: number; distinct: number } | undefined;
  profiles.forEach((p, column) => {
    if (used.has(column) || keys[column].key === "" || p.filled < EVIDENCE || p.closing === 0)
      return;
    if (p.words / p.filled < CLEAR || p.distinct.size > 20 || p.distinct.size >= p.filled) return;
    const share = p.closing / p.filled;
    if (!best || share > best.share || (share === best.share && p.distinct.size < best.distinct))
      best = { column, share, distinct: p.distinct.size };
  });
  return best?.column;
}

/**
 * The column of money, when no header names an amount: the numeric column whose header speaks of
 * money, else the only numeric column that is not a probability, a count or an id.
 */
function amountByValues(
  keys: HeaderKey[],
  profiles: ColumnProfile[],
  used: Set<number>
): number | undefined {
  const numeric = profiles
    .map((p, column) => ({ p, column }))
    .filter(
      ({ p, column }) =>
        !used.has(column) &&
        keys[column].key !== "" &&
        p.filled >= EVIDENCE &&
        p.numbers / p.filled >= CLEAR &&
        p.smallWholes < p.numbers &&
        !NOT_FIELD.amount!.test(keys[column].key) &&
        !/id$|no$|number|year|yil|days|gun|age|yas|count|sayi|phone|telefon|zip|posta/.test(
          keys[column].key
        )
    );
  const money = numeric.filter(({ column }) => has(keys[column].words, MONEY_WORDS));
  if (money.length) return money[0].column;
  return numeric.length === 1 ? numeric[0].column : undefined;
}

/**
 * Detects which column holds each field from a header row (and, when given, the first rows below
 * it): detectColumns without the unsure fields.
 * @param headers The header row's texts, one per column.
 * @returns The column index (0-based) of each field found.
 */
export function detectMapping(
  headers: string[],
  samples?: readonly (readonly Cell[])[]
): ColumnMapping {
  return detectColumns(headers, samples).mapping;
}

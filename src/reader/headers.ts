/**
 * Which column of a header row holds which field of a deal table: header synonyms in English and
 * Turkish, as the common CRM exports (Salesforce, HubSpot) and hand-made sheets write them.
 */
import { foldText } from "../engine/coerce";
import { type ColumnMapping, DEAL_FIELDS, type DealField } from "./types";

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
 * "Ödeme Durumu" are something else).
 */
const EXACT_ONLY_FIELDS = new Set<DealField>(["status"]);

/**
 * Headers that contain a synonym but name something else ("Created By" is a person, "Days in Stage"
 * a number): they never match partially, only exactly.
 */
const NOT_PARTIAL =
  /by(id)?$|probability|olasilik|duration|days|gun(u|sayisi)|previous|prior|onceki|change/;

/** A header cell's text: numbers and logicals as written, blanks and errors as "". */
export function headerText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return "";
}

/**
 * Detects which column holds each field of a deal table from its header row. Exact synonym matches
 * win over partial ones ("Amount (USD)" contains "amount"); the leftmost column wins among equals; no
 * column serves two fields. When there is a status column and no stage column, the status serves as
 * the stage (mapping.stage, no mapping.status).
 * @param headers The header row's texts, one per column.
 * @returns The column index (0-based) of each field found.
 */
export function detectMapping(headers: string[]): ColumnMapping {
  const keys = headers.map((header) => normalizeHeader(header ?? ""));
  const mapping: ColumnMapping = {};
  const used = new Set<number>();

  // Exact matches first, field by field, leftmost column first.
  for (const [field, synonyms] of NORMALIZED) {
    const column = keys.findIndex(
      (key, index) => key !== "" && !used.has(index) && synonyms.includes(key)
    );
    if (column >= 0) {
      mapping[field] = column;
      used.add(column);
    }
  }

  // Then partial matches, the most specific (longest) synonym first.
  const candidates: { field: DealField; column: number; length: number }[] = [];
  for (const [field, synonyms] of NORMALIZED) {
    if (mapping[field] !== undefined || EXACT_ONLY_FIELDS.has(field)) continue;
    const partial = synonyms.filter((synonym) => !EXACT_ONLY.has(synonym));
    keys.forEach((key, column) => {
      if (used.has(column) || key === "" || NOT_PARTIAL.test(key)) return;
      const longest = Math.max(
        0,
        ...partial.filter((synonym) => key.includes(synonym)).map((s) => s.length)
      );
      if (longest > 0) candidates.push({ field, column, length: longest });
    });
  }
  candidates.sort((a, b) => b.length - a.length || a.column - b.column);
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }

  if (mapping.stage === undefined && mapping.status !== undefined) {
    mapping.stage = mapping.status;
    delete mapping.status;
  }
  return mapping;
}

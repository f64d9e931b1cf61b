/**
 * From a 2-D array of cells (a selected range, a parsed CSV or .xlsx sheet) to a deal table: the
 * header row, the column mapping, the engine's columns and every cell that could not be read.
 */
import { columnIndex, columnLetters } from "../plan/a1";
import { type Text, sayBoth } from "../i18n";
import { READER } from "../i18n/strings/reader";
import { fieldName } from "./cells";
import { detectColumns, detectMapping, headerText, normalizeHeader, SAMPLE_ROWS } from "./headers";
import { DealRowReader, type RowLayout, isBlankRow } from "./rows";
import { findStageEntries } from "./stageEntries";
import {
  type Cell,
  type ColumnMapping,
  DEAL_FIELDS,
  type DealField,
  type DealTable,
  type ReadFailure,
  type ReadOptions,
  type ReadResult,
  REQUIRED_FIELDS,
  type StageEntryHeader,
} from "./types";

/** Rows between two progress reports. */
const PROGRESS_EVERY = 10_000;

/** How many non-blank rows from the top may precede the header (titles, notes, filters). */
export const HEADER_SEARCH_ROWS = 20;

/** The header row's named headers, for a reason (the headers as written, in any language). */
function listHeaders(headers: string[]): Text {
  const named = headers.filter((header) => header !== "").join(", ");
  return named ? { en: named, tr: named } : sayBoth(READER, (s) => s.failure.noHeaders);
}

/** True when the mapping has a column for each required field (a stage and an amount). */
export function hasRequired(mapping: ColumnMapping): boolean {
  return REQUIRED_FIELDS.every((field) => mapping[field] !== undefined);
}

/** Texts of a row, one per column of the grid. */
function rowHeaders(grid: Cell[][], row: number, width: number): string[] {
  return Array.from({ length: width }, (_, column) => headerText(grid[row]?.[column]));
}

/**
 * The header row: the first of the top non-blank rows whose headers name a stage and an amount. When
 * there is none, the row that names the most fields (a caller's mapping may complete it).
 */
function findHeaderRow(
  grid: Cell[][],
  width: number
): { row: number; detected: boolean } | undefined {
  let best: { row: number; fields: number } | undefined;
  let seen = 0;
  for (let row = 0; row < grid.length && seen < HEADER_SEARCH_ROWS; row++) {
    if (isBlankRow(grid[row])) continue;
    seen++;
    const mapping = detectMapping(rowHeaders(grid, row, width));
    if (hasRequired(mapping)) return { row, detected: true };
    const fields = Object.keys(mapping).length;
    if (!best || fields > best.fields) best = { row, fields };
  }
  return best && { row: best.row, detected: false };
}

/** The detected mapping with the caller's overrides: a column takes its field away from detection. */
function applyOverrides(
  detected: ColumnMapping,
  options: ReadOptions,
  width: number
): ColumnMapping | Text {
  const overrides = options.mapping ?? {};
  const mapping: ColumnMapping = { ...detected };
  const claimed = new Map<number, DealField>();
  for (const field of DEAL_FIELDS) {
    if (!(field in overrides)) continue;
    const column = overrides[field];
    if (column === null || column === undefined) {
      delete mapping[field];
      continue;
    }
    if (!Number.isInteger(column) || column < 0 || column >= width)
      return sayBoth(READER, (s) => s.failure.mappingOutOfRange, {
        field: fieldName(field),
        column: String(column),
        last: String(width - 1),
      });
    const other = claimed.get(column);
    if (other)
      return sayBoth(READER, (s) => s.failure.mappingTwice, {
        first: fieldName(other),
        second: fieldName(field),
        letter: columnLetters(column),
      });
    claimed.set(column, field);
    for (const key of DEAL_FIELDS)
      if (mapping[key] === column && !(key in overrides)) delete mapping[key];
    mapping[field] = column;
  }
  return mapping;
}

/**
 * The column a person names: a header as written, then as headers match (case, accents and
 * punctuation aside), then what `byKey` finds for the normalized name, then a column letter ("C");
 * -1 when none.
 */
function namedColumn(
  headers: string[],
  wanted: string,
  byKey?: (key: string) => number | undefined
): number {
  const key = normalizeHeader(wanted);
  let column = headers.findIndex((header) => header.trim() === wanted.trim());
  if (column < 0) column = headers.findIndex((header) => normalizeHeader(header) === key);
  if (column < 0) column = byKey?.(key) ?? -1;
  if (column < 0 && /^[A-Z]{1,3}$/i.test(wanted.trim())) {
    column = columnIndex(wanted.trim().toUpperCase());
    if (column >= headers.length) column = -1;
  }
  return column;
}

/**
 * The columns of fields the caller named by header text (matched as detection matches headers: case,
 * accents and punctuation aside) or, where no header is so written, by column letter ("C").
 * @returns The column index of each field (null to leave it out), or why a name fits no column.
 */
function columnsOfHeaders(
  headers: string[],
  byHeader: ReadOptions["mappingByHeader"]
): Partial<Record<DealField, number | null>> | Text {
  const columns: Partial<Record<DealField, number | null>> = {};
  for (const field of DEAL_FIELDS) {
    if (!byHeader || !(field in byHeader)) continue;
    const wanted = byHeader[field];
    if (wanted === null || wanted === undefined) {
      columns[field] = null;
      continue;
    }
    const column = namedColumn(headers, wanted);
    if (column < 0)
      return sayBoth(READER, (s) => s.failure.noColumn, {
        header: wanted,
        field: fieldName(field),
        headers: listHeaders(headers),
      });
    columns[field] = column;
  }
  return columns;
}

/**
 * The mapping of a table whose header row is found: detected from the headers, then overridden by the
 * caller; or why there is none.
 * @param detected Whether the header row names a stage and an amount (else only overrides may help).
 * @param width The number of columns of the whole table, for the overrides' bounds.
 */
export function mappingFor(
  headers: string[],
  detected: boolean,
  options: ReadOptions,
  width: number
): ColumnMapping | ReadFailure {
  const resolved = resolveMapping(headers, detected, options, width);
  return "failure" in resolved ? resolved : resolved.mapping;
}

/** A mapping to read with, and the detected fields of it that detection was unsure of. */
export interface ResolvedMapping {
  mapping: ColumnMapping;
  unsure: DealField[];
  /** The stage-entry columns, among the columns no field took. */
  stageEntries: StageEntryHeader[];
  /** The column to break the deals down by (ReadOptions.segmentBy). */
  segment?: { column: number; header: string };
}

/**
 * The column ReadOptions.segmentBy names: a header as written, then as headers match (case, accents
 * and punctuation aside), then a field's name in either language ("owner", "temsilci"), then a column
 * letter; or why none.
 */
function segmentColumn(
  headers: string[],
  wanted: string | number,
  mapping: ColumnMapping
): { column: number; header: string } | Text {
  if (typeof wanted === "number")
    return Number.isInteger(wanted) && wanted >= 0 && wanted < headers.length
      ? { column: wanted, header: headers[wanted] }
      : sayBoth(READER, (s) => s.failure.noSegmentColumn, {
          header: columnLetters(Math.max(0, wanted)),
          headers: listHeaders(headers),
        });
  const column = namedColumn(headers, wanted, (key) => {
    const field = DEAL_FIELDS.find(
      (name) =>
        name === key ||
        normalizeHeader(fieldName(name).en) === key ||
        normalizeHeader(fieldName(name).tr) === key
    );
    return field && mapping[field];
  });
  if (column < 0)
    return sayBoth(READER, (s) => s.failure.noSegmentColumn, {
      header: wanted,
      headers: listHeaders(headers),
    });
  return { column, header: headers[column] };
}

/** How the rows of a table whose header and mapping are resolved are read. */
export function rowLayoutOf(
  resolved: ResolvedMapping,
  headers: string[],
  headerRow: number,
  options: ReadOptions
): RowLayout {
  return {
    headerRow,
    headers,
    mapping: resolved.mapping,
    firstRowNumber: options.firstRowNumber ?? 1,
    dateFormat: options.dateFormat,
    inPlace: options.inPlace,
    stageClasses: options.stageClasses,
    stageEntries: resolved.stageEntries,
    segment: resolved.segment,
  };
}

/**
 * mappingFor with the first rows below the header as evidence (see detectColumns): the values may
 * complete a header row that names no stage or no amount. The fields the caller mapped are not unsure.
 * @param samples The rows below the header row, up to SAMPLE_ROWS of them.
 */
export function resolveMapping(
  headers: string[],
  detected: boolean,
  options: ReadOptions,
  width: number,
  samples?: readonly (readonly Cell[])[]
): ResolvedMapping | ReadFailure {
  const detection = detectColumns(headers, samples);
  const byHeader = columnsOfHeaders(headers, options.mappingByHeader);
  if (isText(byHeader)) return failure(byHeader, headers, detection.mapping);
  options = { ...options, mapping: { ...options.mapping, ...byHeader } };
  const hasOverrides = Object.keys(options.mapping ?? {}).length > 0;
  if (!detected && !hasOverrides && !hasRequired(detection.mapping))
    return failure(
      sayBoth(READER, (s) => s.failure.noHeaderRow, {
        rows: HEADER_SEARCH_ROWS,
        headers: listHeaders(headers),
      }),
      headers,
      detection.mapping
    );
  const mapping = applyOverrides(detection.mapping, options, width);
  if (isText(mapping)) return failure(mapping, headers, detection.mapping);
  const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
  if (missing.length)
    return failure(missingColumns(missing, listHeaders(headers)), headers, detection.mapping);
  const overridden = options.mapping ?? {};
  const unsure = detection.unsure.filter(
    (field) => !(field in overridden) && mapping[field] === detection.mapping[field]
  );
  const stageEntries = findStageEntries(headers, new Set(Object.values(mapping)), samples);
  if (options.segmentBy === undefined) return { mapping, unsure, stageEntries };
  const segment = segmentColumn(headers, options.segmentBy, mapping);
  if (isText(segment)) return failure(segment, headers, detection.mapping);
  return { mapping, unsure, stageEntries, segment };
}

/** A reason rather than a mapping (a column mapping has no language keys). */
function isText(value: object): value is Text {
  return "en" in value;
}

/** The reason of required fields without a column (the stage, the amount, or both). */
function missingColumns(missing: DealField[], headers: Text): Text {
  const [first, second] = missing.map(fieldName);
  return second
    ? sayBoth(READER, (s) => s.failure.missingBoth, { first, second, headers })
    : sayBoth(READER, (s) => s.failure.missingOne, { field: first, headers });
}

/** The reason a table is empty: no header row and no deals. */
export function emptyTable(): ReadFailure {
  return failure(sayBoth(READER, (s) => s.failure.empty));
}

/** The reason of a header row with no deals below it (row as the person sees it). */
export function noDealsBelow(row: number, headers: string[]): ReadFailure {
  return failure(
    sayBoth(READER, (s) => s.failure.noDeals, { row: String(row) }),
    headers
  );
}

/** The reason a grid is not a deal table, with its header row (and what detection found) when known. */
export function failure(message: Text, headers?: string[], mapping?: ColumnMapping): ReadFailure {
  if (!headers) return { failure: message };
  return mapping ? { failure: message, headers, mapping } : { failure: message, headers };
}

/**
 * Reads a deal table out of a grid of cells. The header row is found among the top 20 non-blank rows;
 * every row below it down to the last non-blank one is a deal (blank rows keep their place as
 * all-null entries, so that the columns line up with the sheet's rows). A cell that cannot be read
 * is reported with its row number and counts as blank; the row is kept.
 * @param grid Rows of cells, as a range, a CSV or an .xlsx sheet gives them.
 * @param options Row numbering, mapping overrides and the date format of text dates.
 * @returns The table, or why the grid is not a deal table at all.
 */
export function readDealTable(grid: Cell[][], options: ReadOptions = {}): ReadResult {
  const width = grid.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);
  const found = findHeaderRow(grid, width);
  if (!found) return emptyTable();
  const headers = rowHeaders(grid, found.row, width);
  const samples = grid.slice(found.row + 1, found.row + 1 + SAMPLE_ROWS);
  const resolved = resolveMapping(headers, found.detected, options, width, samples);
  if ("failure" in resolved) return resolved;
  const { unsure } = resolved;

  let lastDataRow = found.row;
  for (let row = grid.length - 1; row > found.row; row--) {
    if (!isBlankRow(grid[row])) {
      lastDataRow = row;
      break;
    }
  }
  const firstRowNumber = options.firstRowNumber ?? 1;
  if (lastDataRow === found.row) return noDealsBelow(firstRowNumber + found.row, headers);

  const table = readRows(
    grid,
    rowLayoutOf(resolved, headers, found.row, options),
    lastDataRow,
    options
  );
  table.unsure = unsure;
  return table;
}

/** Reads the data rows once the header and the mapping are known. */
function readRows(
  grid: Cell[][],
  layout: RowLayout,
  lastDataRow: number,
  options: ReadOptions
): DealTable {
  const { headerRow, headers } = layout;
  const reader = new DealRowReader(layout);
  const rowsTotal = lastDataRow - headerRow;
  for (let row = headerRow + 1; row <= lastDataRow; row++) {
    if (options.onProgress && (row - headerRow) % PROGRESS_EVERY === 0)
      options.onProgress(row - headerRow, rowsTotal);
    reader.read(grid[row], row);
  }
  return reader.table(headers);
}

/**
 * Reading the data rows of a deal table one at a time, once its header row and column mapping are
 * known: shared by readDealTable (a grid in memory) and the streaming reader (a CSV file read in
 * chunks), so that both give the same columns and the same problems with the same row numbers.
 */
import {
  type DealColumns,
  type StageClass,
  classifyStage,
  foldText,
  stageKey,
  stageOverrideKey,
} from "../engine";
import { type Text, sayBoth, textOf } from "../i18n";
import { READER } from "../i18n/strings/reader";
import {
  AMOUNT_ERRORS,
  asCell,
  cellText,
  fieldName,
  holdsNothing,
  isoDate,
  readLabel,
} from "./cells";
import { AmountColumn, DateColumn } from "./columnFormats";
import { ProbabilityColumn } from "./probabilityColumn";
import type {
  Cell,
  ColumnMapping,
  DateFormat,
  DealField,
  DealTable,
  ReadProblem,
  StageEntryHeader,
  StageOverrides,
  StageValue,
} from "./types";

/** Reasons that name nothing of the row: made once, not for each row that has them. */
const WON_WITHOUT_AMOUNT = textOf(READER, (s) => s.amount.wonWithoutAmount);
const CLOSED_WITHOUT_DATE = textOf(READER, (s) => s.date.closedWithoutDate);
/** True when every cell of the row is blank. */
export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every(holdsNothing);
}

/** The cell of a field's column, undefined when the table has no such column. */
const cellAt = (line: readonly Cell[], column: number | undefined): Cell | undefined =>
  column === undefined ? undefined : line[column];

/** Where the table is and how to read it. */
export interface RowLayout {
  /** Index (0-based) of the header row; data rows follow it. */
  headerRow: number;
  /** The header row's texts, by column (a column beyond them has the header ""). */
  headers: string[];
  mapping: ColumnMapping;
  /** Row number of row 0, for problems (ReadOptions.firstRowNumber). */
  firstRowNumber: number;
  dateFormat?: DateFormat;
  /** Amounts and dates stored as text are reported, not read (ReadOptions.inPlace). */
  inPlace?: boolean;
  /** The person's classification of stage values, over the default rules. */
  stageClasses?: StageOverrides;
  /** The stage-entry columns, read as dates. */
  stageEntries?: readonly StageEntryHeader[];
  /** The column the deals are broken down by, read as labels. */
  segment?: { column: number; header: string };
}

/** A stage-entry column being read: its header, its dates and how they are written. */
interface EntryColumn {
  header: StageEntryHeader;
  dates: (number | null)[];
  reader: DateColumn;
}

/** The person's stage classes by the key they are matched with. */
function overridesByKey(overrides: StageOverrides | undefined): Map<string, StageClass> {
  const byKey = new Map<string, StageClass>();
  for (const kind of ["won", "lost", "open"] as const)
    for (const text of overrides?.[kind] ?? []) byKey.set(stageOverrideKey(text), kind);
  return byKey;
}

/** The reason of a won deal closed before it was created, both days in ISO. */
function closedBeforeCreated(closed: number, created: number): Text {
  return sayBoth(READER, (s) => s.date.closedBeforeCreated, {
    closed: isoDate(closed),
    created: isoDate(created),
  });
}

/** Reads data rows in order and gathers the columns, the stages, the owners and the problems. */
export class DealRowReader {
  private readonly columns: DealColumns = { stage: [], amount: [], created: [], closed: [] };
  private readonly ownerColumn: (string | null)[] | undefined;
  /** The optional columns of section 9, where the table has them. */
  private readonly probabilityColumn: (number | null)[] | undefined;
  private readonly probabilities: ProbabilityColumn | undefined;
  private readonly currencyColumn: (string | null)[] | undefined;
  private readonly segmentColumn: (string | null)[] | undefined;
  private readonly entryColumns: EntryColumn[];
  private readonly problems: ReadProblem[] = [];
  /** Stage texts by the key spreadsheet criteria match them with (see stageKey). */
  private readonly stageValues = new Map<string, StageValue>();
  /** Every spelling of a stage met, to its stage value (a million rows repeat a handful). */
  private readonly stagesSeen = new Map<string, StageValue>();
  private readonly overrides: Map<string, StageClass>;
  /** Owners by their folded name, as first written. */
  private readonly owners = new Map<string, string>();
  /** Every spelling of an owner met, to one string each (the column shares them). */
  private readonly ownersSeen = new Map<string, string>();
  private closedFrom = Infinity;
  private closedTo = -Infinity;
  private readonly decidingField: DealField;
  private readonly decidingColumn: number;
  /** Index of the last row that was not blank; the header row while there is none. */
  private lastNonBlank: number;
  /** Amounts and dates read the way their column is written (see ./columnFormats). */
  private readonly amountColumn: AmountColumn;
  private readonly createdColumn: DateColumn;
  private readonly closedColumn: DateColumn;
  /** Rows with a date held until its column decides: their class, close-date cell, dates held. */
  private readonly waiting = new Map<
    number,
    { row: number; kind: StageClass | undefined; closedCell: Cell | undefined; held: number }
  >();
  /** Whether a problem was reported after later rows' (a held date settled): sorted in table(). */
  private reportedLate = false;

  constructor(private readonly layout: RowLayout) {
    const { mapping, headerRow } = layout;
    this.decidingField = mapping.status !== undefined ? "status" : "stage";
    this.decidingColumn = mapping[this.decidingField] as number;
    this.ownerColumn = mapping.owner !== undefined ? [] : undefined;
    this.lastNonBlank = headerRow;
    this.overrides = overridesByKey(layout.stageClasses);
    const { dateFormat, inPlace } = layout;
    const rowNumber = (row: number) => layout.firstRowNumber + row;
    this.probabilityColumn = mapping.probability !== undefined ? [] : undefined;
    this.probabilities =
      mapping.probability !== undefined ? new ProbabilityColumn(inPlace) : undefined;
    this.currencyColumn = mapping.currency !== undefined ? [] : undefined;
    this.segmentColumn = layout.segment !== undefined ? [] : undefined;
    this.entryColumns = (layout.stageEntries ?? []).map((header) => {
      const dates: (number | null)[] = [];
      const reader = new DateColumn(
        "entered",
        (index, value) => (dates[index] = value),
        dateFormat,
        rowNumber,
        inPlace
      );
      return { header, dates, reader };
    });
    this.amountColumn = new AmountColumn((index, value) => {
      this.columns.amount[index] = value;
    }, inPlace);
    this.createdColumn = new DateColumn(
      "created",
      (index, value) => this.settleDate("created", index, value),
      dateFormat,
      rowNumber,
      inPlace
    );
    this.closedColumn = new DateColumn(
      "closed",
      (index, value) => this.settleDate("closed", index, value),
      dateFormat,
      rowNumber,
      inPlace
    );
  }

  /** Index of the last data row read that was not blank (the header row when none was). */
  get lastDataRow(): number {
    return this.lastNonBlank;
  }

  /**
   * Reads one data row. Rows come in order, starting right below the header row; a blank row keeps
   * its place as nulls, so that the columns line up with the sheet's rows.
   * @param cells The row's cells.
   * @param row Its index (0-based) in the grid or file.
   */
  read(cells: readonly Cell[] | undefined, row: number): void {
    const { columns, ownerColumn, layout } = this;
    if (isBlankRow(cells)) {
      columns.stage.push(null);
      columns.amount.push(null);
      columns.created.push(null);
      columns.closed.push(null);
      ownerColumn?.push(null);
      this.probabilityColumn?.push(null);
      this.currencyColumn?.push(null);
      this.segmentColumn?.push(null);
      for (const entry of this.entryColumns) entry.dates.push(null);
      return;
    }
    this.lastNonBlank = row;
    const line = cells as readonly Cell[];
    const { mapping } = layout;
    const index = columns.stage.length;
    const decidingCell = asCell(line[this.decidingColumn]);
    const amountCell = asCell(cellAt(line, mapping.amount));
    const createdCell = asCell(cellAt(line, mapping.created));
    const closedCell = asCell(cellAt(line, mapping.closed));
    const ownerCell = asCell(cellAt(line, mapping.owner));

    const stageReading = readLabel(decidingCell, this.decidingField);
    if (stageReading.error)
      stageReading.error = sayBoth(READER, (s) => s.leftOut, { reason: stageReading.error });
    const stage = this.take(row, this.decidingField, decidingCell, stageReading);
    const amount = this.take(
      row,
      "amount",
      amountCell,
      this.amountColumn.read(amountCell, index, row)
    );
    // A date whose column has not decided its day order yet is held (undefined), settled later.
    const createdReading = this.createdColumn.read(createdCell, index, row);
    const closedReading = this.closedColumn.read(closedCell, index, row);
    const created = this.take(row, "created", createdCell, createdReading);
    const closed = this.take(row, "closed", closedCell, closedReading);
    const owner = ownerColumn
      ? this.take(row, "owner", ownerCell, readLabel(ownerCell, "owner"))
      : null;
    this.readOptional(line, index, row);

    let kind: StageClass | undefined;
    let stageText: string | null = null;
    if (stage === null) {
      if (holdsNothing(decidingCell))
        this.report(
          row,
          this.decidingField,
          decidingCell,
          sayBoth(READER, (s) => s.blank, { field: fieldName(this.decidingField) })
        );
    } else {
      const value = this.stageValue(decidingCell as string | number);
      value.count++;
      kind = value.kind;
      stageText = value.text;
    }
    if (kind === "won" && amount === null && holdsNothing(amountCell))
      this.report(row, "amount", amountCell, WON_WITHOUT_AMOUNT, false);
    if (kind === "won" || kind === "lost") {
      if (closed !== null) {
        if (closed < this.closedFrom) this.closedFrom = closed;
        if (closed > this.closedTo) this.closedTo = closed;
      } else if (mapping.closed !== undefined && holdsNothing(closedCell)) {
        // An unreadable date was reported already, and a table without a close-date column shows in
        // its mapping: only a blank cell is reported here.
        this.report(row, "closed", closedCell, CLOSED_WITHOUT_DATE, false);
      }
    }
    if (kind === "won" && created !== null && closed !== null && closed < created)
      this.report(row, "closed", closedCell, closedBeforeCreated(closed, created));
    let ownerText = owner;
    if (owner !== null) {
      ownerText = this.ownersSeen.get(owner) ?? null;
      if (ownerText === null) {
        // Folding is costly and an export repeats a few owners on every row: once per spelling.
        ownerText = owner;
        this.ownersSeen.set(owner, owner);
        const key = foldText(owner);
        if (!this.owners.has(key)) this.owners.set(key, owner);
      }
    }

    const held = (createdReading ? 0 : 1) + (closedReading ? 0 : 1);
    if (held > 0) this.waiting.set(index, { row, kind, closedCell, held });

    columns.stage.push(stageText);
    columns.amount.push(amount);
    columns.created.push(created);
    columns.closed.push(closed);
    ownerColumn?.push(ownerText);
  }

  /**
   * Reads the optional columns of a row: its probability (held until the column is read whole), its
   * currency, its segment and the dates it entered each stage.
   */
  private readOptional(line: readonly Cell[], index: number, row: number): void {
    const { mapping, segment } = this.layout;
    if (this.probabilities && this.probabilityColumn) {
      const cell = asCell(cellAt(line, mapping.probability));
      this.probabilityColumn.push(null);
      this.take(row, "probability", cell, this.probabilities.read(cell, index, row));
    }
    if (this.currencyColumn) {
      const cell = asCell(cellAt(line, mapping.currency));
      this.currencyColumn.push(this.take(row, "currency", cell, readLabel(cell, "currency")));
    }
    if (this.segmentColumn && segment !== undefined) {
      // Any cell of the column names its segment, as written: a number, a logical, an error's code,
      // a date as its ISO day; blank cells are the blank segment.
      const cell = asCell(line[segment.column]);
      this.segmentColumn.push(
        holdsNothing(cell)
          ? null
          : cell instanceof Date
            ? cellText(cell).slice(0, 10)
            : cellText(cell)
      );
    }
    for (const entry of this.entryColumns) {
      const cell = asCell(line[entry.header.column]);
      entry.dates.push(null);
      const reading = entry.reader.read(cell, index, row);
      if (reading?.error) this.reportAt(row, undefined, entry.header.header, cell, reading.error);
      else if (reading) entry.dates[index] = reading.value;
    }
  }

  /**
   * The stage value of a stage cell: texts that spreadsheet criteria cannot tell apart (case aside)
   * are one value, written as first met and untrimmed, so that the KPI sheet's criteria count exactly
   * the rows counted here; its class comes from the person's overrides, else the default rules.
   */
  private stageValue(cell: string | number): StageValue {
    const raw = String(cell);
    let value = this.stagesSeen.get(raw);
    if (value) return value;
    const key = stageKey(raw);
    value = this.stageValues.get(key);
    if (!value) {
      const chosen = this.overrides.get(stageOverrideKey(raw));
      value = {
        text: raw,
        kind: chosen ?? classifyStage(raw),
        count: 0,
        by: chosen ? "user" : "rule",
      };
      this.stageValues.set(key, value);
    }
    this.stagesSeen.set(raw, value);
    return value;
  }

  /**
   * The table read, up to its last non-blank row.
   * @param headers The header row's texts, one per column of the whole grid.
   */
  table(headers: string[]): DealTable {
    const { columns, ownerColumn, layout } = this;
    // Blank rows below the last deal are not part of the table.
    this.settleHeld();
    const count = this.lastNonBlank - layout.headerRow;
    for (const column of [columns.stage, columns.amount, columns.created, columns.closed])
      column.length = count;
    if (ownerColumn) {
      ownerColumn.length = count;
      columns.owner = ownerColumn;
    }
    for (const [key, column] of [
      ["probability", this.probabilityColumn],
      ["currency", this.currencyColumn],
      ["segment", this.segmentColumn],
    ] as const)
      if (column) {
        column.length = count;
        (columns as unknown as Record<string, unknown>)[key] = column;
      }
    if (this.entryColumns.length)
      columns.stageEntries = this.entryColumns.map(({ header, dates }) => {
        dates.length = count;
        return { stage: header.stage, dates };
      });
    columns.stageClasses = new Map(
      Array.from(this.stageValues.values(), (value) => [value.text, value.kind])
    );
    return {
      headerRow: layout.headerRow,
      headers,
      mapping: layout.mapping,
      decidingColumn: this.decidingColumn,
      firstDataRow: layout.headerRow + 1,
      lastDataRow: this.lastNonBlank,
      columns,
      stageValues: [...this.stageValues.values()],
      owners: [...this.owners.values()],
      closedRange:
        this.closedFrom <= this.closedTo ? { from: this.closedFrom, to: this.closedTo } : null,
      problems: this.problems,
      unsure: [],
      stageEntries: [...(layout.stageEntries ?? [])],
      ...(layout.segment ? { segment: layout.segment } : {}),
    };
  }

  /** A cell's reading: the value, with the reason reported when it could not be read. */
  private take<T>(
    row: number,
    field: DealField,
    cell: Cell | undefined,
    reading: { value: T | null; error?: Text } | undefined
  ): T | null {
    if (!reading) return null; // held until its column decides
    if (reading.error) this.report(row, field, cell, reading.error);
    return reading.value;
  }

  /** Settles the amounts and dates still held once every row is read; reports undecided columns. */
  private settleHeld(): void {
    this.amountColumn.finish();
    const mixed = this.amountColumn.mixedMarks;
    if (mixed) {
      const { headers, mapping, firstRowNumber } = this.layout;
      const header = headers[mapping.amount as number] ?? "";
      this.report(
        mixed.other.row,
        "amount",
        mixed.other.text,
        AMOUNT_ERRORS.bothMarks(
          header,
          mixed.first.text,
          firstRowNumber + mixed.first.row,
          mixed.other.text
        ),
        false
      );
      this.reportedLate = true;
    }
    this.probabilities?.finish((index, row, value, problem) => {
      this.probabilityColumn![index] = value;
      if (problem) {
        this.reportAt(row, "probability", undefined, undefined, problem);
        this.reportedLate = true;
      }
    });
    // A person's Excel writes every date of a file one way: the first date column that shows the day
    // order decides it for the others, the stage-entry columns included.
    for (const entry of this.entryColumns) {
      this.closedColumn.adopt(entry.reader);
      this.createdColumn.adopt(entry.reader);
    }
    this.createdColumn.adopt(this.closedColumn);
    this.closedColumn.adopt(this.createdColumn);
    for (const entry of this.entryColumns) {
      entry.reader.adopt(this.closedColumn);
      entry.reader.adopt(this.createdColumn);
      const undecided = entry.reader.finish();
      if (!undecided) continue;
      this.reportAt(
        undecided.row,
        undefined,
        entry.header.header,
        undecided.text,
        DateColumn.undecidedMessage("entered", entry.header.header, undecided)
      );
      this.reportedLate = true;
    }
    for (const [field, column] of [
      ["created", this.createdColumn],
      ["closed", this.closedColumn],
    ] as const) {
      const undecided = column.finish();
      if (!undecided) continue;
      const { headers, mapping } = this.layout;
      const header = headers[mapping[field] as number] ?? "";
      this.report(
        undecided.row,
        field,
        undecided.text,
        DateColumn.undecidedMessage(field, header, undecided)
      );
      this.reportedLate = true;
    }
    if (this.reportedLate) {
      // Stable: the problems of a row keep their order, the late ones after the others.
      this.problems.sort((a, b) => a.row - b.row);
      this.reportedLate = false;
    }
  }

  /**
   * A held date, settled: into its column, and into what depends on it once the row's dates are all
   * known (the close-date range, a won deal closed before it was created).
   */
  private settleDate(field: "created" | "closed", index: number, value: number | null): void {
    const { columns } = this;
    columns[field][index] = value;
    const waiting = this.waiting.get(index);
    if (!waiting) return;
    const { kind } = waiting;
    if (field === "closed" && value !== null && (kind === "won" || kind === "lost")) {
      if (value < this.closedFrom) this.closedFrom = value;
      if (value > this.closedTo) this.closedTo = value;
    }
    if (--waiting.held > 0) return;
    this.waiting.delete(index);
    const created = columns.created[index];
    const closed = columns.closed[index];
    if (kind === "won" && created !== null && closed !== null && closed < created) {
      this.report(waiting.row, "closed", waiting.closedCell, closedBeforeCreated(closed, created));
      this.reportedLate = true;
    }
  }

  private report(
    row: number,
    field: DealField,
    cell: Cell | undefined,
    message: Text,
    withValue = true
  ): void {
    this.reportAt(row, field, undefined, withValue ? cell : undefined, message);
  }

  /**
   * Reports a cell of a field's column, or of a column that is no field (a stage-entry column) by
   * its header.
   */
  private reportAt(
    row: number,
    field: DealField | undefined,
    header: string | undefined,
    cell: Cell | undefined,
    message: Text
  ): void {
    const value = cellText(cell);
    const column =
      header ?? (field ? (this.layout.headers[this.layout.mapping[field] as number] ?? "") : "");
    this.problems.push({
      row: this.layout.firstRowNumber + row,
      ...(field ? { field } : {}),
      column,
      ...(value !== "" ? { value } : {}),
      message,
    });
  }
}

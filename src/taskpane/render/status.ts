/**
 * What the pane says: the data's status line, the reading progress, and the result line after a
 * build, a refresh or a failure. Messages are composed here from data; the pane decides when.
 */
import { type Language, fill, fillPlural } from "../../i18n";
import { PANE } from "../../i18n/strings/pane";

/** How a result reads: an error (red), a success (green) or plain. */
export type ResultKind = "error" | "success" | "";

/** Writes the result line: its text and its kind as a class. */
export function showResult(target: HTMLElement, text: string, kind: ResultKind = ""): void {
  target.textContent = text;
  target.className = `result ${kind}`;
}

/** The progress of a read: the bar's width and "Reading 500 of 2,000 rows…" in the language. */
export function showProgress(
  bar: HTMLElement,
  label: HTMLElement,
  done: number,
  total: number,
  language: Language
): void {
  bar.style.width = `${Math.round((done / total) * 100)}%`;
  label.textContent = fill(PANE[language].reading, { done, total }, language);
}

/** The status line of data read: "250 rows from Sheet1!A1:G251". */
export function rowCountText(rows: number, address: string, language: Language): string {
  return fillPlural(PANE[language].rows, { count: rows, address }, language);
}

/** The status line of data whose columns the reader could not find. */
export function rowsUnreadText(address: string, language: Language): string {
  return fill(PANE[language].rowsUnread, { address }, language);
}

/** Nothing was changed, and why. */
export function failedText(reason: string, language: Language): string {
  return fill(PANE[language].failed, { reason }, language);
}

/** The reader found no stage or amount column: the person picks them, and why. */
export function pickColumnsText(reason: string, language: Language): string {
  return fill(PANE[language].pickColumns, { reason }, language);
}

/** The sheet built, with its count of named KPI cells. */
export function builtText(sheet: string, names: number, language: Language): string {
  return fillPlural(PANE[language].built, { count: names, sheet }, language);
}

/** The button that shows the sheet built. */
export function goToText(sheet: string, language: Language): string {
  return fill(PANE[language].goTo, { sheet }, language);
}

/** A sheet on an Excel table follows the table: no Refresh needed. */
export function followsText(table: string, language: Language): string {
  return fill(PANE[language].followsTable, { table }, language);
}

/** What a refresh found: the data's rows before and after, and stage values and owners new to the sheet. */
export interface RefreshChange {
  /** Sheet rows of the data before and after, as the person sees them: "2-251". */
  from: string;
  to: string;
  /** Data rows before and after. */
  before: number;
  after: number;
  /** Stage values not on the sheet's stage list, as written. */
  newStages: readonly string[];
  /** Owners not in the sheet's owner table (empty when the sheet has none). */
  newOwners: readonly string[];
}

/**
 * What a refresh says: "Rows 2-5 → 2-7: 2 rows added.", then the stage values (quoted, as spaces
 * matter to the criteria) and owners the sheet does not list yet.
 */
export function refreshText(change: RefreshChange, language: Language): string {
  const t = PANE[language];
  const { before, after } = change;
  const rows =
    after > before
      ? fillPlural(t.rowsAdded, { count: after - before }, language)
      : after < before
        ? fillPlural(t.rowsRemoved, { count: before - after }, language)
        : t.rowsSame;
  const lines = [fill(t.refreshed, { from: change.from, to: change.to, change: rows }, language)];
  if (change.newStages.length)
    lines.push(
      fill(
        t.newStages,
        { stages: change.newStages.map((text) => JSON.stringify(text)).join(", ") },
        language
      )
    );
  if (change.newOwners.length)
    lines.push(fill(t.newOwners, { owners: change.newOwners.join(", ") }, language));
  return lines.join(" ");
}

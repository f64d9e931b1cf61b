/** The mapping table: one drop-down of the header row's columns per deal field. */
import { type Language, fill } from "../../i18n";
import { PANE } from "../../i18n/strings/pane";
import { type ColumnMapping, DEAL_FIELDS, type DealField } from "../../reader/types";
import { element, headerRow } from "./dom";

/* global HTMLTableRowElement */

/** The person's choice of column for a field: a column index, or null for none. */
export type ColumnOverrides = Partial<Record<DealField, number | null>>;

/** What the mapping table shows: the header row and the columns detection and the person chose. */
export interface MappingView {
  headers: readonly string[];
  /** The columns detection (or the reader with the person's choices) mapped. */
  mapping: ColumnMapping;
  /** The person's own choices, which win over detection. */
  overrides: ColumnOverrides;
  /** Fields detection was unsure about: they say "check" until the person picks a column. */
  unsure: readonly DealField[];
}

/**
 * The rows of the mapping table: a header row, then per field its name (with "check" where detection
 * was unsure) and a drop-down of "(none)" and every column, the chosen one selected. An untitled
 * column is offered by its position ("Column 3").
 * @param onChange Called with the field and the column picked (null for none).
 */
export function mappingRows(
  view: MappingView,
  language: Language,
  onChange: (field: DealField, column: number | null) => void
): HTMLTableRowElement[] {
  const t = PANE[language];
  const unsure = new Set(view.unsure);
  const rows = DEAL_FIELDS.map((field) => {
    const label = element("td", t.fields[field]);
    if (unsure.has(field) && view.overrides[field] === undefined) {
      const check = element("span", t.check, "check");
      check.dataset.unsure = field;
      check.title = t.checkHint;
      label.append(" ", check);
    }
    const select = element("select", undefined, "select");
    select.dataset.field = field;
    select.setAttribute("aria-label", t.fields[field]);
    select.append(
      new Option(t.none, ""),
      ...view.headers.map(
        (header, i) =>
          // The position as a plain column number, not a grouped quantity.
          new Option(
            header || fill(t.unnamedColumn, { number: String(i + 1) }, language),
            String(i)
          )
      )
    );
    const chosen = field in view.overrides ? view.overrides[field] : view.mapping[field];
    select.value = chosen === undefined || chosen === null ? "" : String(chosen);
    select.addEventListener("change", () =>
      onChange(field, select.value === "" ? null : Number(select.value))
    );
    const cell = element("td");
    cell.append(select);
    const row = element("tr");
    row.append(label, cell);
    return row;
  });
  return [headerRow([t.field, t.column]), ...rows];
}

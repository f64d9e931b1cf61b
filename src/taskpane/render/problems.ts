/** The problems list: the cells the reader could not read, each a button that selects its row. */
import { type Language, fill, fillPlural } from "../../i18n";
import { PANE } from "../../i18n/strings/pane";
import type { ReadProblem } from "../../reader/types";

/* global HTMLLIElement */

/** Problems listed at most: the summary counts them all; a longer list would only be scrolled past. */
export const PROBLEMS_SHOWN = 200;

/** The line above the list: how many cells could not be read ("3 cells could not be read…"). */
export function problemsSummary(count: number, language: Language): string {
  const t = PANE[language];
  return count === 0 ? t.problemsNone : fillPlural(t.problems, { count }, language);
}

/**
 * The list's items, the first PROBLEMS_SHOWN problems: "Row 6: …", each a button carrying its sheet
 * row in data-row.
 * @param onSelect Called with the problem's sheet row when its button is clicked.
 */
export function problemItems(
  problems: readonly ReadProblem[],
  language: Language,
  onSelect: (row: number) => void
): HTMLLIElement[] {
  const t = PANE[language];
  return problems.slice(0, PROBLEMS_SHOWN).map((problem) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.row = String(problem.row);
    // A sheet row is a position, written as Excel's row headers write it (no grouping).
    button.textContent = fill(
      t.problemRow,
      { row: String(problem.row), message: problem.message[language] },
      language
    );
    button.addEventListener("click", () => onSelect(problem.row));
    const item = document.createElement("li");
    item.append(button);
    return item;
  });
}

/** The pane's fixed words: headings, hints, labels and buttons of the page, and the table picker. */
import type { Language } from "../../i18n";
import { PANE } from "../../i18n/strings/pane";
import { helpPageName } from "../../tools/metadata";

/* global Document, HTMLOptionElement */

/** The text of each fixed element of taskpane.html, by its id. */
export function pageTexts(language: Language): Record<string, string> {
  const t = PANE[language];
  return {
    title: t.title,
    "data-heading": t.dataHeading,
    "data-hint": t.dataHint,
    "use-selection": t.useSelection,
    cancel: t.cancel,
    "mapping-heading": t.mappingHeading,
    "stages-heading": t.stagesHeading,
    "stages-hint": t.stagesHint,
    refresh: t.refresh,
    "preview-heading": t.previewHeading,
    "options-heading": t.optionsHeading,
    "period-from-label": t.periodFrom,
    "period-to-label": t.periodTo,
    "target-label": t.target,
    "preset-label": t.preset,
    "preset-checklist": t.presetChecklist,
    "preset-all": t.presetAll,
    "grain-label": t.grain,
    "grain-month": t.month,
    "grain-quarter": t.quarter,
    "segment-by-label": t.segmentBy,
    "currency-label": t.currency,
    "formulas-label": t.formulas,
    "mode-live-label": t.live,
    "mode-portable-label": t.portable,
    "sections-label": t.sections,
    "section-period-label": t.byPeriod,
    "section-owner-label": t.byOwner,
    "section-stage-label": t.byStage,
    "section-charts-label": t.charts,
    "build-sheet": t.buildSheet,
    "new-workbook": t.newWorkbook,
    "help-link": t.helpLink,
  };
}

/**
 * Writes the page's fixed words in a language: every element pageTexts names, the document's
 * language and title, the table picker's label and the help link's page (help-tr.html in Turkish).
 */
export function applyPageTexts(page: Document, language: Language): void {
  const t = PANE[language];
  page.documentElement.lang = language;
  page.title = t.title;
  const byId = (id: string) => {
    const found = page.getElementById(id);
    if (!found) throw new Error(`taskpane.html has no element #${id}`);
    return found;
  };
  for (const [id, text] of Object.entries(pageTexts(language))) byId(id).textContent = text;
  byId("table-select").setAttribute("aria-label", t.tableLabel);
  byId("help-link").setAttribute("href", helpPageName(language));
}

/** The table picker's options: a prompt, then the workbook's tables by name. */
export function tableOptions(names: readonly string[], language: Language): HTMLOptionElement[] {
  return [
    new Option(PANE[language].tablePlaceholder, ""),
    ...names.map((name) => new Option(name, name)),
  ];
}

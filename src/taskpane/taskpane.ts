/**
 * The task pane: for now a guide to the KPI functions, in Excel's display language, with a filter.
 * Text is always set with textContent, never parsed as HTML.
 */
import { CATALOG, CATEGORIES, type MetricEntry } from "../engine";
import { labelLanguage } from "../functions/bridge";
import { helpPageName } from "../tools/metadata";
import { syntax } from "../tools/reference";

/* global Office */

type Language = "en" | "tr";

const STRINGS: Record<Language, Record<"intro" | "filter" | "help", string>> = {
  en: {
    intro:
      "Type =KPI. in a cell to use a function. Ranges work everywhere: give a column and the answer spills.",
    filter: "Find a function",
    help: "Function reference",
  },
  tr: {
    intro:
      "Bir işlevi kullanmak için hücreye =KPI. yazın. Aralıklar her yerde çalışır: bir sütun verin, sonuç taşar.",
    filter: "İşlev bul",
    help: "İşlev başvurusu",
  },
};

function element(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

function render(language: Language, filter: string): void {
  const list = document.getElementById("functions")!;
  list.replaceChildren();
  const needle = filter.trim().toLowerCase();
  const matches = (entry: MetricEntry) =>
    !needle ||
    [entry.id, entry.trName, entry.title[language], entry.description[language]].some((text) =>
      text.toLowerCase().includes(needle)
    );
  let category = "";
  for (const entry of CATALOG.filter(matches)) {
    if (entry.category !== category) {
      category = entry.category;
      list.append(element("div", "category", CATEGORIES[entry.category][language]));
    }
    const item = element("div", "function", "");
    item.setAttribute("role", "listitem");
    item.append(element("strong", "", entry.title[language]), document.createElement("br"));
    item.append(
      element("code", "", syntax(entry, language)),
      element("p", "", entry.description[language])
    );
    list.append(item);
  }
}

function start(language: Language): void {
  const strings = STRINGS[language];
  document.documentElement.lang = language;
  document.getElementById("intro")!.textContent = strings.intro;
  document.getElementById("filter-label")!.textContent = strings.filter;
  const help = document.getElementById("help-link") as HTMLAnchorElement;
  help.textContent = strings.help;
  help.href = helpPageName(language);
  const filter = document.getElementById("filter") as HTMLInputElement;
  filter.addEventListener("input", () => render(language, filter.value));
  render(language, "");
}

Office.onReady(() => start(labelLanguage(Office.context?.displayLanguage)));

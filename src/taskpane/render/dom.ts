/**
 * The few DOM helpers the pane's renderers share. Text from the workbook (headers, stage values,
 * problem messages) is only ever set as textContent or an attribute, never parsed as HTML.
 */

/* global HTMLElementTagNameMap, HTMLTableRowElement, DocumentFragment */

/** A new element with its text and class; text goes in as textContent. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className) created.className = className;
  return created;
}

/** A table's header row: one th per text. */
export function headerRow(texts: readonly string[]): HTMLTableRowElement {
  const row = element("tr");
  row.append(...texts.map((text) => element("th", text)));
  return row;
}

/**
 * A text whose leading and trailing spaces are shown, each as ␣ in a marked span: Excel's criteria
 * tell "Won " from "Won", so the person must see the difference.
 */
export function visibleText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const spaces = (run: string) => element("span", "␣".repeat(run.length), "space-mark");
  if (match[1]) fragment.append(spaces(match[1]));
  fragment.append(document.createTextNode(match[2]));
  if (match[3]) fragment.append(spaces(match[3]));
  return fragment;
}

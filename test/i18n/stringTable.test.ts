/**
 * The string table speaks both languages everywhere: every section has the same keys in English and
 * Turkish, the same placeholders, both plural forms, no empty text; every catalog entry's text too.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { CATALOG, isRangeParam } from "../../src/engine";
import { LANGUAGES, type Text, placeholdersOf } from "../../src/i18n";
import { SECTIONS, type Section } from "../../src/i18n/table";

const STRINGS_DIR = join(__dirname, "../../src/i18n/strings");

// Every section file registers itself when loaded: load them all.
for (const file of readdirSync(STRINGS_DIR).filter((name) => name.endsWith(".ts")))
  require(join(STRINGS_DIR, file));

/** Every leaf of a tree of strings, by its dotted path. */
function leaves(tree: unknown, path = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof tree !== "object" || tree === null) {
    found.set(path, tree);
    return found;
  }
  for (const [key, value] of Object.entries(tree))
    for (const [leaf, text] of leaves(value, path ? `${path}.${key}` : key)) found.set(leaf, text);
  return found;
}

/** What a difference between the languages of one section is, for the failure message. */
export function differences(section: Section<unknown>): string[] {
  const found: string[] = [];
  const [first, second] = LANGUAGES.map((language) => leaves(section[language]));
  for (const [path] of first) if (!second.has(path)) found.push(`${path}: missing in tr`);
  for (const [path] of second) if (!first.has(path)) found.push(`${path}: missing in en`);
  // A plural's forms may differ in their placeholders ("1 cell" leaves {count} out), so the
  // placeholders of each plural are compared as the union of its forms, per language.
  const pluralPlaceholders = new Map<string, [Set<string>, Set<string>]>();
  for (const [path, en] of first) {
    const tr = second.get(path);
    if (typeof en !== "string" || typeof tr !== "string") {
      if (second.has(path)) found.push(`${path}: not text`);
      continue;
    }
    if (!en.trim() || !tr.trim()) found.push(`${path}: empty`);
    const group = path.replace(/\.(one|other)$/, "");
    if (group !== path) {
      const sets = pluralPlaceholders.get(group) ?? [new Set<string>(), new Set<string>()];
      placeholdersOf(en).forEach((name) => sets[0].add(name));
      placeholdersOf(tr).forEach((name) => sets[1].add(name));
      pluralPlaceholders.set(group, sets);
    } else if (placeholdersOf(en).join() !== placeholdersOf(tr).join())
      found.push(`${path}: placeholders ${placeholdersOf(en)} in en, ${placeholdersOf(tr)} in tr`);
  }
  for (const [group, [en, tr]] of pluralPlaceholders) {
    const [enNames, trNames] = [[...en].sort().join(), [...tr].sort().join()];
    if (enNames !== trNames)
      found.push(`${group}: placeholders ${enNames} in en, ${trNames} in tr`);
  }
  return found;
}

describe("the string table", () => {
  const names = Object.keys(SECTIONS);

  it("has sections", () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)(
    "section %s has every key, placeholder and plural form in both languages",
    (name) => {
      expect(differences(SECTIONS[name])).toEqual([]);
    }
  );

  it("fails for a string present in one language only", () => {
    const broken = {
      en: {
        title: "Sales KPIs",
        rows: "{rows} rows",
        cells: { one: "{count} cell", other: "{count} cells" },
      },
      tr: { title: "Satış KPI'ları", cells: { one: "{count} hücre", other: "{count} hücre" } },
    } as unknown as Section<unknown>;
    expect(differences(broken)).toEqual(["rows: missing in tr"]);
    const misplaced = {
      en: { rows: "{rows} rows from {address}" },
      tr: { rows: "{rows} satır" },
    } as unknown as Section<unknown>;
    expect(differences(misplaced)).toEqual(["rows: placeholders address,rows in en, rows in tr"]);
    const pluralLost = {
      en: { added: { one: "the sheet {sheets}", other: "the sheets {sheets}" } },
      tr: { added: { one: "sayfa", other: "sayfalar" } },
    } as unknown as Section<unknown>;
    expect(differences(pluralLost)).toEqual(["added: placeholders sheets in en,  in tr"]);
  });
});

describe("the catalog's text", () => {
  const texts: [string, Text | undefined][] = CATALOG.flatMap((entry) => [
    [`${entry.id} title`, entry.title],
    [`${entry.id} description`, entry.description],
    [`${entry.id} note`, entry.note],
    ...entry.params.map(
      (param) => [`${entry.id} ${param.name}`, param.description] as [string, Text]
    ),
    ...entry.params
      .filter((param) => !isRangeParam(param))
      .map(
        (param) =>
          [`${entry.id} ${param.name} (name)`, { en: param.name, tr: param.trName }] as [
            string,
            Text,
          ]
      ),
  ]);

  it.each(texts.filter(([, text]) => text !== undefined))(
    "%s is written in both languages",
    (_, text) => {
      expect(text!.en.trim()).not.toBe("");
      expect(text!.tr.trim()).not.toBe("");
    }
  );
});

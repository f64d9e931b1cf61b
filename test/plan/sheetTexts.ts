/**
 * The texts a person reads on a planned or written sheet (cell values, the text inside formulas,
 * status rules, chart titles, sheet names), each with where it is, and the comparison that finds the
 * English left in a Turkish sheet: the same place on the English sheet planned from the same data
 * must not share a word with it, apart from a few words that are the same in both languages and the
 * data's own words (stage names, owners, the source's name).
 */
import type ExcelJS from "exceljs";
import { cellAddress } from "../../src/plan/a1";
import type { SheetPlan } from "../../src/plan/types";

/** A text on a sheet, and where: "KPI!B12", "KPI!B12 literal 2", "KPI chart 1 title". */
export interface SheetText {
  where: string;
  text: string;
}

/**
 * Words that are the same in English and Turkish on the KPI sheet: the abbreviations Turkish sales
 * teams use as they are (KPI, CAC, CLTV, LTV), "net" (a Turkish word too), and "churn", which the
 * catalog's Turkish title gives in brackets after its Turkish term.
 */
export const SAME_IN_BOTH = new Set(["kpi", "cac", "cltv", "ltv", "net", "churn"]);

/** The words of a text: runs of two letters or more, lower-cased. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}{2,}/gu) ?? [];

/** The string literals of a formula, unescaped ("" inside a literal is one "). */
export function formulaLiterals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1].replace(/""/g, '"'));
}

/** A formula's literals as texts of its cell. */
function literalTexts(where: string, formula: string): SheetText[] {
  return formulaLiterals(formula).map((text, i) => ({ where: `${where} literal ${i}`, text }));
}

/** Every text of a plan's sheets. */
export function planTexts(plan: SheetPlan): SheetText[] {
  const texts: SheetText[] = [];
  plan.sheets.forEach((sheet, s) => {
    texts.push({ where: `sheet ${s + 1}`, text: sheet.name });
    for (const block of sheet.blocks)
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const where = `${s + 1}!${cellAddress(block.row + r, block.col + c)}`;
          if (typeof cell.value === "string") texts.push({ where, text: cell.value });
          if (cell.formula !== undefined) texts.push(...literalTexts(where, cell.formula));
        })
      );
    sheet.conditionalFormats.forEach((format, f) =>
      format.rules.forEach((rule, r) =>
        texts.push({ where: `${s + 1} rule ${f}.${r}`, text: rule.equals })
      )
    );
    sheet.charts.forEach((chart, c) => {
      texts.push({ where: `${s + 1} chart ${c} title`, text: chart.title });
      texts.push({ where: `${s + 1} chart ${c} series`, text: chart.seriesName });
      (chart.moreSeriesNames ?? []).forEach((name, n) =>
        texts.push({ where: `${s + 1} chart ${c} series ${n + 2}`, text: name })
      );
    });
  });
  return texts;
}

/** Every text of a workbook read back, the cells of the sheets named in `dataSheets` aside. */
export function workbookTexts(workbook: ExcelJS.Workbook, dataSheets: number[]): SheetText[] {
  const texts: SheetText[] = [];
  workbook.worksheets.forEach((sheet, s) => {
    texts.push({ where: `sheet ${s + 1}`, text: sheet.name });
    if (dataSheets.includes(s)) return;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const where = `${s + 1}!${cell.address}`;
        if (typeof cell.value === "string") texts.push({ where, text: cell.value });
        if (cell.formula) texts.push(...literalTexts(where, cell.formula));
      })
    );
    const formats = (
      sheet as unknown as { conditionalFormattings: { rules: { text?: string }[] }[] }
    ).conditionalFormattings;
    formats.forEach((format, f) =>
      format.rules.forEach((rule, r) => {
        if (rule.text) texts.push({ where: `${s + 1} rule ${f}.${r}`, text: rule.text });
      })
    );
  });
  return texts;
}

/**
 * Where the Turkish texts keep English: a text with no counterpart at the same place, or one that
 * shares a word with its English counterpart. Texts that are the data's (`dataValues`) are skipped;
 * the data's words (`dataWords`) may appear in both.
 */
export function englishLeft(
  english: SheetText[],
  turkish: SheetText[],
  dataValues: Set<string>,
  dataWords: Set<string>
): string[] {
  const at = new Map(english.map((text) => [text.where, text.text]));
  const problems: string[] = [];
  if (english.length !== turkish.length)
    problems.push(`${english.length} texts in English, ${turkish.length} in Turkish`);
  for (const { where, text } of turkish) {
    const en = at.get(where);
    if (en === undefined) {
      problems.push(`${where}: "${text}" has no English counterpart`);
      continue;
    }
    if (dataValues.has(text) && dataValues.has(en)) continue;
    const englishWords = new Set(wordsOf(en));
    const shared = wordsOf(text).filter(
      (word) => englishWords.has(word) && !SAME_IN_BOTH.has(word) && !dataWords.has(word)
    );
    if (shared.length) problems.push(`${where}: "${text}" keeps "${shared.join(" ")}" of "${en}"`);
  }
  return problems;
}

/** The words of the data's texts. */
export function dataWordsOf(values: Iterable<string>): Set<string> {
  return new Set([...values].flatMap(wordsOf));
}

/**
 * Structured references (CrmDeals[Amount], CrmDeals[[Close Date]], CrmDeals['#Deals]) in the formulas
 * of defined names. HyperFormula has none, so the workbook hands it each name with these references
 * resolved to the table's current rows, and resolves them again whenever a table grows, shrinks, is
 * renamed or deleted: the name then follows the table as it does in Excel.
 *
 * The syntax follows "Using structured references with Excel tables":
 * https://learn.microsoft.com/en-us/office/vba/excel/concepts/cells-and-ranges/using-structured-references-with-excel-tables
 * - a column specifier is in brackets after the table name; a header with special characters other
 *   than spaces is in a second pair of brackets (Table[[Total $]]);
 * - ' escapes the next character: [ ] # and ' itself ("Table['#Items]");
 * - #All, #Data, #Headers are special items (an unescaped # starts one); #Data is the default.
 */

/** One structured reference found in a formula. */
export interface StructuredRef {
  table: string;
  /** The column's header (unescaped), or undefined for the whole table. */
  column?: string;
  /** A special item: "All", "Data" or "Headers"; undefined with a column (its data rows). */
  item?: "All" | "Data" | "Headers";
}

const NAME_START = /[\p{L}_\\]/u;
const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;

/** Reads a bracketed specifier from `start` (at "["), honouring ' escapes; returns its text and end. */
function readBracket(formula: string, start: number): { text: string; end: number } | undefined {
  let text = "";
  for (let i = start + 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'" && i + 1 < formula.length) {
      text += formula[++i];
      continue;
    }
    if (ch === "]") return { text, end: i + 1 };
    if (ch === "[") return undefined;
    text += ch;
  }
  return undefined;
}

/** The specifier after a table name, at `start` ("["): a column or a special item, and its end. */
function readSpecifier(
  formula: string,
  start: number
): { ref: Omit<StructuredRef, "table">; end: number } | undefined {
  if (formula[start + 1] === "[") {
    const inner = readBracket(formula, start + 1);
    if (!inner || formula[inner.end] !== "]") return undefined;
    return {
      ref: specifier(formula.slice(start + 2, inner.end - 1), inner.text),
      end: inner.end + 1,
    };
  }
  const single = readBracket(formula, start);
  if (!single) return undefined;
  return { ref: specifier(formula.slice(start + 1, single.end - 1), single.text), end: single.end };
}

function specifier(raw: string, text: string): Omit<StructuredRef, "table"> {
  // An unescaped # starts a special item; an escaped one is part of a header.
  if (raw.startsWith("#")) {
    const item = raw.slice(1).toLowerCase();
    if (item === "all") return { item: "All" };
    if (item === "headers") return { item: "Headers" };
    if (item === "data") return { item: "Data" };
  }
  return { column: text };
}

/**
 * Rewrites each structured reference to a table (`isTable` says which names are tables) with what
 * `replace` returns for it; string literals and quoted sheet names are left alone.
 * @example mapStructuredRefs("=SUM(T[A])", (n) => n === "T", () => "'S'!$A$2:$A$9") // "=SUM('S'!$A$2:$A$9)"
 */
export function mapStructuredRefs(
  formula: string,
  isTable: (name: string) => boolean,
  replace: (ref: StructuredRef) => string
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name, with its quotes doubled inside.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const previous = formula[i - 1];
    if (NAME_START.test(ch) && !(previous && (NAME_CHAR.test(previous) || previous === "!"))) {
      let j = i + 1;
      while (j < formula.length && NAME_CHAR.test(formula[j])) j++;
      const name = formula.slice(i, j);
      if (formula[j] === "[" && isTable(name)) {
        const spec = readSpecifier(formula, j);
        if (spec) {
          out += replace({ table: name, ...spec.ref });
          i = spec.end;
          continue;
        }
      }
      out += name;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Whether a formula holds a structured reference to one of the tables. */
export function hasStructuredRefs(formula: string, isTable: (name: string) => boolean): boolean {
  let found = false;
  mapStructuredRefs(formula, isTable, () => {
    found = true;
    return "";
  });
  return found;
}

/**
 * Every word a person sees comes from the string table: a string literal of the add-in's source that
 * reads as prose ("Could not read", "Won") outside `src/i18n/` and the catalog's bilingual entries
 * fails this test. Literals that are data, not text for people (header spellings of CRM exports,
 * Excel's own function names, a sample data set), are left out by file or by context, each with why.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "../..");
const SOURCE = path.join(ROOT, "src");

/** Files whose literals are data about the world, not words the add-in says, with the reason. */
const DATA_FILES: Record<string, string> = {
  "reader/headers.ts": "the header spellings CRM exports use, which detection matches",
  "engine/stageWords.ts": "the stage spellings CRMs use, which classification matches",
  "tools/sampleDeals.ts": "the sample CRM export's own rows (names, stages), data to read",
  "tools/validateManifest.ts": "a build tool's messages to the developer, in English",
  "tools/officeJs.ts": "a build tool's settings",
  "tools/generate-docs.ts": "a build tool's log line",
  "tools/customFunctionPayload.ts":
    "a test and benchmark tool's formula parser, read by developers",
};

/** Folders that are the string table itself, or speak both languages by construction. */
const TABLE_FOLDERS = ["i18n/", "engine/catalog/"];

/** Prose: two words of letters in a row, or one capitalised word alone ("Won", "Müşteri"). */
const PROSE = /\p{L}{2,}[ ,:;.'’-]+\p{L}{2,}|^\p{Lu}\p{Ll}+$/u;

/**
 * Words of Excel's object model, not of the add-in: the number format "General" (the same in every
 * Excel), values of Excel.ConditionalFormatColorCriterionType and Excel.ChartSeriesBy.
 */
const EXCEL_TOKENS = new Set(["General", "Percentile", "Rows", "Columns"]);

/** Literals that are code, not words: CSS, HTML markup, formulas, format codes, paths. */
function isCode(text: string): boolean {
  return (
    EXCEL_TOKENS.has(text) ||
    /^[=#.@/<]/.test(text) || // a formula, an error code, a selector, a path, markup
    /^(-\w, )?--[a-z][\w-]*( <\w+>| \[\w+\])?$/.test(text) || // an option's flags: "--map <field=header>"
    /^[a-z][\w-]*$/.test(text) || // an id, an event's name, a lower-case key
    /^[a-z]\w*-[\w-]+(\s+[a-z]\w*-[\w-]+)+$/.test(text) || // a class list: "kpi-value status-met"
    /^[\w$.]+\(|^[A-Z_]+$/.test(text) || // a function call, a constant's name
    /^[A-Za-z_$][\w$]*(\.[\w$]+)+$/.test(text) || // a dotted name: Office.Setting, KPI.WIN_RATE
    /^[a-z][a-z+.-]*:\/\/\S+$/.test(text) || // a URI: an XML namespace, a relationship type
    /^[a-z]+\/[\w.+-]+$/.test(text) || // a MIME type: application/vnd…drawing+xml
    /^[\w-]+(\/[\w-]+)*\/[\w-]+\.\w+$/.test(text) // a path in a package: xl/workbook.xml
  );
}

/** Whether a literal sits where its text is not shown: a key, a type, a module, an error for developers. */
function isExempt(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  if (ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent)) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && /=/.test(parent.operatorToken.getText())) return true;
  // new Error("...") marks a broken invariant, for the developer who reads the stack trace.
  for (let up: ts.Node | undefined = parent; up; up = up.parent) {
    if (ts.isNewExpression(up) && /^(Error|TypeError|RangeError)$/.test(up.expression.getText()))
      return true;
    if (ts.isCallExpression(up) && /^console\./.test(up.expression.getText())) return true;
    if (ts.isStatement(up)) break;
  }
  return false;
}

/** Text of a literal: a string, a template without substitutions, or the parts of a template. */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return [];
}

/** Every prose literal of a source file, as "file:line text". */
function strayText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const texts = literalTexts(node);
    if (texts.length > 0 && !isExempt(node)) {
      // Markup is judged as a whole: the text between its tags comes from the table.
      const markup = texts[0].trimStart().startsWith("<");
      const prose = markup
        ? []
        : texts.filter((text) => PROSE.test(text.trim()) && !isCode(text.trim()));
      if (prose.length > 0) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${path.relative(SOURCE, file)}:${line} ${JSON.stringify(texts.join("…"))}`);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("text outside the string table", () => {
  const files = sourceFiles(SOURCE).filter((file) => {
    const relative = path.relative(SOURCE, file).split(path.sep).join("/");
    return (
      !(relative in DATA_FILES) && !TABLE_FOLDERS.some((folder) => relative.startsWith(folder))
    );
  });

  it("is found by the scan (a literal put in a source file fails it)", () => {
    const probe = path.join(ROOT, "test/i18n/fixtures/strayText.ts");
    expect(strayText(probe).map((line) => line.replace(/^.*?:/, ""))).toEqual([
      '4 "Could not read the file"',
      '5 "Won"',
    ]);
  });

  it("is nowhere in the add-in's source", () => {
    expect(files.flatMap(strayText)).toEqual([]);
  });
});

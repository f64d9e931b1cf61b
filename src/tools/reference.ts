/**
 * The function reference, generated from the catalog: a Markdown page for the repository's docs and
 * an HTML help page per language that ships with the add-in (each function's helpUrl points into it).
 */
import {
  type Arg,
  CATALOG,
  CATEGORIES,
  type CategoryId,
  type ErrorCode,
  type Example,
  KpiError,
  type MetricEntry,
  type Text,
  isRangeParam,
} from "../engine";
import { plainNumber, textOf } from "../i18n";
import { REASONS } from "../i18n/strings/reasons";
import { REFERENCE } from "../i18n/strings/reference";
import { type Language, functionName } from "./metadata";

/** When each error code appears, in each language. */
const GENERIC_ERRORS: [ErrorCode, Text][] = [
  ["#N/A", textOf(REFERENCE, (s) => s.whenBlank)],
  ["#VALUE!", textOf(REFERENCE, (s) => s.whenText)],
  ["#NUM!", textOf(REFERENCE, (s) => s.whenOutOfDomain)],
  ["#DIV/0!", textOf(REFERENCE, (s) => s.whenZero)],
];

/** An error code by the name the language's Excel shows (#YOK for #N/A in Turkish). */
function errorName(code: ErrorCode, language: Language): string {
  return REASONS[language].errorCodes[code];
}

/** Significant digits of the reference's numbers: 0.25, not 0.25000000000000006. */
const DIGITS = 12;

/**
 * An argument as typed in a formula of the language's Excel: arrays as array constants (left as
 * written in English), text in quotes, error values by their local names.
 */
export function formatArg(arg: Arg, language: Language = "en"): string {
  if (Array.isArray(arg))
    return `{${arg.map((row) => row.map((cell) => formatArg(cell)).join(",")).join(";")}}`;
  if (arg === null) return "";
  if (arg instanceof KpiError) return errorName(arg.code, language);
  if (typeof arg === "string") return JSON.stringify(arg);
  return typeof arg === "number" ? plainNumber(arg, language, DIGITS) : String(arg);
}

function formatExpect(expect: Example["expect"], entry: MetricEntry, language: Language): string {
  if (typeof expect === "string") return errorName(expect, language);
  if (typeof expect === "number") {
    const shown = plainNumber(expect, language, DIGITS);
    if (entry.unit !== "rate") return shown;
    const percent = plainNumber(expect * 100, language, DIGITS);
    return `${shown} (${language === "tr" ? `%${percent}` : `${percent}%`})`;
  }
  return expect
    .map((row) =>
      row
        .map((cell) => (typeof cell === "number" ? plainNumber(cell, language, 10) : String(cell)))
        .join(": ")
    )
    .join("; ");
}

/** The call as a person types it: =KPI.NAME(param, [optional]). */
export function syntax(entry: MetricEntry, language: Language): string {
  const names = entry.params.map((param) => {
    const name = language === "en" ? param.name : param.trName;
    return param.optional ? `[${name}]` : name;
  });
  return `=KPI.${functionName(entry, language)}(${names.join(language === "tr" ? "; " : ", ")})`;
}

/** The errors a function can give: #N/A and #VALUE! always, the others where its examples show them. */
function errorsOf(entry: MetricEntry): [ErrorCode, Text][] {
  const codes = new Set<unknown>([
    "#N/A",
    "#VALUE!",
    ...entry.examples.map((example) => example.expect),
  ]);
  return GENERIC_ERRORS.filter(([code]) => codes.has(code));
}

function byCategory(): [CategoryId, MetricEntry[]][] {
  const groups = new Map<CategoryId, MetricEntry[]>();
  for (const entry of CATALOG)
    groups.set(entry.category, [...(groups.get(entry.category) ?? []), entry]);
  return [...groups.entries()];
}

/**
 * The Markdown reference in a language: each function's names in both Excels side by side, its
 * definition, parameters, examples and errors.
 */
export function renderMarkdown(language: Language = "en"): string {
  const l = REFERENCE[language];
  const other: Language = language === "en" ? "tr" : "en";
  const lines: string[] = [
    `# ${l.markdownTitle}`,
    "",
    l.generated,
    l.intro,
    "",
    `| ${l.errorColumn} | ${l.whenColumn} |`,
    "|---|---|",
    ...GENERIC_ERRORS.map(
      ([code, when]) => `| \`${errorName(code, language)}\` | ${when[language]} |`
    ),
    "",
    l.passThrough,
    "",
  ];
  for (const [category, entries] of byCategory()) {
    lines.push(`## ${CATEGORIES[category][language]}`, "");
    for (const entry of entries) {
      lines.push(`### ${functionName(entry, language)}`, "");
      lines.push(
        `**${entry.title[language]}** · ${l.otherExcel}: \`KPI.${functionName(entry, other)}\` (${entry.title[other]})`,
        ""
      );
      lines.push(entry.description[language], "");
      lines.push(`- ${l.formula}: ${entry.formula[language]}`);
      lines.push(`- ${l.syntax}: \`${syntax(entry, language)}\``, "");
      lines.push(
        `| ${l.parameterColumn} | ${l.otherNameColumn} | ${l.descriptionColumn} |`,
        "|---|---|---|"
      );
      for (const param of entry.params) {
        const [name, otherName] =
          language === "en" ? [param.name, param.trName] : [param.trName, param.name];
        const range = isRangeParam(param) ? ` ${l.aRange}` : "";
        const optional = param.optional ? ` ${l.optionalSentence}` : "";
        lines.push(
          `| \`${name}\` | \`${otherName}\` | ${param.description[language]}${range}${optional} |`
        );
      }
      lines.push("", `| ${l.exampleColumn} | ${l.resultColumn} | |`, "|---|---|---|");
      for (const example of entry.examples) {
        lines.push(
          `| \`${exampleCall(entry, example, language)}\` | ${formatExpect(example.expect, entry, language)} | ${noteOf(example, language)} |`
        );
      }
      if (entry.note) lines.push("", `> **${l.correction}.** ${entry.note[language]}`);
      lines.push("");
    }
  }
  return lines.join("\n");
}

/**
 * Where an example comes from: the catalog writes these remarks for its maintainers, in English, so
 * the English reference shows them and the Turkish one leaves the column empty.
 */
function noteOf(example: Example, language: Language): string {
  return language === "en" ? (example.note ?? "") : "";
}

/** An example as typed in a cell of an Excel of the language: its name and its argument separator. */
function exampleCall(entry: MetricEntry, example: Example, language: Language): string {
  const separator = language === "tr" ? ";" : ",";
  const args = example.args.map((arg) => formatArg(arg, language));
  return `=KPI.${functionName(entry, language)}(${args.join(separator)})`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The help page that ships with the add-in, in one language; each function has an anchor at its id. */
export function renderHelpHtml(language: Language): string {
  const l = REFERENCE[language];
  const sections = byCategory()
    .map(([category, entries]) => {
      const items = entries
        .map((entry) => {
          const params = entry.params
            .map(
              (p) =>
                `<li><code>${escapeHtml(language === "en" ? p.name : p.trName)}</code>${p.optional ? ` (${l.optional})` : ""}: ${escapeHtml(p.description[language])}</li>`
            )
            .join("");
          const examples = entry.examples
            .map(
              (e) =>
                `<li><code>${escapeHtml(exampleCall(entry, e, language))}</code> → ${escapeHtml(formatExpect(e.expect, entry, language))}</li>`
            )
            .join("");
          const errors = errorsOf(entry)
            .map(
              ([code, when]) =>
                `<li><code>${escapeHtml(errorName(code, language))}</code>: ${escapeHtml(when[language])}</li>`
            )
            .join("");
          const note = entry.note
            ? `<p class="note"><strong>${l.correction}.</strong> ${escapeHtml(entry.note[language])}</p>`
            : "";
          return `<section id="${entry.id}"><h3>${escapeHtml(entry.title[language])} <code>KPI.${escapeHtml(functionName(entry, language))}</code></h3>
<p>${escapeHtml(entry.description[language])}</p>
<p><strong>${l.formula}:</strong> ${escapeHtml(entry.formula[language])}</p>
<p><strong>${l.syntax}:</strong> <code>${escapeHtml(syntax(entry, language))}</code></p>
<h4>${l.params}</h4><ul>${params}</ul>
<h4>${l.examples}</h4><ul>${examples}</ul>
<h4>${l.errors}</h4><ul>${errors}</ul>${note}</section>`;
        })
        .join("\n");
      return `<h2>${escapeHtml(CATEGORIES[category][language])}</h2>\n${items}`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
<title>${l.title}</title>
<style>
body { font-family: "Segoe UI", -apple-system, "Helvetica Neue", sans-serif; color: #242424; margin: 0 auto; max-width: 52rem; padding: 1rem 1.25rem; line-height: 1.45; }
h1 { font-weight: 600; font-size: 1.6rem; } h2 { border-bottom: 1px solid #e0e0e0; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .25rem; } h4 { margin: .6rem 0 .2rem; font-size: .95rem; }
code { background: #f5f5f5; padding: 0 .2rem; border-radius: 3px; } section { padding: .25rem 0 .75rem; }
section:target { background: #ebf3fc; outline: 4px solid #ebf3fc; } .note { border-left: 3px solid #0f6cbd; padding-left: .6rem; }
</style>
</head>
<body>
<h1>${l.title}</h1>
${sections}
</body>
</html>
`;
}

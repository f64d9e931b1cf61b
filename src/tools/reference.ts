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
import { type Language, functionName } from "./metadata";

/** When each error code appears, in each language. */
const GENERIC_ERRORS: [ErrorCode, Text][] = [
  ["#N/A", { en: "a required argument is blank", tr: "gerekli bir bağımsız değişken boş" }],
  [
    "#VALUE!",
    {
      en: "text where a number is needed, or ranges that do not line up",
      tr: "sayı gereken yerde metin ya da boyutları uyuşmayan aralıklar",
    },
  ],
  [
    "#NUM!",
    {
      en: "a value outside the metric's domain (a negative count, a rate above 100%)",
      tr: "göstergenin tanım kümesi dışında bir değer (negatif sayım, %100'ü aşan oran)",
    },
  ],
  ["#DIV/0!", { en: "a denominator of zero", tr: "sıfır payda" }],
];

const LABELS = {
  en: {
    syntax: "Syntax",
    params: "Parameters",
    examples: "Examples",
    errors: "Errors",
    result: "gives",
    optional: "optional",
    correction: "Correction",
    formula: "Definition",
    title: "KPI functions reference",
  },
  tr: {
    syntax: "Söz dizimi",
    params: "Bağımsız değişkenler",
    examples: "Örnekler",
    errors: "Hatalar",
    result: "sonuç",
    optional: "isteğe bağlı",
    correction: "Düzeltme",
    formula: "Tanım",
    title: "KPI işlevleri başvurusu",
  },
} as const;

/** Turkish Excel shows these names for the error codes. */
const TURKISH_ERRORS: Partial<Record<ErrorCode, string>> = {
  "#N/A": "#YOK",
  "#VALUE!": "#DEĞER!",
  "#NUM!": "#SAYI!",
  "#DIV/0!": "#SAYI/0!",
};

function errorName(code: ErrorCode, language: Language): string {
  return language === "tr" ? (TURKISH_ERRORS[code] ?? code) : code;
}

/** An argument as typed in a formula: arrays as array constants, text in quotes. */
export function formatArg(arg: Arg): string {
  if (Array.isArray(arg))
    return `{${arg.map((row) => row.map((cell) => formatArg(cell)).join(",")).join(";")}}`;
  if (arg === null) return "";
  if (arg instanceof KpiError) return arg.code;
  if (typeof arg === "string") return JSON.stringify(arg);
  return String(arg);
}

function formatExpect(expect: Example["expect"], entry: MetricEntry, language: Language): string {
  if (typeof expect === "string") return errorName(expect, language);
  if (typeof expect === "number") {
    const shown = String(Number(expect.toPrecision(12)));
    return entry.unit === "rate" ? `${shown} (${Number((expect * 100).toPrecision(12))}%)` : shown;
  }
  return expect
    .map((row) =>
      row
        .map((cell) => (typeof cell === "number" ? Number(cell.toPrecision(10)) : String(cell)))
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

/** The Markdown reference: English and Turkish names side by side, definitions, examples, errors. */
export function renderMarkdown(): string {
  const lines: string[] = [
    "# Function reference",
    "",
    "Generated from the catalog (`src/engine/catalog`) by `npm run docs`; do not edit by hand.",
    "Every function lives under the `KPI` namespace. Rates are fractions (0.25 is 25%). Every argument",
    "accepts a single value or a range; given ranges where it takes single values, a function answers",
    "element by element and the answer spills.",
    "",
    "| Error | When |",
    "|---|---|",
    ...GENERIC_ERRORS.map(([code, when]) => `| \`${code}\` | ${when.en} |`),
    "",
    "An error value in an input passes through unchanged. The reason behind every error is shown by",
    "the command line (`kpi calc`) and the task pane; Excel shows it for `#VALUE!` and `#N/A`.",
    "",
  ];
  for (const [category, entries] of byCategory()) {
    lines.push(`## ${CATEGORIES[category].en}`, "");
    for (const entry of entries) {
      lines.push(`### ${entry.id}`, "");
      lines.push(
        `**${entry.title.en}** · Turkish Excel: \`KPI.${entry.trName}\` (${entry.title.tr})`,
        ""
      );
      lines.push(entry.description.en, "");
      lines.push(`- ${LABELS.en.formula}: ${entry.formula.en}`);
      lines.push(`- ${LABELS.en.syntax}: \`${syntax(entry, "en")}\``, "");
      lines.push("| Parameter | Turkish | Description |", "|---|---|---|");
      for (const param of entry.params) {
        const range = isRangeParam(param) ? " (a range)" : "";
        const optional = param.optional ? " Optional." : "";
        lines.push(
          `| \`${param.name}\` | \`${param.trName}\` | ${param.description.en}${range}${optional} |`
        );
      }
      lines.push("", "| Example | Result | |", "|---|---|---|");
      for (const example of entry.examples) {
        lines.push(
          `| \`=KPI.${entry.id}(${example.args.map(formatArg).join(",")})\` | ${formatExpect(example.expect, entry, "en")} | ${example.note ?? ""} |`
        );
      }
      if (entry.note) lines.push("", `> **${LABELS.en.correction}.** ${entry.note.en}`);
      lines.push("");
    }
  }
  return lines.join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The help page that ships with the add-in, in one language; each function has an anchor at its id. */
export function renderHelpHtml(language: Language): string {
  const l = LABELS[language];
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
                `<li><code>${escapeHtml(`=KPI.${functionName(entry, language)}(${e.args.map(formatArg).join(language === "tr" ? ";" : ",")})`)}</code> → ${escapeHtml(formatExpect(e.expect, entry, language))}</li>`
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
<p><strong>${l.formula}:</strong> ${escapeHtml(entry.formula.en)}</p>
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

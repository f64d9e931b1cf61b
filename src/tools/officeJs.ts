/**
 * Where the pages load Office.js from. The default build uses Microsoft's CDN (required for add-ins
 * in the Marketplace); `OFFICE_JS=local npm run build` copies the @microsoft/office-js package's dist/
 * (a snapshot of the CDN files, for firewalled or offline use) to office-js/ and the pages load it
 * from the add-in's own origin, their Content-Security-Policy then allowing scripts from 'self' only.
 * Office.js loads its other scripts from the folder office.js came from, so the whole folder is copied.
 * https://www.npmjs.com/package/@microsoft/office-js
 */

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_LOCAL = "office-js/office.js";
const CDN_ORIGIN = "https://appsforoffice.microsoft.com";

export type OfficeJsSource = "cdn" | "local";

/** A page written for the CDN, made to load Office.js from the given source. */
export function pageForOfficeJs(html: string, source: OfficeJsSource): string {
  if (source === "cdn") return html;
  return html
    .split(OFFICE_JS_CDN)
    .join(OFFICE_JS_LOCAL)
    .replace(/script-src([^;"]*)/, (_all, sources: string) => {
      const kept = sources.split(/\s+/).filter((s) => s && s !== CDN_ORIGIN);
      return `script-src ${kept.join(" ")}`;
    });
}

/**
 * What is wrong with a built page's Office.js: it must load from the CDN (with the CDN allowed in its
 * script-src) or from office-js/ on its own origin (present in the build, and script-src 'self' only).
 * @param exists Whether a file of the build exists (a path relative to the build's folder).
 */
export function officeJsProblems(
  page: string,
  html: string,
  exists: (file: string) => boolean
): string[] {
  // A minified page drops the quotes around attribute values.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)].map((m) =>
    m[1].replace(/^["']|["']$/g, "")
  );
  const office = scripts.filter((src) => /(^|\/)office\.js$/.test(src));
  if (office.length !== 1) return [`${page}: loads office.js ${office.length} times, not once`];
  const csp = /Content-Security-Policy"?\s+content="([^"]*)"/.exec(html)?.[1] ?? "";
  const scriptSrc = (/script-src([^;]*)/.exec(csp)?.[1] ?? "").trim().split(/\s+/);
  if (office[0] === OFFICE_JS_CDN) {
    return scriptSrc.includes(CDN_ORIGIN)
      ? []
      : [`${page}: loads office.js from the CDN but its script-src does not allow ${CDN_ORIGIN}`];
  }
  if (office[0] !== OFFICE_JS_LOCAL) return [`${page}: loads office.js from ${office[0]}`];
  const problems: string[] = [];
  if (!exists(OFFICE_JS_LOCAL)) problems.push(`${page}: ${OFFICE_JS_LOCAL} is not in the build`);
  if (scriptSrc.join(" ") !== "'self'")
    problems.push(
      `${page}: script-src should be 'self' alone with a local Office.js, not ${scriptSrc.join(" ")}`
    );
  if (scripts.some((src) => /^https?:/.test(src)))
    problems.push(`${page}: loads a script from another origin`);
  return problems;
}

/**
 * Bundle sizes from the production build in dist/: the custom-functions code, what the task pane
 * loads before its first paint (taskpane.html and the scripts and style sheets it names) and what is
 * loaded later on demand (every other emitted script chunk, such as the .xlsx writer).
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";

export interface BundleSizes {
  functions_min_bytes: number;
  functions_gzip_bytes: number;
  taskpane_initial_min_bytes: number;
  taskpane_initial_gzip_bytes: number;
  lazy_min_bytes: number;
}

/** What was counted, for the report. */
export interface BundleDetail {
  initial: string[];
  /** Scripts the page loads from elsewhere (Office.js from Microsoft's CDN): not counted. */
  external: string[];
  lazy: string[];
}

/** An attribute of a tag, quoted or not (the production HTML is minified). */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(
    tag
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The files a page loads as it opens: its scripts and its style sheets, as written in the page. */
export function pageAssets(html: string): string[] {
  const assets: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) assets.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attribute(tag, "href");
    if (href && (rel.includes("stylesheet") || rel.includes("modulepreload"))) assets.push(href);
  }
  return assets;
}

const isExternal = (url: string) => /^(?:[a-z]+:)?\/\//i.test(url);

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")
    );
}

/**
 * Measures the bundles of a production build.
 * @param dist The build's folder, with taskpane.html and functions.js.
 */
export function measureBundles(dist: string): { sizes: BundleSizes; detail: BundleDetail } {
  const bytes = (file: string) => fs.readFileSync(path.join(dist, file));
  const gzip = (files: string[]) =>
    files.reduce((sum, file) => sum + gzipSync(bytes(file), { level: 9 }).length, 0);
  const raw = (files: string[]) => files.reduce((sum, file) => sum + bytes(file).length, 0);

  const page = "taskpane.html";
  const named = pageAssets(bytes(page).toString("utf8")).map((url) => url.split(/[?#]/)[0]);
  const external = named.filter(isExternal);
  const initial = [
    page,
    ...named.filter((url) => !isExternal(url)).map((url) => url.replace(/^\.?\//, "")),
  ];
  const functions = ["functions.js"];
  const lazy = filesUnder(dist).filter(
    (file) => /\.(?:js|css)$/.test(file) && !initial.includes(file) && !functions.includes(file)
  );
  return {
    sizes: {
      functions_min_bytes: raw(functions),
      functions_gzip_bytes: gzip(functions),
      taskpane_initial_min_bytes: raw(initial),
      taskpane_initial_gzip_bytes: gzip(initial),
      lazy_min_bytes: raw(lazy),
    },
    detail: { initial, external, lazy },
  };
}

/**
 * The preview's web server: the preview page (preview-dist/) and the built add-in (dist/) on one
 * origin over plain http, with the task pane's page rewritten on the way so that it loads the Office.js
 * stand-in instead of Microsoft's office.js. Nothing is written to dist/.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** Where the stand-in is served from, relative to the pane's page. */
export const STAND_IN_PATH = "preview/office-stand-in.js";
// Quoted or not: the production build minifies the page and drops attribute quotes.
const OFFICE_SCRIPT =
  /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/[^"'\s>]*["']?[^>]*>\s*<\/script>/gi;
const CSP =
  /(<meta\b[^>]*\bhttp-equiv=["']?Content-Security-Policy["']?[^>]*\bcontent=")([^"]*)(")/i;
/<script\b[^>]*\bsrc="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"[^>]*>\s*<\/script>/gi;

/**
 * The task pane's page as the preview serves it: Microsoft's office.js replaced by the stand-in, and
 * the Content-Security-Policy's script-src allowing the page's own origin (where the stand-in is).
 */
export function paneHtml(html: string): string {
  const tag = `<script src="${STAND_IN_PATH}"></script>`;
  let replaced = false;
  let out = html.replace(OFFICE_SCRIPT, () => {
    // The first office.js becomes the stand-in; any other reference to Microsoft's script goes.
    const first = !replaced;
    replaced = true;
    return first ? tag : "";
  });
  if (!replaced) {
    // Before any other script, as office.js must come first.
    out = /<script\b/i.test(out)
      ? out.replace(/<script\b/i, `${tag}\n  <script`)
      : out.replace(/<\/head>/i, `  ${tag}\n</head>`);
  }
  return out.replace(CSP, (_m, start: string, policy: string, end: string) => {
    const directives = policy.split(";").map((d) => d.trim());
    const index = directives.findIndex((d) => d.startsWith("script-src"));
    if (index >= 0 && !directives[index].includes("'self'")) directives[index] += " 'self'";
    return start + directives.filter(Boolean).join("; ") + end;
  });
}

export interface PreviewServerOptions {
  /** The repository root, holding dist/ and preview-dist/. */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A file under `dir`, or undefined when the path would leave it. */
function inside(dir: string, relative: string): string | undefined {
  const file = path.resolve(dir, "." + path.posix.normalize("/" + relative));
  return file === dir || file.startsWith(dir + path.sep) ? file : undefined;
}

function send(
  response: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer
): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  response.end(body);
}

/**
 * Starts the server.
 * @example const server = await startPreviewServer({ root, port: 0 }); console.log(server.url);
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const dist = path.join(options.root, "dist");
  const previewDist = path.join(options.root, "preview-dist");
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(response, 405, "text/plain", "GET only");
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://preview").pathname);
    } catch {
      return send(response, 400, "text/plain", "Bad path");
    }
    const fromPreview =
      pathname === "/" || pathname === "/index.html" || pathname.startsWith("/preview/");
    const file = fromPreview
      ? inside(previewDist, pathname === "/" ? "index.html" : pathname)
      : inside(dist, pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      const hint = fromPreview
        ? "Build the preview (npm run preview)."
        : "Build the add-in (npm run build).";
      return send(response, 404, "text/plain; charset=utf-8", `Not found: ${pathname}. ${hint}`);
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    if (!fromPreview && pathname === "/taskpane.html")
      return send(response, 200, type, paneHtml(fs.readFileSync(file, "utf8")));
    send(response, 200, type, fs.readFileSync(file));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3001, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === "127.0.0.1" ? "localhost" : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The preview server: the page from preview-dist/, the add-in from dist/, the task pane's page with
 * Microsoft's office.js swapped for the stand-in (its Content-Security-Policy still allowing it), and
 * nothing outside those folders.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { STAND_IN_PATH, paneHtml, startPreviewServer } from "../../preview/server";

const MINIFIED =
  "<!doctype html><html><head><meta http-equiv=Content-Security-Policy content=\"default-src 'self'; script-src https://appsforoffice.microsoft.com; style-src 'self'\"><title>Sales KPIs</title><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=taskpane.js></script></head><body></body></html>";

describe("the task pane's page in the preview", () => {
  it("loads the stand-in where office.js was, quoted or not, and the policy allows it", () => {
    const html = paneHtml(MINIFIED);
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com\/lib/);
    expect(html).toContain(
      `<script src="${STAND_IN_PATH}"></script><script defer src=taskpane.js>`
    );
    expect(html).toMatch(/script-src https:\/\/appsforoffice\.microsoft\.com 'self'/);
    const source = fs.readFileSync(
      path.join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"),
      "utf8"
    );
    const fromSource = paneHtml(source);
    expect(fromSource).toContain(STAND_IN_PATH);
    expect(fromSource).not.toMatch(/<script[^>]*appsforoffice/);
  });

  it("puts the stand-in before the first script when the page has no office.js", () => {
    const html = paneHtml("<html><head><script src=a.js></script></head></html>");
    expect(html.indexOf(STAND_IN_PATH)).toBeLessThan(html.indexOf("a.js"));
  });
});

describe("the preview server", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "preview-server-"));
  beforeAll(() => {
    fs.mkdirSync(path.join(root, "dist"));
    fs.mkdirSync(path.join(root, "preview-dist", "preview"), { recursive: true });
    fs.writeFileSync(path.join(root, "dist", "taskpane.html"), MINIFIED);
    fs.writeFileSync(path.join(root, "dist", "functions.js"), "// functions");
    fs.writeFileSync(path.join(root, "preview-dist", "index.html"), "<title>preview</title>");
    fs.writeFileSync(
      path.join(root, "preview-dist", "preview", "office-stand-in.js"),
      "// stand-in"
    );
    fs.writeFileSync(path.join(root, "secret.txt"), "outside");
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("serves both folders on a free port and refuses paths outside them", async () => {
    const server = await startPreviewServer({ root, port: 0 });
    try {
      const get = async (p: string) => {
        const response = await fetch(`http://127.0.0.1:${server.port}${p}`);
        return {
          status: response.status,
          type: response.headers.get("content-type"),
          body: await response.text(),
        };
      };
      expect(server.url).toBe(`http://localhost:${server.port}/`);
      expect(await get("/")).toMatchObject({ status: 200, body: "<title>preview</title>" });
      expect((await get("/taskpane.html")).body).toContain(STAND_IN_PATH);
      expect(await get("/functions.js")).toMatchObject({
        status: 200,
        type: expect.stringMatching(/javascript/),
      });
      expect(await get(`/${STAND_IN_PATH}`)).toMatchObject({ status: 200, body: "// stand-in" });
      expect((await get("/../secret.txt")).status).toBe(404);
      expect((await get("/%2e%2e/secret.txt")).status).toBe(404);
      expect((await get("/missing.js")).body).toMatch(/npm run build/);
    } finally {
      await server.close();
    }
  });
});

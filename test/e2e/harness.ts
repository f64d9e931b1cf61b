/**
 * One end-to-end session: the preview server on a free port, Chromium (Debian's, through
 * playwright-core, with a fresh profile) showing the preview page, and helpers for the task pane's
 * frame and screenshots. close() stops the browser and the server and removes the profile.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type BrowserContext, type Frame, type Page, chromium } from "playwright-core";
import { type PreviewServer, startPreviewServer } from "../../preview/server";
import type { TestApi } from "../../preview/testApi";
import { ROOT } from "./build";

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. Never a browser downloaded by Playwright. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const SCREENSHOTS = path.join(ROOT, "test-results");

/** The page's window.__preview, for page.evaluate. */
export type PreviewWindow = Window & { __preview: TestApi };

export interface PreviewSession {
  url: string;
  page: Page;
  /** Uncaught errors and console errors of the page and the pane. */
  errors: string[];
  /** The task pane's frame, once its page has loaded. */
  pane(): Promise<Frame>;
  /** Saves a screenshot of the whole window as test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts a session and waits until the preview page is ready (functions registered, sample loaded).
 * @param lang Excel's display language, e.g. "tr-TR".
 */
export async function openPreview(options: { lang?: string } = {}): Promise<PreviewSession> {
  const server: PreviewServer = await startPreviewServer({ root: ROOT, port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "preview-e2e-"));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    // A persistent context is how Playwright takes a profile directory of our choosing.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1600, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // A failed request is reported below with its address; the console's line has none.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        errors.push(`console: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const url = server.url + (options.lang ? `?lang=${encodeURIComponent(options.lang)}` : "");
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    return {
      url,
      page,
      errors,
      pane: async () => {
        const element = await page.waitForSelector("#pane");
        const frame = await element.contentFrame();
        if (!frame) throw new Error("The task pane's frame is missing.");
        await frame.waitForLoadState("load");
        return frame;
      },
      screenshot: async (name) => {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Selects a range in the simulated workbook and has the pane read it ("Use selection"), waiting for
 * this read's own row count: the mapping card stays up from an earlier read, the row count, cleared
 * first, says when this one is done.
 */
export async function readSelection(
  session: PreviewSession,
  pane: Frame,
  sheet: string,
  address: string
): Promise<void> {
  await session.page.evaluate(
    ([s, a]) => (window as unknown as PreviewWindow).__preview.select(s, a),
    [sheet, address] as const
  );
  await pane.evaluate(() => (document.getElementById("row-count")!.textContent = ""));
  await pane.click("#use-selection");
  await pane.waitForFunction(
    ([s, a]) => {
      const text = document.getElementById("row-count")!.textContent!;
      return text.includes(s) && text.includes(`!${a}`);
    },
    [sheet, address] as const
  );
}

/** Runs `fn` in the page with window.__preview (its source is sent, so it may use nothing else). */
export function inPreview<T>(
  session: PreviewSession,
  fn: (api: PreviewWindow["__preview"], arg: string) => T,
  arg = ""
): Promise<T> {
  return session.page.evaluate(
    ([source, value]) =>
      new Function("api", "arg", `return (${source})(api, arg)`)(
        (window as unknown as PreviewWindow).__preview,
        value
      ),
    [fn.toString(), arg] as const
  ) as Promise<T>;
}

/** The value of a workbook-level name pointing at one cell. */
export function namedValue(session: PreviewSession, name: string): Promise<unknown> {
  return inPreview(
    session,
    (api, n) => {
      const named = api.names().find((entry) => entry.name === n);
      if (!named) return undefined;
      const [sheet, address] = named.formula.replace(/^=/, "").split("!");
      return api.getValue(
        sheet.replace(/^'|'$/g, "").replace(/''/g, "'"),
        address.replace(/\$/g, "")
      );
    },
    name
  );
}

/** Drops a file on the grid as a drag from the desktop would, with a DataTransfer holding it. */
export async function dropFile(session: PreviewSession, name: string, text: string): Promise<void> {
  await session.page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: "text/csv" }));
      const grid = document.getElementById("grid")!;
      for (const type of ["dragenter", "dragover", "drop"])
        grid.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true })
        );
    },
    [name, text] as const
  );
}

/**
 * The page's file message after `action` (opening a file): cleared first, so that an earlier file's
 * message is not read.
 */
export async function fileMessageAfter(
  session: PreviewSession,
  action: () => Promise<void>
): Promise<string> {
  await session.page.evaluate(() => {
    const message = document.getElementById("file-message")!;
    message.textContent = "";
    message.hidden = true;
  });
  await action();
  const line = await session.page.waitForSelector("#file-message:not([hidden])");
  await session.page.waitForFunction(() => document.getElementById("file-message")!.textContent);
  return (await line.textContent()) ?? "";
}

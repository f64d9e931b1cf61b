/**
 * The preview page: a simulated Excel workbook (HyperFormula evaluating formulas, the add-in's real
 * KPI functions from dist/functions.js) with the sample CRM export, the grid, and the real task pane
 * in a frame whose Office.js is the stand-in talking to this page. A development tool: never in dist/.
 */
import { languageOf } from "../src/i18n/language";
import sampleCsv from "../samples/crm-export.csv";
import { Host } from "./host/host";
import { excelBuild } from "./standIn/apiSets";
import { strict } from "./standIn/strict";
import { createTestApi } from "./testApi";
import { renderTabs, selectionStats, showCreatedWorkbook, syncStatus } from "./ui/chrome";
import { type OpenOutcome, attachFileOpen } from "./ui/fileOpen";
import { FormulaBar } from "./ui/formulaBar";
import { Grid } from "./ui/grid";
import {
  type FunctionsMetadata,
  createCustomFunctions,
  registerCustomFunctions,
} from "./workbook/kpiFunctions";
import { type FormulaLocale, formulaLocale } from "./workbook/locale";
import { addFileSheet, readFile } from "./workbook/openFile";
import { loadCsvSheet } from "./workbook/sample";
import { Workbook } from "./workbook/workbook";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * Runs the built dist/functions.js against a CustomFunctions stand-in and registers what it associates
 * as KPI.* functions of the formula engine, so the grid computes with the code that ships.
 */
async function loadFunctions(
  language: string
): Promise<{ registered: string[]; locale: FormulaLocale }> {
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error("dist/functions.json is missing: run npm run build first.");
  const metadata = (await response.json()) as FunctionsMetadata;
  // Turkish Excel loads the Turkish metadata the manifest names for tr-TR (functions-tr.json, made by
  // the build), so the Turkish names are what is typed and shown; formulas are stored in English.
  let local: FunctionsMetadata | undefined;
  if (languageOf(language) === "tr") {
    const localResponse = await fetch("functions-tr.json");
    if (!localResponse.ok)
      throw new Error("dist/functions-tr.json is missing: run npm run build first.");
    local = (await localResponse.json()) as FunctionsMetadata;
  }
  const functions = createCustomFunctions();
  Object.assign(window, {
    CustomFunctions: functions.runtime,
    // functions.js reads Office.context.displayLanguage for the labels of its result tables.
    Office: strict("Office (functions runtime)", {
      context: strict("Office.context", { displayLanguage: language }),
      // Office.onReady is there in every Office.js runtime, the custom functions' one included
      // (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in: a Promise of the
      // host and platform, resolved at once when the library is loaded).
      onReady: (callback?: (info: { host: string; platform: string }) => void) => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        return Promise.resolve(info).then((value) => {
          callback?.(value);
          return value;
        });
      },
    }),
  });
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "functions.js";
    script.onload = () => resolve();
    script.onerror = () =>
      reject(new Error("dist/functions.js is missing: run npm run build first."));
    document.head.append(script);
  });
  return {
    registered: registerCustomFunctions(metadata, functions.associations),
    locale: formulaLocale(language, metadata, local),
  };
}

/** The add-in's name in Excel's language, from the manifest the build copies to dist/. */
async function addInName(language: string): Promise<string> {
  try {
    const xml = new DOMParser().parseFromString(
      await (await fetch("manifest.xml")).text(),
      "text/xml"
    );
    const name = xml.getElementsByTagName("DisplayName")[0];
    const override = Array.from(name.getElementsByTagName("Override")).find(
      (o) => o.getAttribute("Locale")?.toLowerCase() === language.toLowerCase()
    );
    return override?.getAttribute("Value") ?? name.getAttribute("DefaultValue") ?? "Add-in";
  } catch {
    return "Add-in";
  }
}

/**
 * Opens a file the person dropped or picked as a new, active sheet; a file that cannot be read
 * leaves the workbook as it was and says why.
 */
async function openFile(workbook: Workbook, file: File): Promise<OpenOutcome> {
  // A tab-separated file is read with the decimal mark of the Excel the preview plays (see csvCells).
  const tabMark = workbook.locale.decimalSeparator === "," ? "comma" : "point";
  const read = await readFile(file.name, new Uint8Array(await file.arrayBuffer()), tabMark);
  if (!read.ok) return { message: read.message, failed: true };
  const sheet = addFileSheet(workbook, file.name, read.cells);
  workbook.changed();
  return {
    message: `Opened “${file.name}” as the sheet “${sheet.name}”: ${read.note}`,
    failed: false,
  };
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const language = params.get("lang") ?? "en-US";
  // ?excel=2016 (or 2019, 2021, 2024, a Microsoft 365 version such as 1808): the Excel whose
  // requirement sets the pane meets; current Microsoft 365 when absent (see standIn/apiSets.ts).
  const excel = excelBuild(params.get("excel"));
  document.documentElement.lang = language;
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("[data-lang]")))
    link.classList.toggle("current", link.dataset.lang === language);
  const { registered, locale } = await loadFunctions(language);

  const workbook = new Workbook();
  workbook.locale = locale;
  loadCsvSheet(workbook, sampleCsv, "CRM Export", "CrmDeals");
  const host = new Host(workbook, language, excel);

  const gridElement = byId<HTMLElement>("grid");
  const status = byId<HTMLElement>("status");
  const stats = byId<HTMLElement>("selection-stats");
  const showSelection = () => {
    formulaBar.update();
    stats.textContent = selectionStats(workbook);
  };
  const grid = new Grid(gridElement, workbook, showSelection);
  const formulaBar = new FormulaBar(
    byId<HTMLInputElement>("name-box"),
    byId<HTMLInputElement>("formula-input"),
    workbook,
    grid,
    gridElement
  );

  let scheduled = false;
  const render = () => {
    scheduled = false;
    renderTabs(byId("tabs"), workbook);
    grid.render();
    showSelection();
    const { text, failed } = syncStatus(host, grid.truncated);
    status.textContent = text;
    status.classList.toggle("failed", failed);
  };
  // One redraw per frame however many syncs or edits happen in it.
  workbook.onChange(() => {
    if (!scheduled) requestAnimationFrame(render);
    scheduled = true;
  });
  host.onWorkbookCreated((created) => showCreatedWorkbook(byId("notices"), created));
  attachFileOpen(
    {
      button: byId<HTMLButtonElement>("open-file"),
      input: byId<HTMLInputElement>("file-input"),
      dropZone: byId<HTMLElement>("sheet-area"),
      message: byId<HTMLElement>("file-message"),
    },
    (file) => openFile(workbook, file)
  );
  render();

  Object.assign(window, {
    __previewHost: host,
    __preview: { ...createTestApi(workbook, host, render), functions: registered },
  });
  byId("pane-title").textContent = await addInName(language);
  const pane = byId<HTMLIFrameElement>("pane");
  pane.src = "taskpane.html";
  byId("reload-pane").addEventListener("click", () => pane.contentWindow?.location.reload());
  document.body.dataset.ready = "true";
}

start().catch((error: unknown) => {
  const fatal = byId<HTMLElement>("fatal");
  fatal.textContent = `The preview could not start: ${error instanceof Error ? error.message : String(error)}`;
  fatal.hidden = false;
  throw error;
});

/**
 * The preview's simulated workbook in Node, as the preview page builds it: the real dist/functions.js
 * run against the CustomFunctions stand-in and registered in HyperFormula, the sample export on
 * "CRM Export" with a table, the host, and the Office.js stand-in the task pane would get.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { Host } from "../../preview/host/host";
import { excelBuild } from "../../preview/standIn/apiSets";
import { createOfficeStandIn } from "../../preview/standIn/office";
import {
  type FunctionsMetadata,
  createCustomFunctions,
  registerCustomFunctions,
} from "../../preview/workbook/kpiFunctions";
import { formulaLocale } from "../../preview/workbook/locale";
import { loadCsvSheet } from "../../preview/workbook/sample";
import { Workbook } from "../../preview/workbook/workbook";

const root = path.join(__dirname, "..", "..");
let registered: string | undefined;

/** dist/functions.json, or (with "tr") dist/functions-tr.json, as the build wrote it. */
export function builtMetadata(language: "en" | "tr" = "en"): FunctionsMetadata {
  const file = language === "tr" ? "functions-tr.json" : "functions.json";
  return JSON.parse(fs.readFileSync(path.join(root, "dist", file), "utf8")) as FunctionsMetadata;
}

/**
 * Runs dist/functions.js and registers it with `metadata` (dist/functions.json by default); once per
 * test file and metadata, HyperFormula's plugins being global.
 */
export function registerFunctions(metadata: FunctionsMetadata = builtMetadata()): void {
  const key = JSON.stringify(metadata);
  if (registered === key) return;
  const functions = createCustomFunctions();
  const bundle = fs.readFileSync(path.join(root, "dist", "functions.js"), "utf8");
  vm.runInNewContext(bundle, { CustomFunctions: functions.runtime });
  registerCustomFunctions(metadata, functions.associations);
  registered = key;
}

export const SAMPLE_CSV = fs.readFileSync(path.join(root, "samples", "crm-export.csv"), "utf8");

/**
 * A fresh preview workbook with the sample, and the globals a pane would see.
 * @param displayLanguage Excel's language; "tr-TR" types formulas with the Turkish names and ";".
 * @param options.excel The Excel played, as ?excel= gives it ("2016", "2019", ...).
 */
export function previewWorkbook(
  displayLanguage = "en-US",
  options: { excel?: string; metadata?: FunctionsMetadata } = {}
) {
  const metadata = options.metadata ?? builtMetadata();
  registerFunctions(metadata);
  const workbook = new Workbook();
  workbook.locale = formulaLocale(
    displayLanguage,
    metadata,
    /^tr/i.test(displayLanguage) ? builtMetadata("tr") : undefined
  );
  loadCsvSheet(workbook, SAMPLE_CSV, "CRM Export", "CrmDeals");
  const host = new Host(workbook, displayLanguage, excelBuild(options.excel));
  const globals = createOfficeStandIn(host);
  return {
    workbook,
    host,
    Excel: globals.Excel as typeof Excel,
    Office: globals.Office as typeof Office,
  };
}

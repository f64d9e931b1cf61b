/**
 * The preview's simulated workbook in Node, as the preview page builds it: the real dist/functions.js
 * run against the CustomFunctions stand-in and registered in HyperFormula, the sample export on
 * "CRM Export" with a table, the host, and the Office.js stand-in the task pane would get.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { Host } from "../../preview/host/host";
import { createOfficeStandIn } from "../../preview/standIn/office";
import {
  type FunctionsMetadata,
  createCustomFunctions,
  registerCustomFunctions,
} from "../../preview/workbook/kpiFunctions";
import { loadCsvSheet } from "../../preview/workbook/sample";
import { Workbook } from "../../preview/workbook/workbook";

const root = path.join(__dirname, "..", "..");
let registered = false;

/** Runs dist/functions.js once per test file (HyperFormula's plugins are global) and registers it. */
function registerFunctions(): void {
  if (registered) return;
  const functions = createCustomFunctions();
  const bundle = fs.readFileSync(path.join(root, "dist", "functions.js"), "utf8");
  vm.runInNewContext(bundle, { CustomFunctions: functions.runtime });
  const metadata = JSON.parse(
    fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8")
  ) as FunctionsMetadata;
  registerCustomFunctions(metadata, functions.associations);
  registered = true;
}

export const SAMPLE_CSV = fs.readFileSync(path.join(root, "samples", "crm-export.csv"), "utf8");

/** A fresh preview workbook with the sample, and the globals a pane would see. */
export function previewWorkbook(displayLanguage = "en-US") {
  registerFunctions();
  const workbook = new Workbook();
  loadCsvSheet(workbook, SAMPLE_CSV, "CRM Export", "CrmDeals");
  const host = new Host(workbook, displayLanguage);
  const globals = createOfficeStandIn(host);
  return {
    workbook,
    host,
    Excel: globals.Excel as typeof Excel,
    Office: globals.Office as typeof Office,
  };
}

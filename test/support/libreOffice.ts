/**
 * LibreOffice Calc as an independent spreadsheet program: it opens a workbook, recalculates every
 * formula and saves it, so that tests can read the values it computed. `npm test` installs it first
 * (scripts/ensure-test-programs.js); a test never skips for want of it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

// Recalculate on load always, even where a file carries cached values.
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens workbooks in LibreOffice (one start of the program for all), recalculates them and saves each
 * in `format` ("xlsx", "pdf"), returning the paths of the saved copies in the same order. The files
 * must have different names.
 */
function convertAll(files: string[], format: string): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-lo-"));
  fs.mkdirSync(path.join(work, "profile", "user"), { recursive: true });
  fs.writeFileSync(
    path.join(work, "profile", "user", "registrymodifications.xcu"),
    PROFILE_SETTINGS
  );
  const outDir = path.join(work, "out");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "ignore", timeout: 60_000 + 30_000 * files.length }
  );
  return files.map((file) => {
    const saved = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format}`));
    if (!fs.existsSync(saved)) throw new Error(`LibreOffice did not convert ${file}`);
    return saved;
  });
}

/**
 * Opens workbooks in LibreOffice (one start of the program for all), recalculates them and returns the
 * paths of the saved copies, in the same order. The files must have different names.
 */
export function recalculateAll(files: string[]): string[] {
  return convertAll(files, "xlsx");
}

/**
 * Prints workbooks to PDF with LibreOffice (one start for all), every sheet after recalculating, and
 * returns the paths of the PDFs in the same order. The files must have different names.
 */
export function toPdf(files: string[]): string[] {
  return convertAll(files, "pdf");
}

/** Opens the workbook in LibreOffice, recalculates it and returns the path of the saved copy. */
export function recalculate(file: string): string {
  return recalculateAll([file])[0];
}

/** The values of single-cell defined names of a workbook, as saved in the file. */
export async function namedValues(file: string, names: string[]): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const values: Record<string, unknown> = {};
  for (const named of workbook.definedNames.model) {
    if (!names.includes(named.name)) continue;
    const [sheet, address] = named.ranges[0].split("!");
    const cell = workbook
      .getWorksheet(sheet.replace(/^'|'$/g, "").replace(/''/g, "'"))!
      .getCell(address.replace(/\$/g, ""));
    // A formula's value leaves out a result of 0; the cell's result keeps it.
    values[named.name] = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  }
  return values;
}

/**
 * Office.js from the CDN (the default build) or from the add-in's own origin (OFFICE_JS=local): the
 * page transform on the pane's template, and the check `npm run validate` runs on the built pages.
 */
import * as fs from "fs";
import * as path from "path";
import {
  OFFICE_JS_CDN,
  OFFICE_JS_LOCAL,
  officeJsProblems,
  pageForOfficeJs,
} from "../../src/tools/officeJs";

const root = path.join(__dirname, "..", "..");
const template = fs.readFileSync(path.join(root, "src", "taskpane", "taskpane.html"), "utf8");
const builtPane = fs.readFileSync(path.join(root, "dist", "taskpane.html"), "utf8");

describe("where the pages load Office.js from", () => {
  it("the default build loads it from the CDN, which its script-src allows", () => {
    expect(builtPane).toMatch(new RegExp(`src="?${OFFICE_JS_CDN.replace(/[.]/g, "\\.")}`));
    expect(officeJsProblems("taskpane.html", builtPane, () => false)).toEqual([]);
  });

  it("the local build loads it from its own origin, with script-src 'self' alone", () => {
    const local = pageForOfficeJs(template, "local");
    expect(local).toContain(`src="${OFFICE_JS_LOCAL}"`);
    expect(local).not.toContain("appsforoffice.microsoft.com");
    expect(local).toMatch(/script-src 'self';/);
    expect(officeJsProblems("taskpane.html", local, (f) => f === OFFICE_JS_LOCAL)).toEqual([]);
    // ...and the check names a local build without the copied files.
    expect(officeJsProblems("taskpane.html", local, () => false)).toEqual([
      expect.stringMatching(/office-js\/office.js is not in the build/),
    ]);
  });

  it("the check names a CDN page whose policy would block the CDN", () => {
    const blocked = template.replace(" https://appsforoffice.microsoft.com;", ";");
    expect(officeJsProblems("taskpane.html", blocked, () => true)[0]).toMatch(/does not allow/);
  });

  it("the package the local build copies is installed", () => {
    const dist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
    expect(fs.existsSync(path.join(dist, "office.js"))).toBe(true);
  });
});

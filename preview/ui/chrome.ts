/**
 * The page around the grid: sheet tabs, the status bar (last sync; sum, count and average of the
 * selection) and notices (workbooks the add-in created, offered for download).
 */
import type { CreatedWorkbook, Host } from "../host/host";
import { intersectArea } from "../workbook/address";
import type { Workbook } from "../workbook/workbook";

/** Draws the sheet tabs; a click activates a sheet, "+" adds one. */
export function renderTabs(element: HTMLElement, workbook: Workbook): void {
  element.replaceChildren(
    ...workbook.sheets.map((sheet) => {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.className = sheet === workbook.active ? "tab active" : "tab";
      tab.textContent = sheet.name;
      tab.dataset.sheet = sheet.name;
      if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
      tab.addEventListener("click", () => {
        workbook.activate(sheet);
        workbook.changed();
      });
      return tab;
    })
  );
  const add = document.createElement("button");
  add.type = "button";
  add.className = "tab add";
  add.title = "New sheet";
  add.textContent = "+";
  add.addEventListener("click", () => {
    workbook.activate(workbook.addSheet());
    workbook.changed();
  });
  element.append(add);
}

/** The last sync, as the status bar's left side shows it. */
export function syncStatus(host: Host, truncated: boolean): { text: string; failed: boolean } {
  const last = host.syncs[host.syncs.length - 1];
  const note = truncated ? " · rows past 1,000 are not drawn" : "";
  if (!last) return { text: `Ready${note}`, failed: false };
  const size = last.bytes < 1024 ? `${last.bytes} B` : `${(last.bytes / 1024).toFixed(1)} KB`;
  const what = `Sync ${host.syncs.length}: ${last.operations} operations, ${size}`;
  if (!last.error) return { text: `${what}${note}`, failed: false };
  return {
    text: `${what} — failed: ${last.error.code}${last.error.location ? ` at ${last.error.location}` : ""}: ${last.error.message}`,
    failed: true,
  };
}

/** "Average: … Count: … Sum: …" of the selection, as Excel's status bar shows it. */
export function selectionStats(workbook: Workbook): string {
  const sheet = workbook.active;
  const used = workbook.usedArea(sheet, true);
  const area = used && intersectArea(used, sheet.selection);
  if (!area || (area.r0 === area.r1 && area.c0 === area.c1)) return "";
  const values = workbook
    .readValues(sheet, area)
    .flat()
    .filter((v) => v !== "");
  const numbers = values.filter((v): v is number => typeof v === "number");
  if (values.length < 2) return "";
  const count = `Count: ${values.length.toLocaleString("en-US")}`;
  if (numbers.length === 0) return count;
  const sum = numbers.reduce((a, b) => a + b, 0);
  const show = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return `Average: ${show(sum / numbers.length)}   ${count}   Sum: ${show(sum)}`;
}

/** Shows a notice with a download link for a workbook the add-in created. */
export function showCreatedWorkbook(element: HTMLElement, created: CreatedWorkbook): void {
  const bytes = Uint8Array.from(atob(created.base64), (ch) => ch.charCodeAt(0));
  const blob = new Blob([bytes], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "KPI workbook.xlsx";
  link.textContent = "Download it";
  const notice = document.createElement("span");
  notice.className = "notice";
  notice.append(
    `The add-in created a new workbook (${Math.max(1, Math.round(created.bytes / 1024))} KB); Excel would open it in a new window. `,
    link
  );
  element.replaceChildren(notice);
}

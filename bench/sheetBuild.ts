/**
 * Building the KPI sheet in an open workbook through the Office.js double, which counts the syncs
 * (round trips to Excel) and the bytes of each request. The plan refers to the data by address, so
 * neither should grow with the data.
 */
import type { DataSource } from "../src/plan/kpiSheet";
import { placeKpiSheet } from "../src/plan/placeKpiSheet";
import { writePlanToWorkbook } from "../src/writers/excel";
import { OfficeDouble } from "../test/doubles/officeDouble";

export interface SheetBuildRow {
  rows: number;
  syncs: number;
  request_bytes: number;
}

const DATA = "CRM Export";

/** Where a CRM export of `rows` deals sits, and what the reader learnt of it (as the task pane has it). */
function source(rows: number): DataSource {
  const column = (letter: string) => `'${DATA}'!$${letter}$2:$${letter}$${rows + 1}`;
  return {
    columns: {
      stage: column("C"),
      amount: column("D"),
      created: column("E"),
      closed: column("F"),
      owner: column("B"),
    },
    description: `${DATA}!A1:G${rows + 1} (${rows} rows)`,
    stageValues: [
      { text: "Closed Won", kind: "won" },
      { text: "Closed Lost", kind: "lost" },
      { text: "Prospecting", kind: "open" },
      { text: "Qualification", kind: "open" },
      { text: "Proposal", kind: "open" },
      { text: "Negotiation", kind: "open" },
    ],
    owners: [
      "Alice Martin",
      "Ben Carter",
      "Chloe Nguyen",
      "David Okafor",
      "Emma Rossi",
      "Frank Müller",
      "Grace Kim",
    ],
    closedRange: { from: 45668, to: 46295 },
    activeOwners: 7,
  };
}

/** Builds the live KPI sheet (every section) over `rows` deals and counts what it sent. */
export async function measureSheetBuild(rows: number): Promise<SheetBuildRow> {
  const double = new OfficeDouble({
    sheets: { [DATA]: { A1: "Deal Name", B1: "Deal Owner", C1: "Stage", D1: "Amount" } },
  });
  const report = await writePlanToWorkbook(double.context, (existing) =>
    placeKpiSheet(existing, source(rows), {
      mode: "live",
      preset: "all",
      inputs: { TARGET: 1_000_000 },
    })
  );
  const bytes = double.requestBytes.reduce((sum, size) => sum + size, 0);
  return { rows, syncs: report.syncs, request_bytes: bytes };
}

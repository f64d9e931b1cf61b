/**
 * Where a CRM export of a given size sits in the user's workbook, as the task pane describes it to the
 * KPI sheet plan: the plan refers to the data by address, so only the row numbers change with its size.
 */
import type { DataSource } from "../../src/plan/kpiSheet";

export const DATA = "CRM Export";

/** Where a CRM export of `rows` deals sits, and what the reader learnt of it (as the task pane has it). */
export function exportSource(rows: number): DataSource {
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

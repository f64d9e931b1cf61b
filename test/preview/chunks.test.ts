/**
 * The pane reads a large selection in chunks whose responses (values and their types) stay well under
 * Excel on the web's 5 MB limit, through the preview's Office.js stand-in, which refuses larger ones.
 */
import { KpiError } from "../../src/engine";
import { readValues } from "../../src/taskpane/workbookData";
import { Host } from "../../preview/host/host";
import { PAYLOAD_LIMIT } from "../../preview/standIn/protocol";
import { createOfficeStandIn } from "../../preview/standIn/office";
import { Workbook } from "../../preview/workbook/workbook";

function sheetOf(rows: number, text: (r: number) => string) {
  const workbook = new Workbook();
  const sheet = workbook.addSheet("Big");
  const grid = Array.from({ length: rows }, (_, r) => [
    `Deal ${r + 1}`,
    text(r),
    r % 3 === 0 ? "Closed Won" : "Negotiation",
    1000 + r,
    45000 + (r % 400),
    45030 + (r % 400),
    r === rows - 1 ? "=NA()" : "Partner referral",
  ]);
  workbook.setContents(sheet, { r0: 0, c0: 0, r1: rows - 1, c1: 6 }, grid);
  const host = new Host(workbook);
  (globalThis as { Excel?: unknown }).Excel = createOfficeStandIn(host).Excel;
  const source = { sheet: "Big", row: 0, col: 0, rowCount: rows, colCount: 7, address: "Big!A1" };
  return { host, source };
}

describe("reading in chunks", () => {
  it("keeps each response of values and types under 2.5 MB, errors as errors", async () => {
    const { host, source } = sheetOf(30_000, (r) => `Owner ${r % 7}`);
    const grid = await readValues(
      source,
      () => undefined,
      () => false
    );
    expect(grid).toHaveLength(30_000);
    expect(grid![29_999][6]).toBeInstanceOf(KpiError);
    const reads = host.syncs.filter((s) => !s.error && (s.responseBytes ?? 0) > 10_000);
    console.log(
      "chunks of 7 short columns:",
      reads.map((s) => `${s.bytes} B request, ${s.responseBytes} B response`).join("; ")
    );
    expect(reads.length).toBeGreaterThan(1);
    for (const read of reads) expect(read.responseBytes!).toBeLessThan(PAYLOAD_LIMIT / 2);
  }, 60_000);

  it("shrinks the chunks when the cells are long, halving one the host refuses", async () => {
    const long = "x".repeat(3000);
    const { host, source } = sheetOf(30_000, (r) => `${long} ${r}`);
    const grid = await readValues(
      source,
      () => undefined,
      () => false
    );
    expect(grid).toHaveLength(30_000);
    const reads = host.syncs.filter((s) => !s.error && (s.responseBytes ?? 0) > 10_000);
    console.log(
      "chunks with a 3,000-character column:",
      `${reads.length} chunks, at most ${Math.max(...reads.map((s) => s.responseBytes!))} B`,
      host.syncs.filter((s) => s.error).map((s) => s.error!.code)
    );
    const refused = host.syncs.filter((s) => s.error);
    expect(refused.map((s) => s.error!.code)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    for (const read of reads) expect(read.responseBytes!).toBeLessThan(PAYLOAD_LIMIT);
  }, 60_000);
});

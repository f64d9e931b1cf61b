/**
 * `kpi workbook --by COLUMN`: the KPI sheet of the workbook gets the breakdown by that column, and the
 * portable workbook, recalculated by LibreOffice, gives the weighted pipeline of probabilities written
 * "%40" (the data sheet holds them as the fractions read) and the previous quarter's revenue.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { kpi } from "../support/cli";
import { recalculate } from "../support/libreOffice";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-workbook-by-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A Turkish Excel sheet saved as CSV (UTF-8 here), semicolons and "%40" probabilities. */
const EXPORT = [
  "Fırsat Adı;Temsilci;Aşama;Tutar;Olasılık;Oluşturma Tarihi;Kapanış Tarihi;Sektör",
  "A;Ayşe;Kazanıldı;10.000,00;%100;05.01.2026;20.02.2026;Enerji", // won in Q1
  "B;Mehmet;Teklif;5.000,00;%30;01.02.2026;30.06.2026;Lojistik", // open: 1,500
  "C;Ayşe;Görüşme;2.000,00;%50;15.02.2026;31.07.2026;enerji", // open: 1,000; the segment Enerji
  "D;Mehmet;Kazanıldı;4.000,00;%100;01.10.2025;15.11.2025;Lojistik", // won in Q4 2025
  "E;Ayşe;Kaybedildi;1.000,00;%0;01.01.2026;10.03.2026;Lojistik", // lost in Q1
].join("\r\n");

it("puts the breakdown by the column on the portable sheet, in Turkish", async () => {
  const file = path.join(work, "firsatlar.csv");
  fs.writeFileSync(file, EXPORT);
  const out = path.join(work, "kpi-by.xlsx");
  const run = kpi(
    "workbook",
    file,
    "--out",
    out,
    "--portable",
    "--language",
    "tr",
    "--from",
    "2026-01-01",
    "--to",
    "2026-03-31",
    "--by",
    "Sektör"
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(recalculate(out));
  const sheet = book.getWorksheet("KPI")!;
  const value = (cell: ExcelJS.Cell) =>
    cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(value(cell)));
    rows.push(cells);
  });
  const rowOf = (label: unknown) => rows.find((cells) => cells[0] === label);
  const kpiValue = (label: string) => rowOf(label)?.[1];
  expect(rowOf("Sektör kırılımı")).toBeDefined();
  expect(kpiValue("Gelir")).toBe(10000);
  expect(kpiValue("Ağırlıklı boru hattı değeri")).toBeCloseTo(2500, 9); // 5,000 x 30 % + 2,000 x 50 %
  expect(kpiValue("Önceki dönemin geliri")).toBe(4000); // D, in Q4 2025
  // Revenue, won, lost, win rate, average deal, sales cycle, open, open pipeline.
  expect(rowOf("Enerji")?.slice(1, 9)).toEqual([10000, 1, 0, 1, 10000, 46, 1, 2000]);
  // No won deal: no average deal nor sales cycle ("", which the saved file reads back as no value).
  expect(rowOf("Lojistik")?.slice(1, 9)).toEqual([0, 0, 1, 0, undefined, undefined, 1, 5000]);
}, 120_000);

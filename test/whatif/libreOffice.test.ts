/**
 * The portable workbook with scenarios is live in an independent spreadsheet program: after a new win
 * rate is typed into WHATIF_BASE_WIN_RATE (and the KPI sheet's inputs are filled in), LibreOffice
 * recalculates every WHATIF_BASE_<OUTPUT> to the engine's value for that win rate.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  type LeverValues,
  OUTPUT_IDS,
  computeOutputs,
  dealKpis,
  isError,
  leversFromDealKpis,
} from "../../src/engine";
import { loadDeals } from "../../src/cli/loadDeals";
import { namedValues, recalculate } from "../support/libreOffice";
import { closeTo } from "../helpers";
import { ROOT, kpi } from "../support/cli";

const SAMPLE = path.join(ROOT, "samples", "crm-export.csv");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-whatif-"));

/** What a person types into the KPI sheet's inputs, and the levers they give. */
const INPUTS: Record<string, number> = {
  KPI_INPUT_LEADS: 1000,
  KPI_INPUT_LEADS_CONVERTED: 200,
  KPI_INPUT_SPEND: 100000,
  KPI_INPUT_MONTHLY_REVENUE_PER_CUSTOMER: 500,
  KPI_INPUT_GROSS_MARGIN: 0.8,
  KPI_INPUT_MONTHLY_CHURN: 0.02,
};
const INPUT_LEVERS: LeverValues = {
  LEADS: 1000,
  LEAD_CONVERSION_RATE: 0.2,
  SALES_MARKETING_SPEND: 100000,
  REVENUE_PER_CUSTOMER: 500,
  GROSS_MARGIN: 0.8,
  CHURN_RATE: 0.02,
};

/** Types numbers over the cells of defined names, as a person would in Excel. */
async function typeInto(file: string, out: string, values: Record<string, number>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const named of workbook.definedNames.model) {
    if (!(named.name in values)) continue;
    const [sheet, address] = named.ranges[0].split("!");
    const cell = workbook
      .getWorksheet(sheet.replace(/^'|'$/g, "").replace(/''/g, "'"))!
      .getCell(address.replace(/\$/g, ""));
    cell.value = values[named.name];
  }
  await workbook.xlsx.writeFile(out);
}

// Never skipped: npm test installs LibreOffice first or stops (scripts/ensure-test-programs.js).
const libreOffice = it;

describe("the portable workbook with scenarios, in LibreOffice", () => {
  const portable = path.join(work, "portable.xlsx");

  beforeAll(() => {
    const run = kpi("workbook", SAMPLE, "--out", portable, "--portable", "--scenarios");
    if (run.status !== 0) throw new Error(run.stderr);
  });

  libreOffice.each([
    ["with the KPI sheet's inputs typed in", true],
    ["with only the deal data", false],
  ])(
    "gives the engine's outputs for a win rate typed into WHATIF_BASE_WIN_RATE, %s",
    async (_label, withInputs) => {
      const winRate = 0.37;
      const typed = path.join(work, `typed-${withInputs}.xlsx`);
      await typeInto(portable, typed, {
        WHATIF_BASE_WIN_RATE: winRate,
        ...(withInputs ? INPUTS : {}),
      });
      const names = OUTPUT_IDS.map((id) => `WHATIF_BASE_${id}`);
      const recalculated = await namedValues(recalculate(typed), [
        ...names,
        "WHATIF_BASE_WIN_RATE",
      ]);
      expect(recalculated.WHATIF_BASE_WIN_RATE).toBe(winRate);

      const loaded = await loadDeals(SAMPLE);
      const levers: LeverValues = {
        ...leversFromDealKpis(dealKpis(loaded.table.columns, null)),
        ...(withInputs ? INPUT_LEVERS : {}),
        WIN_RATE: winRate,
      };
      const engine = computeOutputs(levers);
      let numbers = 0;
      for (const id of OUTPUT_IDS) {
        const want = engine[id];
        const got = recalculated[`WHATIF_BASE_${id}`];
        if (isError(want)) {
          // A lever the data does not give: the sheet names it instead of showing a number.
          expect(String(got)).toMatch(/^Needs: /);
        } else {
          if (typeof got !== "number" || !closeTo(got, want))
            throw new Error(`WHATIF_BASE_${id}: engine ${want}, LibreOffice ${String(got)}`);
          numbers++;
        }
      }
      expect(numbers).toBe(withInputs ? OUTPUT_IDS.length : 2); // revenue and velocity from data alone
    },
    180_000
  );
});

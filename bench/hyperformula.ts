/**
 * HyperFormula (GPL: a development tool here, never shipped) evaluating the portable KPI sheet, the
 * native formulas a workbook computes without the add-in, over the same deal table. The data is
 * loaded into a fresh HyperFormula first, untimed, as a workbook already holds its data; what is timed
 * is adding the KPI sheet and its names and evaluating them.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { DEAL_KPI_IDS, classifyStage } from "../src/engine";
import { planKpiSheet } from "../src/plan/kpiSheet";
import type { SheetPlan } from "../src/plan/types";
import type { Kpis } from "./contestants";
import type { ExcelDeals } from "./dealData";
import { sheetCells } from "../test/support/formulaEngine";

const DATA = "Data";
const COLUMNS = ["Stage", "Amount", "Created", "Closed", "Owner"];

/** The portable KPI sheet over the data sheet, with only the KPI table (DEAL_SUMMARY's KPIs). */
function portablePlan(deals: ExcelDeals): SheetPlan {
  const last = deals.rows + 1;
  const column = (letter: string) => `'${DATA}'!$${letter}$2:$${letter}$${last}`;
  const stages = new Set(deals.stage.map((row) => String(row[0])));
  const owners = [...new Set(deals.owner.map((row) => String(row[0])))];
  return planKpiSheet(
    {
      columns: {
        stage: column("A"),
        amount: column("B"),
        created: column("C"),
        closed: column("D"),
        owner: column("E"),
      },
      description: `${DATA}!A1:E${last} (${deals.rows} rows)`,
      stageValues: [...stages].map((text) => ({ text, kind: classifyStage(text) })),
      owners,
      closedRange: null,
      // The reps input is prefilled from the data by the reader, not computed by a formula.
      activeOwners: owners.length,
    },
    {
      sheetName: "KPI",
      mode: "portable",
      preset: "checklist",
      sections: { byPeriod: false, byOwner: false, byStage: false, charts: false },
      inputs: { TARGET: deals.target },
    }
  );
}

/** A contestant that needs a fresh engine holding the data before each run. */
export interface HyperFormulaContestant {
  /** Loads the data into a new HyperFormula (untimed). */
  setup(): void;
  /** Adds the KPI sheet, evaluates it and reads the KPIs (timed). */
  run(): Kpis;
}

/** HyperFormula over the deal table, with the same configuration as the tests' formula engine. */
export function hyperformulaContestant(deals: ExcelDeals): HyperFormulaContestant {
  const plan = portablePlan(deals);
  const content = sheetCells(plan.sheets[0]);
  const data: RawCellContent[][] = [COLUMNS];
  for (let i = 0; i < deals.rows; i++)
    data.push([
      deals.stage[i][0],
      deals.amount[i][0],
      deals.created[i][0],
      deals.closed[i][0],
      deals.owner[i][0],
    ] as RawCellContent[]);
  let hf: HyperFormula | undefined;
  return {
    setup() {
      hf?.destroy();
      hf = HyperFormula.buildFromSheets(
        { [DATA]: data },
        { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: 1_100_000 }
      );
    },
    run() {
      const engine = hf!;
      engine.suspendEvaluation();
      const sheet = engine.getSheetId(engine.addSheet("KPI"))!;
      engine.setSheetContent(sheet, content);
      for (const named of plan.names) engine.addNamedExpression(named.name, `=${named.refersTo}`);
      engine.resumeEvaluation();
      return Object.fromEntries(
        DEAL_KPI_IDS.map((id) => [id, engine.getNamedExpressionValue(`KPI_${id}`)])
      ) as Kpis;
    },
  };
}

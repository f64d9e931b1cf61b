/**
 * The breakdown by owner: each owner's revenue, deals won and lost, win rate, a quota to type in and
 * the attainment of it. Quota attainment in the KPI table counts the owners at quota from this table.
 */
import { cellAddress, rangeAddress } from "../a1";
import { breakdownFormula } from "../dealFormulas";
import { NUMBER_FORMATS, type PlanCell } from "../types";
import type { DealNames, SheetContext } from "./context";
import type { QuotaBlock } from "./kpiTable";
import { BlockWriter } from "./layout";

const REVENUE_COLUMN = 1;
const QUOTA_COLUMN = 5;
/** The table's heading rows, above its first owner. */
const HEADING_ROWS = 2;

/** The owner table of a deal table with an owner column; quotas come from QUOTA_<i> inputs. */
export function ownerBlock(context: SheetContext, deals: DealNames): QuotaBlock {
  const { words: t, options } = context;
  const owners = deals.source.owners;
  const ownerName = deals.columns.owner;
  if (!ownerName) throw new Error("an owner table needs the data's owner column");
  return {
    what: "byOwner",
    height: HEADING_ROWS + owners.length,
    quotaColumns(top) {
      const [first, last] = [top + HEADING_ROWS, top + HEADING_ROWS + owners.length - 1];
      return {
        revenue: rangeAddress(first, REVENUE_COLUMN, last, REVENUE_COLUMN, true),
        quota: rangeAddress(first, QUOTA_COLUMN, last, QUOTA_COLUMN, true),
      };
    },
    place(top) {
      const w = new BlockWriter(context, top);
      w.heading(t.byOwner, [t.owner, t.revenue, t.won, t.lost, t.winRate, t.quota, t.attainment]);
      w.table(owners, (owner, r, i): PlanCell[] => {
        const c = (col: number) => cellAddress(r, col);
        const count = (figure: "REVENUE" | "DEALS_WON" | "DEALS_LOST") =>
          breakdownFormula(figure, deals.columns, deals.stages, t.classes, [ownerName, `$${c(0)}`]);
        return [
          { value: owner, style: "label" },
          { formula: count("REVENUE"), format: NUMBER_FORMATS.money },
          { formula: count("DEALS_WON"), format: NUMBER_FORMATS.count },
          { formula: count("DEALS_LOST"), format: NUMBER_FORMATS.count },
          {
            formula: `IF(${c(2)}+${c(3)}=0,"",${c(2)}/(${c(2)}+${c(3)}))`,
            format: NUMBER_FORMATS.rate,
          },
          {
            value: options.inputs?.[`QUOTA_${i}`] ?? null,
            format: NUMBER_FORMATS.money,
            style: "input",
          },
          {
            formula: `IF(ISNUMBER(${c(QUOTA_COLUMN)}),IF(${c(QUOTA_COLUMN)}=0,"",${c(REVENUE_COLUMN)}/${c(QUOTA_COLUMN)}),"")`,
            format: NUMBER_FORMATS.rate,
          },
        ];
      });
      return w.output;
    },
  };
}

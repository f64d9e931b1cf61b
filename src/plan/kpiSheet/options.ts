/** What a KPI sheet is planned from: where the deal table is, and the choices of whoever builds it. */
import type { CurrencyCount, StageClass } from "../../engine";
import type { Language, Text } from "../../i18n";

/** Where a deal table is and what the reader learnt of it. */
export interface DataSource {
  /** Absolute references of the data rows of each column, with the sheet: 'CRM'!$C$2:$C$201. */
  columns: {
    stage: string;
    amount: string;
    created?: string;
    closed?: string;
    owner?: string;
    /** Each deal's probability: percentages or fractions, as the column holds them. */
    probability?: string;
    /** The column the deals are broken down by (segmentBy). */
    segment?: string;
    /** Each deal's currency. */
    currency?: string;
  };
  /** The distinct currencies of the deals with their counts, where the data has a currency column. */
  currencies?: CurrencyCount[];
  /**
   * The columns of the dates deals entered a stage (HubSpot's "Date entered …"), in column order,
   * each with the stage it names.
   */
  stageEntries?: { stage: string; column: string }[];
  /**
   * The segment column's header and its values as the engine groups them (segmentKpis), largest
   * revenue first when built; null is the blank cells' segment.
   */
  segment?: { header: string; values: (string | null)[] };
  /**
   * Where the data comes from, as the sheet's header shows it: in both languages (as dataSourceFor
   * describes it), or a name shown as it is.
   */
  description: Text | string;
  /** The stage texts of the data as the reader told them apart, with the class each counts as. */
  stageValues: { text: string; kind: StageClass }[];
  owners: string[];
  /** Earliest and latest close dates of closed deals (Excel serials). */
  closedRange: { from: number; to: number } | null;
  /** Distinct owners of the deals that count in the period: the default number of sales reps. */
  activeOwners: number;
}

export interface KpiSheetOptions {
  /** The KPI sheet's name, already unique in its workbook. */
  sheetName: string;
  /** Appended to every defined name when the workbook already has them ("" normally, "_2"...). */
  nameSuffix?: string;
  /** live: formulas call KPI.*; portable: native formulas only, computed without the add-in. */
  mode: "live" | "portable";
  preset: "checklist" | "all";
  sections?: {
    byPeriod?: boolean;
    byOwner?: boolean;
    byStage?: boolean;
    /** The breakdown by the segment column, when the data has one. */
    bySegment?: boolean;
    /** The stage funnel, when the data has stage-entry columns of open stages. */
    funnel?: boolean;
    charts?: boolean;
  };
  /** Close dates of the period (Excel serials); blank means every closed deal. */
  period?: { from?: number | null; to?: number | null };
  grain?: "month" | "quarter";
  /** Values of inputs (KPI_INPUT_<ID>), such as TARGET; REPS defaults to the data's active owners. */
  inputs?: Partial<Record<string, number>>;
  /** Targets of KPI rows, over the rules of thumb. */
  targets?: Partial<Record<string, number>>;
  /** The sheet's title, over the string table's. */
  title?: string;
  /**
   * Only the deals in this currency count (kpi workbook --currency, the pane's choice); without it, a
   * data in several currencies shows why its money KPIs are not added up.
   */
  currency?: string;
  /** The language of every word on the sheet (English by default). */
  language?: Language;
}

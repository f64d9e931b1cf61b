/**
 * The KPI sheet plan: from where the data is (or no data, for the blank template) and the options,
 * every cell, formula, number format, defined name, conditional format and chart of a KPI sheet.
 * Pure: it never sees the data's rows, only their address, so its size does not grow with the data.
 */
import type { Language, StageClass } from "../engine";
import {
  DEAL_KPI_IDS,
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  type DealKpiId,
  type Unit,
  findEntry,
} from "../engine";
import { cellAddress, rangeAddress, sheetReference, stringLiteral } from "./a1";
import {
  type BaseFigure,
  type DataNames,
  type StageListNames,
  baseFigureFormula,
  breakdownFormula,
  criterionFormula,
  stageRowFormulas,
  textAmountsFormula,
  unlistedStagesFormula,
} from "./dealFormulas";
import { BASE_ROWS, CHECKLIST, DERIVED_ROWS, INPUTS, type KpiRow, type RowArg } from "./kpiRows";
import {
  NUMBER_FORMATS,
  type PlanBlock,
  type PlanCell,
  type PlanChart,
  type PlanName,
  type PlannedSheet,
  type SheetPlan,
} from "./types";

/** Where a deal table is and what the reader learnt of it. */
export interface DataSource {
  /** Absolute references of the data rows of each column, with the sheet: 'CRM'!$C$2:$C$201. */
  columns: { stage: string; amount: string; created?: string; closed?: string; owner?: string };
  /** Where the data comes from, as the sheet's header shows it. */
  description: string;
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
  sections?: { byPeriod?: boolean; byOwner?: boolean; byStage?: boolean; charts?: boolean };
  /** Close dates of the period (Excel serials); blank means every closed deal. */
  period?: { from?: number | null; to?: number | null };
  grain?: "month" | "quarter";
  /** Values of inputs (KPI_INPUT_<ID>), such as TARGET; REPS defaults to the data's active owners. */
  inputs?: Partial<Record<string, number>>;
  /** Targets of KPI rows, over the rules of thumb. */
  targets?: Partial<Record<string, number>>;
  title?: string;
  language?: Language;
}

const STRINGS = {
  en: {
    title: "Sales KPIs",
    data: "Data",
    template: "Blank template: type your figures into the yellow cells",
    period: "Period (close dates)",
    periodHint: "Closed deals in this period count; leave blank for all",
    kpis: "KPIs",
    metric: "Metric",
    value: "Value",
    target: "Target",
    status: "Status",
    definition: "Definition",
    inputs: "Inputs",
    input: "Input",
    needs: "Needs",
    met: "met",
    near: "near",
    missed: "missed",
    byMonth: "By month",
    byQuarter: "By quarter",
    periodStart: "Period",
    periodEnd: "Until",
    revenue: "Revenue",
    won: "Won",
    lost: "Lost",
    winRate: "Win rate",
    growth: "Growth",
    byOwner: "By owner",
    owner: "Owner",
    quota: "Quota",
    attainment: "Attainment",
    stages: "Stages: what each counts as (change a class here and every KPI follows)",
    stage: "Stage",
    countsAs: "Counts as",
    deals: "Deals",
    amount: "Amount",
    cycleDays: "Days to close (won)",
    cycleDeals: "Deals with both dates (won)",
    criterion: "Criterion",
    classes: { won: "won", lost: "lost", open: "open" },
    noStage: "(none)",
    unlisted: "Rows not counted: stage not in this list (an error, spaces, a new stage)",
    textAmounts: "Amounts stored as text, not added (convert them to numbers)",
    revenueChart: "Revenue by period",
    stageChart: "Deals by stage",
  },
  tr: {
    title: "Satış Göstergeleri",
    data: "Veri",
    template: "Boş şablon: rakamlarınızı sarı hücrelere yazın",
    period: "Dönem (kapanış tarihleri)",
    periodHint: "Bu dönemde kapanan anlaşmalar sayılır; tümü için boş bırakın",
    kpis: "Göstergeler",
    metric: "Gösterge",
    value: "Değer",
    target: "Hedef",
    status: "Durum",
    definition: "Tanım",
    inputs: "Girdiler",
    input: "Girdi",
    needs: "Gereken",
    met: "ulaşıldı",
    near: "yakın",
    missed: "ulaşılamadı",
    byMonth: "Aylara göre",
    byQuarter: "Çeyreklere göre",
    periodStart: "Dönem",
    periodEnd: "Bitiş",
    revenue: "Gelir",
    won: "Kazanılan",
    lost: "Kaybedilen",
    winRate: "Kazanma oranı",
    growth: "Büyüme",
    byOwner: "Temsilciye göre",
    owner: "Temsilci",
    quota: "Kota",
    attainment: "Ulaşma",
    stages: "Aşamalar: her birinin sayıldığı sınıf (burada değiştirin, tüm göstergeler izler)",
    stage: "Aşama",
    countsAs: "Sayılır",
    deals: "Anlaşma",
    amount: "Tutar",
    cycleDays: "Kapanışa gün (kazanılan)",
    cycleDeals: "İki tarihi olan anlaşma (kazanılan)",
    criterion: "Ölçüt",
    classes: { won: "kazanıldı", lost: "kaybedildi", open: "açık" },
    noStage: "(yok)",
    unlisted: "Sayılmayan satırlar: aşaması bu listede yok (hata, boşluk, yeni aşama)",
    textAmounts: "Metin olarak saklanan tutarlar, toplanmadı (sayıya çevirin)",
    revenueChart: "Döneme göre gelir",
    stageChart: "Aşamaya göre anlaşmalar",
  },
} as const;

const format = (unit: Unit | "date" | "period"): string =>
  unit === "table" ? "General" : NUMBER_FORMATS[unit];

/** The rows of the preset, with every row they depend on, in sheet order. */
function selectRows(preset: KpiSheetOptions["preset"]): KpiRow[] {
  // Every sheet has the deal table's own KPIs, whatever the preset.
  const wanted = new Set<string>([
    ...DEAL_KPI_IDS,
    ...(preset === "all" ? DERIVED_ROWS.map((row) => row.id) : CHECKLIST),
  ]);
  const byId = new Map([...BASE_ROWS, ...DERIVED_ROWS].map((row) => [row.id, row]));
  for (let grew = true; grew;) {
    grew = false;
    for (const id of [...wanted]) {
      for (const arg of byId.get(id)?.args ?? []) {
        for (const dep of "kpi" in arg ? [arg.kpi] : "sum" in arg ? arg.sum : []) {
          if (!wanted.has(dep)) {
            wanted.add(dep);
            grew = true;
          }
        }
      }
    }
  }
  return [...BASE_ROWS, ...DERIVED_ROWS].filter((row) => wanted.has(row.id));
}

function rowLabel(row: KpiRow, language: Language): string {
  if (row.id in DEAL_KPI_LABELS) return DEAL_KPI_LABELS[row.id as DealKpiId][language];
  return findEntry(row.metric ?? row.id)!.title[language];
}

function rowDefinition(row: KpiRow, language: Language): string {
  if (row.metric) return findEntry(row.metric)!.formula[language];
  const definitions: Record<string, string> = {
    REVENUE: "sum of the amounts of won deals closed in the period",
    DEALS_WON: "won deals closed in the period",
    DEALS_LOST: "lost deals closed in the period",
    OPEN_OPPORTUNITIES: "deals neither won nor lost, whatever their expected close date",
    OPEN_PIPELINE_VALUE: "sum of the amounts of open deals",
    SALES_CYCLE_LENGTH: "mean days from created to closed over won deals closed in the period",
  };
  return definitions[row.id];
}

function rowUnit(row: KpiRow): Unit {
  return row.metric ? findEntry(row.metric)!.unit : DEAL_KPI_UNITS[row.id as DealKpiId];
}

/** Accumulates blocks, one row of cells at a time, and remembers where things went. */
class SheetBuilder {
  readonly blocks: PlanBlock[] = [];
  row = 0;

  /** Writes one row of cells starting at column A and returns its 0-based row index. */
  line(cells: PlanCell[]): number {
    this.blocks.push({ row: this.row, col: 0, cells: [cells] });
    return this.row++;
  }

  /** Writes a rectangle at once (a table body), returning its first row. */
  table(rows: PlanCell[][]): number {
    const first = this.row;
    if (rows.length > 0) this.blocks.push({ row: first, col: 0, cells: rows });
    this.row += rows.length;
    return first;
  }

  skip(rows = 1): void {
    this.row += rows;
  }
}

/** Builds the plan of a KPI sheet: from a deal table's address, or the blank template when data is null. */
export function planKpiSheet(data: DataSource | null, options: KpiSheetOptions): SheetPlan {
  const language = options.language ?? "en";
  const t = STRINGS[language];
  const suffix = options.nameSuffix ?? "";
  const name = (base: string) => `${base}${suffix}`;
  const sheet = options.sheetName;
  const sections = {
    byPeriod: true,
    byOwner: true,
    byStage: true,
    charts: true,
    ...options.sections,
  };
  const names: PlanName[] = [];
  const addName = (base: string, row: number, col: number) =>
    names.push({ name: name(base), refersTo: sheetReference(sheet, cellAddress(row, col, true)) });
  const b = new SheetBuilder();

  b.line([{ value: options.title ?? t.title, style: "title" }]);
  b.line([{ value: data ? `${t.data}: ${data.description}` : t.template, style: "subtitle" }]);
  const dataNames: DataNames | null = data
    ? {
        stage: name("KPI_DATA_STAGE"),
        amount: name("KPI_DATA_AMOUNT"),
        created: data.columns.created ? name("KPI_DATA_CREATED") : undefined,
        closed: data.columns.closed ? name("KPI_DATA_CLOSED") : undefined,
        owner: data.columns.owner ? name("KPI_DATA_OWNER") : undefined,
      }
    : null;
  if (data && dataNames) {
    for (const [field, ref] of Object.entries(data.columns)) {
      if (ref) names.push({ name: name(`KPI_DATA_${field.toUpperCase()}`), refersTo: ref });
    }
    if (dataNames.closed) {
      const periodRow = b.line([
        { value: t.period, style: "label" },
        { value: options.period?.from ?? null, format: NUMBER_FORMATS.date, style: "input" },
        { value: options.period?.to ?? null, format: NUMBER_FORMATS.date, style: "input" },
        { value: t.periodHint, style: "hint" },
      ]);
      addName("KPI_PERIOD_FROM", periodRow, 1);
      addName("KPI_PERIOD_TO", periodRow, 2);
      dataNames.periodFrom = name("KPI_PERIOD_FROM");
      dataNames.periodTo = name("KPI_PERIOD_TO");
    }
  }
  b.skip();

  const rows = selectRows(options.preset);
  // With owners, quota attainment comes from the quotas typed into the owner table, not from inputs.
  const quotaRange =
    data?.columns.owner && data.owners.length && sections.byOwner
      ? { revenue: "", quota: "" }
      : null;
  const usedInputs = new Set(
    rows
      .filter((row) => !(row.id === "QUOTA_ATTAINMENT" && quotaRange))
      .flatMap((row) => (row.args ?? []).flatMap((arg) => ("input" in arg ? [arg.input] : [])))
  );
  const inputs = INPUTS.filter((input) => usedInputs.has(input.id));
  const inputValues: Partial<Record<string, number>> = { ...options.inputs };
  if (data && data.columns.owner && inputValues.REPS === undefined)
    inputValues.REPS = data.activeOwners;

  // The KPI table first: its rows come before the inputs they read, which is where a reader looks first.
  b.line([{ value: t.kpis, style: "section" }]);
  b.line(
    [t.metric, t.value, t.target, t.status, t.definition].map((value) => ({
      value,
      style: "header" as const,
    }))
  );
  const kpiFirst = b.row;
  const inputsFirst = kpiFirst + rows.length + 3; // blank, section, header
  const inputRow = new Map(inputs.map((input, i) => [input.id, inputsFirst + i]));
  const labels = new Map<string, string>([
    ...rows.map((row) => [row.id, rowLabel(row, language)] as [string, string]),
    ...inputs.map((input) => [`INPUT_${input.id}`, input.label[language]] as [string, string]),
  ]);

  const reference = (arg: RowArg): string => {
    if ("kpi" in arg) return name(`KPI_${arg.kpi}`);
    if ("input" in arg) return name(`KPI_INPUT_${arg.input}`);
    return `(${arg.sum.map((id) => name(`KPI_${id}`)).join("+")})`;
  };
  const guarded = (row: KpiRow, core: string): string => {
    const conditions: string[] = [];
    const inputsNeeded: string[] = [];
    const kpisNeeded: string[] = [];
    for (const arg of row.args ?? []) {
      const ids = "kpi" in arg ? [arg.kpi] : "sum" in arg ? arg.sum : [];
      for (const id of ids) {
        conditions.push(`ISBLANK(${name(`KPI_${id}`)})`, `ISTEXT(${name(`KPI_${id}`)})`);
        kpisNeeded.push(labels.get(id)!);
      }
      if ("input" in arg) {
        conditions.push(`ISBLANK(${name(`KPI_INPUT_${arg.input}`)})`);
        inputsNeeded.push(labels.get(`INPUT_${arg.input}`)!);
      }
    }
    if (conditions.length === 0) return core;
    // Name what to type in; only a KPI made of other KPIs names those.
    const needs = inputsNeeded.length ? inputsNeeded : kpisNeeded;
    const hint = `${t.needs}: ${[...new Set(needs)].join(", ")}`;
    return `IF(OR(${conditions.join(",")}),${stringLiteral(hint)},${core})`;
  };

  // Both modes count the data with native formulas over the stage list: a custom function never
  // receives a data column (Excel marshals its arguments into every call, 5 MB at most), and every
  // face reads the cells one way.
  const baseFormula = (row: KpiRow): string => {
    const figure = row.id as BaseFigure;
    if (!dataNames || !stageList) throw new Error("base figures need data");
    if (figure === "SALES_CYCLE_LENGTH" && !stageList.cycleDays)
      return stringLiteral(`${t.needs}: created and close dates`);
    return baseFigureFormula(figure, stageList, t.classes);
  };
  const derivedFormula = (row: KpiRow): string => {
    if (row.id === "QUOTA_ATTAINMENT" && quotaRange) {
      const core =
        options.mode === "live"
          ? `KPI.QUOTA_ATTAINMENT_RANGE(${quotaRange.revenue},${quotaRange.quota})`
          : findEntry("QUOTA_ATTAINMENT_RANGE")!.excel!(quotaRange.revenue, quotaRange.quota);
      return `IF(COUNT(${quotaRange.quota})=0,${stringLiteral(`${t.needs}: ${t.quota} (${t.byOwner})`)},${core})`;
    }
    const refs = (row.args ?? []).map(reference);
    const entry = findEntry(row.metric!)!;
    const core =
      options.mode === "live" || !entry.excel
        ? `KPI.${entry.id}(${refs.join(",")})`
        : entry.excel(...refs);
    return guarded(row, core);
  };

  // The stage list, the period and owner tables sit below the inputs, in this order; their addresses
  // are needed by the KPI table's formulas (through names) and the quota KPI.
  const afterInputs = inputsFirst + inputs.length + 1;
  const stages = data
    ? data.stageValues.length
      ? data.stageValues
      : [{ text: t.noStage, kind: "open" as const }]
    : [];
  const stageFirst = afterInputs + 2; // section, header
  // The list, two lines of checks and a blank line.
  const afterStages = data ? stageFirst + stages.length + 3 : afterInputs;
  const stageList: StageListNames | null =
    data && dataNames
      ? {
          criterion: name("KPI_STAGE_CRITERIA"),
          kind: name("KPI_STAGE_CLASSES"),
          deals: name("KPI_STAGE_DEALS"),
          amount: name("KPI_STAGE_AMOUNTS"),
          ...(dataNames.created && dataNames.closed
            ? { cycleDays: name("KPI_STAGE_CYCLE_DAYS"), cycleDeals: name("KPI_STAGE_CYCLE_DEALS") }
            : {}),
        }
      : null;
  const periods = data && dataNames?.closed && sections.byPeriod ? periodStarts(data, options) : [];
  const periodTableFirst = periods.length ? afterStages + 2 : afterStages;
  const ownerTableFirst = periods.length
    ? periodTableFirst + periods.length + 1 + 2
    : afterStages + 2;
  if (quotaRange && data) {
    const last = ownerTableFirst + data.owners.length - 1;
    quotaRange.revenue = rangeAddress(ownerTableFirst, 1, last, 1, true);
    quotaRange.quota = rangeAddress(ownerTableFirst, 5, last, 5, true);
  }

  const kpiCells: PlanCell[][] = rows.map((row, i) => {
    const r = kpiFirst + i;
    addName(`KPI_${row.id}`, r, 1);
    const unit = rowUnit(row);
    const isBase = !row.metric;
    const value: PlanCell =
      isBase && !data
        ? { value: null, format: format(unit), style: "input" }
        : {
            formula: isBase ? baseFormula(row) : derivedFormula(row),
            format: format(unit),
            style: "value",
          };
    const target = options.targets?.[row.id] ?? row.defaultTarget ?? null;
    const v = cellAddress(r, 1);
    const tg = cellAddress(r, 2);
    const [cmp, near] = row.better === "higher" ? [">=", "0.9"] : ["<=", "1.1"];
    const status = `IF(OR(NOT(ISNUMBER(${v})),NOT(ISNUMBER(${tg}))),"",IF(${v}${cmp}${tg},${stringLiteral(t.met)},IF(${v}${cmp}${near}*${tg},${stringLiteral(t.near)},${stringLiteral(t.missed)})))`;
    return [
      { value: rowLabel(row, language), style: "label" },
      value,
      { value: target, format: format(unit), style: "input" },
      { formula: status, style: "label" },
      { value: rowDefinition(row, language), style: "definition" },
    ];
  });
  b.table(kpiCells);
  b.skip();

  b.line([{ value: t.inputs, style: "section" }]);
  b.line([t.input, t.value].map((value) => ({ value, style: "header" as const })));
  expectRow(b.row, inputsFirst, "inputs");
  b.table(
    inputs.map((input) => {
      addName(`KPI_INPUT_${input.id}`, inputRow.get(input.id)!, 1);
      return [
        { value: input.label[language], style: "label" },
        { value: inputValues[input.id] ?? null, format: format(input.unit), style: "input" },
      ];
    })
  );
  b.skip();

  const charts: PlanChart[] = [];
  if (data && dataNames && stageList) {
    b.line([{ value: t.stages, style: "section" }]);
    const headers = [
      t.stage,
      t.countsAs,
      t.deals,
      t.amount,
      t.criterion,
      t.cycleDays,
      t.cycleDeals,
    ];
    b.line(headers.map((value) => ({ value, style: "header" as const })));
    const first = b.row;
    expectRow(first, stageFirst, "stage list");
    const last = first + stages.length - 1;
    const column = (col: number) =>
      sheetReference(sheet, rangeAddress(first, col, last, col, true));
    const listColumns: [keyof StageListNames, number][] = [
      ["kind", 1],
      ["deals", 2],
      ["amount", 3],
      ["criterion", 4],
      ["cycleDays", 5],
      ["cycleDeals", 6],
    ];
    for (const [key, col] of listColumns)
      if (stageList[key]) names.push({ name: stageList[key]!, refersTo: column(col) });
    b.table(
      stages.map((stage, i) => {
        const r = first + i;
        const cells = {
          text: `$${cellAddress(r, 0)}`,
          kind: `$${cellAddress(r, 1)}`,
          criterion: `$${cellAddress(r, 4)}`,
        };
        const formulas = stageRowFormulas(cells, dataNames, t.classes);
        const computed = (formula: string | undefined, unit: "count" | "money" | "days") =>
          formula === undefined
            ? { value: null }
            : { formula, format: NUMBER_FORMATS[unit], style: "value" as const };
        return [
          { value: stage.text, style: "label" },
          { value: t.classes[stage.kind], style: "input" },
          computed(formulas.deals, "count"),
          computed(formulas.amount, "money"),
          // The criterion is text: it takes the wide column, the numbers the narrow ones.
          { formula: criterionFormula(cells.text), style: "hint" },
          computed(formulas.cycleDays, "days"),
          computed(formulas.cycleDeals, "count"),
        ];
      })
    );
    const unlistedRow = b.line([
      { value: t.unlisted, style: "label" },
      { formula: unlistedStagesFormula(dataNames, stageList), format: NUMBER_FORMATS.count },
    ]);
    addName("KPI_CHECK_UNLISTED", unlistedRow, 1);
    const textRow = b.line([
      { value: t.textAmounts, style: "label" },
      { formula: textAmountsFormula(dataNames), format: NUMBER_FORMATS.count },
    ]);
    addName("KPI_CHECK_TEXT_AMOUNTS", textRow, 1);
    if (sections.byStage && sections.charts) {
      charts.push({
        kind: "bar",
        title: t.stageChart,
        categories: rangeAddress(first, 0, last, 0),
        values: rangeAddress(first, 2, last, 2),
        seriesName: t.deals,
        anchor: { row: first - 2, col: 8, width: 8, height: 14 },
      });
    }
    b.skip();
  }

  if (data && dataNames && stageList && periods.length) {
    b.line([{ value: options.grain === "quarter" ? t.byQuarter : t.byMonth, style: "section" }]);
    b.line(
      [t.periodStart, t.periodEnd, t.revenue, t.won, t.lost, t.winRate, t.growth].map((value) => ({
        value,
        style: "header" as const,
      }))
    );
    const first = b.row;
    b.table(
      periods.map(([start, end], i) => {
        const r = first + i;
        const own: DataNames = {
          ...dataNames,
          periodFrom: `$${cellAddress(r, 0)}`,
          periodTo: `$${cellAddress(r, 1)}`,
        };
        const c = (col: number, rr = r) => cellAddress(rr, col);
        return [
          { value: start, format: NUMBER_FORMATS.period, style: "label" },
          { value: end, format: NUMBER_FORMATS.date, style: "label" },
          {
            formula: breakdownFormula("REVENUE", own, stageList, t.classes),
            format: NUMBER_FORMATS.money,
          },
          {
            formula: breakdownFormula("DEALS_WON", own, stageList, t.classes),
            format: NUMBER_FORMATS.count,
          },
          {
            formula: breakdownFormula("DEALS_LOST", own, stageList, t.classes),
            format: NUMBER_FORMATS.count,
          },
          {
            formula: `IF(${c(3)}+${c(4)}=0,"",${c(3)}/(${c(3)}+${c(4)}))`,
            format: NUMBER_FORMATS.rate,
          },
          i === 0
            ? { value: null, format: NUMBER_FORMATS.rate }
            : {
                formula: `IF(${c(2, r - 1)}=0,"",(${c(2)}-${c(2, r - 1)})/${c(2, r - 1)})`,
                format: NUMBER_FORMATS.rate,
              },
        ];
      })
    );
    if (sections.charts) {
      charts.push({
        kind: "column",
        title: t.revenueChart,
        categories: rangeAddress(first, 0, first + periods.length - 1, 0),
        values: rangeAddress(first, 2, first + periods.length - 1, 2),
        seriesName: t.revenue,
        anchor: { row: first - 2, col: 8, width: 8, height: 16 },
      });
    }
    b.skip();
  }

  if (data && dataNames && stageList && quotaRange) {
    b.line([{ value: t.byOwner, style: "section" }]);
    b.line(
      [t.owner, t.revenue, t.won, t.lost, t.winRate, t.quota, t.attainment].map((value) => ({
        value,
        style: "header" as const,
      }))
    );
    const first = b.row;
    expectRow(first, ownerTableFirst, "owner table");
    b.table(
      data.owners.map((owner, i) => {
        const r = first + i;
        const c = (col: number) => cellAddress(r, col);
        const mine = [dataNames.owner!, `$${c(0)}`];
        return [
          { value: owner, style: "label" },
          {
            formula: breakdownFormula("REVENUE", dataNames, stageList, t.classes, mine),
            format: NUMBER_FORMATS.money,
          },
          {
            formula: breakdownFormula("DEALS_WON", dataNames, stageList, t.classes, mine),
            format: NUMBER_FORMATS.count,
          },
          {
            formula: breakdownFormula("DEALS_LOST", dataNames, stageList, t.classes, mine),
            format: NUMBER_FORMATS.count,
          },
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
            formula: `IF(ISNUMBER(${c(5)}),IF(${c(5)}=0,"",${c(1)}/${c(5)}),"")`,
            format: NUMBER_FORMATS.rate,
          },
        ];
      })
    );
    b.skip();
  }

  const statusRange = rangeAddress(kpiFirst, 3, kpiFirst + rows.length - 1, 3);
  const kpiSheet: PlannedSheet = {
    name: sheet,
    role: "kpi",
    blocks: b.blocks,
    columnWidths: [38, 16, 14, 12, 70, 12, 14],
    conditionalFormats: [
      {
        range: statusRange,
        rules: [
          { equals: t.met, fill: "#DFF6DD", font: "#107C10" },
          { equals: t.near, fill: "#FFF4CE", font: "#8A6100" },
          { equals: t.missed, fill: "#FDE7E9", font: "#A4262C" },
        ],
      },
    ],
    charts,
    freezeRows: 0,
  };
  return { sheets: [kpiSheet], names };
}

/** Formulas point at rows laid out later: a layout change that breaks them must fail loudly. */
function expectRow(actual: number, expected: number, what: string): void {
  if (actual !== expected)
    throw new Error(
      `KPI sheet layout: the ${what} start at row ${actual + 1}, not ${expected + 1}`
    );
}

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Start and end serials of each month or quarter from the period (or the data's close dates). */
export function periodStarts(data: DataSource, options: KpiSheetOptions): [number, number][] {
  const from = options.period?.from ?? data.closedRange?.from;
  const to = options.period?.to ?? data.closedRange?.to;
  if (from == null || to == null || to < from) return [];
  const months = options.grain === "quarter" ? 3 : 1;
  const start = new Date(EPOCH + from * MS_PER_DAY);
  let year = start.getUTCFullYear();
  let month = Math.floor(start.getUTCMonth() / months) * months;
  const periods: [number, number][] = [];
  while (periods.length < 120) {
    const first = (Date.UTC(year, month, 1) - EPOCH) / MS_PER_DAY;
    if (first > to) break;
    const next = (Date.UTC(year, month + months, 1) - EPOCH) / MS_PER_DAY;
    periods.push([first, next - 1]);
    month += months;
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
  }
  return periods;
}

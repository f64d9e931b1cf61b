/**
 * The task pane: pick the data (the selection or a table), check what was understood, preview the
 * headline KPIs, and build the KPI sheet (or a new KPI workbook). Text from the workbook is always
 * set with textContent, never parsed as HTML.
 */
import {
  DEAL_KPI_LABELS,
  DEAL_KPI_UNITS,
  type DealKpiId,
  KpiError,
  type Cell,
  type Period,
  dealKpis,
  formatKpi,
  parseIsoDate,
} from "../engine";
import { labelLanguage } from "../functions/bridge";
import { dataSourceFor } from "../plan/dataSource";
import type { KpiSheetOptions } from "../plan/kpiSheet";
import { placeKpiSheet } from "../plan/placeKpiSheet";
import {
  DEAL_FIELDS,
  type DealField,
  type DealTable,
  isReadFailure,
  readDealTable,
} from "../reader";
import { helpPageName } from "../tools/metadata";
import { WriteError, writePlanToWorkbook } from "../writers/excel";
import { type Language, STRINGS, fill } from "./i18n";
import {
  type SourceRange,
  goToSheet,
  readValues,
  selectRow,
  selectedRange,
  tableNames,
  tableRange,
} from "./workbookData";
import { mountWhatIfCard } from "./whatIfCard";

/* global Office, Excel */

type Strings = (typeof STRINGS)["en"];

/** The headline KPIs of the preview. */
const PREVIEW_KPIS: DealKpiId[] = [
  "REVENUE",
  "WIN_RATE",
  "AVG_DEAL_SIZE",
  "SALES_CYCLE_LENGTH",
  "OPEN_PIPELINE_VALUE",
  "PIPELINE_VELOCITY",
];

interface Loaded {
  source: SourceRange;
  grid: Cell[][];
  table: DealTable;
  overrides: Partial<Record<DealField, number | null>>;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

class TaskPane {
  private loaded: Loaded | null = null;
  private cancelled = false;
  private builtSheet: string | null = null;

  constructor(
    private readonly t: Strings,
    private readonly language: Language
  ) {}

  start(): void {
    this.applyStrings();
    byId("use-selection").addEventListener("click", () => void this.load(selectedRange));
    byId<HTMLSelectElement>("table-select").addEventListener("change", (event) => {
      const name = (event.target as HTMLSelectElement).value;
      if (name) void this.load(() => tableRange(name));
    });
    byId("cancel").addEventListener("click", () => (this.cancelled = true));
    byId("build-sheet").addEventListener("click", () => void this.buildSheet());
    byId("new-workbook").addEventListener("click", () => void this.newWorkbook());
    byId("go-to").addEventListener(
      "click",
      () => this.builtSheet && void goToSheet(this.builtSheet)
    );
    for (const id of ["period-from", "period-to", "target"])
      byId(id).addEventListener("input", () => this.renderPreview());
    void this.listTables();
    byId("row-count").textContent = this.t.noData;
    mountWhatIfCard(
      document.querySelector("main")!,
      document.querySelector(".footer"),
      this.language,
      () => (byId<HTMLInputElement>("mode-portable").checked ? "portable" : "live")
    );
  }

  private applyStrings(): void {
    const t = this.t;
    document.documentElement.lang = this.language;
    const texts: Record<string, string> = {
      title: t.title,
      "data-heading": t.dataHeading,
      "data-hint": t.dataHint,
      "use-selection": t.useSelection,
      cancel: t.cancel,
      "mapping-heading": t.mappingHeading,
      "preview-heading": t.previewHeading,
      "options-heading": t.optionsHeading,
      "period-from-label": t.periodFrom,
      "period-to-label": t.periodTo,
      "target-label": t.target,
      "preset-label": t.preset,
      "preset-checklist": t.presetChecklist,
      "preset-all": t.presetAll,
      "grain-label": t.grain,
      "grain-month": t.month,
      "grain-quarter": t.quarter,
      "formulas-label": t.formulas,
      "mode-live-label": t.live,
      "mode-portable-label": t.portable,
      "sections-label": t.sections,
      "section-period-label": t.byPeriod,
      "section-owner-label": t.byOwner,
      "section-stage-label": t.byStage,
      "section-charts-label": t.charts,
      "build-sheet": t.buildSheet,
      "new-workbook": t.newWorkbook,
      "help-link": this.language === "tr" ? "İşlev başvurusu" : "Function reference",
    };
    for (const [id, text] of Object.entries(texts)) byId(id).textContent = text;
    byId<HTMLAnchorElement>("help-link").href = helpPageName(this.language);
  }

  private async listTables(): Promise<void> {
    const select = byId<HTMLSelectElement>("table-select");
    const names = await tableNames().catch(() => []);
    select.replaceChildren(
      new Option(this.t.tablePlaceholder, ""),
      ...names.map((name) => new Option(name, name))
    );
    select.disabled = names.length === 0;
  }

  /** Reads the data, in chunks with progress and a way to cancel, then reads it as a deal table. */
  private async load(locate: () => Promise<SourceRange>): Promise<void> {
    this.setResult("");
    this.cancelled = false;
    try {
      const source = await locate();
      const progress = byId("progress");
      progress.hidden = false;
      const grid = await readValues(
        source,
        (done, total) => {
          byId("progress-bar").style.width = `${Math.round((done / total) * 100)}%`;
          byId("progress-text").textContent = fill(this.t.reading, {
            done: done.toLocaleString(),
            total: total.toLocaleString(),
          });
        },
        () => this.cancelled
      );
      progress.hidden = true;
      if (!grid) {
        this.setResult(this.t.cancelled);
        return;
      }
      this.read(source, grid, {});
    } catch (error) {
      byId("progress").hidden = true;
      this.setResult(fill(this.t.failed, { reason: messageOf(error) }), "error");
    }
  }

  /** Reads the grid as a deal table with the mapping overrides and shows what was understood. */
  private read(source: SourceRange, grid: Cell[][], overrides: Loaded["overrides"]): void {
    const result = readDealTable(grid, { firstRowNumber: source.row + 1, mapping: overrides });
    if (isReadFailure(result)) {
      this.loaded = null;
      byId("mapping-card").hidden = true;
      byId("preview-card").hidden = true;
      byId("row-count").textContent = this.t.noData;
      this.setResult(fill(this.t.failed, { reason: result.failure }), "error");
      return;
    }
    this.loaded = { source, grid, table: result, overrides };
    const rows = result.lastDataRow - result.firstDataRow + 1;
    byId("row-count").textContent = fill(this.t.rows, {
      rows: rows.toLocaleString(),
      address: source.address,
    });
    this.renderMapping();
    this.renderProblems();
    this.renderPreview();
  }

  private renderMapping(): void {
    const { table } = this.loaded!;
    const rows = DEAL_FIELDS.map((field) => {
      const row = document.createElement("tr");
      const label = document.createElement("td");
      label.textContent = this.t.fields[field];
      const select = document.createElement("select");
      select.className = "select";
      select.dataset.field = field;
      select.setAttribute("aria-label", this.t.fields[field]);
      select.append(
        new Option(this.t.none, ""),
        ...table.headers.map((header, i) => new Option(header || `#${i + 1}`, String(i)))
      );
      select.value = table.mapping[field] === undefined ? "" : String(table.mapping[field]);
      select.addEventListener("change", () => {
        const { source, grid, overrides } = this.loaded!;
        this.read(source, grid, {
          ...overrides,
          [field]: select.value === "" ? null : Number(select.value),
        });
      });
      const cell = document.createElement("td");
      cell.append(select);
      row.append(label, cell);
      return row;
    });
    const head = document.createElement("tr");
    for (const text of [this.t.field, this.t.column]) {
      const th = document.createElement("th");
      th.textContent = text;
      head.append(th);
    }
    byId("mapping").replaceChildren(head, ...rows);
    byId("mapping-card").hidden = false;
  }

  private renderProblems(): void {
    const { table, source } = this.loaded!;
    byId("problems-summary").textContent = table.problems.length
      ? fill(this.t.problemsSome, { count: table.problems.length })
      : this.t.problemsNone;
    const items = table.problems.slice(0, 200).map((problem) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.row = String(problem.row);
      button.textContent = `${this.language === "tr" ? "Satır" : "Row"} ${problem.row}: ${problem.message}`;
      button.addEventListener("click", () => void selectRow(source, problem.row));
      item.append(button);
      return item;
    });
    byId("problems").replaceChildren(...items);
  }

  private period(): Period | undefined {
    const from = parseIsoDate(byId<HTMLInputElement>("period-from").value);
    const to = parseIsoDate(byId<HTMLInputElement>("period-to").value);
    return from === undefined && to === undefined ? undefined : { from, to };
  }

  private target(): number | null {
    const value = byId<HTMLInputElement>("target").valueAsNumber;
    return Number.isFinite(value) && value >= 0 ? value : null;
  }

  /** The headline KPIs the engine computes from the data, before anything is written. */
  private renderPreview(): void {
    if (!this.loaded) return;
    const kpis = dealKpis(this.loaded.table.columns, this.target(), this.period());
    const items = PREVIEW_KPIS.map((id) => {
      const box = document.createElement("div");
      box.dataset.kpi = id;
      const term = document.createElement("dt");
      term.textContent = DEAL_KPI_LABELS[id][this.language];
      const value = document.createElement("dd");
      const kpi = kpis[id];
      value.textContent =
        kpi instanceof KpiError ? kpi.code : formatKpi(kpi, DEAL_KPI_UNITS[id], this.language);
      if (kpi instanceof KpiError) value.title = kpi.message;
      box.append(term, value);
      return box;
    });
    byId("preview-kpis").replaceChildren(...items);
    byId("preview-card").hidden = false;
  }

  private sheetOptions(): Omit<KpiSheetOptions, "sheetName" | "nameSuffix"> {
    const checked = (id: string) => byId<HTMLInputElement>(id).checked;
    const target = this.target();
    return {
      mode: checked("mode-portable") ? "portable" : "live",
      preset: byId<HTMLSelectElement>("preset").value === "all" ? "all" : "checklist",
      grain: byId<HTMLSelectElement>("grain").value === "quarter" ? "quarter" : "month",
      period: this.period(),
      inputs: target === null ? {} : { TARGET: target },
      language: this.language,
      sections: {
        byPeriod: checked("section-period"),
        byOwner: checked("section-owner"),
        byStage: checked("section-stage"),
        charts: checked("section-charts"),
      },
    };
  }

  private async buildSheet(): Promise<void> {
    this.busy(true);
    byId("go-to").hidden = true;
    try {
      const options = this.sheetOptions();
      const data = this.loaded
        ? dataSourceFor(this.loaded.table, this.loaded.source, options.period ?? undefined)
        : null;
      const report = await Excel.run((context) =>
        writePlanToWorkbook(context, (existing) => placeKpiSheet(existing, data, options))
      );
      this.builtSheet = report.sheets[0];
      const kpiNames = report.names.filter((name) =>
        /^KPI_(?!DATA_|INPUT_|PERIOD_)/.test(name)
      ).length;
      this.setResult(fill(this.t.built, { sheet: this.builtSheet, names: kpiNames }), "success");
      const goTo = byId("go-to");
      goTo.textContent = fill(this.t.goTo, { sheet: this.builtSheet });
      goTo.hidden = false;
    } catch (error) {
      this.setResult(fill(this.t.failed, { reason: messageOf(error) }), "error");
    } finally {
      this.busy(false);
    }
  }

  /** A separate workbook from the .xlsx writer, loaded on demand so the pane's first load stays small. */
  private async newWorkbook(): Promise<void> {
    this.busy(true);
    try {
      const { newKpiWorkbook } = await import(
        /* webpackChunkName: "xlsx-workbook" */ "./newWorkbook"
      );
      await newKpiWorkbook(
        this.loaded ? { grid: this.loaded.grid, table: this.loaded.table } : null,
        this.sheetOptions()
      );
      this.setResult(this.t.workbookOpened, "success");
    } catch (error) {
      this.setResult(fill(this.t.failed, { reason: messageOf(error) }), "error");
    } finally {
      this.busy(false);
    }
  }

  private busy(on: boolean): void {
    for (const id of ["build-sheet", "new-workbook", "use-selection"])
      byId<HTMLButtonElement>(id).disabled = on;
    if (on) this.setResult(this.t.building);
  }

  private setResult(text: string, kind: "error" | "success" | "" = ""): void {
    const result = byId("result");
    result.textContent = text;
    result.className = `result ${kind}`;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof WriteError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

Office.onReady(() => {
  const language = labelLanguage(Office.context?.displayLanguage);
  new TaskPane(STRINGS[language], language).start();
});

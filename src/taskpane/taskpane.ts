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
  type ReadFailure,
  isReadFailure,
  readDealTable,
} from "../reader";
import type { StageOverrides, StageValue } from "../reader/types";
import { helpPageName, localFunctionNames } from "../tools/metadata";
import { WriteError, writePlanToWorkbook } from "../writers/excel";
import { type Language, STRINGS, fill } from "./i18n";
import {
  type SourceRange,
  currentBlock,
  goToSheet,
  readValues,
  selectRow,
  selectedRange,
  setNameFormulas,
  tableNames,
  tableRange,
} from "./workbookData";
import { mountWhatIfCard } from "./whatIfCard";

/* global Office, Excel, DocumentFragment */

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

type Overrides = Partial<Record<DealField, number | null>>;
type StageKind = StageValue["kind"];
const STAGE_KINDS: readonly StageKind[] = ["won", "lost", "open"];

interface Loaded {
  source: SourceRange;
  grid: Cell[][];
  /** The deal table, or null when it could not be read (the user picks the columns). */
  table: DealTable | null;
  failure?: ReadFailure;
  /** The person's choices of columns and of stage classes, over what detection found. */
  overrides: Overrides;
  stageClasses: StageOverrides;
}

/** The last KPI sheet built, and what it was built from (for Refresh). */
interface Built {
  sheet: string;
  /** Its KPI_DATA_* names, with the suffix of the build. */
  dataNames: string[];
  source: SourceRange;
  table: DealTable;
  stageClasses: StageOverrides;
}

/** The class a person gave a stage text to, matched as the reader matches (case aside, trimmed). */
function withStageClass(classes: StageOverrides, text: string, kind: StageKind): StageOverrides {
  const key = text.trim().toLocaleLowerCase();
  const next: { won: string[]; lost: string[]; open: string[] } = { won: [], lost: [], open: [] };
  for (const k of STAGE_KINDS)
    next[k] = (classes[k] ?? []).filter((value) => value.trim().toLocaleLowerCase() !== key);
  next[kind].push(text.trim());
  return next;
}

/** Sheet rows of a table's data, as the person sees them: "2-251". */
function sheetRows(source: SourceRange, table: DealTable): string {
  return `${source.row + table.firstDataRow + 1}-${source.row + table.lastDataRow + 1}`;
}

/** A text whose leading and trailing spaces are shown, each as ␣ in a marked span. */
function visibleText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const spaces = (run: string) => {
    const span = document.createElement("span");
    span.className = "space-mark";
    span.textContent = "␣".repeat(run.length);
    return span;
  };
  if (match[1]) fragment.append(spaces(match[1]));
  fragment.append(document.createTextNode(match[2]));
  if (match[3]) fragment.append(spaces(match[3]));
  return fragment;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

class TaskPane {
  private loaded: Loaded | null = null;
  private cancelled = false;
  private builtSheet: string | null = null;
  private built: Built | null = null;

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
    byId("refresh").addEventListener("click", () => void this.refresh());
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
      "stages-heading": t.stagesHeading,
      "stages-hint": t.stagesHint,
      refresh: t.refresh,
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
      const grid = await this.readGrid(source);
      if (!grid) {
        this.setResult(this.t.cancelled);
        return;
      }
      this.read(source, grid, {}, {});
    } catch (error) {
      byId("progress").hidden = true;
      this.setResult(fill(this.t.failed, { reason: messageOf(error) }), "error");
    }
  }

  /** Reads a range's cells in chunks, with the progress bar and Cancel; null when cancelled. */
  private async readGrid(source: SourceRange): Promise<Cell[][] | null> {
    const progress = byId("progress");
    progress.hidden = false;
    try {
      return await readValues(
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
    } finally {
      progress.hidden = true;
    }
  }

  /**
   * Reads the grid as a deal table with the person's columns and stage classes and shows what was
   * understood. It is read in place (text amounts and dates are reported, as the sheet's SUMIFS
   * cannot read them), so the preview is what the built sheet computes. When no stage or amount
   * column is found, the drop-downs stay, for the person to pick them.
   */
  private read(
    source: SourceRange,
    grid: Cell[][],
    overrides: Overrides,
    stageClasses: StageOverrides
  ): void {
    const result = readDealTable(grid, {
      firstRowNumber: source.row + 1,
      mapping: overrides,
      stageClasses,
      inPlace: true,
    });
    if (isReadFailure(result)) {
      byId("preview-card").hidden = true;
      byId("stages-card").hidden = true;
      if (!result.headers) {
        this.loaded = null;
        byId("mapping-card").hidden = true;
        byId("row-count").textContent = this.t.noData;
        this.setResult(fill(this.t.failed, { reason: result.failure }), "error");
        return;
      }
      this.loaded = { source, grid, table: null, failure: result, overrides, stageClasses };
      byId("row-count").textContent = fill(this.t.rowsUnread, { address: source.address });
      this.renderMapping();
      byId("problems-summary").textContent = "";
      byId("problems").replaceChildren();
      this.setResult(fill(this.t.pickColumns, { reason: result.failure }), "error");
      return;
    }
    this.loaded = { source, grid, table: result, overrides, stageClasses };
    const rows = result.lastDataRow - result.firstDataRow + 1;
    byId("row-count").textContent = fill(this.t.rows, {
      rows: rows.toLocaleString(),
      address: source.address,
    });
    this.setResult("");
    this.renderMapping();
    this.renderProblems();
    this.renderStages();
    this.renderPreview();
  }

  /** One drop-down per field, from the header row; fields detection was unsure about say "check". */
  private renderMapping(): void {
    const { table, failure, overrides } = this.loaded!;
    const headers = table?.headers ?? failure?.headers ?? [];
    const mapping = table?.mapping ?? failure?.mapping ?? {};
    const unsure = new Set(table?.unsure ?? []);
    const rows = DEAL_FIELDS.map((field) => {
      const row = document.createElement("tr");
      const label = document.createElement("td");
      label.textContent = this.t.fields[field];
      if (unsure.has(field) && overrides[field] === undefined) {
        const check = document.createElement("span");
        check.className = "check";
        check.dataset.unsure = field;
        check.textContent = this.t.check;
        check.title = this.t.checkHint;
        label.append(" ", check);
      }
      const select = document.createElement("select");
      select.className = "select";
      select.dataset.field = field;
      select.setAttribute("aria-label", this.t.fields[field]);
      select.append(
        new Option(this.t.none, ""),
        ...headers.map((header, i) => new Option(header || `#${i + 1}`, String(i)))
      );
      const chosen = field in overrides ? overrides[field] : mapping[field];
      select.value = chosen === undefined || chosen === null ? "" : String(chosen);
      select.addEventListener("change", () => {
        const loaded = this.loaded!;
        this.read(
          loaded.source,
          loaded.grid,
          { ...loaded.overrides, [field]: select.value === "" ? null : Number(select.value) },
          loaded.stageClasses
        );
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

  /**
   * The stage (or status) values with their counts and a Won / Lost / Open choice each; a change
   * reads the data again with the person's classes, so the preview and then the sheet follow.
   */
  private renderStages(): void {
    const table = this.loaded!.table!;
    const head = document.createElement("tr");
    for (const text of [this.t.stageValue, this.t.deals, this.t.countsAs]) {
      const th = document.createElement("th");
      th.textContent = text;
      head.append(th);
    }
    const rows = table.stageValues.map((stage, index) => {
      const row = document.createElement("tr");
      const text = document.createElement("td");
      text.className = "stage-text";
      text.append(visibleText(stage.text));
      text.title = JSON.stringify(stage.text);
      const count = document.createElement("td");
      count.className = "stage-count";
      count.textContent = stage.count.toLocaleString();
      const select = document.createElement("select");
      select.className = "select";
      select.dataset.stage = String(index);
      select.setAttribute("data-text", stage.text);
      select.setAttribute("aria-label", `${this.t.countsAs}: ${stage.text}`);
      select.append(...STAGE_KINDS.map((kind) => new Option(this.t.classes[kind], kind)));
      select.value = stage.kind;
      if (stage.by === "user") select.classList.add("by-user");
      select.addEventListener("change", () => {
        const loaded = this.loaded!;
        const classes = withStageClass(loaded.stageClasses, stage.text, select.value as StageKind);
        this.read(loaded.source, loaded.grid, loaded.overrides, classes);
      });
      const choice = document.createElement("td");
      choice.append(select);
      row.append(text, count, choice);
      return row;
    });
    byId("stages").replaceChildren(head, ...rows);
    byId("stages-card").hidden = table.stageValues.length === 0;
  }

  private renderProblems(): void {
    const { table: read, source } = this.loaded!;
    const table = read!;
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

  /**
   * The period of close dates; none without a close-date column, where the sheet has no period cells
   * and no deal can be placed in a period (the preview then counts as the sheet does).
   */
  private period(): Period | undefined {
    if (this.loaded && this.loaded.table?.mapping.closed === undefined) return undefined;
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
    if (!this.loaded?.table) return;
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
    if (this.loaded && !this.loaded.table) {
      this.setResult(this.t.needsColumns, "error");
      return;
    }
    this.busy(true);
    byId("go-to").hidden = true;
    byId("refresh").hidden = true;
    byId("follows").hidden = true;
    try {
      const options = this.sheetOptions();
      const loaded = this.loaded;
      const data = loaded?.table
        ? dataSourceFor(
            loaded.table,
            loaded.source,
            options.period ?? undefined,
            loaded.source.table
          )
        : null;
      const report = await Excel.run((context) =>
        writePlanToWorkbook(context, (existing) => placeKpiSheet(existing, data, options), {
          // Used only if Excel answers #NAME? (#AD?) to the English names (office-js#6614).
          localFunctionNames: localFunctionNames(this.language),
        })
      );
      this.builtSheet = report.sheets[0];
      this.built =
        loaded?.table && data
          ? {
              sheet: this.builtSheet,
              dataNames: report.names.filter((name) => name.startsWith("KPI_DATA_")),
              source: loaded.source,
              table: loaded.table,
              stageClasses: loaded.stageClasses,
            }
          : null;
      // A sheet on a table follows it; one on a plain range is pointed at the data again by Refresh.
      if (this.built && loaded?.source.table) {
        byId("follows").textContent = fill(this.t.followsTable, {
          table: loaded.source.table.name,
        });
        byId("follows").hidden = false;
      } else if (this.built) byId("refresh").hidden = false;
      const kpiNames = report.names.filter((name) =>
        /^KPI_(?!DATA_|INPUT_|PERIOD_|STAGE_|CHECK_)/.test(name)
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

  /**
   * Refresh, for a sheet built on a plain range: reads the block of data from the same header row
   * down again, points the sheet's KPI_DATA_* names at it and says what changed.
   */
  private async refresh(): Promise<void> {
    const built = this.built;
    if (!built) return;
    this.busy(true);
    this.cancelled = false;
    try {
      const source = await currentBlock(built.source, built.table.headerRow);
      const grid = await this.readGrid(source);
      if (!grid) {
        this.setResult(this.t.cancelled);
        return;
      }
      // The columns the sheet was built on, whatever detection would find now.
      const mapping: Overrides = {};
      for (const field of DEAL_FIELDS) mapping[field] = built.table.mapping[field] ?? null;
      const result = readDealTable(grid, {
        firstRowNumber: source.row + 1,
        mapping,
        stageClasses: built.stageClasses,
        inPlace: true,
      });
      if (isReadFailure(result)) throw new Error(result.failure);
      const data = dataSourceFor(result, source, this.period());
      const suffix = (built.dataNames.find((n) => n.startsWith("KPI_DATA_STAGE")) ?? "").slice(
        "KPI_DATA_STAGE".length
      );
      const formulas: Record<string, string> = {};
      for (const [field, ref] of Object.entries(data.columns)) {
        const name = `KPI_DATA_${field.toUpperCase()}${suffix}`;
        if (ref && built.dataNames.includes(name)) formulas[name] = ref;
      }
      await setNameFormulas(formulas);
      const before = built.table.lastDataRow - built.table.firstDataRow + 1;
      const after = result.lastDataRow - result.firstDataRow + 1;
      const change =
        after > before
          ? fill(this.t.rowsAdded, { count: (after - before).toLocaleString() })
          : after < before
            ? fill(this.t.rowsRemoved, { count: (before - after).toLocaleString() })
            : this.t.rowsSame;
      const lines = [
        fill(this.t.refreshed, {
          from: sheetRows(built.source, built.table),
          to: sheetRows(source, result),
          change,
        }),
      ];
      // Criteria tell texts apart with case aside and spaces kept, as the sheet's stage list does.
      const known = new Set(built.table.stageValues.map((s) => s.text.toLocaleLowerCase()));
      const newStages = result.stageValues.filter((s) => !known.has(s.text.toLocaleLowerCase()));
      if (newStages.length)
        lines.push(
          fill(this.t.newStages, {
            stages: newStages.map((s) => JSON.stringify(s.text)).join(", "),
          })
        );
      const owners = new Set(built.table.owners.map((o) => o.toLocaleLowerCase()));
      const newOwners = result.owners.filter((o) => !owners.has(o.toLocaleLowerCase()));
      if (newOwners.length && built.table.mapping.owner !== undefined)
        lines.push(fill(this.t.newOwners, { owners: newOwners.join(", ") }));
      this.built = { ...built, source, table: result };
      this.read(source, grid, this.loaded?.overrides ?? {}, built.stageClasses);
      this.setResult(lines.join(" "), "success");
    } catch (error) {
      this.setResult(fill(this.t.failed, { reason: messageOf(error) }), "error");
    } finally {
      this.busy(false);
    }
  }

  /** A separate workbook from the .xlsx writer, loaded on demand so the pane's first load stays small. */
  private async newWorkbook(): Promise<void> {
    // Excel.createWorkbook is ExcelApi 1.8; the manifest asks for 1.7 only.
    // https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)
    if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8")) {
      this.setResult(this.t.noCreateWorkbook, "error");
      return;
    }
    this.busy(true);
    try {
      const { newKpiWorkbook } = await import(
        /* webpackChunkName: "xlsx-workbook" */ "./newWorkbook"
      );
      await newKpiWorkbook(
        this.loaded?.table ? { grid: this.loaded.grid, table: this.loaded.table } : null,
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
    for (const id of ["build-sheet", "new-workbook", "use-selection", "refresh"])
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

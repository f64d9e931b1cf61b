/**
 * The task pane: pick the data (the selection or a table), check what was understood, preview the
 * headline KPIs, and build the KPI sheet (or a new KPI workbook). Text from the workbook is always
 * set with textContent, never parsed as HTML.
 */
import {
  type Cell,
  type DealColumns,
  type Period,
  currencyCounts,
  dealReport,
  onlyCurrency,
  parseIsoDate,
  sameCurrency,
} from "../engine";
import { type Language, languageOf, reasonIn } from "../i18n";
import { PANE } from "../i18n/strings/pane";
import { dataSourceFor } from "../plan/dataSource";
import type { KpiSheetOptions } from "../plan/kpiSheet";
import {
  DATA_NAME_PREFIX,
  dataColumnName,
  entryColumnKey,
  isKpiValueName,
} from "../plan/kpiSheet/context";
import { placeKpiSheet } from "../plan/placeKpiSheet";
import {
  DEAL_FIELDS,
  type DealTable,
  type ReadFailure,
  isReadFailure,
  readDealTable,
} from "../reader";
import type { StageOverrides } from "../reader/types";
import { localFunctionNames } from "../tools/metadata";
import { writePlanToWorkbook } from "../writers/excel";
import { type ColumnOverrides, mappingRows } from "./render/mapping";
import { currencyOptions, segmentOptions } from "./render/choices";
import { previewItems, previewKpis, previewNotes } from "./render/preview";
import { problemItems, problemsSummary } from "./render/problems";
import { STAGE_KINDS, type StageKind, stageRows } from "./render/stages";
import {
  type ResultKind,
  builtText,
  failedText,
  followsText,
  goToText,
  pickColumnsText,
  refreshText,
  rowCountText,
  rowsUnreadText,
  showProgress,
  showResult,
} from "./render/status";
import { applyPageTexts, tableOptions } from "./render/texts";
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

/* global Office, Excel */

type Strings = (typeof PANE)[Language];

interface Loaded {
  source: SourceRange;
  grid: Cell[][];
  /** The deal table, or null when it could not be read (the user picks the columns). */
  table: DealTable | null;
  failure?: ReadFailure;
  /** The person's choices of columns and of stage classes, over what detection found. */
  overrides: ColumnOverrides;
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

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The pane's control flow: its events, its calls to Excel and what it has read and built. */
class TaskPane {
  private loaded: Loaded | null = null;
  private cancelled = false;
  private builtSheet: string | null = null;
  private built: Built | null = null;
  /** The column the person chose to break the deals down by, and the one currency to count. */
  private segmentColumn: number | null = null;
  private currency: string | null = null;
  private readonly t: Strings;

  constructor(private readonly language: Language) {
    this.t = PANE[language];
  }

  start(): void {
    applyPageTexts(document, this.language);
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
    byId<HTMLSelectElement>("segment-by").addEventListener("change", (event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.segmentColumn = value === "" ? null : Number(value);
      const loaded = this.loaded;
      if (loaded) this.read(loaded.source, loaded.grid, loaded.overrides, loaded.stageClasses);
    });
    byId<HTMLSelectElement>("currency").addEventListener("change", (event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.currency = value === "" ? null : value;
      this.renderPreview();
    });
    void this.listTables();
    byId("row-count").textContent = this.t.noData;
    mountWhatIfCard(
      document.querySelector("main")!,
      document.querySelector(".footer"),
      this.language,
      () => (byId<HTMLInputElement>("mode-portable").checked ? "portable" : "live")
    );
  }

  private async listTables(): Promise<void> {
    const select = byId<HTMLSelectElement>("table-select");
    const names = await tableNames().catch(() => []);
    select.replaceChildren(...tableOptions(names, this.language));
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
      this.segmentColumn = null;
      this.currency = null;
      this.read(source, grid, {}, {});
    } catch (error) {
      byId("progress").hidden = true;
      this.setResult(failedText(this.messageOf(error), this.language), "error");
    }
  }

  /** Reads a range's cells in chunks, with the progress bar and Cancel; null when cancelled. */
  private async readGrid(source: SourceRange): Promise<Cell[][] | null> {
    const progress = byId("progress");
    progress.hidden = false;
    try {
      return await readValues(
        source,
        (done, total) =>
          showProgress(byId("progress-bar"), byId("progress-text"), done, total, this.language),
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
    overrides: ColumnOverrides,
    stageClasses: StageOverrides
  ): void {
    const result = readDealTable(grid, {
      firstRowNumber: source.row + 1,
      mapping: overrides,
      stageClasses,
      inPlace: true,
      ...(this.segmentColumn === null ? {} : { segmentBy: this.segmentColumn }),
    });
    if (isReadFailure(result)) {
      byId("preview-card").hidden = true;
      byId("stages-card").hidden = true;
      if (!result.headers) {
        this.loaded = null;
        byId("mapping-card").hidden = true;
        byId("row-count").textContent = this.t.noData;
        this.setResult(failedText(result.failure[this.language], this.language), "error");
        return;
      }
      this.loaded = { source, grid, table: null, failure: result, overrides, stageClasses };
      byId("row-count").textContent = rowsUnreadText(source.address, this.language);
      this.renderMapping();
      byId("problems-summary").textContent = "";
      byId("problems").replaceChildren();
      this.setResult(pickColumnsText(result.failure[this.language], this.language), "error");
      return;
    }
    this.loaded = { source, grid, table: result, overrides, stageClasses };
    const rows = result.lastDataRow - result.firstDataRow + 1;
    byId("row-count").textContent = rowCountText(rows, source.address, this.language);
    this.setResult("");
    this.renderMapping();
    this.renderProblems();
    this.renderStages();
    this.renderChoices();
    this.renderPreview();
  }

  /**
   * The options that follow the data: the break-down column among its headers, and the currency
   * drop-down when the deals are in several currencies (hidden otherwise).
   */
  private renderChoices(): void {
    const table = this.loaded!.table!;
    byId("segment-by").replaceChildren(
      ...segmentOptions(table.headers, this.segmentColumn, this.language)
    );
    const counts = currencyCounts(table.columns);
    if (this.currency && !counts.some((c) => sameCurrency(c.currency, this.currency!)))
      this.currency = null;
    const several = counts.length > 1;
    byId("currency").replaceChildren(...currencyOptions(counts, this.currency, this.language));
    byId("currency").hidden = !several;
    byId("currency-label").hidden = !several;
  }

  /** The columns the KPIs count: every deal, or the chosen currency's only. */
  private countedColumns(table: DealTable): DealColumns {
    return (this.currency && onlyCurrency(table.columns, this.currency)) || table.columns;
  }

  /** The mapping drop-downs; a change reads the data again with the person's column. */
  private renderMapping(): void {
    const { table, failure, overrides } = this.loaded!;
    const view = {
      headers: table?.headers ?? failure?.headers ?? [],
      mapping: table?.mapping ?? failure?.mapping ?? {},
      overrides,
      unsure: table?.unsure ?? [],
    };
    byId("mapping").replaceChildren(
      ...mappingRows(view, this.language, (field, column) => {
        const loaded = this.loaded!;
        const next = { ...loaded.overrides, [field]: column };
        this.read(loaded.source, loaded.grid, next, loaded.stageClasses);
      })
    );
    byId("mapping-card").hidden = false;
  }

  /**
   * The stage (or status) values with their counts and a Won / Lost / Open choice each; a change
   * reads the data again with the person's classes, so the preview and then the sheet follow.
   */
  private renderStages(): void {
    const table = this.loaded!.table!;
    byId("stages").replaceChildren(
      ...stageRows(table.stageValues, this.language, (text, kind) => {
        const loaded = this.loaded!;
        const classes = withStageClass(loaded.stageClasses, text, kind);
        this.read(loaded.source, loaded.grid, loaded.overrides, classes);
      })
    );
    byId("stages-card").hidden = table.stageValues.length === 0;
  }

  /** The cells that could not be read; clicking one selects its row in the sheet. */
  private renderProblems(): void {
    const { table, source } = this.loaded!;
    const problems = table!.problems;
    byId("problems-summary").textContent = problemsSummary(problems.length, this.language);
    byId("problems").replaceChildren(
      ...problemItems(problems, this.language, (row) => void selectRow(source, row))
    );
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
    const period = this.period();
    const columns = this.countedColumns(this.loaded.table);
    const report = dealReport(columns, this.target(), period);
    const ids = previewKpis(Boolean(columns.probability), report.previousPeriod !== undefined);
    byId("preview-kpis").replaceChildren(...previewItems(report.kpis, this.language, ids));
    byId("preview-notes").textContent = previewNotes(report, this.language).join(" ");
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
      ...(this.currency === null ? {} : { currency: this.currency }),
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
            loaded.source.table,
            options.currency
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
              dataNames: report.names.filter((name) => name.startsWith(DATA_NAME_PREFIX)),
              source: loaded.source,
              table: loaded.table,
              stageClasses: loaded.stageClasses,
            }
          : null;
      // A sheet on a table follows it; one on a plain range is pointed at the data again by Refresh.
      if (this.built && loaded?.source.table) {
        byId("follows").textContent = followsText(loaded.source.table.name, this.language);
        byId("follows").hidden = false;
      } else if (this.built) byId("refresh").hidden = false;
      const kpiNames = report.names.filter(isKpiValueName).length;
      this.setResult(builtText(this.builtSheet, kpiNames, this.language), "success");
      const goTo = byId("go-to");
      goTo.textContent = goToText(this.builtSheet, this.language);
      goTo.hidden = false;
    } catch (error) {
      this.setResult(failedText(this.messageOf(error), this.language), "error");
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
      const mapping: ColumnOverrides = {};
      for (const field of DEAL_FIELDS) mapping[field] = built.table.mapping[field] ?? null;
      const result = readDealTable(grid, {
        firstRowNumber: source.row + 1,
        mapping,
        stageClasses: built.stageClasses,
        inPlace: true,
        ...(built.table.segment ? { segmentBy: built.table.segment.column } : {}),
      });
      if (isReadFailure(result)) {
        this.setResult(failedText(result.failure[this.language], this.language), "error");
        return;
      }
      const data = dataSourceFor(result, source, this.period());
      // The build's suffix (KPI_DATA_STAGE_2 in a workbook that had the names already).
      const stageName = dataColumnName("stage");
      const suffix = (built.dataNames.find((n) => n.startsWith(stageName)) ?? "").slice(
        stageName.length
      );
      const formulas: Record<string, string> = {};
      const refs: [string, string | undefined][] = [
        ...Object.entries(data.columns),
        ...(data.stageEntries ?? []).map((entry, i): [string, string] => [
          entryColumnKey(i),
          entry.column,
        ]),
      ];
      for (const [key, ref] of refs) {
        const name = dataColumnName(key, suffix);
        if (ref && built.dataNames.includes(name)) formulas[name] = ref;
      }
      await setNameFormulas(formulas);
      // Criteria tell texts apart with case aside and spaces kept, as the sheet's stage list does.
      const known = new Set(built.table.stageValues.map((s) => s.text.toLocaleLowerCase()));
      const owners = new Set(built.table.owners.map((o) => o.toLocaleLowerCase()));
      const said = refreshText(
        {
          from: sheetRows(built.source, built.table),
          to: sheetRows(source, result),
          before: built.table.lastDataRow - built.table.firstDataRow + 1,
          after: result.lastDataRow - result.firstDataRow + 1,
          newStages: result.stageValues
            .filter((s) => !known.has(s.text.toLocaleLowerCase()))
            .map((s) => s.text),
          // A sheet built without an owner column has no owner table to fall behind.
          newOwners:
            built.table.mapping.owner === undefined
              ? []
              : result.owners.filter((o) => !owners.has(o.toLocaleLowerCase())),
        },
        this.language
      );
      this.built = { ...built, source, table: result };
      this.read(source, grid, this.loaded?.overrides ?? {}, built.stageClasses);
      this.setResult(said, "success");
    } catch (error) {
      this.setResult(failedText(this.messageOf(error), this.language), "error");
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
      this.setResult(failedText(this.messageOf(error), this.language), "error");
    } finally {
      this.busy(false);
    }
  }

  private busy(on: boolean): void {
    for (const id of ["build-sheet", "new-workbook", "use-selection", "refresh"])
      byId<HTMLButtonElement>(id).disabled = on;
    if (on) this.setResult(this.t.building);
  }

  private setResult(text: string, kind: ResultKind = ""): void {
    showResult(byId("result"), text, kind);
  }

  /** The reason of a failure, in the pane's language where the error carries both. */
  private messageOf(error: unknown): string {
    return reasonIn(error, this.language);
  }
}

Office.onReady(() => {
  new TaskPane(languageOf(Office.context?.displayLanguage)).start();
});

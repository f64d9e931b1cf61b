/**
 * The page's side of the Office.js stand-in: runs each sync's request against the simulated workbook
 * in order, stopping at the first failing action (those before it stay applied, as in Excel), with
 * Excel on the web's 5 MB limits and a way for tests to make the next sync fail part-way.
 */
import {
  type Action,
  type Loaded,
  PAYLOAD_LIMIT,
  type PreviewHost,
  ROOT_ID,
  type Request,
  type Response,
} from "../standIn/protocol";
import {
  CREATE_WORKBOOK_SET,
  type ExcelBuild,
  apiNotFoundMessage,
  compareVersions,
  excelBuild,
  memberSet,
  supportsSet,
} from "../standIn/apiSets";
import { SCHEMA } from "../standIn/schema";
import { WorkbookError } from "../workbook/errors";
import type { Workbook } from "../workbook/workbook";
import { CHART_IMPLS } from "./chartImpl";
import type { HostContext, Impl, Node } from "./nodes";
import { RANGE_IMPLS } from "./rangeImpl";
import { WORKBOOK_IMPLS } from "./workbookImpl";

/** Every implemented type; a test checks this matches the schema member for member. */
export const IMPLS: Record<string, Impl<unknown>> = {
  ...WORKBOOK_IMPLS,
  ...RANGE_IMPLS,
  ...CHART_IMPLS,
};

/** What one sync sent and how it ended, for the status bar and for tests. */
export interface SyncRecord {
  /** UTF-8 bytes of the request. */
  bytes: number;
  /** Actions that do something (sets, calls, loads), as failNextSync counts them. */
  operations: number;
  /** UTF-8 bytes of the response (loaded values and types come back in it). */
  responseBytes?: number;
  error?: { code: string; message: string; location: string };
}

/** A file the add-in asked Excel.createWorkbook to open. */
export interface CreatedWorkbook {
  base64: string;
  bytes: number;
}

/** Thrown at an action; carries where, as Excel's debugInfo.errorLocation does. */
class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location: string
  ) {
    super(message);
  }
}

function utf8Length(text: string): number {
  if (text.length > PAYLOAD_LIMIT) return text.length; // already over: no need to count exactly
  return new TextEncoder().encode(text).length;
}

function base64Prefix(base64: string): string {
  try {
    return atob(base64.slice(0, 8));
  } catch {
    return "";
  }
}

/** The host the stand-in talks to (window.__previewHost in the page). */
export class Host implements PreviewHost {
  readonly syncs: SyncRecord[] = [];
  readonly createdWorkbooks: CreatedWorkbook[] = [];
  private contexts = new Map<string, Map<string, Node>>();
  private failure?: { opIndex: number; message: string; skip: number };
  private hostIds = 0;
  private listeners = new Set<(created: CreatedWorkbook) => void>();

  /**
   * @param excel The Excel this host plays, for requirement sets (see apiSets.ts): current
   *   Microsoft 365 unless a test chooses an older one, e.g. excelBuild("2016").
   */
  constructor(
    readonly workbook: Workbook,
    readonly displayLanguage = "en-US",
    readonly excel: ExcelBuild = excelBuild()
  ) {}

  isSetSupported(name: string, version?: string): boolean {
    return supportsSet(this.excel, name, version);
  }

  /** Throws ApiNotFound, as Excel does, for a member beyond the ExcelApi set of the Excel played. */
  private requireSet(type: string, member: string, set = memberSet(type, member)): void {
    if (compareVersions(this.excel.excelApi, set) < 0)
      throw new WorkbookError(
        "ApiNotFound",
        apiNotFoundMessage(`${type}.${member}`, set, this.excel)
      );
  }

  /** Whether the Excel played has a member (a load of every property skips those it lacks). */
  private hasMember(type: string, member: string): boolean {
    return compareVersions(this.excel.excelApi, memberSet(type, member)) >= 0;
  }

  /**
   * Makes the next sync (or, with `skip`, a later one) apply its first `opIndex` operations (sets,
   * method calls and loads; getting an object does not count) and then fail with GeneralException, as
   * when Excel refuses part of a batch.
   * @example host.failNextSync(40, { skip: 1 }) // the second sync from now fails at its 41st operation
   */
  failNextSync(opIndex = 0, options: { skip?: number; message?: string } = {}): void {
    this.failure = {
      opIndex,
      skip: options.skip ?? 0,
      message: options.message ?? "The operation failed (a failure injected by the preview).",
    };
  }

  /** Runs `listener` when the add-in creates a workbook. */
  onWorkbookCreated(listener: (created: CreatedWorkbook) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  createWorkbook(base64: string): void {
    this.requireSet("Excel", "createWorkbook", CREATE_WORKBOOK_SET);
    // An .xlsx file is a zip archive: its base64 starts with "UEsD" ("PK\u0003").
    if (typeof base64 !== "string" || !base64Prefix(base64).startsWith("PK"))
      throw new WorkbookError(
        "InvalidArgument",
        "Excel.createWorkbook takes an .xlsx file as base64."
      );
    const created = { base64, bytes: Math.floor((base64.replace(/=+$/, "").length * 3) / 4) };
    this.createdWorkbooks.push(created);
    for (const listener of this.listeners) listener(created);
  }

  release(context: string): void {
    this.contexts.delete(context);
  }

  execute(requestText: string): string {
    const bytes = utf8Length(requestText);
    const request = JSON.parse(requestText) as Request;
    const record: SyncRecord = {
      bytes,
      operations: request.actions.filter((a) => a.kind !== "get").length,
    };
    this.syncs.push(record);
    let response: Response = { results: {}, nulls: {} };
    if (bytes > PAYLOAD_LIMIT) {
      response.error = {
        code: "RequestPayloadSizeLimitExceeded",
        message: `The request payload size has exceeded the limit (${bytes} bytes; Excel on the web takes 5 MB). Write large data in chunks.`,
        location: "",
        statement: -1,
      };
      record.error = response.error;
      return JSON.stringify(response);
    }
    let registry = this.contexts.get(request.context);
    if (!registry) {
      registry = new Map([[ROOT_ID, { type: "Workbook", data: null }]]);
      this.contexts.set(request.context, registry);
    }
    let failure: { opIndex: number; message: string } | undefined;
    if (this.failure && this.failure.skip-- <= 0) {
      failure = this.failure;
      this.failure = undefined;
    }
    try {
      this.workbook.evaluator.defer(() => this.run(request, registry, response, failure));
    } catch (error) {
      const statement = (error as { statement?: number }).statement ?? -1;
      const e =
        error instanceof ActionError
          ? error
          : new ActionError("GeneralException", String(error), "");
      if (!(error instanceof ActionError)) console.error("Preview host:", error);
      // As in Office.js, a failed sync gives no load results.
      response = {
        results: {},
        nulls: response.nulls,
        error: { code: e.code, message: e.message, location: e.location, statement },
      };
      record.error = response.error;
    } finally {
      this.workbook.changed();
    }
    const json = JSON.stringify(response);
    record.responseBytes = utf8Length(json);
    if (record.responseBytes > PAYLOAD_LIMIT) {
      const error = {
        code: "ResponsePayloadSizeLimitExceeded",
        message:
          "The response payload size has exceeded the limit (5 MB on Excel on the web). Read large ranges in chunks.",
        location: "",
        statement: -1,
      };
      record.error = error;
      return JSON.stringify({ results: {}, nulls: {}, error });
    }
    return json;
  }

  private run(
    request: Request,
    registry: Map<string, Node>,
    response: Response,
    failure: { opIndex: number; message: string } | undefined
  ): void {
    const context: HostContext = {
      workbook: this.workbook,
      createWorkbook: (base64) => this.createWorkbook(base64),
      ref: (arg, type) => {
        const id =
          typeof arg === "object" && arg !== null ? (arg as { $ref?: unknown }).$ref : undefined;
        if (typeof id !== "string") return undefined;
        const node = registry.get(id);
        if (!node || node.type !== type)
          throw new WorkbookError("InvalidArgument", `A ${type} is expected as the argument.`);
        return node;
      },
    };
    let operations = 0;
    request.actions.forEach((action, index) => {
      if (action.kind !== "get") {
        if (failure && operations === failure.opIndex)
          throw Object.assign(
            new ActionError("GeneralException", failure.message, describe(action, registry)),
            {
              statement: index,
            }
          );
        operations++;
      }
      try {
        this.apply(action, index, registry, response, context);
      } catch (error) {
        const location = describe(action, registry);
        const wrapped =
          error instanceof WorkbookError
            ? new ActionError(error.code, error.message, location)
            : new ActionError(
                "GeneralException",
                error instanceof Error ? error.message : String(error),
                location
              );
        if (!(error instanceof WorkbookError)) console.error("Preview host:", error);
        throw Object.assign(wrapped, { statement: index });
      }
    });
    if (failure)
      throw Object.assign(new ActionError("GeneralException", failure.message, ""), {
        statement: request.actions.length,
      });
  }

  private apply(
    action: Action,
    index: number,
    registry: Map<string, Node>,
    response: Response,
    context: HostContext
  ): void {
    const nodeOf = (id: string) => {
      const node = registry.get(id);
      if (!node)
        throw new WorkbookError(
          "InvalidObjectPath",
          "The object was used outside the Excel.run that made it, or after it."
        );
      return node;
    };
    if (action.kind === "get") {
      const parent = nodeOf(action.parent);
      const schema = SCHEMA[parent.type];
      const childType =
        schema.nav?.[action.member] ??
        schema.methods?.[action.member] ??
        schema.nullable?.[action.member];
      if (!childType)
        throw new WorkbookError("ApiNotFound", `${parent.type}.${action.member} is not simulated.`);
      this.requireSet(parent.type, action.member);
      if (parent.isNull) {
        registry.set(action.id, { type: childType, data: null, isNull: true });
        response.nulls[action.id] = true;
        return;
      }
      const impl = this.implOf(parent, context);
      let child: Node | undefined;
      if (schema.nav?.[action.member]) child = impl.nav![action.member](parent.data, context);
      else if (schema.methods?.[action.member])
        child = impl.methods![action.member](parent.data, action.args, context);
      else {
        child = impl.nullable![action.member](parent.data, action.args, context);
        response.nulls[action.id] = !child;
      }
      registry.set(action.id, child ?? { type: childType, data: null, isNull: true });
      return;
    }
    const node = nodeOf(action.target);
    if (node.isNull) {
      // Office.js ignores what is queued on a null object; loads give nothing.
      if (action.kind === "load") response.results[index] = { props: {}, isNull: true };
      return;
    }
    const impl = this.implOf(node, context);
    if (action.kind === "set") this.requireSet(node.type, action.prop);
    if (action.kind === "call") this.requireSet(node.type, action.method);
    if (action.kind === "set") {
      const setter = impl.props?.[action.prop]?.set;
      if (!setter || SCHEMA[node.type].props?.[action.prop] !== "rw")
        throw new WorkbookError("InvalidArgument", `${node.type}.${action.prop} cannot be set.`);
      setter(node.data, action.value, context);
    } else if (action.kind === "call") {
      if (impl.actions?.[action.method])
        impl.actions[action.method](node.data, action.args, context);
      else if (impl.results?.[action.method])
        response.results[index] = {
          value: impl.results[action.method](node.data, action.args, context),
        };
      else
        throw new WorkbookError("ApiNotFound", `${node.type}.${action.method} is not simulated.`);
    } else {
      response.results[index] = this.load(node, action.select, registry, context);
    }
  }

  private implOf(node: Node, context: HostContext): Impl<unknown> {
    const impl = IMPLS[node.type];
    if (!impl) throw new WorkbookError("ApiNotFound", `${node.type} is not simulated.`);
    impl.check?.(node.data, context);
    return impl;
  }

  private load(
    node: Node,
    select: string[] | null,
    registry: Map<string, Node>,
    context: HostContext
  ): Loaded {
    const impl = this.implOf(node, context);
    if (impl.items) {
      const paths = select?.map((path) => path.replace(/^items\/?/, "")).filter(Boolean) ?? [];
      const items = impl.items(node.data, context).map((item) => {
        const id = `h${++this.hostIds}`;
        registry.set(id, item);
        return { id, loaded: this.loadObject(item, paths.length ? paths : null, context) };
      });
      return { props: {}, items };
    }
    return this.loadObject(node, select, context);
  }

  private loadObject(node: Node, select: string[] | null, context: HostContext): Loaded {
    const schema = SCHEMA[node.type];
    const impl = this.implOf(node, context);
    const loaded: Loaded = { props: {} };
    // Loading everything loads what this Excel has; naming a property it lacks fails as a call would.
    const paths =
      select ?? Object.keys(schema.props ?? {}).filter((p) => this.hasMember(node.type, p));
    if (select) for (const path of select) this.requireSet(node.type, path.split("/")[0]);
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length && schema.nav?.[head]) {
        nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
      } else if (schema.nav?.[head]) {
        nested.set(head, nested.get(head) ?? []);
      } else {
        const getter = impl.props?.[head]?.get;
        if (!getter)
          throw new WorkbookError(
            "InvalidArgument",
            `${node.type} has no property "${head}" to load.`
          );
        loaded.props[head] = getter(node.data, context);
      }
    }
    for (const [nav, rest] of nested) {
      const child = impl.nav![nav](node.data, context);
      loaded.nav = {
        ...loaded.nav,
        [nav]: this.loadObject(child, rest.length ? rest : null, context),
      };
    }
    return loaded;
  }
}

/** Where an action failed, as Excel names it: "Range.values", "Worksheet.delete". */
function describe(action: Action, registry: Map<string, Node>): string {
  const target = registry.get(action.kind === "get" ? action.parent : action.target);
  const member =
    action.kind === "get"
      ? action.member
      : action.kind === "set"
        ? action.prop
        : action.kind === "call"
          ? action.method
          : "load";
  return `${target?.type ?? "?"}.${member}`;
}

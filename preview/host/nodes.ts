/**
 * How the page's side implements a type of the schema: getters and setters of properties, navigation,
 * methods and actions, each working on the node's data (a sheet, a range...). Implementations throw
 * WorkbookError with Excel's codes; the host turns those into the sync's error.
 */
import type { Area } from "../workbook/address";
import { WorkbookError, invalidArgument } from "../workbook/errors";
import type { Sheet, Workbook } from "../workbook/workbook";

/** A resolved object: its schema type and what it stands for. A null object has no data. */
export interface Node {
  type: string;
  data: unknown;
  isNull?: boolean;
}

/** What an implementation can reach besides its node. */
export interface HostContext {
  workbook: Workbook;
  /** The node an argument {"$ref": id} names, checked to be of `type`. */
  ref(arg: unknown, type: string): Node | undefined;
  createWorkbook(base64: string): void;
}

type Fn<D, R> = (data: D, args: unknown[], context: HostContext) => R;

export interface Impl<D> {
  props?: Record<
    string,
    {
      get?: (data: D, context: HostContext) => unknown;
      set?: (data: D, value: unknown, context: HostContext) => void;
    }
  >;
  nav?: Record<string, (data: D, context: HostContext) => Node>;
  methods?: Record<string, Fn<D, Node>>;
  /** Returns undefined for a null object. */
  nullable?: Record<string, Fn<D, Node | undefined>>;
  actions?: Record<string, Fn<D, void>>;
  results?: Record<string, Fn<D, unknown>>;
  items?: (data: D, context: HostContext) => Node[];
  /** Throws when the object no longer exists (a deleted sheet...). */
  check?: (data: D, context: HostContext) => void;
}

/** Declares an implementation with its data type, stored untyped in the registry. */
export function impl<D>(definition: Impl<D>): Impl<unknown> {
  return definition as Impl<unknown>;
}

export interface RangeData {
  sheet: Sheet;
  area: Area;
}

/** A range node. */
export function rangeNode(sheet: Sheet, area: Area): Node {
  return { type: "Range", data: { sheet, area } satisfies RangeData };
}

/** Fails as Excel does when a sheet an object belongs to was deleted. */
export function checkSheet(sheet: Sheet, context: HostContext): void {
  if (!context.workbook.sheets.includes(sheet))
    throw new WorkbookError("InvalidReference", `The worksheet "${sheet.name}" was deleted.`);
}

/** A whole number argument within bounds, or Excel's InvalidArgument. */
export function integer(value: unknown, what: string, min = 0): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min)
    invalidArgument(
      `${what} must be a whole number of at least ${min}, not ${JSON.stringify(value)}.`
    );
  return value;
}

/** A text argument, or Excel's InvalidArgument. */
export function text(value: unknown, what: string): string {
  if (typeof value !== "string")
    invalidArgument(`${what} must be text, not ${JSON.stringify(value)}.`);
  return value;
}

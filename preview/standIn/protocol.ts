/**
 * The wire between the Office.js stand-in (in the task pane's frame) and the simulated workbook (in
 * the preview page): a request is the JSON of one sync's queued actions, as Office.js sends a batch to
 * Excel, so its size is the request size Excel on the web limits to 5 MB. Only strings cross the
 * frames, which keeps every object the pane sees in the pane's own realm.
 */

/** The workbook object every context starts from. */
export const ROOT_ID = "workbook";

/** One queued operation. Objects are named by ids; an argument that is an object is {"$ref": id}. */
export type Action =
  /** Creates object `id` from a property or method of `parent`; nullable for *OrNullObject. */
  | { kind: "get"; id: string; parent: string; member: string; args: unknown[] }
  | { kind: "set"; target: string; prop: string; value: unknown }
  /** A method that acts (activate, delete...) or gives a value (getCount). */
  | { kind: "call"; target: string; method: string; args: unknown[] }
  /** Loads property paths ("values", "format/font/bold"); null loads every scalar property. */
  | { kind: "load"; target: string; select: string[] | null };

export interface Request {
  context: string;
  actions: Action[];
}

/** Loaded properties of an object, with those of its navigation properties below. */
export interface Loaded {
  props: Record<string, unknown>;
  nav?: Record<string, Loaded>;
  /** The object is a null object (from an *OrNullObject method). */
  isNull?: boolean;
  /** A collection's items, with ids the host gave them. */
  items?: { id: string; loaded: Loaded }[];
}

export interface Response {
  /** Load results and method values, by the action's index in the request. */
  results: Record<number, Loaded | { value: unknown }>;
  /** Whether each object created by an *OrNullObject method (or below one) is a null object. */
  nulls: Record<string, boolean>;
  error?: { code: string; message: string; location: string; statement: number };
}

/** What the preview page offers the stand-in, as window.__previewHost. */
export interface PreviewHost {
  /** Runs one sync's request (JSON of a Request) and answers with JSON of a Response. */
  execute(request: string): string;
  /** Forgets a context's objects once its Excel.run has finished. */
  release(context: string): void;
  /** Office.context.displayLanguage, e.g. "en-US" or "tr-TR". */
  readonly displayLanguage: string;
  /** Office.context.requirements.isSetSupported for the Excel the preview plays (see apiSets.ts). */
  isSetSupported(name: string, version?: string): boolean;
  /** Excel.createWorkbook: the file as base64; rejects text that is not an .xlsx file. */
  createWorkbook(base64: string): void;
}

/** Excel on the web refuses requests (and responses) over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

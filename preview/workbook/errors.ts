/** Errors of the simulated workbook, with Excel's error codes (Excel.ErrorCodes values). */

/** A refusal by the workbook, as Excel's RichApi.Error carries it: a code and a message. */
export class WorkbookError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** Throws Excel's InvalidArgument error. */
export function invalidArgument(message: string): never {
  throw new WorkbookError("InvalidArgument", message);
}

/** Throws Excel's ItemNotFound error. */
export function itemNotFound(message: string): never {
  throw new WorkbookError("ItemNotFound", message);
}

/** OfficeExtension.Error as the stand-in raises it, created in the pane's own realm. */

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements: string[];
  fullStatements: string[];
}

/** The error a failed sync rejects with, shaped like Office.js's RichApi.Error. */
export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: unknown = null;
  readonly httpStatusCode = 0;

  constructor(code: string, message: string, location?: string, statement?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = {
      code,
      message,
      errorLocation: location || undefined,
      statement,
      surroundingStatements: [],
      fullStatements: statement ? [statement] : [],
    };
  }

  toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** The error Office.js raises when code reads a property it did not load. */
export function propertyNotLoaded(type: string, property: string): OfficeExtensionError {
  return new OfficeExtensionError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object (Excel.${type}) and call "context.sync()" on the associated request context.`
  );
}

/**
 * A stand-in for Excel's CustomFunctions runtime: associate() records each function by id, and Error /
 * ErrorCode are what a bundle builds its error results with. Free of HyperFormula, so the task pane's
 * frame can use it too.
 */

/** CustomFunctions.Error of the stand-in runtime: an error value a function returns or receives. */
export class CustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

/** CustomFunctions.ErrorCode: the error values a custom function may return. */
export const ERROR_CODE = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

export type CustomFunction = (...args: unknown[]) => unknown;

/** The CustomFunctions global a bundle sees, and what it associated. */
export interface CustomFunctionsStandIn {
  runtime: {
    associate(id: string | Record<string, CustomFunction>, fn?: CustomFunction): void;
    Error: typeof CustomFunctionError;
    ErrorCode: typeof ERROR_CODE;
  };
  associations: Map<string, CustomFunction>;
}

/**
 * A CustomFunctions runtime that records associate() calls by upper-case id.
 * @example const cf = createCustomFunctions(); window.CustomFunctions = cf.runtime;
 */
export function createCustomFunctions(): CustomFunctionsStandIn {
  const associations = new Map<string, CustomFunction>();
  const add = (id: string, fn: unknown) => {
    if (typeof fn !== "function")
      throw new Error(`CustomFunctions.associate("${id}"): not a function`);
    associations.set(id.toUpperCase(), fn as CustomFunction);
  };
  return {
    associations,
    runtime: {
      associate(id, fn) {
        if (typeof id === "string") add(id, fn);
        else for (const [key, value] of Object.entries(id)) add(key, value);
      },
      Error: CustomFunctionError,
      ErrorCode: ERROR_CODE,
    },
  };
}

/** Objects that fail loudly on any member they do not have, so a pane bug shows instead of hiding. */

/**
 * Keys that Promise resolution, JSON, jest, frameworks and consoles probe on any object: answered
 * with undefined rather than failing.
 */
export const PROBES = new Set([
  "then",
  "catch",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "inspect",
  "_isMockFunction",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "toJSON",
  "valueOf",
]);

/** The error for a member the preview does not simulate. */
export function notSimulated(path: string): Error {
  return new Error(
    `Office stand-in: ${path} is not simulated by the preview. Use a member the preview implements, or add it to preview/standIn/schema.ts and preview/host.`
  );
}

/**
 * Wraps `target` so reading or setting a member it lacks throws, naming the member.
 * @example strict("Office.context", { displayLanguage: "en-US" }).document // throws
 */
export function strict<T extends object>(path: string, target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "symbol" || key in t) return Reflect.get(t, key, receiver);
      if (PROBES.has(key)) return undefined;
      throw notSimulated(`${path}.${key}`);
    },
    set(t, key, value, receiver) {
      if (typeof key !== "symbol" && key in t) return Reflect.set(t, key, value, receiver);
      throw notSimulated(`setting ${path}.${String(key)}`);
    },
  });
}

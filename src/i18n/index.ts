/**
 * Every word a person sees, in English and Turkish: one section per face (`strings/`), templates
 * filled by `format.ts`. The catalog's own entries carry their metric's text in both languages too.
 */
export * from "./language";
export * from "./format";
export {
  type Section,
  type Shape,
  SECTIONS,
  countBoth,
  defineSection,
  sayBoth,
  textOf,
} from "./table";
export { TextError, reasonIn } from "./textError";

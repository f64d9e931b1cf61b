// office-addin-lint's own configuration, plus the globals of where each part runs.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const node = { require: "readonly", module: "readonly", process: "readonly", __dirname: "readonly" };
const browser = {
  document: "readonly",
  window: "readonly",
  btoa: "readonly",
  Option: "readonly",
  HTMLElement: "readonly",
  HTMLAnchorElement: "readonly",
  HTMLInputElement: "readonly",
  HTMLSelectElement: "readonly",
  HTMLButtonElement: "readonly",
};

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  { files: ["src/cli/**", "src/tools/**"], languageOptions: { globals: node } },
  { files: ["src/taskpane/**"], languageOptions: { globals: browser } },
];

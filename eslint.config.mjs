// office-addin-lint's own configuration, plus the globals of where each part runs.
// `npm run lint` checks src/, preview/, test/, bench/ and scripts/ (config.lint_files in package.json).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

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

// Outside src/: the whole set of each environment's globals (TypeScript checks the names as well).
// NodeJS is the @types/node namespace, used in types only.
const inNode = { ...globals.node, NodeJS: "readonly" };
const inPage = { ...globals.browser };
// Excel and Office: their types, and in test/e2e the callbacks that run in the preview's page.
const officeJs = { Excel: "readonly", Office: "readonly" };

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  { files: ["src/cli/**", "src/tools/**"], languageOptions: { globals: node } },
  { files: ["src/taskpane/**"], languageOptions: { globals: browser } },

  // The code outside src/ is ES2022 (tsconfig.json's lib): globalThis and the like are defined.
  {
    files: ["preview/**", "test/**", "bench/**", "scripts/**"],
    languageOptions: { ecmaVersion: 2022 },
  },
  // The preview's page (the simulated workbook, the Office.js stand-in); its server runs in Node.
  { files: ["preview/**"], languageOptions: { globals: inPage } },
  {
    files: ["preview/server.ts", "preview/serve.ts", "preview/webpack.config.js"],
    languageOptions: { globals: inNode },
  },
  { files: ["bench/**", "scripts/**"], languageOptions: { globals: inNode } },
  // Jest runs the tests in Node; test/e2e's callbacks run in the preview's page (Playwright).
  { files: ["test/**"], languageOptions: { globals: { ...inNode, ...globals.jest, ...officeJs } } },
  { files: ["test/e2e/**"], languageOptions: { globals: inPage } },
  {
    // The office-addins rules are about an add-in's calls to the real Excel. The tests drive the
    // doubles and the preview's stand-in on purpose the way those rules forbid (reading what was not
    // loaded, to assert the PropertyNotLoaded error; syncing in a loop, to check chunked reads;
    // loading a misspelt property), so obeying them would change what the tests assert. They also
    // misfire on ExcelJS cells (test/support/libreOffice.ts), which are not Office.js objects.
    files: ["test/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
    },
  },
];

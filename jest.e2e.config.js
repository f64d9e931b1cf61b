/**
 * End-to-end tests (npm run test:e2e): the preview page with the real task pane in Chromium, driven by
 * playwright-core. Builds dist/ and preview-dist/ first when their sources changed (see
 * test/e2e/globalSetup.ts); one browser at a time.
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: { warnOnly: false } }] },
  globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
  maxWorkers: 1,
  testTimeout: 120000,
};

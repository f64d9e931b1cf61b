/**
 * The preview's own build (a development tool, never part of dist/): the page with the simulated
 * workbook, the Office.js stand-in the task pane loads, and the little server, all in preview-dist/.
 * Types are checked by `npm run typecheck`; here ts-loader only transpiles, so the preview
 * builds even while someone's unfinished code elsewhere does not type-check.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.resolve(__dirname, "..");
const output = path.join(root, "preview-dist");

const typescript = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { configFile: path.join(root, "tsconfig.json"), transpileOnly: true },
  },
};

module.exports = (env, options) => [
  {
    name: "page",
    mode: options.mode || "development",
    devtool: "source-map",
    context: root,
    entry: {
      preview: "./preview/main.ts",
      "office-stand-in": "./preview/officeStandIn.ts",
    },
    output: { path: output, filename: "preview/[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescript, { test: /\.csv$/, type: "asset/source" }] },
    // HyperFormula makes the page large; it is a local tool, so size warnings say nothing useful.
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./preview/index.html",
        chunks: ["preview"],
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "preview/preview.css", to: "preview/preview.css" }],
      }),
    ],
  },
  {
    name: "server",
    mode: options.mode || "development",
    devtool: false,
    target: "node",
    context: root,
    entry: { serve: "./preview/serve.ts" },
    output: { path: output, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescript] },
    // The server finds dist/ and preview-dist/ from where its bundle lies.
    node: { __dirname: false },
  },
];

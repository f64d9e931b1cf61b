/* eslint-disable no-undef */
/* global require, module, process, __dirname */
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");

const fs = require("fs");

const urlDev = "https://localhost:3000/";
// The add-in's version is the manifest's <Version>: the custom functions compare it with the last one
// that ran to ask Excel for fresh metadata after an update (src/functions/cacheRefresh.ts).
const addinVersion = /<Version>([^<]+)<\/Version>/.exec(
  fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8")
)[1];
// Where the add-in is deployed; set ADDIN_PUBLIC_URL (ending in /) for a production build.
const urlProd = process.env.ADDIN_PUBLIC_URL || urlDev;

/**
 * Emits what is generated from the catalog: functions.json, functions-tr.json and the help pages.
 * The generators are compiled to lib/ by `npm run build:cli`, which `npm run build` runs first.
 */
class CatalogAssetsPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CatalogAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "CatalogAssetsPlugin",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const { buildFunctionsMetadata } = require("./lib/tools/metadata.js");
          const { renderHelpHtml } = require("./lib/tools/reference.js");
          const { RawSource } = compiler.webpack.sources;
          for (const [language, suffix] of [
            ["en", ""],
            ["tr", "-tr"],
          ]) {
            const metadata = buildFunctionsMetadata(language, this.baseUrl);
            compilation.emitAsset(
              `functions${suffix}.json`,
              new RawSource(JSON.stringify(metadata, null, 2))
            );
            compilation.emitAsset(`help${suffix}.html`, new RawSource(renderHelpHtml(language)));
          }
        }
      );
    });
  }
}

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = dev ? urlDev : urlProd;
  // OFFICE_JS=local: Office.js from the add-in's own origin (src/tools/officeJs.ts); the CDN otherwise.
  const officeJs = process.env.OFFICE_JS === "local" ? "local" : "cdn";
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              onlyCompileBundledFiles: true,
              // ES modules let webpack split the lazy chunks (the .xlsx writer) out of the first load.
              compilerOptions: { module: "es2020" },
            },
          },
        },
      ],
    },
    plugins: [
      ...(officeJs === "local"
        ? [
            new CopyWebpackPlugin({
              patterns: [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  globOptions: { ignore: ["**/*.d.ts"] },
                },
              ],
            }),
          ]
        : []),
      new (require("webpack").DefinePlugin)({ ADDIN_VERSION: JSON.stringify(addinVersion) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        templateContent: () => {
          const { pageForOfficeJs } = require("./lib/tools/officeJs.js");
          return pageForOfficeJs(
            fs.readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8"),
            officeJs
          );
        },
        chunks: ["taskpane", "functions"],
        inject: "head",
        scriptLoading: "defer",
      }),
      new CatalogAssetsPlugin(baseUrl),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined
            ? options.https
            : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};

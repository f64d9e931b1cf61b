/**
 * `npm run preview` ends here (bundled to preview-dist/serve.js): serves the preview on
 * http://localhost:3001/ (PREVIEW_PORT or --port to change) until stopped with Ctrl+C.
 */
import * as path from "path";
import { startPreviewServer } from "./server";

function port(): number {
  const flag = process.argv.indexOf("--port");
  const value = flag >= 0 ? process.argv[flag + 1] : process.env.PREVIEW_PORT;
  return value ? Number(value) : 3001;
}

// The bundle lies in preview-dist/, beside dist/ in the repository.
startPreviewServer({ root: path.resolve(__dirname, ".."), port: port() })
  .then((server) => {
    console.log(`Preview of the add-in without Excel: ${server.url}`);
    console.log(`In Turkish Excel: ${server.url}?lang=tr-TR`);
    console.log("Stop with Ctrl+C.");
  })
  .catch((error: NodeJS.ErrnoException) => {
    const why =
      error.code === "EADDRINUSE"
        ? `port ${port()} is in use; set PREVIEW_PORT to another`
        : String(error);
    console.error(`The preview server could not start: ${why}`);
    process.exit(1);
  });

/** `kpi list | head`: a reader that stops early ends the command quietly, as it ends any Unix tool. */
import { spawn } from "child_process";
import * as path from "path";
import { ROOT } from "../support/cli";

it("exits 0 without a stack trace when its output pipe is closed after the first line", async () => {
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "kpi.js"), "list"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // As head does: read the first chunk, then close the pipe.
  child.stdout.once("data", () => child.stdout.destroy());
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).toBe("");
  expect(status).toBe(0);
});

/**
 * Preloaded (node --require) into a measured process: at exit it writes the process's peak resident
 * memory, in bytes, to the file named by KPI_BENCH_RSS_FILE.
 */
import * as fs from "fs";

const file = process.env.KPI_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    // resourceUsage() gives the peak in kilobytes.
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}

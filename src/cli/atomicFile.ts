/** Writing output files without ever leaving a half-written one behind. */
import * as fs from "fs";
import * as path from "path";

/**
 * Runs `write` on a temporary file beside `file` and renames it into place only once complete; on any
 * failure the temporary file is removed and whatever was at `file` before is left untouched.
 */
export async function writeAtomically(
  file: string,
  write: (temporary: string) => Promise<void>
): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The decisions of scripts/ensure-test-programs.js (run first by npm test), with this machine's checks
 * replaced: which program is missing, whether it can be installed here, and what to tell the user when
 * not. Nothing is installed; one real run checks the happy path on this machine's own programs.
 */
import { spawnSync } from "child_process";
import * as path from "path";

interface Program {
  name: string;
  pkg: string;
  path?: string;
  command?: string;
}
type Plan =
  | { action: "none" }
  | { action: "install"; packages: string[]; names: string }
  | { action: "stop"; message: string };
interface Checks {
  env: Record<string, string | undefined>;
  exists: (program: Program) => boolean;
  isRoot: () => boolean;
  hasApt: () => boolean;
  installFailed?: boolean;
}

const SCRIPT = path.join(__dirname, "..", "..", "scripts", "ensure-test-programs.js");
// A plain CommonJS script (npm test runs it before anything is built), so required, not imported.
const { plan } = require(SCRIPT) as { plan: (checks: Checks) => Plan };

/** Checks where exactly the named programs ("chromium" at its path, "soffice") are missing. */
function machine(
  missing: string[],
  options: { root?: boolean; apt?: boolean; env?: Record<string, string> } = {}
): Checks & { looked: string[] } {
  const looked: string[] = [];
  return {
    env: options.env ?? {},
    exists: (program) => {
      const where = program.command ?? program.path!;
      looked.push(where);
      return !missing.includes(program.command ?? "chromium");
    },
    isRoot: () => options.root ?? false,
    hasApt: () => options.apt ?? true,
    looked,
  };
}

describe("ensure-test-programs decides", () => {
  it("to do nothing when both programs are there, looking at /usr/bin/chromium and soffice", () => {
    const checks = machine([]);
    expect(plan(checks)).toEqual({ action: "none" });
    expect(checks.looked).toEqual(["/usr/bin/chromium", "soffice"]);
  });

  it("to look for Chromium at CHROMIUM_PATH when it is set", () => {
    const checks = machine([], { env: { CHROMIUM_PATH: "/opt/chromium/chrome" } });
    expect(plan(checks)).toEqual({ action: "none" });
    expect(checks.looked).toEqual(["/opt/chromium/chrome", "soffice"]);
  });

  it.each([
    [["chromium"], ["chromium"], "Chromium"],
    [["soffice"], ["libreoffice-calc"], "LibreOffice Calc"],
    [["chromium", "soffice"], ["chromium", "libreoffice-calc"], "Chromium and LibreOffice Calc"],
  ])("as root with apt-get, with %j missing, to install %j", (missing, packages, names) => {
    expect(plan(machine(missing, { root: true }))).toEqual({ action: "install", packages, names });
  });

  it("not as root, to stop with the sudo command for exactly the missing packages", () => {
    const result = plan(machine(["soffice"], { root: false }));
    expect(result.action).toBe("stop");
    const message = (result as { message: string }).message;
    expect(message).toContain("LibreOffice Calc");
    expect(message).toContain("only when run as root");
    expect(
      message.endsWith("\n  sudo apt-get install -y --no-install-recommends libreoffice-calc")
    ).toBe(true);
  });

  it("not as root, with both missing, to name both packages in one command", () => {
    const result = plan(machine(["chromium", "soffice"]));
    expect((result as { message: string }).message).toContain(
      "sudo apt-get install -y --no-install-recommends chromium libreoffice-calc"
    );
  });

  it("without apt-get, even as root, to stop with the command and the other way", () => {
    const result = plan(machine(["chromium"], { root: true, apt: false }));
    expect(result.action).toBe("stop");
    const message = (result as { message: string }).message;
    expect(message).toContain("apt-get is not available");
    expect(message).toContain("sudo apt-get install -y --no-install-recommends chromium");
    expect(message).toContain("CHROMIUM_PATH");
  });

  it("after apt-get failed or left a program missing, to stop instead of installing again", () => {
    const result = plan({ ...machine(["soffice"], { root: true }), installFailed: true });
    expect(result.action).toBe("stop");
    const message = (result as { message: string }).message;
    expect(message).toContain("apt-get did not install it");
    expect(message).toContain("sudo apt-get install -y --no-install-recommends libreoffice-calc");
  });

  it("with a CHROMIUM_PATH that is not there, to stop even as root (the package would not help)", () => {
    const env = { CHROMIUM_PATH: "/nonexistent" };
    const result = plan(machine(["chromium", "soffice"], { root: true, env }));
    expect(result.action).toBe("stop");
    const message = (result as { message: string }).message;
    expect(message).toContain("CHROMIUM_PATH=/nonexistent is not an executable file");
    expect(message).toContain("/usr/bin/chromium");
  });
});

describe("ensure-test-programs run on this machine", () => {
  it("stops at once with a non-zero exit and the hint on a CHROMIUM_PATH that is not there", () => {
    const run = spawnSync(process.execPath, [SCRIPT], {
      env: { ...process.env, CHROMIUM_PATH: path.join(__dirname, "no-such-chromium") },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("is not an executable file: point CHROMIUM_PATH at Chromium");
  });

  it("stops with the command when neither soffice nor apt-get is on PATH", () => {
    const run = spawnSync(process.execPath, [SCRIPT], {
      env: { ...process.env, PATH: path.join(__dirname, "no-such-dir") },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "sudo apt-get install -y --no-install-recommends libreoffice-calc"
    );
  });

  it("prints nothing and exits 0 where both programs are installed (as npm test needs them)", () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("");
    expect(run.status).toBe(0);
  });
});

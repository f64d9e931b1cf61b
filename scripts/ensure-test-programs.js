/**
 * Makes sure the two programs the tests use are installed, before `npm test` runs anything:
 * Chromium for the end-to-end tests (Debian's /usr/bin/chromium, or CHROMIUM_PATH) and LibreOffice
 * Calc (`soffice` on PATH), which recalculates the portable workbooks. When one is missing and this
 * machine can install it (root, with apt-get), it installs Debian's packages; otherwise it stops at once
 * with the command to run. No test skips for want of a program.
 *
 * `plan` takes the decision (pure, with the checks passed in); the rest carries it out.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * The programs, each with the Debian package that provides it.
 * @param {Record<string, string | undefined>} env
 */
function programs(env) {
  return [
    {
      name: "Chromium",
      pkg: "chromium",
      // As test/e2e/harness.ts reads it. Debian's package installs /usr/bin/chromium, not whatever
      // CHROMIUM_PATH names.
      path: env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM,
      custom: env.CHROMIUM_PATH !== undefined,
    },
    { name: "LibreOffice Calc", pkg: "libreoffice-calc", command: "soffice" },
  ];
}

/** The command that installs the given packages, to be run by whoever can. */
function installCommand(packages) {
  return `sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

/**
 * What to do: nothing, install Debian's packages, or stop with the command to run.
 * @param {{
 *   env: Record<string, string | undefined>,
 *   exists: (program: { path?: string, command?: string }) => boolean,
 *   isRoot: () => boolean,
 *   hasApt: () => boolean,
 *   installFailed?: boolean,
 * }} checks `installFailed`: apt-get has already run (and failed, or left a program missing).
 * @returns {{ action: "none" } | { action: "install", packages: string[], names: string }
 *   | { action: "stop", message: string }}
 */
function plan({ env, exists, isRoot, hasApt, installFailed = false }) {
  const missing = programs(env).filter((program) => !exists(program));
  if (missing.length === 0) return { action: "none" };
  const chromium = missing.find((program) => program.custom);
  if (chromium) {
    return {
      action: "stop",
      message:
        `CHROMIUM_PATH=${chromium.path} is not an executable file: point CHROMIUM_PATH at Chromium, ` +
        `or unset it to use Debian's ${DEBIAN_CHROMIUM} (${installCommand(["chromium"])}).`,
    };
  }
  const packages = missing.map((program) => program.pkg);
  const names = missing.map((program) => program.name).join(" and ");
  const apt = hasApt();
  const them = missing.length > 1 ? "them" : "it";
  if (isRoot() && apt && !installFailed) return { action: "install", packages, names };
  const why = installFailed
    ? `apt-get did not install ${them}`
    : apt
      ? `npm test installs ${them} only when run as root`
      : `apt-get is not available to install ${them}`;
  return {
    action: "stop",
    message:
      `The tests need ${names}, missing here (${why}). Run:\n` +
      `  ${installCommand(packages)}` +
      (apt
        ? ""
        : "\nor, on a system without apt-get: put soffice on PATH and CHROMIUM_PATH at Chromium."),
  };
}

/** True when the file is there and executable. */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when the command is an executable file in a directory of PATH. */
function onPath(command, env = process.env) {
  const extensions = process.platform === "win32" ? (env.PATHEXT || ".EXE").split(";") : [""];
  return (env.PATH || "")
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => extensions.some((ext) => isExecutable(path.join(dir, command + ext))));
}

/** True when the program is installed where the tests look for it. */
function exists(program) {
  return program.command ? onPath(program.command) : isExecutable(program.path);
}

/** The checks of this machine. */
function checks() {
  return {
    env: process.env,
    exists,
    isRoot: () => process.getuid?.() === 0,
    hasApt: () => onPath("apt-get"),
  };
}

/** Prints the message and ends the run, so that npm test stops before its first step. */
function stop(message) {
  process.stderr.write(`${message.trimEnd()}\n`);
  process.exit(1);
}

/** Runs apt-get with its output shown and no questions asked; true when it succeeded. */
function run(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const result = spawnSync("apt-get", args, { stdio: "inherit", env });
  return result.status === 0;
}

function main() {
  const first = plan(checks());
  if (first.action === "none") return;
  if (first.action === "stop") stop(first.message);
  console.log(
    `Installing the programs the tests use: ${first.names} (${first.packages.join(" ")})`
  );
  if (run(["update", "-qq"]))
    run(["install", "-y", "-qq", "--no-install-recommends", ...first.packages]);
  const again = plan({ ...checks(), installFailed: true });
  if (again.action === "stop") stop(again.message);
}

module.exports = { plan, programs, installCommand, onPath };

if (require.main === module) main();

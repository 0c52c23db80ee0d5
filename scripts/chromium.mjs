#!/usr/bin/env node
// `start` (or `ensure`): makes sure Debian's headless Chromium is at /usr/bin/chromium for the HTML report's
// browser test. It installs Debian's package when missing and this is root on a Debian-like machine
// (as on CI); nothing ever downloads a browser build of its own.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

function ensure() {
  if (existsSync(CHROMIUM)) return 0;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.error(`chromium: ${CHROMIUM} is missing; install Debian's chromium package (apt-get install chromium) for the HTML report's browser test`);
    return 1;
  }
  console.error("chromium: installing Debian's chromium package (once) ...");
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", "chromium"]]) {
    const r = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) {
      console.error(`chromium: apt-get ${args.join(" ")} failed with exit code ${r.status}`);
      return 1;
    }
  }
  return existsSync(CHROMIUM) ? 0 : 1;
}

const command = process.argv[2];
// `start`/`stop` let scripts/run-tests.mjs treat it like its services; there is nothing to stop.
if (command === "ensure" || command === "start") process.exit(ensure());
if (command === "stop") process.exit(0);
console.error("usage: node scripts/chromium.mjs ensure|start|stop");
process.exit(2);

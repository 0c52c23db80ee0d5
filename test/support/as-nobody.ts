// Tests of unreadable files run as root, where chmod 000 stops nothing, so they run the code as
// uid 65534 (`nobody`). That user must reach the built code: a checkout inside a 0700 folder
// (`mktemp -d`) is out of its reach, and such a test then skips with the reason instead of failing.
import { spawnSync } from "node:child_process";

export const NOBODY = 65534;

/** Why uid 65534 cannot read `path` (null when it can, or when this process is not root). */
export function nobodyCannotRead(path: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const probe = spawnSync(process.execPath, ["-e", `require("node:fs").accessSync(${JSON.stringify(path)})`], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0 ? null : `uid ${NOBODY} cannot read ${path} (a folder above it is closed to other users), so the unreadable-file check cannot run as another user`;
}

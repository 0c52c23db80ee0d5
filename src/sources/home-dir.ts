// `~` expansion for local source paths, as a shell (and Python's os.path.expanduser) would do it
// for the current user. `~user` forms are left alone: Node cannot look up other users' homes.
import { homedir } from "node:os";

export function expandHome(path: string, home: string = homedir()): string {
  if (path === "~") return home;
  if (path.startsWith("~/") || path.startsWith("~\\")) return home + path.slice(1);
  return path;
}

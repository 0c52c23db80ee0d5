// A streaming, sorted walk of a report folder. Sorting each folder's entries by name is not the same
// as sorting full relative paths ("a-c" < "a/b" because "-" < "/"), so a folder sorts under its name
// plus the separator; depth-first in that order yields full paths in code-point order while holding
// only one folder listing per level in memory.
import { statSync, type Dirent, type Stats } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, sep } from "node:path";
import { compareCodePoints } from "../code-point-order.js";
import type { ResolvedSourceOptions } from "../options.js";
import { tooLargeRef } from "../capped-read.js";
import type { ReportProblemKind, ReportRef } from "../report-source.js";

interface Entry {
  dirent: Dirent;
  /** Relative path from the root, OS separators. */
  name: string;
  sortKey: string;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? "unknown error";
}

function problemRef(uri: string, name: string, kind: ReportProblemKind, message: string): ReportRef {
  return { uri, name, problem: { kind, message } };
}

/** A ref for a file whose stats are known (size cap applied). */
export function fileRef(uri: string, name: string, stats: Stats, options: ResolvedSourceOptions): ReportRef {
  return tooLargeRef({ uri, name, size: stats.size, modified: Math.floor(stats.mtimeMs / 1000) }, options.maxReportBytes);
}

/** Yields the refs under `root/relDir`; `entries` is that folder's already-read listing. */
export async function* walkFolder(root: string, relDir: string, entries: Dirent[], options: ResolvedSourceOptions): AsyncGenerator<ReportRef> {
  const visible: Entry[] = entries
    .filter((d) => !d.name.startsWith("."))
    .map((dirent) => {
      const name = relDir === "" ? dirent.name : `${relDir}${sep}${dirent.name}`;
      return { dirent, name, sortKey: dirent.isDirectory() ? name + sep : name };
    })
    .sort((a, b) => compareCodePoints(a.sortKey, b.sortKey));

  for (const { dirent, name } of visible) {
    const uri = join(root, name);
    if (dirent.isDirectory()) {
      let children: Dirent[];
      try {
        children = await readdir(uri, { withFileTypes: true });
      } catch (err) {
        yield problemRef(uri, name + sep, "unreadable", `Cannot read folder ${uri}: ${errorCode(err)}.`);
        continue;
      }
      yield* walkFolder(root, name, children, options);
    } else if (dirent.isFile() || dirent.isSymbolicLink()) {
      yield* fileEntry(uri, name, dirent.isSymbolicLink(), options);
    } else {
      options.logger.debug(`Skipping ${uri}: not a regular file.`);
    }
  }
}

async function* fileEntry(uri: string, name: string, isLink: boolean, options: ResolvedSourceOptions): AsyncGenerator<ReportRef> {
  let stats: Stats;
  try {
    // Follows symbolic links. Synchronous for the reason local-report-source.ts reads so.
    stats = statSync(uri);
  } catch (err) {
    const code = errorCode(err);
    if (code === "ELOOP") yield problemRef(uri, name, "symlink-loop", `Skipping ${uri}: symbolic link loop.`);
    else if (isLink && code === "ENOENT") yield problemRef(uri, name, "broken-link", `Skipping ${uri}: symbolic link to a missing target.`);
    else yield problemRef(uri, name, "unreadable", `Cannot read ${uri}: ${code}.`);
    return;
  }
  // Symbolic links to folders are not followed (Cartography parity, contract item 63).
  if (stats.isDirectory()) options.logger.debug(`Skipping ${uri}: symbolic link to a folder.`);
  else if (!stats.isFile()) options.logger.debug(`Skipping ${uri}: not a regular file.`);
  else yield fileRef(uri, name, stats, options);
}

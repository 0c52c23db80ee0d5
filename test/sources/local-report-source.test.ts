// The local adapter's own rules: hidden entries skipped (D6), symbolic links, problems that are
// reported and survived, a single file, the size cap, and code-point order across folders.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { openReportSource } from "../../src/sources/registry.js";
import { nobodyCannotRead } from "../support/as-nobody.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { listAll, rejectsWith } from "./report-source-contract.js";

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "scoutgraph-local-"));
  await chmod(root, 0o755);
  for (const [name, body] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), body);
  }
  return root;
}

async function names(path: string, options = {}): Promise<string[]> {
  const source = await openReportSource(path, options);
  return (await listAll(source)).map((r) => r.name);
}

describe("LocalReportSource", () => {
  test("skips hidden files and everything inside hidden folders", async () => {
    const root = await tree({ "a.txt": "a", ".hidden.json": "h", ".git/config": "c", "sub/.DS_Store": "d", "sub/b.txt": "b" });
    assert.deepEqual(await names(root), ["a.txt", join("sub", "b.txt")]);
  });

  test("orders full relative paths by code point, not folder by folder", async () => {
    const root = await tree({ "a/b": "1", "a-c": "2", "a/a/z": "3", ab: "4", "\u{1F600}": "5", "\uff5e": "6", B: "7" });
    assert.deepEqual(await names(root), ["B", "a-c", "a/a/z", "a/b", "ab", "\uff5e", "\u{1F600}"]);
  });

  test("a single file is one report named by its base name", async () => {
    const root = await tree({ "one.txt": "x" });
    const source = await openReportSource(join(root, "one.txt"));
    const refs = await listAll(source);
    const modified = refs[0]?.modified;
    assert.ok(typeof modified === "number" && Math.abs(modified - Date.now() / 1000) < 600, `modified ${modified}`);
    assert.deepEqual(refs, [{ uri: join(root, "one.txt"), name: "one.txt", size: 1, modified }]);
    assert.equal((await source.read(refs[0]!)).toString(), "x");
  });

  test("follows symbolic links to files, not to folders, and reports loops and broken links", async () => {
    const root = await tree({ "real/r.txt": "report", "z.txt": "z" });
    await symlink(join(root, "real", "r.txt"), join(root, "link.txt"));
    await symlink(join(root, "real"), join(root, "linked-folder"));
    await symlink(join(root, "loop-b"), join(root, "loop-a"));
    await symlink(join(root, "loop-a"), join(root, "loop-b"));
    await symlink(join(root, "missing"), join(root, "dangling"));
    const source = await openReportSource(root);
    const refs = await listAll(source);
    assert.deepEqual(
      refs.map((r) => [r.name, r.problem?.kind ?? "ok"]),
      [
        ["dangling", "broken-link"],
        ["link.txt", "ok"],
        ["loop-a", "symlink-loop"],
        ["loop-b", "symlink-loop"],
        [join("real", "r.txt"), "ok"],
        ["z.txt", "ok"],
      ],
    );
    assert.equal((await source.read(refs[1]!)).toString(), "report");
    assert.match(refs[2]!.problem!.message, /loop-a: symbolic link loop/);
  });

  test("skips a FIFO instead of blocking on it", async () => {
    const root = await tree({ "a.txt": "a" });
    execFileSync("mkfifo", [join(root, "pipe")]);
    assert.deepEqual(await names(root), ["a.txt"]);
  });

  test("flags files over the size cap and keeps listing", async () => {
    const root = await tree({ "big.txt": "x".repeat(101), "small.txt": "y".repeat(100) });
    const refs = await listAll(await openReportSource(root, { maxReportBytes: 100 }));
    assert.equal(refs[0]?.problem?.kind, "too-large");
    assert.equal(refs[0]?.size, 101);
    assert.equal(refs[1]?.problem, undefined);
  });

  test("a missing path, or one that is not a file or folder, is a SOURCE error naming it", async () => {
    const root = await tree({});
    await rejectsWith(names(join(root, "nope")), "SOURCE", new RegExp(`${join(root, "nope")} does not exist`));
    execFileSync("mkfifo", [join(root, "pipe")]);
    await rejectsWith(names(join(root, "pipe")), "SOURCE", /neither a file nor a folder/);
  });

  test("a read of a file removed after listing is a READ error naming it", async () => {
    const root = await tree({ "gone.txt": "x" });
    const source = await openReportSource(root);
    const [ref] = await listAll(source);
    execFileSync("rm", [join(root, "gone.txt")]);
    const err = await rejectsWith(source.read(ref!), "READ", /gone\.txt: ENOENT/);
    assert.equal(err.subject, join(root, "gone.txt"));
  });

  test("unreadable files and folders are reported as 'unreadable' and the listing goes on", async (t) => {
    const unreachable = nobodyCannotRead(join(REPO_ROOT, "dist", "src", "sources", "registry.js"));
    if (unreachable) return t.skip(unreachable);
    const root = await tree({ "a.txt": "a", "locked/x.txt": "x", "secret.txt": "s", "z.txt": "z" });
    await chmod(join(root, "locked"), 0o000);
    await chmod(join(root, "secret.txt"), 0o000);
    // Permissions do not bind root, so the listing runs as `nobody` when the tests run as root.
    const registry = pathToFileURL(join(REPO_ROOT, "dist", "src", "sources", "registry.js")).href;
    const script = `
      const { openReportSource } = await import(${JSON.stringify(registry)});
      const source = await openReportSource(${JSON.stringify(root)});
      const out = [];
      for await (const ref of source.list()) {
        let read = "skipped";
        if (ref.problem === undefined) read = await source.read(ref).then((b) => b.toString(), (e) => e.code);
        out.push([ref.name, ref.problem?.kind ?? "ok", read]);
      }
      console.log(JSON.stringify(out));`;
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", ...asNobody });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), [
      ["a.txt", "ok", "a"],
      ["locked" + sep, "unreadable", "skipped"],
      ["secret.txt", "ok", "READ"],
      ["z.txt", "ok", "z"],
    ]);
  });
});

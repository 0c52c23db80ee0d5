// The table fitted to a terminal width (middle truncation keeps the tag, columns dropped in order,
// --limit and its "more" line, images by fixes) and markdown that fits a GitHub comment whatever the
// fleet size, with --sections, and report text that never becomes a link or mention.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildFleetReport, DEFAULT_FILTERS } from "../../src/insights/build-report.js";
import type { FleetRows } from "../../src/insights/queries.js";
import { fitColumns, truncateMiddle, wrapWords } from "../../src/insights/render/fit-columns.js";
import { MARKDOWN_BUDGET, renderMarkdown } from "../../src/insights/render/markdown.js";
import { parseSections } from "../../src/insights/render/sections.js";
import { renderTable } from "../../src/insights/render/table.js";
import { ScoutgraphError } from "../../src/errors.js";
import { c } from "./support/fleet-expectations.js";
import { withGeneratedContext } from "../../bench/support/fleet-context.js";
import { generatedFleetRows } from "../../bench/support/fleet-rows.js";
import { onlyInCodeSpans } from "./support/format-checks.js";

/** `n` images on 3 bases; base i's best update fixes i critical; names long enough to need cutting. */
function fleet(n: number, namePrefix = "registry.internal.example:8443/platform/applications/team"): FleetRows {
  const bases = [1, 2, 3].map((i) => ({ id: `node:${i}0-alpine`, name: "node", tag: `${i}0-alpine`, version: null, digest: null, targetImages: [], targetDigests: [], lastUpdated: 1767323045 }));
  return {
    storeKind: "embedded",
    bases,
    images: Array.from({ length: n }, (_, k) => ({ imageId: `id-${k}`, imageName: `${namePrefix}-${k % 97}/service-${k}:${k % 7}.${k % 5}.1`, imageDigest: null, baseId: bases[k % 3]!.id })),
    recommendations: bases.map((b, i) => ({
      baseId: b.id,
      tagId: `node:2${i}-alpine`,
      name: "node",
      tag: `2${i}-alpine`,
      alternativeTags: [],
      size: null,
      flavor: null,
      os: null,
      runtime: null,
      isSlim: null,
      benefits: ["Same OS detected @team https://evil.example www.evil.example #12"],
      category: "change" as const,
      scoutRank: 1,
      fixes: c(i + 1, 4, 3, 2),
      introduces: c(0, 0, 0, i),
    })),
  };
}
const report = (n: number, namePrefix?: string) => buildFleetReport(fleet(n, namePrefix), { filters: DEFAULT_FILTERS, now: new Date(0) });

describe("terminal table", () => {
  test("middle truncation keeps the start and the last path segment with its tag", () => {
    const name = "registry.internal.example:8443/platform/apps/service-9945:6.1.3";
    const cut = truncateMiddle(name, 32);
    assert.equal(cut.length, 32);
    assert.ok(cut.endsWith("/service-9945:6.1.3"), cut);
    assert.ok(cut.startsWith("regi") && cut.includes("…"), cut);
    assert.equal(truncateMiddle("short", 10), "short");
    assert.equal(truncateMiddle("abcdef", 1), "…");
  });

  test("fitting: flexible columns shrink, then columns go in their drop order", () => {
    const specs = [{ header: "A", flexible: true, min: 10 }, { header: "B" }, { header: "C", flexible: true, min: 5, dropOrder: 1 }];
    const cells = [["x".repeat(40), "12345", "y".repeat(30)]];
    assert.deepEqual(fitColumns(specs, cells, 200).map((col) => col.width), [40, 5, 30]);
    const narrow = fitColumns(specs, cells, 60);
    assert.deepEqual(narrow.map((col) => col.index), [0, 1, 2]);
    assert.ok(narrow.reduce((s, col) => s + col.width, 0) + 4 <= 60);
    assert.deepEqual(fitColumns(specs, cells, 18).map((col) => col.index), [0, 1], "C dropped");
    assert.deepEqual(wrapWords("aa bb cc dd", 5), ["aa bb", "cc dd"]);
  });

  for (const width of [80, 120, 200]) {
    test(`every line fits ${width} columns, and the tag of each image survives`, () => {
      const text = renderTable(report(500), { color: false, width });
      for (const line of text.split("\n")) assert.ok(line.length <= width, `${line.length} > ${width}: ${line}`);
      assert.match(text, /\/service-\d+:\d\.\d\.1\s/);
    });
  }

  test("a bounded number of image rows by default, --limit N, --limit 0 for all, and how many more", () => {
    const big = report(500);
    const rows = (text: string): string[] => text.split("\n").filter((l) => /\/service-\d+:/.test(l));
    const byDefault = renderTable(big, { color: false });
    assert.equal(rows(byDefault).length, 20);
    assert.match(byDefault, /… and 480 more images \(--limit N shows N, --limit 0 all\)/);
    assert.equal(rows(renderTable(big, { color: false, limit: 7 })).length, 7);
    const all = renderTable(big, { color: false, limit: 0 });
    assert.equal(rows(all).length, 500);
    assert.doesNotMatch(all, /more images/);
  });

  test("images come by what their update fixes: the base fixing 3 critical first", () => {
    const text = renderTable(report(30), { color: false, limit: 0 });
    const fixes = text.split("\n").filter((l) => /\/service-\d+:/.test(l)).map((l) => /(\d+)C \d+H/.exec(l)?.[1]);
    assert.deepEqual(fixes, [...fixes].sort().reverse());
    assert.equal(fixes[0], "3");
  });

  test("a long 'fixed across the fleet' cell drops its zero severities and is cut at its end, never in the middle", () => {
    const rows = fleet(3);
    rows.recommendations = rows.recommendations.map((r) => ({ ...r, fixes: c(0, 0, 9_000, 27_000) }));
    const wide = renderTable(buildFleetReport(rows, { filters: DEFAULT_FILTERS, now: new Date(0) }), { color: false, width: 200 });
    assert.match(wide, /\b9,000 medium \/ 27,000 low fixed\b/);
    assert.doesNotMatch(wide, /0 critical \//);
    for (const width of [40, 60, 80]) {
      const text = renderTable(buildFleetReport(rows, { filters: DEFAULT_FILTERS, now: new Date(0) }), { color: false, width, sections: ["top", "bases"] });
      // The cell: from its start ("9,0…") to the next column gap or the end of the line.
      const cells = text.split("\n").flatMap((l) => (l.includes(" 9,0") ? [(l.slice(l.indexOf(" 9,0") + 1).split(/ {2,}/)[0] ?? "").trim()] : []));
      assert.ok(cells.length >= 2, `${width} columns:\n${text}`);
      for (const cell of cells) assert.ok("9,000 medium / 27,000 low fixed".startsWith(cell.replace(/…$/, "")), `${width} columns: ${cell}`);
    }
  });

  test("--sections prints only those parts, in page order", () => {
    const text = renderTable(report(5), { color: false, sections: parseSections("images, top") });
    assert.match(text, /^Top actions$/m);
    assert.match(text, /^Images, by what their update fixes$/m);
    assert.doesNotMatch(text, /^Base images$/m);
    assert.throws(() => parseSections("top,nope"), (e: unknown) => e instanceof ScoutgraphError && e.code === "USAGE" && /"nope"/.test(e.message));
  });
});

describe("markdown", () => {
  for (const n of [10, 5_000, 20_000]) {
    test(`${n} images fit a GitHub comment, with as many image rows as fit and the count of the rest`, () => {
      const text = renderMarkdown(report(n));
      assert.ok(text.length < 65_536 && text.length <= MARKDOWN_BUDGET + 200, `${text.length} characters`);
      const shown = text.split("\n").filter((l) => l.startsWith("| `registry")).length;
      assert.ok(shown > 0);
      if (shown < n) {
        assert.match(text, new RegExp(`… and ${(n - shown).toLocaleString("en-US")} more images`));
        assert.ok(shown > 100, `only ${shown} rows in the budget`);
      } else assert.doesNotMatch(text, /more images/);
    });
  }

  test("the context sections share the comment's budget: 20,000 images with context and coverage still fit, saying how many were left out", () => {
    const big = buildFleetReport(withGeneratedContext(generatedFleetRows(20_000), 2_000), { filters: DEFAULT_FILTERS, now: new Date(0) });
    const text = renderMarkdown(big);
    assert.ok(text.length < 65_536, `${text.length} characters`);
    assert.match(text, /### Where images run and who owns them/);
    assert.match(text, /### Coverage: running containers whose image is not in the graph/);
    const left = /_… and ([\d,]+) more images: /g;
    assert.ok([...text.matchAll(left)].length >= 2, "the images and the context tables both say how many are left out");
    const unknown = big.coverage?.containersWithoutImage.length ?? 0;
    assert.ok(unknown > 2);
    const limited = renderMarkdown(big, { limit: 2, sections: ["context", "coverage"] });
    assert.equal(limited.split("\n").filter((l) => /^\| `[^`]*service-/.test(l)).length, 2);
    assert.match(limited, /_… and 19,998 more images: /);
    assert.match(limited, new RegExp(`_… and ${unknown - 2} more image references: `));
    assert.doesNotMatch(limited, /### Top actions|### Images/);
  });

  test("one enormous name cannot push everything else out", () => {
    const text = renderMarkdown(report(50, "x".repeat(100_000)));
    assert.ok(text.length < 65_536);
    assert.ok(text.split("\n").filter((l) => l.includes("/service-")).length >= 50);
  });

  test("--limit overrides the budget; --sections chooses the parts", () => {
    assert.equal(renderMarkdown(report(500), { limit: 3 }).split("\n").filter((l) => l.startsWith("| `registry")).length, 3);
    assert.equal(renderMarkdown(report(500), { limit: 0 }).split("\n").filter((l) => l.startsWith("| `registry")).length, 500);
    const only = renderMarkdown(report(10), { sections: ["top"] });
    assert.match(only, /### Top actions/);
    assert.doesNotMatch(only, /### Base images|### Images/);
  });

  test("report text never becomes a link, an autolink, a mention or an issue reference", () => {
    const text = renderMarkdown(report(10));
    for (const needle of [/https:\/\//, /www\.evil/, /@team/, /#12/]) assert.ok(onlyInCodeSpans(text, needle), String(needle));
    assert.match(text, /`Same OS detected @team https:\/\/evil\.example www\.evil\.example #12`/);
  });

  test("--limit 0 renders a fleet larger than a call's argument limit (no push(...rows))", () => {
    const huge = report(150_000, "r/t");
    assert.equal(renderTable(huge, { color: false, limit: 0 }).split("\n").filter((l) => l.includes("/service-")).length, 150_000);
    assert.equal(renderMarkdown(huge, { limit: 0 }).split("\n").filter((l) => l.startsWith("| `r/t")).length, 150_000);
  });
});

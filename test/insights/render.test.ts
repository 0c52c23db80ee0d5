// Renderer details the fleet tests do not reach: colour on and off, the colour decision, empty
// reports, and report strings that carry terminal escape sequences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildFleetReport, DEFAULT_FILTERS } from "../../src/insights/build-report.js";
import type { FleetRows } from "../../src/insights/queries.js";
import { FORMATS, render } from "../../src/insights/render/index.js";
import { useColor } from "../../src/cli/commands/report.js";
import { c } from "./support/fleet-expectations.js";

const ESC = "\u001b";

const rows: FleetRows = {
  storeKind: "neo4j",
  images: [{ imageId: "img-1", imageName: `evil${ESC}]0;pwned${ESC}\\${ESC}[2Japp\u0007:1`, imageDigest: "sha256:aa", baseId: "node:20" }],
  bases: [{ id: "node:20", name: "node", tag: "20", version: null, digest: null, lastUpdated: null }],
  recommendations: [
    {
      baseId: "node:20",
      tagId: "node:22",
      name: "node",
      tag: `22${ESC}[31m`,
      alternativeTags: [],
      size: null,
      flavor: null,
      os: null,
      runtime: null,
      isSlim: null,
      benefits: ["ok"],
      category: "change",
      scoutRank: 1,
      fixes: c(1, 2, 0, 0),
      introduces: c(0, 0, 0, 0),
    },
  ],
};
const report = buildFleetReport(rows, { filters: DEFAULT_FILTERS, now: new Date(0) });

test("table: colour only when asked; report strings never carry escape sequences", () => {
  const plain = render(report, "table", { color: false });
  assert.ok(!plain.includes(ESC));
  assert.match(plain, /^evilapp:1\s+node:20\s+22 \(change #1\)\s+1C 2H 0M 0L/m);
  const coloured = render(report, "table", { color: true });
  assert.ok(coloured.includes(`${ESC}[1mTop actions${ESC}[0m`));
  assert.ok(coloured.includes(`${ESC}[31m1 critical / 2 high fixed`), "a critical fix is red");
  // Every escape in the coloured output is one of ours: SGR codes only.
  const stripped = coloured.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "");
  assert.ok(!stripped.includes(ESC));
  assert.ok(!stripped.includes("\u0007"));
});

test("the colour decision: a terminal, no NO_COLOR, not a file", () => {
  assert.equal(useColor({ isTTY: true }, {}, false), true);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: "1" }, false), false);
  assert.equal(useColor({ isTTY: false }, {}, false), false);
  assert.equal(useColor({}, {}, false), false);
  assert.equal(useColor({ isTTY: true }, {}, true), false);
});

test("an empty graph renders in every format", () => {
  const empty = buildFleetReport({ storeKind: "embedded", images: [], bases: [], recommendations: [] }, { filters: DEFAULT_FILTERS, now: new Date(0) });
  for (const format of FORMATS) {
    const text = render(empty, format, { color: false });
    assert.ok(text.length > 0, format);
  }
  assert.match(render(empty, "table", { color: false }), /No base-image update fixes anything at this severity\./);
  assert.match(render(empty, "html", { color: false }), /No base-image update fixes anything at this severity\./);
  assert.equal(render(empty, "csv", { color: false }).split("\r\n")[0]?.split(",")[0], "section");
  assert.deepEqual(JSON.parse(render(empty, "json", { color: false })).summary.topActionsFix, c(0, 0, 0, 0));
});

// Cartography's OS inference and slim rule (contract §1.8, checklist 15, 16).
import assert from "node:assert/strict";
import { test } from "node:test";
import { flavorProperty, inferOs, isSlim } from "../../src/graph/os-inference.js";

test("the §1.8 table", () => {
  const cases: [string, string | null, string | null][] = [
    ["3.12-slim-bookworm", null, "debian"],
    ["jammy", null, "ubuntu"],
    ["lts", "RedHat", "redhat"],
    ["22-alpine", "debian", "debian"],
    ["noble-bookworm", null, "debian"],
    ["slim", null, null],
    ["22", " Wolfi ", "wolfi"],
    ["22-ALPINE", null, "alpine"],
    ["bullseye", null, "debian"],
    ["focal", "", "ubuntu"],
    ["latest", "distroless", "distroless"],
    ["latest", " Custom ", " custom "],
  ];
  for (const [tag, flavor, os] of cases) assert.equal(inferOs(tag, flavor), os, `${tag} / ${flavor}`);
});

test("slim by mark or by tag, any case", () => {
  assert.equal(isSlim("22-SLIM", false), true);
  assert.equal(isSlim("22", true), true);
  assert.equal(isSlim("22-alpine", false), false);
});

test("flavor property is lower-cased, absent when empty", () => {
  assert.equal(flavorProperty("Alpine"), "alpine");
  assert.equal(flavorProperty(""), null);
  assert.equal(flavorProperty(null), null);
});

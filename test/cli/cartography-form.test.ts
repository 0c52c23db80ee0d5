import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSelectedModules } from "../../src/cli/cartography-form.js";

test("--selected-modules accepts scoutgraph's modules and names them when another is asked for", () => {
  assert.deepEqual(parseSelectedModules("docker_scout"), ["docker_scout"]);
  assert.deepEqual(parseSelectedModules("create-indexes, docker_scout"), ["create-indexes", "docker_scout"]);
  assert.equal(parseSelectedModules(undefined), undefined);
  assert.throws(() => parseSelectedModules("aws,docker_scout"), /unknown module\(s\) "aws"; scoutgraph provides only create-indexes and docker_scout/);
});

// The comparison behind `npm run context:cartography`: the graph Cartography's loaders wrote for
// the seed's estate against the seed the tests load (test/fixtures/context), precisely:
//
// - Scope. Every seed node, and every Cartography node that has a seed node's id or exactly the
//   label set of some seed node. Other Cartography nodes (layers, ReplicaSets, Kubernetes nodes,
//   listeners, branches, languages: contract §10 leaves them out) are only counted; so are the
//   relationships that touch them. A relationship is in scope when both its ends are.
// - Identity. A node is its `id` (with its Neo4j type: GitLab ids are integers); a relationship is
//   (start id, type, end id, direction).
// - Values. Labels (as a set) and every property with its Neo4j type (INTEGER is not FLOAT, lists
//   keep their order, datetimes their instant). `firstseen` is only checked to exist: it is the
//   wall clock in Cartography and a fixed value in the seed.
// - Weight. Each difference says whether the report reads it: a label, relationship type or
//   property named in the report's queries (the reads behind `report` and sync's Image lookup,
//   taken from the built modules, so the list follows the code) is `[read]`, anything else
//   `[other]`. Both count: the seed claims to be what Cartography writes.
import neo4j from "neo4j-driver";

const NOT_COMPARED = new Set(["firstseen"]);

/** Every value rendered with its Neo4j type. */
export function typed(value) {
  if (value === null || value === undefined) return "NULL";
  if (neo4j.isInt(value)) return `INTEGER ${value.toString()}`;
  if (typeof value === "number") return `FLOAT ${String(value)}`;
  if (typeof value === "boolean") return `BOOLEAN ${value}`;
  if (typeof value === "string") return `STRING ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `LIST [${value.map(typed).join(", ")}]`;
  if (neo4j.isDateTime(value)) return `DATETIME ${new Date(value.toString()).toISOString()}`;
  return `${value.constructor?.name ?? "OTHER"} ${String(value)}`;
}

/** The whole graph: nodes by typed id, relationships by (start, type, end). */
export async function dumpGraph(session) {
  const nodes = new Map();
  const keyOf = new Map();
  for (const rec of (await session.run("MATCH (n) RETURN elementId(n) AS e, labels(n) AS labels, properties(n) AS props")).records) {
    const props = rec.get("props");
    const key = typed(props.id);
    if (nodes.has(key)) throw new Error(`two nodes have the id ${key}`);
    keyOf.set(rec.get("e"), key);
    nodes.set(key, { labels: [...rec.get("labels")].sort().join(":"), props });
  }
  const rels = new Map();
  for (const rec of (await session.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props")).records) {
    const [a, b, type] = [keyOf.get(rec.get("a")), keyOf.get(rec.get("b")), rec.get("type")];
    const key = `${a} -[:${type}]-> ${b}`;
    if (rels.has(key)) throw new Error(`two ${type} relationships from ${a} to ${b}`);
    rels.set(key, { a, b, type, props: rec.get("props") });
  }
  return { nodes, rels };
}

/** Property names and labels/relationship types a set of Cypher texts names. */
export function namesRead(queries) {
  const props = new Set();
  const labels = new Set();
  for (const q of queries) {
    for (const m of q.matchAll(/\b[A-Za-z_]\w*\.(\w+)/g)) props.add(m[1]);
    for (const m of q.matchAll(/[({]\s*(\w+)\s*:/g)) props.add(m[1]);
    for (const m of q.matchAll(/:(\w+)/g)) labels.add(m[1]);
  }
  return { props, labels };
}

function diffProps(where, seed, cart, read, out) {
  for (const p of [...new Set([...Object.keys(seed), ...Object.keys(cart)])].sort()) {
    const [s, c] = [seed[p], cart[p]];
    const same = NOT_COMPARED.has(p) ? (s === undefined) === (c === undefined) : typed(s) === typed(c);
    if (same) continue;
    const weight = read.props.has(p) ? "[read]" : "[other]";
    out.push(`${weight} ${where} .${p}: seed ${s === undefined ? "(absent)" : typed(s)}, Cartography ${c === undefined ? "(absent)" : typed(c)}`);
  }
}

/** Differences (one line each) and what was left out of scope, counted by label set / type. */
export function compareGraphs(seed, cart, read) {
  const seedLabelSets = new Set([...seed.nodes.values()].map((n) => n.labels));
  const inScope = (key) => seed.nodes.has(key) || seedLabelSets.has(cart.nodes.get(key)?.labels);
  const readsLabels = (labels) => labels.split(":").some((l) => read.labels.has(l));
  const out = [];
  const outOfScope = new Map();
  for (const [key, c] of cart.nodes) {
    if (!inScope(key)) outOfScope.set(c.labels, (outOfScope.get(c.labels) ?? 0) + 1);
  }
  for (const key of new Set([...seed.nodes.keys(), ...cart.nodes.keys()])) {
    if (!inScope(key)) continue;
    const [s, c] = [seed.nodes.get(key), cart.nodes.get(key)];
    if (!s || !c) {
      const labels = (s ?? c).labels;
      out.push(`${readsLabels(labels) ? "[read]" : "[other]"} node (${labels} ${key}) only in ${s ? "the seed" : "Cartography's graph"}`);
      continue;
    }
    if (s.labels !== c.labels) out.push(`[read] node ${key} labels: seed ${s.labels}, Cartography ${c.labels}`);
    diffProps(`node (${s.labels} ${key})`, s.props, c.props, read, out);
  }
  for (const key of new Set([...seed.rels.keys(), ...cart.rels.keys()])) {
    const [s, c] = [seed.rels.get(key), cart.rels.get(key)];
    const r = s ?? c;
    if (!inScope(r.a) || !inScope(r.b)) {
      outOfScope.set(`-[:${r.type}]-`, (outOfScope.get(`-[:${r.type}]-`) ?? 0) + 1);
      continue;
    }
    if (!s || !c) out.push(`${read.labels.has(r.type) ? "[read]" : "[other]"} relationship ${key} only in ${s ? "the seed" : "Cartography's graph"}`);
    else diffProps(`relationship ${key}`, s.props, c.props, read, out);
  }
  return { differences: out, outOfScope };
}

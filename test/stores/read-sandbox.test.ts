// The embedded store's query sandbox as a pure function: the reads users and the report run are
// accepted (and keep their meaning), every statement of issue 9 and its disguises are refused with
// one line, and, by property, random allowed queries pass while forbidden words spliced between
// their tokens never reach the store as bare keywords.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { ScoutgraphError } from "../../src/errors.js";
import { BASES_QUERY, RECOMMENDATIONS_QUERY, UNMATCHED_REPORTS_QUERY, imagesQuery } from "../../src/insights/queries.js";
import { sandboxReadQuery } from "../../src/stores/embedded/read-sandbox/index.js";
import { tokenize } from "../../src/stores/embedded/read-sandbox/lexer.js";
import { REPO_ROOT } from "../support/fixtures.js";

const refused = (cypher: string): string => {
  try {
    sandboxReadQuery(cypher);
  } catch (err) {
    assert.ok(err instanceof ScoutgraphError && err.code === "USAGE", String(err));
    assert.doesNotMatch(err.message, /\n/, "one line");
    return err.message;
  }
  assert.fail(`accepted: ${JSON.stringify(cypher)}`);
};

/** Statements issue 9 found LadybugDB would run, and the other non-reads. */
export const HOSTILE = [
  "LOAD EXTENSION './x.so'",
  "LOAD './x.so'",
  "COPY (RETURN 'k' AS k) TO 'out/authorized_keys.csv'",
  "EXPORT DATABASE '/any/dir'",
  "IMPORT DATABASE '/any/dir'",
  "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *",
  "LOAD WITH HEADERS (a STRING) FROM '/etc/passwd' RETURN *",
  "INSTALL json",
  "FORCE INSTALL json FROM 'http://127.0.0.1:1/'",
  "UPDATE json",
  "CHECKPOINT",
  "ATTACH '/tmp/other.db' AS o (dbtype lbug)",
  "USE o",
  "BEGIN TRANSACTION",
  "CALL threads = 1",
  "CALL read_csv('/etc/passwd') RETURN *",
  "CALL file_info('/etc/passwd') RETURN *",
  "CALL project_graph('g', ['Image'], []) RETURN *",
  "RETURN nextval('s')",
  "CREATE (:Image {id: 'x'})",
  "MERGE (:Image {id: 'x'})",
  "MATCH (n) SET n.id = 'x'",
  "MATCH (n) DETACH DELETE n",
  "MATCH (n) DELETE n",
  "CREATE NODE TABLE Evil(id STRING PRIMARY KEY)",
  "DROP TABLE Image",
  "ALTER TABLE Image ADD x STRING",
  "COMMENT ON TABLE Image IS 'x'",
  "CREATE MACRO m(x) AS x",
  "UNWIND [1] AS x COPY (RETURN 1) TO 'x.csv'",
  "MATCH (n) WITH n LOAD FROM '/etc/passwd' RETURN *",
  "PROFILE MATCH (n) RETURN n",
];

const DISGUISES: ((s: string) => string)[] = [
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.replace(/(\w)(\w*)/g, (_, a: string, b: string) => a.toLowerCase() + b.toUpperCase()),
  (s) => s.replace(/ /g, "\x1c"),
  (s) => s.replace(/ /g, "\x1d\x1e\x1f"),
  (s) => s.replace(/ /g, "\u0085"),
  (s) => s.replace(/ /g, "\u00a0\u2028\u3000"),
  (s) => s.replace(/ /g, "/* a comment */"),
  (s) => `/* leading */ ${s} // trailing`,
  (s) => `// a line comment\n${s}`,
  (s) => `RETURN 1; ${s}`,
  (s) => `RETURN 1 AS one;\n${s};`,
  (s) => `MATCH (n) RETURN n ${s}`,
];

describe("read sandbox (embedded store)", () => {
  test("the report's own reads, the docs' queries and the README's example are accepted", () => {
    const docs = readFileSync(join(REPO_ROOT, "docs", "embedded-store.md"), "utf8");
    const blocks = [...docs.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    assert.ok(blocks.length >= 4);
    for (const q of [...blocks, BASES_QUERY, RECOMMENDATIONS_QUERY, UNMATCHED_REPORTS_QUERY, imagesQuery("embedded"), "MATCH (i:Image)-[:BUILT_ON]->(p:DockerScoutPublicImage) RETURN i.name, p.id"]) {
      assert.doesNotThrow(() => sandboxReadQuery(q), q);
    }
  });

  test("the canonical text drops comments and odd whitespace and quotes names that spell keywords", () => {
    assert.equal(sandboxReadQuery("MATCH\x1c(n:Image)/* c */RETURN n.id AS load // x"), "MATCH (n:Image) RETURN n.id AS `load`");
    assert.equal(sandboxReadQuery("return 'a\\'b;' as `my col`, $p, [1,2][1..2]"), "RETURN 'a\\'b;' AS `my col`, $p, [1,2][1..2]");
    assert.equal(sandboxReadQuery("RETURN list_transform([1], x -> x + 1) AS l"), "RETURN list_transform([1], x -> x + 1) AS l");
  });

  test("a broad read vocabulary passes: OPTIONAL MATCH, WITH/WHERE, UNWIND, UNION, CASE, CAST, subqueries, quantifiers, table_info", () => {
    for (const q of [
      "MATCH (a:DockerScoutPublicImage)-[r:SHOULD_UPDATE_TO*1..3]->(b) WHERE a.id STARTS WITH 'x' RETURN count(*) AS n",
      "MATCH (p) OPTIONAL MATCH (p)-[:BUILT_FROM]->(t) WITH p, count(t) AS c WHERE c > 0 RETURN DISTINCT p.id ORDER BY p.id DESC SKIP 1 LIMIT 5",
      "UNWIND range(1, 3) AS x RETURN x UNION ALL RETURN 4 AS x",
      "RETURN CASE WHEN 1 IS NULL THEN 'a' ELSE 'b' END AS c, CAST('1' AS INT64) AS i, {k: [1]} AS m",
      "MATCH (p) WHERE EXISTS { MATCH (p)-->(t) } RETURN COUNT { MATCH (p)-->(t) } AS n",
      "RETURN ALL(x IN [1, 2] WHERE x > 0) AS a, list_reduce([1, 2], (a, b) -> a + b) AS s",
      "CALL table_info('Image') RETURN *",
      "CALL show_tables() RETURN name",
      "MATCH p = (a)-[* SHORTEST 1..2]->(b) RETURN length(p)",
    ]) {
      assert.doesNotThrow(() => sandboxReadQuery(q), q);
    }
  });

  test("every statement of issue 9, in every disguise, is refused with one line naming what is not allowed", () => {
    for (const statement of HOSTILE) {
      for (const disguise of DISGUISES) {
        const text = disguise(statement);
        const message = refused(text);
        assert.match(message, /^query refused by the read-only sandbox: .*\(line \d+, column \d+\)/, text);
      }
    }
    assert.match(refused("LOAD\x1cFROM '/etc/passwd' RETURN *"), /`LOAD` is not allowed/);
    assert.match(refused("RETURN 1; RETURN 2"), /one statement only/);
    assert.match(refused("RETURN nextval('s')"), /function `nextval` is not allowed/);
    assert.match(refused("CALL read_csv('x') RETURN *"), /CALL `read_csv` is not allowed/);
  });

  test("string, comment and quoting tricks are refused or stay inert", () => {
    for (const trick of [
      "RETURN 'unclosed",
      "RETURN 'a'' LOAD FROM ''/etc/passwd'' RETURN *'",
      "RETURN 'a\\' LOAD FROM x",
      "RETURN '\\q'",
      "RETURN 'nul\x00'",
      "RETURN `a``b`",
      "RETURN ``",
      "/* unclosed LOAD FROM",
      "RETURN 1 /* **/ LOAD FROM '/etc/passwd' RETURN * /* */",
      "RETURN 1 != 2",
      "RETURN 1 \u2013 2",
      "RETURN `copy`('x')",
      "MATCH (n) RETURN n.id AS x\u0000",
      "((((".repeat(100) + "1" + "))))".repeat(100),
    ]) {
      refused(trick);
    }
    // Words inside strings and quoted names are data, not clauses.
    assert.equal(sandboxReadQuery("RETURN 'LOAD FROM x; COPY' AS `EXPORT DATABASE`"), "RETURN 'LOAD FROM x; COPY' AS `EXPORT DATABASE`");
  });

  test("property: generated reads pass, the canonical text is a fixed point, and spliced forbidden words never run bare", () => {
    const name = fc.constantFrom("n", "p", "t", "x_1", "load", "copy", "é");
    const literal = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.string({ maxLength: 8 }).map((s) => `'${[...s].filter((ch) => ch >= " " && ch !== "\x7f" && ch !== "'" && ch !== "\\").join("")}'`));
    const expr = fc.oneof(
      literal,
      fc.tuple(name, name).map(([a, b]) => `${a}.${b}`),
      fc.tuple(fc.constantFrom("size", "lower", "coalesce", "toUpper"), literal).map(([f, a]) => `${f}(${a})`),
      fc.tuple(literal, fc.constantFrom("+", "=", "<>", "AND", "CONTAINS"), literal).map(([a, op, b]) => `${a} ${op} ${b}`),
    );
    const space = fc.constantFrom(" ", "\x1c", "\u00a0", "\n", "/* c */", "\u2028");
    const query = fc
      .tuple(name, fc.constantFrom("Image", "DockerScoutPublicImage"), expr, expr, name, fc.boolean(), space)
      .map(([v, label, where, ret, alias, optional, sp]) =>
        `${optional ? "OPTIONAL MATCH" : "MATCH"}${sp}(${v}:${label})${sp}WHERE ${where}${sp}RETURN ${ret} AS ${alias}${sp}LIMIT 3`,
      );
    const FORBIDDEN = ["LOAD", "COPY", "EXPORT", "IMPORT", "INSTALL", "CHECKPOINT", "ATTACH", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "DROP", "ALTER", "CALL", "USE", "BEGIN"];
    const bareWords = (canonical: string): string[] => tokenize(canonical).filter((t) => t.kind === "word").map((t) => t.text.toUpperCase());
    fc.assert(
      fc.property(query, (q) => {
        const canonical = sandboxReadQuery(q);
        assert.equal(sandboxReadQuery(canonical), canonical);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(query, fc.constantFrom(...FORBIDDEN), fc.nat(), fc.constantFrom(" ", "\x1c", "\x1f", "/**/", "\n"), (q, word, at, sp) => {
        const tokens = tokenize(q);
        const cut = tokens[at % tokens.length]?.start ?? 0;
        const spliced = `${q.slice(0, cut)}${sp}${word}${sp}${q.slice(cut)}`;
        let canonical: string;
        try {
          canonical = sandboxReadQuery(spliced);
        } catch (err) {
          return err instanceof ScoutgraphError && err.code === "USAGE";
        }
        // Accepted only as data (a quoted name or inside a string): never a bare keyword.
        return !bareWords(canonical).some((w) => FORBIDDEN.includes(w));
      }),
      { numRuns: 500 },
    );
  });
});

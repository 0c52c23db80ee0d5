// Renders docs/schema.md from the schema declaration, so the documentation cannot drift from what
// the stores write (a test compares the committed file with this output; `npm run docs:schema`).
import { indexStatements } from "./cypher/neo4j.js";
import { BOOKKEEPING, MODULE_NAME, NODES, RELATIONSHIPS, type PropertyDef } from "./schema.js";

const TYPE_NAMES: Record<PropertyDef["type"], string> = {
  string: "STRING",
  integer: "INTEGER",
  boolean: "BOOLEAN",
  "string[]": "LIST<STRING>",
};

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function propertyTable(props: PropertyDef[], constants: Record<string, string> = {}): string[] {
  const rows = ["| property | type | description |", "|---|---|---|"];
  for (const p of props) {
    const notes = [p.additive ? "**scoutgraph addition.** " : "", p.constant !== undefined ? `Always \`${p.constant}\`. ` : ""].join("");
    rows.push(`| \`${p.name}\` | ${TYPE_NAMES[p.type]} | ${cell(notes + p.description)} |`);
  }
  for (const [name, value] of Object.entries(constants)) rows.push(`| \`${name}\` | STRING | Always \`${value}\`. |`);
  for (const p of BOOKKEEPING) rows.push(`| \`${p.name}\` | ${TYPE_NAMES[p.type]} | ${cell(p.description)} |`);
  return rows;
}

const CLEANUP: Record<string, string> = {
  all: "Nodes whose `lastupdated` is not the run's update tag are deleted with their relationships after a run with no failures.",
  "scoutgraph-created": "Only nodes with `_ont_source = docker_scout_report` (created by scoutgraph) are deleted when stale; Cartography's own `Image` nodes never are.",
  none: "Never deleted.",
};

export function renderSchemaDoc(): string {
  const out: string[] = [
    "# Graph schema",
    "",
    "<!-- Generated from src/graph/schema.ts by `npm run docs:schema`. Do not edit by hand: a test fails when this file is out of date. -->",
    "",
    "scoutgraph writes the labels, ids, properties and relationships of Cartography's Docker Scout module",
    `(\`_module_name\` = \`${MODULE_NAME}\`), plus the additive labels, relationships and properties marked below.`,
    "A null value is an absent property; a re-sync removes a property that became null. Integers are stored as INTEGER.",
    "",
    "## Nodes",
  ];
  for (const node of NODES) {
    out.push("", `### ${node.label}`, "", node.description, "", ...propertyTable(node.properties), "", `Cleanup: ${CLEANUP[node.cleanup]}`);
    if (node.retired?.length) {
      const names = node.retired.map((p) => `\`${p}\``).join(", ");
      out.push("", `Retired: ${names} (written by scoutgraph 0.1) are removed from these nodes by every Neo4j write.`);
    }
  }
  out.push("", "## Relationships");
  for (const rel of RELATIONSHIPS) {
    out.push("", `### (${rel.from})-[:${rel.type}]->(${rel.to})`, "", rel.description, "", ...propertyTable(rel.properties, rel.constants));
    out.push("", "Cleanup: relationships whose `lastupdated` is not the run's update tag are deleted after a run with no failures.");
  }
  out.push("", "## Indexes", "", "Created once per run, as Cartography creates them:", "", "```cypher", ...indexStatements().map((s) => `${s};`), "```", "");
  return out.join("\n");
}

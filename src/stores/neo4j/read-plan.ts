// The `query` sandbox on Neo4j, decided from the server's own view of the query: the summary of
// an EXPLAIN (which plans without running anything). The query type must be read-only ("r") and
// every operator of the plan must be one known to only read the graph; a procedure call must name
// an allow-listed procedure. LoadCSV, writes, schema and admin operators, transactions in
// batches and anything Neo4j adds later are refused because they are not on the list.
import { ScoutgraphError } from "../../errors.js";

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

export interface ExplainSummary {
  queryType?: string;
  plan?: PlanNode | false | null;
}

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * Operators (Neo4j 5) that read the graph or compute over rows, and nothing else. A variant in
 * parentheses (`Expand(Into)`, `VarLengthExpand(Pruning,BFS,All)`) is the same operator.
 */
export const READ_OPERATORS = words(`
  ProduceResults Projection Filter Limit ExhaustiveLimit Skip Sort PartialSort Top PartialTop Distinct
  OrderedDistinct EagerAggregation OrderedAggregation Unwind CacheProperties Eager Optional Argument
  ArgumentTracker EmptyRow Apply SemiApply AntiSemiApply LetSemiApply LetAntiSemiApply SelectOrSemiApply
  SelectOrAntiSemiApply LetSelectOrSemiApply LetSelectOrAntiSemiApply RollUpApply ConditionalApply
  AntiConditionalApply CartesianProduct NodeHashJoin ValueHashJoin NodeLeftOuterHashJoin
  NodeRightOuterHashJoin Union OrderedUnion TriadicSelection TriadicBuild TriadicFilter Anti
  AllNodesScan NodeByLabelScan NodeByIdSeek NodeByElementIdSeek NodeIndexScan NodeIndexSeek
  NodeUniqueIndexSeek MultiNodeIndexSeek NodeIndexSeekByRange NodeUniqueIndexSeekByRange
  NodeIndexContainsScan NodeIndexEndsWithScan IntersectionNodeByLabelsScan UnionNodeByLabelsScan
  SubtractionNodeByLabelsScan NodeCountFromCountStore RelationshipCountFromCountStore
  DirectedAllRelationshipsScan UndirectedAllRelationshipsScan DirectedRelationshipTypeScan
  UndirectedRelationshipTypeScan DirectedUnionRelationshipTypesScan UndirectedUnionRelationshipTypesScan
  DirectedRelationshipIndexScan UndirectedRelationshipIndexScan DirectedRelationshipIndexSeek
  UndirectedRelationshipIndexSeek DirectedRelationshipUniqueIndexSeek UndirectedRelationshipUniqueIndexSeek
  DirectedRelationshipIndexSeekByRange UndirectedRelationshipIndexSeekByRange
  DirectedRelationshipUniqueIndexSeekByRange UndirectedRelationshipUniqueIndexSeekByRange
  DirectedRelationshipIndexContainsScan UndirectedRelationshipIndexContainsScan
  DirectedRelationshipIndexEndsWithScan UndirectedRelationshipIndexEndsWithScan
  DirectedRelationshipByIdSeek UndirectedRelationshipByIdSeek DirectedRelationshipByElementIdSeek
  UndirectedRelationshipByElementIdSeek Expand OptionalExpand VarLengthExpand BFSPruningVarExpand
  ShortestPath StatefulShortestPath Trail Repeat ProjectEndpoints NullifyMetadata
  ShowIndexes ShowConstraints ProcedureCall
`);

/** Procedures `CALL` may run: the graph's vocabulary and schema. */
export const READ_PROCEDURES = words(`
  db.labels db.relationshipTypes db.propertyKeys db.schema.visualization db.schema.nodeTypeProperties
  db.schema.relTypeProperties
`);

function refuse(reason: string): never {
  throw new ScoutgraphError("USAGE", `query refused by the read-only sandbox: ${reason}`);
}

/** The operator's name without the planner's suffix (`Filter@neo4j` -> `Filter`). */
function operatorName(node: PlanNode): string {
  return node.operatorType.replace(/@[^@]*$/, "");
}

function checkNode(node: PlanNode): void {
  const raw = operatorName(node);
  // The parallel runtime plans `Partitioned` variants of the same reads.
  const name = raw.replace(/^Partitioned/, "").replace(/\([\w,]*\)$/, "");
  if (!READ_OPERATORS.has(name)) {
    refuse(`Neo4j plans it with \`${raw}\`, which is not allowed (only operators that read the graph are)`);
  }
  if (name === "ProcedureCall") {
    const details = String(node.arguments?.Details ?? "");
    const procedure = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\(/.exec(details)?.[1];
    if (procedure === undefined || !READ_PROCEDURES.has(procedure)) {
      refuse(`CALL ${procedure ?? "of this procedure"} is not allowed (allowed: ${[...READ_PROCEDURES].join(", ")})`);
    }
  }
  for (const child of node.children ?? []) checkNode(child);
}

/** Throws a USAGE error unless the EXPLAIN summary shows a pure graph read. */
export function assertReadPlan(summary: ExplainSummary): void {
  if (summary.queryType !== "r") refuse(`Neo4j classifies it as ${describeType(summary.queryType)}, not as a read`);
  if (!summary.plan) refuse("Neo4j returned no plan to check");
  checkNode(summary.plan);
}

function describeType(type: string | undefined): string {
  return { rw: "a read-write query", w: "a write", s: "a schema change" }[type ?? ""] ?? `query type "${type ?? "unknown"}"`;
}

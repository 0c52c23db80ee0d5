// Where the project's own test services listen (started by scripts/run-tests.mjs).
export const NEO4J_BOLT_PORT = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? 7687);
export const NEO4J_URI = `bolt://127.0.0.1:${NEO4J_BOLT_PORT}`;

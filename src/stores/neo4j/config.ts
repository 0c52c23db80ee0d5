// Connection settings, named as Cartography's (--neo4j-uri, --neo4j-user, the password from an
// environment variable, --neo4j-database), plus the write and timeout knobs scoutgraph adds.

export interface Neo4jConfig {
  /** bolt://, bolt+s://, neo4j:// (routing, clusters) or neo4j+s:// (Aura). */
  uri: string;
  /** Without a user no authentication is sent, as Cartography does. */
  user?: string | undefined;
  password?: string | undefined;
  /** The server's default database when absent. */
  database?: string | undefined;
  /** Rows per UNWIND transaction. */
  batchSize?: number;
  /** Rows deleted per cleanup transaction (Cartography: 10 000). */
  cleanupLimit?: number;
  /** Image nodes per read page in imageDigests(). */
  imagePageSize?: number;
  /** Milliseconds to open a connection; short, so an unreachable server fails fast. */
  connectionTimeoutMs?: number;
  /** Milliseconds to wait for a pooled connection. */
  acquisitionTimeoutMs?: number;
}

export const NEO4J_DEFAULTS = {
  uri: "bolt://localhost:7687",
  // Measured on a local Neo4j 5 (docs/scaling.md): 1 000 to 10 000 rows per transaction load at
  // about the same rate; 5 000 keeps transactions small and round trips few.
  batchSize: 5_000,
  cleanupLimit: 10_000,
  imagePageSize: 10_000,
  connectionTimeoutMs: 5_000,
  acquisitionTimeoutMs: 10_000,
} as const;

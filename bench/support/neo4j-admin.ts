// Neo4j chores shared by the benchmarks and the fault test: is a server up, and empty it.
import neo4j, { type Driver } from "neo4j-driver";

/** True when a Bolt server answers at `uri`. */
export async function neo4jAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri);
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/**
 * Deletes every node and relationship in bounded transactions, relationships first: one big
 * DETACH DELETE exceeds a small server's transaction memory limit.
 */
export async function emptyNeo4j(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    for (const statement of ["MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*) AS n", "MATCH (n) WITH n LIMIT 10000 DELETE n RETURN count(*) AS n"]) {
      for (;;) {
        const result = await session.run(statement);
        if (Number(result.records[0]?.get("n")) === 0) break;
      }
    }
  } finally {
    await session.close();
  }
}


/** emptyNeo4j on a driver of its own. */
export async function emptyNeo4jAt(uri: string): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    await emptyNeo4j(driver);
  } finally {
    await driver.close();
  }
}

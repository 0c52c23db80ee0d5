// Whether a store holds any Docker Scout data at all, so that `report` on a never-synced store can
// say so instead of printing an empty fleet.
import type { GraphStore } from "../stores/graph-store.js";

export async function hasDockerScoutData(store: GraphStore): Promise<boolean> {
  const rows = await store.query("MATCH (p:DockerScoutPublicImage) RETURN p.id AS id LIMIT 1");
  return rows.length > 0;
}

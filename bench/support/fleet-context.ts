// A Cartography context for generated fleet rows (fleet-rows.ts), built in memory: proportional
// to the contract's seed as bench/report-context.ts seeds it in Neo4j (80 % of images running in
// their own Deployment, 40 % internet-exposed, 60 % owned, 20 % with an internal base, 2 % of
// containers on images not in the graph), with `owners` repositories shared round-robin by the
// owned images, so the renderers can be measured with context and `--group-by owner` at scale.
import type { FleetRows } from "../../src/insights/queries.js";
import type { ContextData, RuntimeRow } from "../../src/insights/context/read-context.js";
import type { ImageOwner, InternalBase, Workload } from "../../src/insights/types.js";
import { emptyFound } from "../../src/insights/context/read-context.js";

export function withGeneratedContext(rows: FleetRows, owners: number): FleetRows {
  const runtime = new Map<string, RuntimeRow>();
  const workloads = new Map<string, Workload[]>();
  const ownerMap = new Map<string, ImageOwner>();
  const internalBases = new Map<string, InternalBase>();
  let previous: string | null = null;
  rows.images.forEach((img, i) => {
    const d = (img.imageDigest ?? "").toLowerCase();
    if (d === "") return;
    if (i % 5 !== 0) {
      const w: Workload = { kind: "KubernetesDeployment", name: `service-${i}`, namespace: `ns-${i % 100}`, cluster: "prod", exposed: i % 5 < 3 };
      runtime.set(d, { runningContainers: 1 + (i % 3), workloads: [w] });
      workloads.set(d, [w]);
    }
    if (i % 5 < 3) {
      const repository = `acme/service-${i % owners}`;
      ownerMap.set(d, {
        repository,
        url: `https://github.com/${repository}`,
        provider: "github",
        dockerfile: "Dockerfile",
        matchMethod: "provenance",
        confidence: 1,
        revision: `abc${i}`,
        verified: true,
      });
    }
    if (i % 5 === 4 && previous !== null) internalBases.set(d, { digest: previous, name: `internal/base-${i % 50}:1`, tags: [], reference: null, owner: null });
    previous = d;
  });
  const unknownImages = Array.from({ length: Math.max(1, Math.floor(rows.images.length / 50)) }, (_, n) => ({
    imageRef: `docker.io/library/nginx:1.${n % 30}`,
    digest: null,
    containers: 1,
    namespaces: [`ns-${n % 100}`],
    clusters: ["prod"],
    exposed: false,
  }));
  const found = emptyFound();
  found.any = true;
  found.runtime = { containers: runtime.size, containerKinds: ["KubernetesContainer"], resolvedImages: runtime.size, workloadImages: workloads.size, workloadKinds: ["KubernetesDeployment"] };
  found.ownership = { packagedFrom: ownerMap.size, matchMethods: ["provenance"], providers: ["github"], imagesWithProvenance: ownerMap.size };
  found.internalBase = { builtFrom: internalBases.size };
  const context: ContextData = { found, runtime, workloads, owners: ownerMap, internalBases, tags: new Map(), reportTargets: new Map(), unknownImages };
  return { ...rows, storeKind: "neo4j", context };
}

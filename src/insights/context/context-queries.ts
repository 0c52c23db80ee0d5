// The Cypher the report uses to read the rest of a Cartography graph (contract
// cartography-context.md §9), one aggregated statement per kind of data: each returns at most one
// row per image (or per image reference), never one round trip per image. Labels, relationship
// types and properties are the contract's; a graph without them returns no rows.

/** What the graph holds, as counts (contract §3-§7): one row. */
export const CONTEXT_FOUND_QUERY = `
CALL { MATCH (c:Container) RETURN count(c) AS containers }
CALL { MATCH (c:Container) UNWIND labels(c) AS l WITH l WHERE l <> 'Container' RETURN collect(DISTINCT l) AS containerKinds }
CALL { MATCH (:Container)-[r:RESOLVED_IMAGE]->(:Image) RETURN count(r) AS resolvedImages }
CALL { MATCH (:ComputeService)-[r:HAS_RUNTIME_IMAGE]->(:Image)
          RETURN count(r) AS workloadImages, sum(CASE WHEN r.exposed_internet = true THEN 1 ELSE 0 END) AS exposedWorkloadImages }
CALL { MATCH (s:ComputeService)-[:HAS_RUNTIME_IMAGE]->(:Image) UNWIND labels(s) AS l WITH l WHERE l <> 'ComputeService'
          RETURN collect(DISTINCT l) AS workloadKinds }
CALL { MATCH (c:Container) WHERE c.exposed_internet = true RETURN count(c) AS exposedContainers }
CALL { MATCH (:Image)-[p:PACKAGED_FROM]->(repo:CodeRepository)
          RETURN count(p) AS packagedFrom, collect(DISTINCT p.match_method) AS matchMethods, collect(DISTINCT repo._ont_source) AS providers }
CALL { MATCH (i:Image) WHERE i.source_uri IS NOT NULL RETURN count(i) AS imagesWithProvenance }
CALL { MATCH (:Image)-[b:BUILT_FROM]->(p) WHERE p:Image OR p:ImageManifestList RETURN count(b) AS builtFrom }
CALL { MATCH (:ImageTag)-[r:IMAGE]->() RETURN count(r) AS registryTags }
RETURN containers, containerKinds, resolvedImages, workloadImages, workloadKinds, exposedWorkloadImages,
       exposedContainers, packagedFrom, matchMethods, providers, imagesWithProvenance, builtFrom, registryTags`;

/**
 * Runtime per image (Q2, §3.3): running containers resolved to it, with their workload,
 * namespace and cluster. Covers runtimes without a ComputeService (bare pods, ACI, Lambda).
 */
export const RUNTIME_QUERY = `
MATCH (c:Container)-[:RESOLVED_IMAGE]->(img:Image)
WHERE toLower(coalesce(c._ont_state, '')) IN ['running', 'ready']
OPTIONAL MATCH (c)-[:WORKLOAD_PARENT*1..6]->(svc:ComputeService)
OPTIONAL MATCH (c)-[:WORKLOAD_PARENT*1..6]->(cluster:ComputeCluster)
WITH img, c, head(collect(DISTINCT svc)) AS svc, head(collect(DISTINCT cluster)) AS cluster
RETURN toLower(img._ont_digest) AS digest, count(DISTINCT c) AS running,
       collect(DISTINCT [[l IN labels(svc) WHERE l <> 'ComputeService'][0], coalesce(svc._ont_name, svc.name),
                         coalesce(svc.namespace, c._ont_namespace), coalesce(cluster._ont_name, cluster.name, c.cluster_name),
                         coalesce(c.exposed_internet, false) OR coalesce(svc.exposed_internet, false)]) AS workloads`;

/** The per-workload inventory (Q1, §4): HAS_RUNTIME_IMAGE and its exposed_internet, with the cluster. */
export const WORKLOAD_QUERY = `
MATCH (svc:ComputeService)-[r:HAS_RUNTIME_IMAGE]->(img:Image)
OPTIONAL MATCH (svc)-[:WORKLOAD_PARENT*1..2]->(cluster:ComputeCluster)
WITH img, svc, r, head(collect(cluster)) AS cluster
RETURN toLower(img._ont_digest) AS digest,
       collect([[l IN labels(svc) WHERE l <> 'ComputeService'][0], coalesce(svc._ont_name, svc.name), svc.namespace,
                coalesce(cluster._ont_name, cluster.name), coalesce(r.exposed_internet, false)]) AS workloads`;

/**
 * Owner per image (Q3, §6): the best PACKAGED_FROM (highest confidence, provenance first) and the
 * image's provenance, over every node of the digest (two registries' nodes can have different edges).
 */
export const OWNER_QUERY = `
MATCH (img:Image)-[p:PACKAGED_FROM]->(repo:CodeRepository)
WITH toLower(img._ont_digest) AS digest, img, p, repo
ORDER BY p.confidence DESC, CASE p.match_method WHEN 'provenance' THEN 0 ELSE 1 END, repo._ont_fullname
WITH digest, collect([repo._ont_fullname, repo._ont_url, repo._ont_source, coalesce(p.dockerfile_path, img.source_file),
                      p.match_method, p.confidence, coalesce(p.source_revision, img.source_revision)])[0] AS best
RETURN digest, best`;

/** Images whose provenance names a repository that no PACKAGED_FROM confirms (§6.3: an unverified owner). */
export const PROVENANCE_QUERY = `
MATCH (img:Image)
WHERE img.source_uri IS NOT NULL AND NOT (img)-[:PACKAGED_FROM]->(:CodeRepository)
RETURN toLower(img._ont_digest) AS digest, img.source_uri AS source_uri, img.source_file AS source_file,
       img.source_revision AS source_revision`;

/** Internal base (Q6, §7): registry BUILT_FROM to an Image or index, with its tags and owner. */
export const INTERNAL_BASE_QUERY = `
MATCH (img:Image)-[b:BUILT_FROM]->(parent)
WHERE parent:Image OR parent:ImageManifestList
OPTIONAL MATCH (parent)<-[:IMAGE]-(t:ImageTag)
OPTIONAL MATCH (parent)-[:PACKAGED_FROM]->(repo:CodeRepository)
RETURN toLower(img._ont_digest) AS digest, toLower(parent._ont_digest) AS parent_digest, b.parent_image_uri AS reference,
       collect(DISTINCT coalesce(t.uri, t._ont_uri, t.location, t.id)) AS tags, head(collect(repo._ont_fullname)) AS owner`;

/** Registry names (Q7, §2.4): every tag that points at the image or at its manifest list. */
export const TAGS_QUERY = `
MATCH (img:Image)<-[:CONTAINS_IMAGE*0..1]-()<-[:IMAGE]-(t:ImageTag)
RETURN toLower(img._ont_digest) AS digest, collect(DISTINCT coalesce(t.uri, t._ont_uri, t.location, t.id)) AS tags`;

/** The report targets that linked each Image (scoutgraph's DockerScoutReport records). */
export const REPORT_TARGETS_QUERY = `
MATCH (r:DockerScoutReport)-[:REPORTS_ON]->(img:Image)
RETURN toLower(coalesce(img._ont_digest, img.id)) AS digest, collect(DISTINCT r.target_image) AS targets`;

/** Running containers whose image is not in the graph (Q5, §8.3), grouped by image reference. */
export const UNKNOWN_IMAGE_CONTAINERS_QUERY = `
MATCH (c:Container)
WHERE toLower(coalesce(c._ont_state, '')) IN ['running', 'ready'] AND NOT (c)-[:RESOLVED_IMAGE]->(:Image)
OPTIONAL MATCH (c)-[:WORKLOAD_PARENT*1..6]->(cluster:ComputeCluster)
WITH c, head(collect(cluster)) AS cluster
RETURN coalesce(c._ont_image, c.image, c.id) AS image_ref, toLower(c._ont_image_digest) AS digest, count(c) AS containers,
       collect(DISTINCT coalesce(c._ont_namespace, c.namespace)) AS namespaces,
       collect(DISTINCT coalesce(cluster._ont_name, cluster.name, c.cluster_name)) AS clusters,
       max(CASE WHEN c.exposed_internet = true THEN 1 ELSE 0 END) AS exposed`;

/** Reports older than a cutoff (either store): by the source's modification time, else the last sync. */
export const STALE_REPORTS_QUERY = `
MATCH (r:DockerScoutReport)
WHERE coalesce(r.source_modified, r.lastupdated) < $cutoff
RETURN r.source AS source, r.target_image AS target_image, r.target_digest AS target_digest,
       r.public_image_id AS base_id, coalesce(r.source_modified, r.lastupdated) AS as_of`;

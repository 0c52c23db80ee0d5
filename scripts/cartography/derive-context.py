# Runs Cartography's own analysis jobs (the pip release the venv pins) on the graph in Neo4j:
# the Kubernetes exposure jobs, then the ontology stage's RESOLVED_IMAGE_JOBS and
# WORKLOAD_HAS_RUNTIME_IMAGE, in sync order (contract cartography-context.md §11.2, §11.3).
# Offline: nothing here talks to a cloud API. Usage: python derive-context.py NEO4J_URI UPDATE_TAG
import sys

import neo4j
from cartography.analysis.kubernetes.analysis import K8S_COMPUTE_ASSET_EXPOSURE_JOBS
from cartography.analysis.ontology.analysis import RESOLVED_IMAGE_JOBS, WORKLOAD_HAS_RUNTIME_IMAGE
from cartography.util import run_typed_analysis_job

uri, tag = sys.argv[1], int(sys.argv[2])
driver = neo4j.GraphDatabase.driver(uri)
with driver.session() as session:
    clusters = [r["id"] for r in session.run("MATCH (c:KubernetesCluster) RETURN c.id AS id")]
    for cluster in clusters:
        for job in K8S_COMPUTE_ASSET_EXPOSURE_JOBS:
            run_typed_analysis_job(job, session, {"UPDATE_TAG": tag, "CLUSTER_ID": cluster})
    for job in RESOLVED_IMAGE_JOBS:
        run_typed_analysis_job(job, session, {"UPDATE_TAG": tag})
    run_typed_analysis_job(WORKLOAD_HAS_RUNTIME_IMAGE, session, {"UPDATE_TAG": tag})
    print(f"cartography: ran the exposure jobs for {len(clusters)} cluster(s), RESOLVED_IMAGE_JOBS and WORKLOAD_HAS_RUNTIME_IMAGE")
driver.close()

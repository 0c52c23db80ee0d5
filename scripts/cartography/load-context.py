# Writes the context of the contract's §10 seed with Cartography's OWN loaders and analysis jobs
# (the pip release the venv pins), offline, in the order of cartography-context.md §11.3:
# ECR sync -> ECR layers sync -> NLB + its exposure job -> Kubernetes (cluster, namespaces, nodes,
# workloads, pods, containers, services, exposure jobs) -> GitHub repos -> GitHub supply chain ->
# GitLab group, projects, supply chain -> RESOLVED_IMAGE_JOBS -> WORKLOAD_HAS_RUNTIME_IMAGE.
# Only what talks to a network is replaced: the AWS clients (answered from estate.py's API rows,
# manifests and blobs), the Kubernetes list/read calls (and the kubeconfig TLS reader: there is no
# kubeconfig), the GitHub GraphQL/REST and GitLab REST calls. Everything else (transforms, loads,
# cleanups, matchers, jobs) is Cartography's code.
# Usage: python load-context.py NEO4J_URI UPDATE_TAG   (the database should be empty)
import base64
import json
import logging
import sys
from contextlib import ExitStack
from unittest.mock import patch

import neo4j

import cartography.intel.aws.ec2.load_balancer_v2s as elbv2
import cartography.intel.aws.ecr as ecr
import cartography.intel.aws.ecr_image_layers as ecr_layers
import cartography.intel.github.repos as gh_repos
import cartography.intel.github.supply_chain as gh_supply
import cartography.intel.gitlab.organizations as gl_orgs
import cartography.intel.gitlab.projects as gl_projects
import cartography.intel.gitlab.supply_chain as gl_supply
from cartography.analysis.aws.analysis import AWS_EC2_ASSET_EXPOSURE_LOAD_BALANCER_V2
from cartography.analysis.kubernetes.analysis import K8S_COMPUTE_ASSET_EXPOSURE_JOBS, K8S_LB_EXPOSURE_JOBS
from cartography.analysis.ontology.analysis import RESOLVED_IMAGE_JOBS, WORKLOAD_HAS_RUNTIME_IMAGE
from cartography.intel.aws.organizations import load_aws_account_nodes_from_config
from cartography.intel.kubernetes import clusters, namespaces, nodes, pods, services, workloads
from cartography.util import run_typed_analysis_job

import estate

GITHUB_API = "https://api.github.com/graphql"


class Paginator:
    def __init__(self, pages):
        self.pages = pages

    def paginate(self, **params):
        return self.pages(**params)


class FakeEcr:
    """The ECR API for estate.py's registry: DescribeRepositories, ListImages, DescribeImages,
    BatchGetImage (sync, for the ecr sync) and, as coroutines, what ecr:image_layers calls."""

    def get_paginator(self, operation):
        pages = {
            "describe_repositories": lambda: [{"repositories": estate.ECR_REPOSITORIES}],
            "list_images": lambda repositoryName: [{"imageIds": [
                {"imageDigest": r["imageDigest"], "imageTag": t} for r in estate.describe_images(repositoryName) for t in r["imageTags"]
            ]}],
            "describe_images": lambda repositoryName, imageIds: [{"imageDetails": estate.describe_images(repositoryName)}],
        }[operation]
        return Paginator(pages)

    def batch_get_image(self, repositoryName, imageIds, acceptedMediaTypes):
        manifest = estate.MANIFESTS.get(imageIds[0].get("imageDigest"))
        if manifest is None or manifest["mediaType"] not in acceptedMediaTypes:
            return {"images": [], "failures": [{"imageId": imageIds[0], "failureCode": "ImageNotFound"}]}
        image = {"repositoryName": repositoryName, "imageId": imageIds[0], "imageManifest": json.dumps(manifest),
                 "imageManifestMediaType": manifest["mediaType"]}
        return {"images": [image], "failures": []}


class FakeAsyncEcr(FakeEcr):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def batch_get_image(self, **kw):
        return FakeEcr.batch_get_image(self, **kw)

    async def get_download_url_for_layer(self, repositoryName, layerDigest):
        return {"downloadUrl": f"https://blobs.ecr.invalid/{layerDigest}", "layerDigest": layerDigest}


class BlobResponse:
    def __init__(self, blob):
        self.blob = blob

    def raise_for_status(self):
        pass

    def json(self):
        return self.blob


class FakeBlobHttp:
    """httpx.AsyncClient for the presigned blob URLs FakeAsyncEcr hands out."""

    def __init__(self, *args, **kw):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def get(self, url, timeout=None):
        return BlobResponse(estate.BLOBS[url.rsplit("/", 1)[1]])


class FakeK8sClient:
    name = estate.CLUSTER_NAME
    external_id = estate.CLUSTER_ARN


def gitlab_rest(gitlab_url, token, endpoint, extra_params=None):
    """GitLab's REST answers for the group, its projects, the repository tree and one file."""
    if endpoint == "/api/v4/groups/4242":
        return estate.GITLAB_GROUP
    if endpoint == "/api/v4/groups/4242/projects":
        return estate.GITLAB_PROJECTS
    if endpoint == "/api/v4/projects/1001/repository/tree":
        return estate.GITLAB_TREE
    if endpoint == "/api/v4/projects/1001/repository/files/deploy%2FDockerfile?ref=HEAD":
        return {"encoding": "base64", "content": base64.b64encode(estate.GITLAB_DOCKERFILE.encode()).decode()}
    raise LookupError(f"no GitLab answer for {endpoint}")


async def no_languages(*args, **kw):
    return {}


def offline(stack: ExitStack) -> None:
    """Replace every call that would leave the machine."""
    fakes = [
        (ecr, "create_boto3_client", lambda *a, **kw: FakeEcr()),
        (ecr_layers, "create_aioboto3_client", lambda *a, **kw: FakeAsyncEcr()),
        (ecr_layers.httpx, "AsyncClient", FakeBlobHttp),
        (elbv2, "get_loadbalancer_v2_data", lambda session, region: [dict(lb) for lb in estate.LOAD_BALANCERS]),
        (clusters, "get_kubernetes_cluster_namespace", lambda client: estate.KUBE_SYSTEM),
        (clusters, "get_kubernetes_cluster_version", lambda client: estate.VERSION),
        (clusters, "get_kubernetes_cluster_tls_diagnostics", lambda client: {}),  # reads a kubeconfig: there is none
        (namespaces, "get_namespaces", lambda client: estate.NAMESPACES),
        (nodes, "get_nodes", lambda client: estate.NODES),
        (workloads, "get_deployments", lambda client: estate.DEPLOYMENTS),
        (workloads, "get_replicasets", lambda client: estate.REPLICASETS),
        (workloads, "get_statefulsets", lambda client: []),
        (workloads, "get_daemonsets", lambda client: []),
        (workloads, "get_jobs", lambda client: estate.JOBS),
        (workloads, "get_cronjobs", lambda client: []),
        (pods, "get_pods", lambda client: iter(estate.PODS)),
        (services, "get_services", lambda client: estate.SERVICES),
        (gh_repos, "get", lambda token, url, org: [dict(r) for r in estate.GITHUB_REPOS]),
        (gh_repos, "get_repo_privileged_details_by_url", lambda *a: {}),
        (gh_repos, "_get_repo_collaborators_for_multiple_repos", lambda *a: {}),
        (gh_repos, "_get_dep_manifests_for_repos", lambda *a: ({}, True)),
        (gh_repos, "get_repo_security_and_analysis_by_url", lambda *a: {}),
        (gh_repos, "enrich_dependencies_with_lockfile_versions", lambda *a: None),
        (gh_supply, "call_github_rest_api", lambda endpoint, token, base_url, params=None: estate.github_rest(endpoint)),
        (gl_orgs, "get_single", gitlab_rest),
        (gl_projects, "get_paginated", gitlab_rest),
        (gl_projects, "_fetch_all_languages", no_languages),
        (gl_supply, "get_paginated", gitlab_rest),
        (gl_supply, "get_single", gitlab_rest),
    ]
    for module, name, fake in fakes:
        stack.enter_context(patch.object(module, name, fake))


def main(uri: str, tag: int) -> None:
    logging.basicConfig(level=logging.WARNING, format="cartography: %(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)  # Cartography's queries name absent labels
    aws = {"UPDATE_TAG": tag, "AWS_ID": estate.ACCOUNT}
    driver = neo4j.GraphDatabase.driver(uri)
    with ExitStack() as stack, driver.session() as session:
        offline(stack)
        # The account from the config, as organizations.load_aws_accounts passes it.
        load_aws_account_nodes_from_config(session, [{"id": estate.ACCOUNT, "name": "prod", "foreign": None}], tag)
        ecr.sync(session, None, [estate.REGION], estate.ACCOUNT, tag, aws)
        ecr_layers.sync(session, None, [estate.REGION], estate.ACCOUNT, tag, aws)
        elbv2.sync_load_balancer_v2s(session, None, [estate.REGION], estate.ACCOUNT, tag, aws)
        run_typed_analysis_job(AWS_EC2_ASSET_EXPOSURE_LOAD_BALANCER_V2, session, aws)

        # Kubernetes, in start_k8s_ingestion's order (the syncs this estate has data for).
        k8s, client = {"UPDATE_TAG": tag}, FakeK8sClient()
        k8s["CLUSTER_ID"] = clusters.sync_kubernetes_cluster(session, client, tag, k8s)["id"]
        namespaces.sync_namespaces(session, client, tag, k8s)
        node_arch_map = nodes.sync_nodes(session, client, tag, k8s)
        replicaset_owner_map = workloads.sync_workloads(session, client, tag, k8s)
        all_pods = pods.sync_pods(session, client, tag, k8s, region=estate.REGION, node_arch_map=node_arch_map,
                                  replicaset_owner_map=replicaset_owner_map)
        services.sync_services(session, client, all_pods, tag, k8s)
        for job in K8S_COMPUTE_ASSET_EXPOSURE_JOBS + K8S_LB_EXPOSURE_JOBS:
            run_typed_analysis_job(job, session, k8s)

        github = {"UPDATE_TAG": tag}
        gh_repos.sync(session, github, "token", GITHUB_API, "acme")
        gh_supply.sync(session, "token", GITHUB_API, "acme", tag, github, estate.GITHUB_REPOS, workflows=None)

        gitlab = {"UPDATE_TAG": tag, "ORGANIZATION_ID": 4242}
        gl_orgs.sync_gitlab_organizations(session, estate.GITLAB_URL, "token", tag, gitlab)
        projects = gl_projects.sync_gitlab_projects(session, estate.GITLAB_URL, "token", tag, gitlab)
        gl_supply.sync(session, estate.GITLAB_URL, "token", 4242, tag, gitlab, projects)

        # The ontology stage's derived edges, last (cartography/intel/ontology/__init__.py).
        for job in RESOLVED_IMAGE_JOBS:
            run_typed_analysis_job(job, session, {"UPDATE_TAG": tag})
        run_typed_analysis_job(WORKLOAD_HAS_RUNTIME_IMAGE, session, {"UPDATE_TAG": tag})
    driver.close()
    print("cartography: loaded ECR, ELBv2, Kubernetes, GitHub and GitLab and ran the exposure, supply-chain and ontology jobs")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

# The invented estate of the contract's §10 seed (cartography-context.md §11.3), as the APIs
# Cartography's getters call would return it: ECR DescribeRepositories / DescribeImages /
# BatchGetImage rows and the manifests and blobs behind them, ELBv2 DescribeLoadBalancers,
# kubernetes.client objects, GitHub GraphQL and REST, GitLab REST. Data only; load-context.py
# feeds it to Cartography's loaders.
import base64
from datetime import datetime, timezone

from kubernetes.client import (
    V1Container,
    V1ContainerState,
    V1ContainerStateRunning,
    V1ContainerStateTerminated,
    V1ContainerStatus,
    V1Deployment,
    V1DeploymentSpec,
    V1DeploymentStatus,
    V1Job,
    V1JobSpec,
    V1JobStatus,
    V1LabelSelector,
    V1LoadBalancerIngress,
    V1LoadBalancerStatus,
    V1Namespace,
    V1NamespaceStatus,
    V1Node,
    V1NodeStatus,
    V1NodeSystemInfo,
    V1ObjectMeta,
    V1OwnerReference,
    V1Pod,
    V1PodSpec,
    V1PodStatus,
    V1PodTemplateSpec,
    V1ReplicaSet,
    V1ReplicaSetSpec,
    V1ReplicaSetStatus,
    V1Service,
    V1ServicePort,
    V1ServiceSpec,
    V1ServiceStatus,
    VersionInfo,
)

ACCOUNT = "000000000000"
REGION = "us-east-1"
REGISTRY = f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
PUSHED = datetime(2026, 8, 1, 9, 0, tzinfo=timezone.utc)
CREATED = datetime(2026, 9, 1, 12, 0, tzinfo=timezone.utc)  # 1788264000, every Kubernetes object


def digest(pair: str) -> str:
    return "sha256:" + pair * 32


def layer(char: str) -> str:
    return "sha256:" + char * 64


# --- ECR: repositories, tags, manifests, config and provenance blobs ---------------------------

ECR_REPOSITORIES = [
    {
        "repositoryArn": f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/{name}",
        "registryId": ACCOUNT,
        "repositoryName": name,
        "repositoryUri": f"{REGISTRY}/{name}",
        "createdAt": datetime(2025, 1, 1, tzinfo=timezone.utc),
        "imageTagMutability": "MUTABLE",
    }
    for name in ["batch-worker", "payments-api", "platform/python-base", "web-frontend"]
]

# DescribeImages rows by repository name: (digest, tags, manifest media type).
ECR_IMAGES = {
    "batch-worker": [(digest("d1"), ["0.9"], OCI_MANIFEST)],
    "payments-api": [(digest("a0"), ["1.4.2", "latest"], OCI_INDEX)],
    "platform/python-base": [(digest("b1"), ["3.12"], OCI_MANIFEST)],
    "web-frontend": [(digest("c1"), ["2.0.0"], OCI_MANIFEST)],
}


def describe_images(repository: str) -> list[dict]:
    return [
        {
            "registryId": ACCOUNT,
            "repositoryName": repository,
            "imageDigest": d,
            "imageTags": tags,
            "imageSizeInBytes": 52428800,
            "imagePushedAt": PUSHED,
            "imageManifestMediaType": media_type,
        }
        for d, tags, media_type in ECR_IMAGES[repository]
    ]


# Layer history as BuildKit records it: (diff id, created_by); ENV/CMD entries are empty layers.
HISTORY = {
    "b1": [
        (layer("1"), "/bin/sh -c #(nop) ADD file:5d673d25da3a14ce1f6cf66e4c7fd4f4b85a3759a9d93efb3fd9ff852b5b56e4 in / "),
        (layer("2"), "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends python3.12 # buildkit"),
    ],
    "payments": [
        (layer("3"), "COPY requirements.txt /app/ # buildkit"),
        (layer("4"), "RUN /bin/sh -c pip install --no-cache-dir -r /app/requirements.txt # buildkit"),
    ],
    "a2": [
        (layer("5"), "/bin/sh -c #(nop) ADD file:9a1f0c3e6b2d4f8a7c5e1b3d9f0a2c4e6b8d0f1a3c5e7b9d1f3a5c7e9b1d3f5a in / "),
        (layer("6"), "RUN /bin/sh -c pip install --no-cache-dir -r /app/requirements.txt # buildkit"),
        (layer("7"), "COPY src/ /app/src/ # buildkit"),
    ],
    "c1": [
        (layer("8"), "/bin/sh -c #(nop) ADD file:1c3e5a7b9d0f2e4a6c8b0d2f4e6a8c0b2d4f6e8a0c2b4d6f8e0a2c4b6d8f0e2a in / "),
        (layer("9"), "RUN /bin/sh -c set -x && apk add --no-cache nginx # buildkit"),
        (layer("a"), "COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf # buildkit"),
        (layer("b"), "COPY /src/dist /usr/share/nginx/html # buildkit"),
        (layer("c"), "RUN /bin/sh -c chown -R nginx:nginx /usr/share/nginx/html && chmod -R a+r /usr/share/nginx/html # buildkit"),
    ],
    "d1": [
        (layer("d"), "/bin/sh -c #(nop) ADD file:7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b in / "),
        (layer("e"), "COPY worker /usr/local/bin/worker # buildkit"),
    ],
}
IMAGE_LAYERS = {
    "b1": HISTORY["b1"],
    "a1": HISTORY["b1"] + HISTORY["payments"],  # built on platform/python-base:3.12
    "a2": HISTORY["a2"],  # arm64, built on Docker Hub's python:3.12-slim
    "c1": HISTORY["c1"],
    "d1": HISTORY["d1"],
}
PLATFORMS = {"a1": ("amd64", "linux", None), "a2": ("arm64", "linux", "v8")}


def _config_blob(pair: str) -> dict:
    arch, os_name, variant = PLATFORMS.get(pair, ("amd64", "linux", None))
    history = []
    for _, created_by in IMAGE_LAYERS[pair]:
        history.append({"created": "2026-08-01T09:00:00Z", "created_by": created_by})
    history.append({"created": "2026-08-01T09:00:00Z", "created_by": 'CMD ["/bin/sh"]', "empty_layer": True})
    blob = {
        "architecture": arch,
        "os": os_name,
        "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
        "rootfs": {"type": "layers", "diff_ids": [d for d, _ in IMAGE_LAYERS[pair]]},
        "history": history,
    }
    if variant:
        blob["variant"] = variant
    return blob


def _provenance_blob(pair: str, base: dict) -> dict:
    """An in-toto SLSA v0.2 statement as BuildKit writes it in a GitHub Actions build."""
    return {
        "_type": "https://in-toto.io/Statement/v0.1",
        "predicateType": "https://slsa.dev/provenance/v0.2",
        "subject": [{"name": f"pkg:docker/{REGISTRY}/payments-api@1.4.2", "digest": {"sha256": pair * 32}}],
        "predicate": {
            "builder": {"id": "https://github.com/acme/payments-api/actions/runs/9876543210"},
            "buildType": "https://mobyproject.org/buildkit@v1",
            "materials": [
                {"uri": "pkg:docker/docker/dockerfile@1", "digest": {"sha256": "f0" * 32}},
                base,
            ],
            "invocation": {
                "configSource": {"entryPoint": "Dockerfile"},
                "environment": {
                    "github_server_url": "https://github.com",
                    "github_repository": "acme/payments-api",
                    "github_workflow_ref": "acme/payments-api/.github/workflows/release.yml@refs/heads/main",
                    "github_run_number": "57",
                },
            },
            "metadata": {
                "https://mobyproject.org/buildkit@v1#metadata": {
                    "vcs": {
                        "source": "https://github.com/acme/payments-api.git",
                        "revision": "4f2c9e1d0b7a6c5e4d3b2a19081726354f6e7d8c",
                        "localdir:dockerfile": "docker",
                    }
                }
            },
        },
    }


BLOBS: dict[str, dict] = {}  # blob digest -> JSON document, served by GetDownloadUrlForLayer
MANIFESTS: dict[str, dict] = {}  # manifest digest -> document, served by BatchGetImage


def _image_manifest(pair: str) -> dict:
    config = "sha256:" + (pair + "cf") * 16
    BLOBS[config] = _config_blob(pair)
    return {
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": config, "size": 1470},
        "layers": [{"mediaType": OCI_LAYER, "digest": d, "size": 31457280} for d, _ in IMAGE_LAYERS[pair]],
    }


def _attestation_manifest(pair: str, base: dict) -> dict:
    statement = "sha256:" + (pair + "17") * 16
    BLOBS[statement] = _provenance_blob(pair, base)
    return {
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": "sha256:" + (pair + "0c") * 16, "size": 241},
        "layers": [
            {
                "mediaType": "application/vnd.in-toto+json",
                "digest": statement,
                "size": 1821,
                "annotations": {"in-toto.io/predicate-type": "https://slsa.dev/provenance/v0.2"},
            }
        ],
    }


for _pair in ["a1", "a2", "b1", "c1", "d1"]:
    MANIFESTS[digest(_pair)] = _image_manifest(_pair)
MANIFESTS[digest("a3")] = _attestation_manifest(
    "a1",
    {"uri": f"pkg:docker/{REGISTRY}/platform/python-base@3.12?platform=linux%2Famd64", "digest": {"sha256": "b1" * 32}},
)
MANIFESTS[digest("a4")] = _attestation_manifest(
    "a2", {"uri": "pkg:docker/python@3.12-slim?platform=linux%2Farm64%2Fv8", "digest": {"sha256": "f2" * 32}}
)


def _platform(pair: str) -> dict:
    arch, os_name, variant = PLATFORMS[pair]
    return {"architecture": arch, "os": os_name, **({"variant": variant} if variant else {})}


def _attestation_ref(pair: str, attests: str) -> dict:
    return {
        "mediaType": OCI_MANIFEST,
        "digest": digest(pair),
        "size": 566,
        "platform": {"architecture": "unknown", "os": "unknown"},
        "annotations": {"vnd.docker.reference.digest": digest(attests), "vnd.docker.reference.type": "attestation-manifest"},
    }


MANIFESTS[digest("a0")] = {
    "schemaVersion": 2,
    "mediaType": OCI_INDEX,
    "manifests": [
        {"mediaType": OCI_MANIFEST, "digest": digest("a1"), "size": 1052, "platform": _platform("a1")},
        {"mediaType": OCI_MANIFEST, "digest": digest("a2"), "size": 1052, "platform": _platform("a2")},
        _attestation_ref("a3", "a1"),
        _attestation_ref("a4", "a2"),
    ],
}

# --- The internet-facing NLB in front of the payments Service ---------------------------------

NLB_DNS = "a1b2c3d4-payments-0123456789.elb.us-east-1.amazonaws.com"
NLB_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/net/payments/0123456789abcdef"
LOAD_BALANCERS = [
    {
        "LoadBalancerArn": NLB_ARN,
        "DNSName": NLB_DNS,
        "CanonicalHostedZoneId": "Z26RNL4JYFTOTI",
        "CreatedTime": datetime(2026, 1, 1, tzinfo=timezone.utc),
        "LoadBalancerName": "payments",
        "Scheme": "internet-facing",
        "Type": "network",
        "Listeners": [
            {
                "ListenerArn": f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:listener/net/payments/0123456789abcdef/fedcba9876543210",
                "LoadBalancerArn": NLB_ARN,
                "Port": 443,
                "Protocol": "TCP",
            }
        ],
        "TargetGroups": [],
    }
]

# --- Kubernetes: cluster prod-eks ----------------------------------------------------------------

CLUSTER_NAME = "prod-eks"
CLUSTER_ARN = f"arn:aws:eks:{REGION}:{ACCOUNT}:cluster/prod-eks"
KUBE_SYSTEM = V1Namespace(
    metadata=V1ObjectMeta(
        name="kube-system",
        uid="6b1f0e2a-7c3d-4e5f-8a9b-0c1d2e3f4a5b",
        creation_timestamp=datetime.fromtimestamp(1700000000, timezone.utc),
    ),
    status=V1NamespaceStatus(phase="Active"),
)
VERSION = VersionInfo(
    major="1",
    minor="31",
    git_version="v1.31.2-eks-7f9249a",
    git_commit="7f9249a5d3e1b2c4f6a8e0d2b4c6a8e0f2d4b6a8",
    git_tree_state="clean",
    build_date="2024-10-25T00:00:00Z",
    go_version="go1.22.8",
    compiler="gc",
    platform="linux/amd64",
)
NAMESPACES = [
    V1Namespace(metadata=V1ObjectMeta(name=n, uid=f"ns-{n}", creation_timestamp=CREATED), status=V1NamespaceStatus(phase="Active"))
    for n in ["batch", "payments", "web"]
]
NODES = [
    V1Node(
        metadata=V1ObjectMeta(name=name, labels={"kubernetes.io/arch": arch, "kubernetes.io/os": "linux"}),
        status=V1NodeStatus(node_info=V1NodeSystemInfo(
            architecture=arch, operating_system="linux", os_image="Amazon Linux 2023", kernel_version="6.1.112",
            container_runtime_version="containerd://1.7.22", kubelet_version="v1.31.2-eks-7f9249a",
            kube_proxy_version="v1.31.2-eks-7f9249a", machine_id=name, system_uuid=name, boot_id=name,
        )),
    )
    for name, arch in [("ip-10-0-1-10.ec2.internal", "amd64"), ("ip-10-0-2-20.ec2.internal", "arm64")]
]


def _meta(uid: str, name: str, namespace: str, labels: dict, owner: tuple[str, str] | None = None) -> V1ObjectMeta:
    owners = [V1OwnerReference(api_version="apps/v1", kind=owner[0], name=owner[0].lower(), uid=owner[1], controller=True)] if owner else None
    return V1ObjectMeta(uid=uid, name=name, namespace=namespace, labels=labels, creation_timestamp=CREATED, owner_references=owners)


def _template(labels: dict) -> V1PodTemplateSpec:
    return V1PodTemplateSpec(metadata=V1ObjectMeta(labels=labels), spec=V1PodSpec(containers=[]))


DEPLOYMENTS = [
    V1Deployment(
        metadata=_meta(uid, name, ns, {"app": name}),
        spec=V1DeploymentSpec(replicas=replicas, selector=V1LabelSelector(match_labels={"app": name}), template=_template({"app": name})),
        status=V1DeploymentStatus(replicas=replicas, ready_replicas=replicas, available_replicas=replicas),
    )
    for uid, name, ns, replicas in [("deploy-payments", "payments-api", "payments", 2), ("deploy-web", "web-frontend", "web", 1)]
]
REPLICASETS = [
    V1ReplicaSet(
        metadata=_meta(uid, name, ns, {"app": app}, ("Deployment", deployment)),
        spec=V1ReplicaSetSpec(replicas=replicas, selector=V1LabelSelector(match_labels={"app": app})),
        status=V1ReplicaSetStatus(replicas=replicas, ready_replicas=replicas),
    )
    for uid, name, ns, app, deployment, replicas in [
        ("rs-payments", "payments-api-7c9d8f", "payments", "payments-api", "deploy-payments", 2),
        ("rs-web", "web-frontend-5b6c7d", "web", "web-frontend", "deploy-web", 1),
    ]
]
JOBS = [
    V1Job(
        metadata=_meta("job-migrate", "db-migrate-29000000", "batch", {"job": "db-migrate"}),
        spec=V1JobSpec(completions=1, parallelism=1, template=_template({"job": "db-migrate"})),
        status=V1JobStatus(succeeded=1),
    )
]


def _container(name: str, image: str, image_id: str, running: bool) -> tuple[V1Container, V1ContainerStatus]:
    state = V1ContainerState(running=V1ContainerStateRunning(started_at=CREATED)) if running else V1ContainerState(
        terminated=V1ContainerStateTerminated(exit_code=0, reason="Completed")
    )
    status = V1ContainerStatus(name=name, image=image, image_id=image_id, ready=running, started=running, restart_count=0, state=state)
    return V1Container(name=name, image=image, image_pull_policy="IfNotPresent"), status


def _pod(uid, name, ns, labels, node, phase, owner, containers) -> V1Pod:
    specs, statuses = zip(*containers)
    return V1Pod(
        metadata=_meta(uid, name, ns, labels, owner),
        spec=V1PodSpec(node_name=node, containers=list(specs)),
        status=V1PodStatus(phase=phase, container_statuses=list(statuses)),
    )


def _ecr_container(name: str, repository: str, tag: str, pair: str, running: bool = True):
    return _container(name, f"{REGISTRY}/{repository}:{tag}", f"{REGISTRY}/{repository}@{digest(pair)}", running)


AMD64, ARM64 = NODES[0].metadata.name, NODES[1].metadata.name
PODS = [
    _pod("pod-payments-1", "payments-api-7c9d8f-x1", "payments", {"app": "payments-api"}, AMD64, "Running", ("ReplicaSet", "rs-payments"),
         [_ecr_container("api", "payments-api", "1.4.2", "a0")]),
    _pod("pod-payments-2", "payments-api-7c9d8f-x2", "payments", {"app": "payments-api"}, ARM64, "Running", ("ReplicaSet", "rs-payments"),
         [_ecr_container("api", "payments-api", "1.4.2", "a0")]),
    _pod("pod-web-1", "web-frontend-5b6c7d-y1", "web", {"app": "web-frontend"}, AMD64, "Running", ("ReplicaSet", "rs-web"),
         [_container("nginx", "nginx:1.27", f"docker.io/library/nginx@{digest('e1')}", True), _ecr_container("web", "web-frontend", "2.0.0", "c1")]),
    _pod("pod-migrate-1", "db-migrate-29000000-z1", "batch", {"job": "db-migrate"}, AMD64, "Succeeded", ("Job", "job-migrate"),
         [_ecr_container("migrate", "batch-worker", "0.9", "d1", running=False)]),
    _pod("pod-debug-1", "debug-shell", "batch", {"run": "debug-shell"}, AMD64, "Running", None,
         [_ecr_container("shell", "batch-worker", "0.9", "d1")]),
]
SERVICES = [
    V1Service(
        metadata=_meta("svc-payments", "payments-api", "payments", None),
        spec=V1ServiceSpec(type="LoadBalancer", cluster_ip="172.20.10.5", selector={"app": "payments-api"},
                           ports=[V1ServicePort(port=443, target_port=8443, protocol="TCP")]),
        status=V1ServiceStatus(load_balancer=V1LoadBalancerStatus(ingress=[V1LoadBalancerIngress(hostname=NLB_DNS)])),
    ),
    V1Service(
        metadata=_meta("svc-web", "web-frontend", "web", None),
        spec=V1ServiceSpec(type="ClusterIP", cluster_ip="172.20.10.6", selector={"app": "web-frontend"},
                           ports=[V1ServicePort(port=80, target_port=8080, protocol="TCP")]),
        status=V1ServiceStatus(load_balancer=V1LoadBalancerStatus()),
    ),
]

# --- GitHub: org acme, repository payments-api ---------------------------------------------------

GITHUB_REPOS = [
    {
        "name": "payments-api",
        "nameWithOwner": "acme/payments-api",
        "primaryLanguage": {"name": "Python"},
        "url": "https://github.com/acme/payments-api",
        "sshUrl": "git@github.com:acme/payments-api.git",
        "createdAt": "2024-03-01T00:00:00Z",
        "description": "Payments API",
        "updatedAt": "2026-08-01T00:00:00Z",
        "homepageUrl": "",
        "languages": {"totalCount": 1, "nodes": [{"name": "Python"}]},
        "defaultBranchRef": {"name": "main", "id": "MDM6UmVmMTIzNDU2Nzg5Om1haW4="},
        "isPrivate": True,
        "visibility": "PRIVATE",
        "isArchived": False,
        "isDisabled": False,
        "isLocked": False,
        "isFork": False,
        "parent": None,
        "owner": {"url": "https://github.com/acme", "login": "acme", "__typename": "Organization"},
        "directCollaborators": {"totalCount": 0},
        "outsideCollaborators": {"totalCount": 0},
        "branchProtectionRules": {"nodes": []},
        "requirements": None,
        "setupCfg": None,
    }
]
GITHUB_DOCKERFILE = """\
FROM 000000000000.dkr.ecr.us-east-1.amazonaws.com/platform/python-base:3.12
WORKDIR /app
COPY requirements.txt /app/
RUN pip install --no-cache-dir -r /app/requirements.txt
COPY src/ /app/src/
CMD ["python", "-m", "payments"]
"""


def github_rest(endpoint: str) -> dict:
    """GitHub's REST answers: code search for Dockerfiles, then the Contents API."""
    if endpoint == "/search/code":
        item = {"name": "Dockerfile", "path": "docker/Dockerfile", "sha": "3c1f" * 10,
                "html_url": "https://github.com/acme/payments-api/blob/main/docker/Dockerfile",
                "repository": {"full_name": "acme/payments-api"}}
        return {"total_count": 1, "incomplete_results": False, "items": [item]}
    if endpoint == "/repos/acme/payments-api/contents/docker/Dockerfile":
        return {"encoding": "base64", "content": base64.encodebytes(GITHUB_DOCKERFILE.encode()).decode()}
    raise LookupError(f"no GitHub answer for {endpoint}")


# --- GitLab: group acme (4242), project web-frontend (1001) --------------------------------------

GITLAB_URL = "https://gitlab.com"
GITLAB_GROUP = {
    "id": 4242, "web_url": "https://gitlab.com/acme", "name": "acme", "path": "acme", "full_path": "acme",
    "description": "", "visibility": "private", "created_at": "2023-01-01T00:00:00Z", "parent_id": None,
}
GITLAB_PROJECTS = [
    {
        "id": 1001, "name": "web-frontend", "path": "web-frontend", "path_with_namespace": "acme/web-frontend",
        "description": "Storefront", "visibility": "private", "default_branch": "main", "archived": False,
        "web_url": "https://gitlab.com/acme/web-frontend", "created_at": "2024-01-01T00:00:00Z",
        "last_activity_at": "2026-08-01T00:00:00Z",
        "namespace": {"id": 4242, "kind": "group", "path": "acme", "full_path": "acme", "web_url": "https://gitlab.com/acme"},
    }
]
GITLAB_DOCKERFILE = """\
FROM node:22-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist /usr/share/nginx/html
RUN chown -R nginx:nginx /usr/share/nginx/html
"""
GITLAB_TREE = [{"id": "9b2e" * 10, "name": "Dockerfile", "type": "blob", "path": "deploy/Dockerfile", "mode": "100644"}]

// What the real CLI prints per outcome (contract §3.3 and §6.2; verbatim where the contract quotes
// a capture, the contract's inferred wording otherwise).

export const LOGIN_MESSAGE = [
  "Log in with your Docker ID or email address to use docker scout.",
  "",
  "If you don't have a Docker ID, head over to https://hub.docker.com to",
  "create one. You can log in with your password or a Personal Access Token (PAT)",
  "by running docker login.",
  "Using a limited-scope PAT grants better security and is required for organizations",
  "using SSO. Learn more at https://docs.docker.com/go/access-tokens/",
  "",
  "You can also log in using Docker Desktop.",
];

export const BANNER = [
  "    i Base image was auto-detected. To get more accurate recommendations, build images with max-mode provenance attestations.",
  "      Review docs.docker.com ↗ for more information.",
  "      Alternatively, use  docker scout recommendations --tag <base image tag>  to pass a specific base image tag.",
];

export const PANIC = [
  "panic: runtime error: invalid memory address or nil pointer dereference",
  "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x17a7adc]",
  "",
  "goroutine 1 [running]:",
  "github.com/docker/scout-cli-plugin/internal/format/recommendations.fillCurrentTag(...)",
  "\t/src/internal/format/recommendations/recommendations.go:312",
  "main.main()",
  "\t/src/main.go:36 +0x1d",
];

/** Splits `host/repo:tag` for the pull-error messages (Docker Hub when there is no host). */
export function registryParts(ref: string): { registry: string; repo: string; tag: string } {
  const noDigest = ref.split("@")[0] ?? ref;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const name = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const tag = colon > slash ? noDigest.slice(colon + 1) : ref.includes("@") ? (ref.split("@")[1] ?? "latest") : "latest";
  const first = name.split("/")[0] ?? "";
  const hasHost = name.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasHost ? first : "registry-1.docker.io";
  const repo = hasHost ? name.slice(first.length + 1) : name.includes("/") ? name : `library/${name}`;
  return { registry, repo, tag };
}

/** stderr lines of a failing outcome; `given` is the reference as given, `bare` without prefix. */
export function failureLines(outcome: string, given: string, bare: string, user: string, cacheDir: string): string[] {
  const { registry, repo, tag } = registryParts(bare);
  switch (outcome) {
    case "not-logged-in":
      return LOGIN_MESSAGE;
    case "not-entitled":
      return [`ERROR   could not authenticate: user ${user} not entitled to use Docker Scout`];
    case "unauthorized":
      return [
        "    ✗ Pull failed",
        `ERROR   failed to get image ${given}: failed to pull image ${bare}: GET https://${registry}/token?scope=repository%3A${repo}%3Apull&service=${registry}: unexpected status code 401 Unauthorized: Unauthorized`,
      ];
    case "not-found":
      return [
        "    ✗ Pull failed",
        `ERROR   failed to get image ${given}: failed to pull image ${bare}: GET https://${registry}/v2/${repo}/manifests/${tag}: MANIFEST_UNKNOWN: manifest unknown; unknown tag=${tag}`,
      ];
    case "rate-limited":
      return [
        "    ✗ Pull failed",
        `ERROR   failed to get image ${given}: failed to pull image ${bare}: GET https://registry-1.docker.io/v2/${repo}/manifests/${tag}: TOOMANYREQUESTS: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`,
      ];
    case "rate-limited-abuse":
      return ["    ✗ Pull failed", `ERROR   failed to get image ${given}: failed to pull image ${bare}: GET https://registry-1.docker.io/v2/${repo}/manifests/${tag}: 429 Too Many Requests`];
    case "backend-eof":
      return [
        'ERROR   Status: could not list CVEs for the image: API operation failed: Message: Post "https://api.dso.docker.com/v1/graphql": EOF, Locations: [], Extensions: map[code:request_error], Code: 1',
      ];
    case "backend-403":
      return [
        'ERROR   API operation failed: Message: 403 Forbidden; body: "<html><h2>Your client does not have permission to get URL <code>/v1/graphql</code> from this server.</h2></html>", Locations: [], Extensions: map[code:request_error], Path: []',
      ];
    case "cache-locked":
      return ["ERROR   failed to index image: failed to initialize cache: cache may be in use by another process: timeout"];
    case "cache-readonly":
      return [`ERROR   Status: failed to write sbom: open ${cacheDir}/sbom/sha256/${"0".repeat(64)}/sbom.json: read-only file system, Code: 1`];
    case "no-base-error":
      return ["ERROR   image has no base image"];
    case "no-base-error-variant":
      return ["Error: image has no base image"];
    case "parse-error":
      return [`could not parse reference: ${bare}`];
    case "exit-255":
      return ["    ✓ SBOM of image already cached, 42 packages indexed"];
    default:
      return [`ERROR   ${outcome}`];
  }
}

export function exitCodeOf(outcome: string): number {
  if (outcome === "panic") return 2;
  if (outcome === "exit-255") return 255;
  return 1;
}

// Turns Azure Storage errors (RestError, identity errors) into one human reason.

interface AzureLikeError {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
}

const REASONS: Record<string, string> = {
  ContainerNotFound: "the container does not exist",
  BlobNotFound: "the blob does not exist (deleted since it was listed?)",
  ResourceNotFound: "not found",
  AuthenticationFailed: "bad credentials: the request signature or token was rejected",
  AuthorizationFailure: "access denied",
  AuthorizationPermissionMismatch: "access denied (needs the Storage Blob Data Reader role)",
  InvalidAuthenticationInfo: "bad credentials",
};

export function describeAzureError(err: unknown): string {
  const e = (err ?? {}) as AzureLikeError;
  const firstLine = (e.message ?? String(err)).split("\n")[0] ?? "";
  if (e.name === "CredentialUnavailableError" || e.name === "AggregateAuthenticationError") {
    return `no Azure credentials found (AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_KEY, or DefaultAzureCredential: ${firstLine})`;
  }
  if (e.name === "AuthenticationError") return `bad credentials (${firstLine})`;
  const known = e.code === undefined ? undefined : REASONS[e.code];
  if (known !== undefined) return `${known} (${e.code})`;
  if (e.statusCode === 404) return `not found (${e.code ?? firstLine})`;
  if (e.statusCode === 403) return `access denied (${e.code ?? firstLine})`;
  return `${e.code ?? e.name ?? "Error"}${e.statusCode === undefined ? "" : ` HTTP ${e.statusCode}`}: ${firstLine}`;
}

// Turns Google Cloud Storage errors (ApiError, auth library errors) into one human reason.

interface GcsLikeError {
  code?: number | string;
  message?: string;
}

/** `during` matters for 404: when listing, only the bucket can be missing. */
export function describeGcsError(err: unknown, during: "list" | "read"): string {
  const e = (err ?? {}) as GcsLikeError;
  const message = e.message ?? String(err);
  if (/could not load the default credentials/i.test(message)) {
    return "no Google credentials found (Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS, gcloud auth application-default login, or the metadata server)";
  }
  if (typeof e.code === "string" && e.code.startsWith("ERR_OSSL")) {
    return `bad credentials: the service-account key cannot be used (${message})`;
  }
  switch (e.code) {
    case 404:
      return during === "list" ? `the bucket does not exist (${message})` : `the object does not exist, deleted since it was listed? (${message})`;
    case 401:
      return `bad credentials (${message})`;
    case 403:
      return `access denied, needs storage.objects.list and storage.objects.get (${message})`;
    default:
      if (/invalid_grant|invalid_client|unauthorized_client|private key|token/i.test(message)) return `bad credentials (${message})`;
      if (typeof e.code === "number") return `HTTP ${e.code}: ${message}`;
      return e.code === undefined ? message : `${e.code}: ${message}`;
  }
}

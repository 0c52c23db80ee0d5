// Turns the S3 SDK's errors into one human reason: which of missing bucket, denied access or bad
// credentials it was, with the service's own code for searching.

interface S3LikeError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const REASONS: Record<string, string> = {
  NoSuchBucket: "the bucket does not exist",
  NoSuchKey: "the object does not exist (deleted since it was listed?)",
  AccessDenied: "access denied (needs s3:ListBucket and s3:GetObject)",
  AllAccessDisabled: "access denied",
  InvalidAccessKeyId: "bad credentials: the access key id is not known",
  SignatureDoesNotMatch: "bad credentials: the secret key does not match",
  ExpiredToken: "bad credentials: the session token has expired",
  InvalidToken: "bad credentials: the session token is invalid",
  CredentialsProviderError: "no AWS credentials found (environment, profile, SSO or instance role)",
  InvalidBucketName: "the bucket name is not valid",
  PermanentRedirect: "the bucket is in another region (set AWS_REGION)",
};

export function describeS3Error(err: unknown): string {
  const e = (err ?? {}) as S3LikeError;
  const code = e.Code ?? e.name ?? "Error";
  const status = e.$metadata?.httpStatusCode;
  const known = REASONS[code];
  if (known !== undefined) return `${known} (${code})`;
  if (/region is missing/i.test(e.message ?? "")) return "no AWS region configured (set AWS_REGION)";
  if (status === 404) return `not found (${code})`;
  if (status === 403) return `access denied (${code})`;
  const detail = e.message !== undefined && e.message !== "" && e.message !== code ? `: ${e.message}` : "";
  return `${code}${status === undefined ? "" : ` HTTP ${status}`}${detail}`;
}

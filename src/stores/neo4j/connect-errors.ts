// One line for a failed connection to Neo4j, instead of the driver's paragraph ("Please ensure
// that your database is listening on the correct host and port and that you have compatible
// encryption settings ... Note that the default encryption setting has changed in Neo4j 4.0"):
// what went wrong, and what to check.

interface DriverError {
  code?: string;
  message?: string;
}

/** The reason part of "cannot connect to Neo4j at URI: <reason>". */
export function connectFailureReason(err: unknown, user: string | undefined): string {
  const e = (err ?? {}) as DriverError;
  const code = e.code ?? "";
  const message = e.message ?? String(err);
  if (code === "Neo.ClientError.Security.Unauthorized" || code === "Neo.ClientError.Security.AuthenticationRateLimit") {
    return user === undefined
      ? "the server requires authentication (give --neo4j-user and --neo4j-password-env-var NAME or --neo4j-password-prompt)"
      : `authentication failed for user "${user}" (check the user name and the password)`;
  }
  if (code.startsWith("Neo.ClientError.Security.")) return `access refused (${code}): ${firstSentence(message)}`;
  if (code === "Neo.ClientError.Database.DatabaseNotFound") return `${firstSentence(message)} (check --neo4j-database)`;
  // A routing (neo4j://) failure wraps the connection error in `cause`: read the whole chain.
  const chain: string[] = [];
  for (let c: unknown = err, depth = 0; c !== undefined && c !== null && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    chain.push((c as DriverError).message ?? String(c));
  }
  const cause = chain.map((m) => /Caused by: (.*)$/s.exec(m)?.[1]?.trim() ?? "").join(" ");
  const errno = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET)\b/.exec(cause || chain.join(" "))?.[1];
  const hint = "is Neo4j running, and is this its Bolt address and port?";
  switch (errno) {
    case "ECONNREFUSED":
      return `connection refused; ${hint}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "unknown host name; check the host in the URI";
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `no answer (${errno}); ${hint}`;
    case "ECONNRESET":
      return "the server closed the connection (a TLS or non-Bolt port? use bolt+s:// or neo4j+s:// for TLS)";
  }
  if (/no answer within/.test(message)) return `${message}; ${hint}`;
  if (/routing|discovery/i.test(message)) return `no routing information (${firstSentence(message)}); for a single server use bolt:// instead of neo4j://`;
  return [code, firstSentence(message)].filter(Boolean).join(": ");
}

function firstSentence(message: string): string {
  const line = message.split("\n")[0] ?? message;
  const end = line.search(/\.\s/);
  return end > 0 ? line.slice(0, end + 1) : line;
}

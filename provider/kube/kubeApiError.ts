// Errors from the mesh's Kubernetes API, reduced to what a user can act on: the request, the HTTP
// status and the API server's own reason. Request options (which carry the bearer token) and raw
// client errors are never copied into the message.

export class KubeApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined when the API server was not reached at all. */
    readonly statusCode: number | undefined,
  ) {
    super(message);
    this.name = "KubeApiError";
  }
}

export function isKubeNotFound(err: unknown): boolean {
  return err instanceof KubeApiError && err.statusCode === 404;
}

/** Failures that may pass on their own: no answer (or a lost one), throttling, or a 5xx. */
export function isTransientKubeError(err: unknown): boolean {
  if (!(err instanceof KubeApiError)) return false;
  return err.statusCode === undefined || err.statusCode === 429 || err.statusCode >= 500;
}

/** Maps a @kubernetes/client-node rejection (HttpError or a transport error) to a KubeApiError. */
export function toKubeApiError(err: unknown, what: string, server: string): KubeApiError {
  const status = statusCodeOf(err);
  if (status === undefined) {
    const code = transportCodeOf(err);
    return new KubeApiError(`Kubernetes API ${what} failed: API server ${server} not reachable (${code})`, undefined);
  }
  const reason = statusMessageOf(err);
  return new KubeApiError(`Kubernetes API ${what} failed: HTTP ${status}${reason ? `: ${reason}` : ""}`, status);
}

function statusCodeOf(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const record = err as { statusCode?: unknown; response?: { statusCode?: unknown } };
  const code = record.statusCode ?? record.response?.statusCode;
  return typeof code === "number" ? code : undefined;
}

function transportCodeOf(err: unknown): string {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : "transport error";
}

// The API server answers errors with a v1 Status object whose `message` explains them.
function statusMessageOf(err: unknown): string | undefined {
  const body = typeof err === "object" && err !== null ? (err as { body?: unknown }).body : undefined;
  const parsed = typeof body === "string" ? safeJson(body) : body;
  const message = typeof parsed === "object" && parsed !== null ? (parsed as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message.slice(0, 300) : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

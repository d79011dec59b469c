// AsmApiError and the error classifier. Wire codes vary by operation (ERR404, ServiceMesh.NotFound,
// Throttling.User, ...), so classification is by free functions over code and HTTP status, not by
// instanceof chains. Every layer above asks `classifyError(e)` or one of the is* helpers.

export type ErrorClass =
  | "notFound" // the object does not exist (404, *.NotFound, ERR404)
  | "throttled" // rejected before processing: always safe to retry
  | "transient" // 5xx or a network failure: retry reads; writes may have been applied
  | "conflict" // the mesh is busy with another change: retry after it settles
  | "permission" // credentials or RAM policy: fail fast, retrying cannot help
  | "alreadyExists" // a create collided with an existing object: adopt or fail, never retry
  | "invalid" // the request is wrong: fail fast
  | "unknown";

export class AsmApiError extends Error {
  override readonly name = "AsmApiError";
  constructor(
    readonly action: string,
    readonly code: string,
    readonly apiMessage: string,
    readonly httpStatus: number | undefined,
    readonly requestId: string | undefined,
    readonly recommend: string | undefined,
  ) {
    const status = httpStatus === undefined ? "" : ` (HTTP ${httpStatus})`;
    const rid = requestId ? ` [RequestId ${requestId}]` : "";
    super(`${action} failed: ${code}${status}: ${apiMessage}${rid}`);
  }
}

const NETWORK_CODES = new Set([
  "ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED",
  "ESOCKETTIMEDOUT", "UND_ERR_SOCKET", "ReadTimeout", "ConnectTimeout",
]);
const THROTTLING = [/^Throttling/, /^Rejected\.Throttling/, /^ServiceUnavailable/, /TooManyRequests/];
// Checked before NOT_FOUND: "InvalidAccessKeyId.NotFound" is a credentials problem, not a gone object.
const PERMISSION = [
  /^Forbidden$/, /^Forbidden\.(RAM|AccessKey|NoPermission|Unauthorized|User|Sts|RiskControl)/, /^InvalidAccessKeyId/,
  /^SignatureDoesNotMatch/, /^IncompleteSignature/, /^NoPermission/, /^InvalidSecurityToken/, /^StatusForbidden/,
  /^InvalidCredentials/, /^Unauthorized/, /^NoAuth/, /^SignatureNonceUsed/, /^InvalidTimeStamp/,
];
const NOT_A_RESOURCE = [/^InvalidAction/, /^InvalidVersion/];
// Only "the mesh is busy" conflicts: other 409s (already exists, cluster in use) need the user.
const CONFLICT = [/MeshNotRunning/, /IncorrectStatus/, /NotRunning$/, /StillInitializing/, /Busy$/, /OperationConflict/];
const ALREADY_EXISTS = [/AlreadyExist/, /NameExist/, /Duplicate/];
const NOT_FOUND = [/NotFound$/, /^ERR404$/, /NotExist/, /NotInServiceMesh$/];

/** Builds an AsmApiError from whatever the transport threw (tea ResponseError or a network error). */
export function toAsmApiError(action: string, err: unknown): AsmApiError {
  if (err instanceof AsmApiError) return err;
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; data?: Record<string, unknown>; message?: unknown };
  const data = e.data ?? {};
  const code = String(data.Code ?? e.code ?? "NetworkError");
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const msg = String(data.Message ?? e.message ?? "no message");
  const opt = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  return new AsmApiError(action, code, msg, status, opt(data.RequestId), opt(data.Recommend));
}

function codeOf(err: unknown): string {
  const e = err as { code?: unknown } | null;
  return typeof e?.code === "string" ? e.code : "";
}

function statusOf(err: unknown): number | undefined {
  const e = err as { httpStatus?: unknown; statusCode?: unknown } | null;
  const s = e?.httpStatus ?? e?.statusCode;
  return typeof s === "number" ? s : undefined;
}

export function classifyError(err: unknown): ErrorClass {
  const code = codeOf(err);
  const status = statusOf(err);
  const matches = (patterns: RegExp[]) => patterns.some((r) => r.test(code));
  if (matches(THROTTLING) || status === 429) return "throttled";
  if (matches(PERMISSION) || status === 401) return "permission";
  if (matches(NOT_A_RESOURCE)) return "invalid";
  if (matches(NOT_FOUND)) return "notFound";
  if (matches(CONFLICT)) return "conflict";
  if (matches(ALREADY_EXISTS)) return "alreadyExists";
  if (NETWORK_CODES.has(code) || code === "NetworkError" || (status !== undefined && status >= 500)) return "transient";
  if (status === 404) return "notFound";
  if (status !== undefined && status >= 400) return "invalid";
  return "unknown";
}

export const isNotFound = (err: unknown): boolean => classifyError(err) === "notFound";
export const isThrottled = (err: unknown): boolean => classifyError(err) === "throttled";
export const isConflict = (err: unknown): boolean => classifyError(err) === "conflict";
export const isAlreadyExists = (err: unknown): boolean => classifyError(err) === "alreadyExists";
export const isPermissionError = (err: unknown): boolean => classifyError(err) === "permission";
/** Safe to repeat for a read: throttling, 5xx, network failures. */
export const isRetryable = (err: unknown): boolean => {
  const c = classifyError(err);
  return c === "throttled" || c === "transient";
};

/** The message users see for a permission failure: what to check, never the key material. */
export function permissionHint(err: AsmApiError): string {
  return (
    `${err.message}. Check the credentials (alicloud:accessKey / alicloud:secretKey, ALIBABA_CLOUD_ACCESS_KEY_ID) ` +
    `and that the RAM user has AliyunASMFullAccess; retrying will not help.`
  );
}

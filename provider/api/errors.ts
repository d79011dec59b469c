// AsmApiError and the error classifier. Wire codes vary by operation (ERR404, ServiceMesh.NotFound,
// Throttling.User, ...), so classification is by free functions over code and HTTP status, not by
// instanceof chains. Every layer above asks `classifyError(e)` or one of the is* helpers.
import { clause, joinMessage } from "../messages";

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

// The HTTP library appends "<METHOD> <url> failed." to a network error's own text without a separator
// ("connect ECONNREFUSED 127.0.0.1:18205POST http://127.0.0.1:18205/ failed.").
const HTTPX_SUFFIX = /^([\s\S]*?)((?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS) \S+) failed\.$/;

/** A network error's text with the request it was for set apart: "connect ECONNREFUSED 127.0.0.1:1 (POST http://…)". */
export function networkMessage(text: string): string {
  const m = HTTPX_SUFFIX.exec(text);
  if (!m || m[1].trim() === "") return text;
  return `${clause(m[1])} (${m[2]})`;
}

/** Builds an AsmApiError from whatever the transport threw (tea ResponseError or a network error). */
export function toAsmApiError(action: string, err: unknown): AsmApiError {
  if (err instanceof AsmApiError) return err;
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; data?: Record<string, unknown>; message?: unknown };
  const data = e.data ?? {};
  const code = String(data.Code ?? e.code ?? "NetworkError");
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const msg = data.Message !== undefined ? String(data.Message) : networkMessage(String(e.message ?? "no message"));
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
/** An added cluster already belongs to a mesh, this one or another (Forbidden.ClusterInMesh). */
export const isClusterInSomeMesh = (err: unknown): boolean => err instanceof AsmApiError && /ClusterInMesh$/.test(err.code);
/** Safe to repeat for a read: throttling, 5xx, network failures. */
export const isRetryable = (err: unknown): boolean => {
  const c = classifyError(err);
  return c === "throttled" || c === "transient";
};

/** The message users see for a permission failure: what to check, never the key material. */
export function permissionHint(err: AsmApiError): string {
  return joinMessage(
    err.message,
    ". ",
    "Check the credentials (alicloud:accessKey / alicloud:secretKey, ALIBABA_CLOUD_ACCESS_KEY_ID) " +
      "and that the RAM user has AliyunASMFullAccess; retrying will not help. " +
      // The engine configures the provider from the state on these commands (docs/configuration.md).
      "If alicloud:secretKey or alicloud:accessKey changed since the last `pulumi up`: `pulumi refresh`, `pulumi destroy` " +
      "and `--refresh` use the keys recorded then; run `pulumi refresh --run-program` (or `destroy --run-program`, " +
      "`preview --refresh --run-program`).",
  );
}

/**
 * What to do about an error the client gives up on, by class; undefined where only the caller knows
 * (a bad request names its own input, a missing object is often expected).
 */
export function adviceFor(err: AsmApiError): string | undefined {
  const recommend = err.recommend ? `See ${err.recommend}` : undefined;
  switch (classifyError(err)) {
    case "permission":
      return undefined; // permissionHint says it
    case "throttled":
      return "The API is still throttling; run the command again later, or lower Pulumi's parallelism (--parallel).";
    case "transient":
      if (err.httpStatus === undefined) return "The endpoint did not answer; check asm:endpoint and the network, then run the command again.";
      return joinMessage("The service failed; run the command again, and quote the RequestId to Alibaba Cloud support if it persists.", ". ", recommend ?? "");
    case "invalid":
    case "unknown":
      // The API's own diagnosis page for this request: the best "what to do" for a request it refused.
      return recommend;
    default:
      return undefined; // not found, already exists, busy: the resource that called knows what they mean
  }
}

/** `err` with its message ending in what to do; called once, where the client gives up on a call. */
export function withAdvice(err: AsmApiError): AsmApiError {
  if (classifyError(err) === "permission") err.message = permissionHint(err);
  else {
    const advice = adviceFor(err);
    if (advice) err.message = joinMessage(err.message, ". ", advice);
  }
  return err;
}

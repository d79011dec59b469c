// A mesh accepts one mutation at a time: while it is `updating` it answers every other change with
// a retryable conflict (Conflict.MeshNotRunning and kin). withConflictRetry repeats a mutation on
// those conflicts with the shared waiter's backoff until `timeoutMs`, so several attachments to one
// mesh created in parallel all succeed. Throttling is retried the same way. Any other error is
// rethrown unchanged.
import { isConflict, isThrottled } from "../api";
import { BackoffPolicy, whenError, whenValue, WaiterFailureError } from "../waiter";
import { ProviderContext } from "./context";

export interface ConflictRetryOptions {
  /** What is being changed, for messages: "AddClusterIntoServiceMesh c12/c9". */
  what: string;
  subject: string;
  timeoutMs: number;
  policy: BackoffPolicy;
}

function labelOf(result: { ok: unknown } | { err: unknown }): string {
  if ("ok" in result) return "accepted";
  const code = (result.err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "error";
}

export async function withConflictRetry<T>(ctx: ProviderContext, mutate: () => Promise<T>, opts: ConflictRetryOptions): Promise<T> {
  try {
    return await ctx.wait<T>(mutate, [
      whenValue<T>(() => true, "success"),
      whenError<T>(isConflict, "retry"),
      // Throttling outlasting the transport's retries: still rejected before any change, so safe to repeat.
      whenError<T>(isThrottled, "retry"),
    ], {
      what: `${opts.what} to be accepted`,
      subject: opts.subject,
      timeoutMs: opts.timeoutMs,
      policy: opts.policy,
      label: labelOf,
    });
  } catch (err) {
    // The waiter wraps unmatched errors; callers want the API's own error to classify it.
    if (err instanceof WaiterFailureError && err.cause !== undefined) throw err.cause;
    throw err;
  }
}

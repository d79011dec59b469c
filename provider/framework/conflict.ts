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
  /**
   * The busy mesh. Between attempts its state is read once: a repeated write alone never shows the
   * mesh settling (the emulator advances lifecycles on reads, and a real mesh reports progress the
   * same way), e.g. when a retried RemoveClusterFromServiceMesh meets the change its lost first
   * attempt started.
   */
  meshId?: string;
}

function labelOf(result: { ok: unknown } | { err: unknown }): string {
  if ("ok" in result) return "accepted";
  const code = (result.err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "error";
}

/** `mutate`, preceded by a read of the mesh whenever the previous attempt met a busy mesh. */
function readingMeshAfterConflict<T>(ctx: ProviderContext, mutate: () => Promise<T>, meshId: string | undefined): () => Promise<T> {
  if (meshId === undefined) return mutate;
  let busy = false;
  return async () => {
    if (busy) await ctx.client.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId }).catch(() => undefined);
    try {
      return await mutate();
    } catch (err) {
      busy = isConflict(err);
      throw err;
    }
  };
}

/**
 * Retry spacing for a busy mesh: 0.5 s plus 30% of the time waited, capped at 10 s. Shorter than the
 * mesh's own polling because the write is rejected before any change (a retry costs nothing) and the next
 * mutation should start as soon as the mesh is free: parallel attachments queue behind each other.
 */
export const BUSY_MESH_POLICY: BackoffPolicy = { minMs: 500, maxMs: 10_000, growth: 0.3 };

export async function withConflictRetry<T>(ctx: ProviderContext, mutate: () => Promise<T>, opts: ConflictRetryOptions): Promise<T> {
  try {
    return await ctx.wait<T>(readingMeshAfterConflict(ctx, mutate, opts.meshId), [
      whenValue<T>(() => true, "success"),
      whenError<T>(isConflict, "retry"),
      // Throttling outlasting the transport's retries: still rejected before any change, so safe to repeat.
      whenError<T>(isThrottled, "retry"),
    ], {
      what: `${opts.what} to be accepted`,
      subject: opts.subject,
      timeoutMs: opts.timeoutMs,
      policy: BUSY_MESH_POLICY,
      label: labelOf,
    });
  } catch (err) {
    // The waiter wraps unmatched errors; callers want the API's own error to classify it.
    if (err instanceof WaiterFailureError && err.cause !== undefined) throw err.cause;
    throw err;
  }
}

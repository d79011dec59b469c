// A mesh accepts one mutation at a time: while it is `updating` it answers every other change with
// a retryable conflict (Conflict.MeshNotRunning and kin). This is the one path for every write a busy
// mesh refuses (mesh features, clusters, gateways, secrets, routes). withConflictRetry repeats a mutation on
// those conflicts through the shared waiter until `timeoutMs`: on the mesh's polling schedule, and at
// once when any wait in the process sees the mesh `running` (meshObservations), so several attachments
// to one mesh created in parallel all succeed, one after the other. Throttling is retried the same way.
// Any other error is rethrown unchanged.
import { isConflict, isThrottled } from "../api";
import { whenError, whenValue, WaiterFailureError } from "../waiter";
import { ProviderContext } from "./context";
import { MESH_POLICY } from "./meshLifecycle";
import { meshFeed, observeMesh } from "./meshObservations";

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

/** Progress words for a queued write: the mesh is busy, not failing (the code stays for support). */
function labelOf(result: { ok: unknown } | { err: unknown }): string {
  if ("ok" in result) return "accepted";
  if (result.err instanceof MeshStillBusy) return `waiting: the mesh is busy (${result.err.state})`;
  const code = (result.err as { code?: unknown } | null)?.code;
  if (isConflict(result.err)) return `waiting: the mesh is busy with another change (${String(code)})`;
  if (isThrottled(result.err)) return `waiting: throttled (${String(code)})`;
  return typeof code === "string" ? code : "error";
}

/** States a mesh passes through on its way back to `running`: a write sent then is refused. */
const SETTLING = new Set(["initial", "updating", "upgrading"]);

/** What a skipped attempt reports: the mesh was seen settling, so the write was not sent. */
class MeshStillBusy extends Error {
  constructor(readonly state: string) {
    super(`the mesh is ${state}`);
  }
}

/**
 * `mutate`, preceded by a read of the mesh whenever the previous attempt met a busy mesh; while that
 * read shows the mesh settling, the write is not sent (it would be refused).
 */
function readingMeshAfterConflict<T>(ctx: ProviderContext, mutate: () => Promise<T>, meshId: string | undefined, self: symbol): () => Promise<T> {
  if (meshId === undefined) return mutate;
  let busy = false;
  return async () => {
    if (busy) {
      const state = await observeMesh(ctx, meshId, self).then((m) => m.ServiceMeshInfo.State, () => undefined);
      if (state !== undefined && SETTLING.has(state)) throw new MeshStillBusy(state);
    }
    try {
      return await mutate();
    } catch (err) {
      busy = isConflict(err);
      throw err;
    }
  };
}

export async function withConflictRetry<T>(ctx: ProviderContext, mutate: () => Promise<T>, opts: ConflictRetryOptions): Promise<T> {
  const self = Symbol(opts.what);
  const feed = opts.meshId === undefined
    ? undefined
    : meshFeed<T>(ctx, opts.meshId, self, (r) => ("ok" in r ? (r.ok.ServiceMeshInfo.State === "running" ? { pollNow: true } : { seen: true }) : undefined));
  try {
    return await ctx.wait<T>(readingMeshAfterConflict(ctx, mutate, opts.meshId, self), [
      whenValue<T>(() => true, "success"),
      whenError<T>((err) => err instanceof MeshStillBusy || isConflict(err), "retry"),
      // Throttling outlasting the transport's retries: still rejected before any change, so safe to repeat.
      whenError<T>(isThrottled, "retry"),
    ], {
      what: `${opts.what} to be accepted`,
      subject: opts.subject,
      timeoutMs: opts.timeoutMs,
      // The mesh's own schedule; a retry also starts as soon as any other wait in this process sees
      // the mesh `running` again (meshObservations), so parallel attachments queue without a timer.
      policy: MESH_POLICY,
      label: labelOf,
      feed,
    });
  } catch (err) {
    // The waiter wraps unmatched errors; callers want the API's own error to classify it.
    if (err instanceof WaiterFailureError && err.cause !== undefined) throw err.cause;
    throw err;
  }
}

// The mesh's lifecycle as every resource waits on it (DescribeServiceMeshDetail →
// ServiceMeshInfo.State):
//   CreateServiceMesh → initial → running                     ready
//   UpdateMeshFeature / cluster add-remove → updating → running
//   UpgradeMeshEditionPartially → upgrading → running
//   any → failed (ServiceMeshInfo.ErrorMessage)               terminal: fail fast with the message
//   DeleteServiceMesh → deleting → ServiceMesh.NotFound       gone
// A freshly created mesh may be invisible to reads for a moment, so NotFound while waiting for
// `running` means "keep polling", never "gone".
import { classifyError, isNotFound, isRetryable, ServiceMeshDetail } from "../api";
import { Acceptor, BackoffPolicy, PollResult, whenError, whenValue } from "../waiter";
import { ProviderContext } from "./context";
import { meshFeed, observeMesh } from "./meshObservations";

/**
 * Mesh polling: 1.8 s plus 30% of the time waited, capped at 12 s (scaled by ASM_WAIT_SCALE). Every wait on
 * a mesh's state uses it. Chosen with bench/waiter.ts and bench/schedules.ts: at most 12 polls for a 60 s
 * change even with the most jitter, a mean detection lag under 10% of the change plus 1 s for changes of
 * 10 s to 5 min, and second best of its form over changes from 1 s to 5 min.
 */
export const MESH_POLICY: BackoffPolicy = { minMs: 1_800, maxMs: 12_000, growth: 0.3 };

const stateOf = (m: ServiceMeshDetail): string => m.ServiceMeshInfo.State ?? "unknown";

export const meshRunning: readonly Acceptor<ServiceMeshDetail>[] = [
  whenValue((m) => stateOf(m) === "running", "success"),
  whenValue((m) => stateOf(m) === "failed" || stateOf(m) === "deleting", "failure"),
  whenError(isNotFound, "retry"),
  whenError(isRetryable, "retry"),
];

export const meshGone: readonly Acceptor<ServiceMeshDetail>[] = [
  whenError(isNotFound, "success"),
  whenError(isRetryable, "retry"),
];

export function meshLabel(result: PollResult<ServiceMeshDetail>): string {
  if ("ok" in result) return stateOf(result.ok);
  // Only a mesh that was just created is retried on NotFound: it is expected, not an error to show.
  if (isNotFound(result.err)) return "waiting for the new mesh to appear";
  const code = (result.err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "error";
}

/** A wait for the mesh to go: NotFound is the goal. */
const goneLabel = (result: PollResult<ServiceMeshDetail>): string => ("err" in result && isNotFound(result.err) ? "gone" : meshLabel(result));

function meshFailureReason(result: PollResult<ServiceMeshDetail>): string {
  if ("ok" in result) {
    const info = result.ok.ServiceMeshInfo;
    return `mesh state is ${info.State}: ${info.ErrorMessage || "no ErrorMessage given"}`;
  }
  return result.err instanceof Error ? result.err.message : String(result.err);
}

/** The mesh's detail; every wait on this mesh in the process sees the result too. */
export function describeMesh(ctx: ProviderContext, meshId: string): Promise<ServiceMeshDetail> {
  return observeMesh(ctx, meshId);
}

/** The mesh, or undefined when it no longer exists. */
export async function describeMeshIfExists(ctx: ProviderContext, meshId: string): Promise<ServiceMeshDetail | undefined> {
  try {
    return await describeMesh(ctx, meshId);
  } catch (err) {
    if (classifyError(err) === "notFound") return undefined;
    throw err;
  }
}

/** Polls the mesh until `acceptors` say so; the mesh policy, labels and failure text are shared. */
function waitMesh(ctx: ProviderContext, meshId: string, acceptors: readonly Acceptor<ServiceMeshDetail>[], goal: string, timeoutMs: number, label = meshLabel): Promise<ServiceMeshDetail> {
  const self = Symbol(goal);
  return ctx.wait(() => observeMesh(ctx, meshId, self), acceptors, {
    what: `ServiceMesh ${meshId} to ${goal}`,
    subject: `ServiceMesh ${meshId}`,
    timeoutMs,
    policy: MESH_POLICY,
    label,
    failureReason: meshFailureReason,
    feed: meshFeed(ctx, meshId, self, (result) => result),
  });
}

export function waitMeshRunning(ctx: ProviderContext, meshId: string, timeoutMs: number): Promise<ServiceMeshDetail> {
  return waitMesh(ctx, meshId, meshRunning, "reach running", timeoutMs);
}

export async function waitMeshGone(ctx: ProviderContext, meshId: string, timeoutMs: number): Promise<void> {
  await waitMesh(ctx, meshId, meshGone, "be deleted", timeoutMs, goneLabel);
}

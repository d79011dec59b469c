// ClusterAttachment: the API steps. Attach and detach are each one mesh mutation followed by a wait
// until the mesh is `running` again with the cluster listed (or no longer listed). The mesh takes one
// mutation at a time, so both retry its "busy" conflict; an attach whose response was lost is
// reconciled by checking membership, never sent twice blindly.
import { AsmApiError, isNotFound, isRetryable, MeshClusterInfo, ServiceMeshDetail } from "../../api";
import { joinMessage } from "../../messages";
import { compositeId, MESH_POLICY, meshFeed, meshLabel, observeMesh, ProviderContext, waitMeshRunning, withConflictRetry, writeOnce } from "../../framework";
import { PollResult, whenError, whenValue } from "../../waiter";

const isAttached = (m: ServiceMeshDetail, clusterId: string) => (m.Clusters ?? []).includes(clusterId);
const running = (m: ServiceMeshDetail) => m.ServiceMeshInfo.State === "running";

export const parseAttachmentId = compositeId("ClusterAttachment", ["meshId", "clusterId"]).parse;

export interface AttachOptions {
  ignoreNamespaceCheck?: boolean;
  discoveryOnly?: boolean;
  kubeconfig?: string;
  timeoutMs: number;
}

/** Whether the cluster ended up attached, once the mesh has settled any change in flight. */
async function attachedAfterSettling(ctx: ProviderContext, meshId: string, clusterId: string, timeoutMs: number): Promise<boolean> {
  return isAttached(await waitMeshRunning(ctx, meshId, timeoutMs), clusterId);
}

/** Sends AddClusterIntoServiceMesh once; a lost response is settled by looking at the mesh. */
export async function attachCluster(ctx: ProviderContext, meshId: string, clusterId: string, o: AttachOptions): Promise<void> {
  const req = { ServiceMeshId: meshId, ClusterId: clusterId, IgnoreNamespaceCheck: o.ignoreNamespaceCheck, DiscoveryOnly: o.discoveryOnly, Kubeconfig: o.kubeconfig };
  // Progress names the attachment that waits: several may queue on one busy mesh.
  const opts = { what: `AddClusterIntoServiceMesh ${clusterId}`, subject: `ClusterAttachment ${meshId}:${clusterId}`, timeoutMs: o.timeoutMs, meshId };
  await writeOnce(ctx, {
    what: "AddClusterIntoServiceMesh",
    write: () => withConflictRetry(ctx, () => ctx.client.call("AddClusterIntoServiceMesh", req), opts),
    // After a lost response the repeat may be told the cluster is already in this mesh.
    landed: async () => ((await attachedAfterSettling(ctx, meshId, clusterId, o.timeoutMs)) ? { result: undefined } : undefined),
    attempts: 4,
  });
}

export async function detachCluster(ctx: ProviderContext, meshId: string, clusterId: string, reserveNamespace: boolean | undefined, timeoutMs: number): Promise<void> {
  const req = { ServiceMeshId: meshId, ClusterId: clusterId, ReserveNamespace: reserveNamespace };
  try {
    await withConflictRetry(ctx, () => ctx.client.call("RemoveClusterFromServiceMesh", req), { what: `RemoveClusterFromServiceMesh ${clusterId}`, subject: `ClusterAttachment ${meshId}:${clusterId}`, timeoutMs, meshId });
  } catch (err) {
    if (!isNotFound(err)) throw explainClusterInUse(err, clusterId);
  }
}

/**
 * The mesh refuses to let a cluster go while a gateway runs on it. The engine removes the gateway first only
 * when the gateway's clusterIds come from this attachment's clusterId output (docs/resources/asmGateway.md):
 * say so, since with dependsOn alone the user has to take the cluster off the gateway in an earlier `up`.
 */
function explainClusterInUse(err: unknown, clusterId: string): unknown {
  if (err instanceof AsmApiError && /ClusterInUse$/.test(err.code)) {
    err.message = joinMessage(
      err.message, ". ",
      `A gateway on cluster ${clusterId} must go before the cluster can leave the mesh: give the ASMGateway clusterIds from ` +
        `the attachments' clusterId outputs (clusterIds: [attachment.clusterId]) so Pulumi replaces it with the attachment, ` +
        `or take ${clusterId} off the gateway's clusterIds in an up of its own first`,
    );
  }
  return err;
}

function waitCluster(ctx: ProviderContext, meshId: string, clusterId: string, present: boolean, timeoutMs: number): Promise<ServiceMeshDetail | undefined> {
  const goal = present ? "attached" : "detached";
  // The mesh itself being gone settles a detach: so is the attachment.
  const asAttachment = (r: PollResult<ServiceMeshDetail>): PollResult<ServiceMeshDetail | undefined> =>
    !present && "err" in r && isNotFound(r.err) ? { ok: undefined } : r;
  const self = Symbol(`${clusterId} ${goal}`);
  return ctx.wait<ServiceMeshDetail | undefined>(
    async () => {
      try {
        return await observeMesh(ctx, meshId, self);
      } catch (err) {
        const r = asAttachment({ err });
        if ("ok" in r) return r.ok;
        throw err;
      }
    },
    [
      whenValue((m) => m === undefined || (running(m) && isAttached(m, clusterId) === present), "success"),
      whenValue((m) => m?.ServiceMeshInfo.State === "failed", "failure"),
      whenError(isRetryable, "retry"),
      whenError(isNotFound, "retry"),
    ],
    {
      what: `cluster ${clusterId} to be ${goal} in ServiceMesh ${meshId}`,
      subject: `ClusterAttachment ${meshId}:${clusterId}`,
      timeoutMs,
      // The mesh's own schedule: an attachment waits for the same change of the mesh's state.
      policy: MESH_POLICY,
      label: (r) => ("ok" in r && r.ok ? `${r.ok.ServiceMeshInfo.State}${isAttached(r.ok, clusterId) ? "+listed" : ""}` : "ok" in r ? "gone" : meshLabel(r)),
      failureReason: (r) => ("ok" in r && r.ok ? `mesh state is failed: ${r.ok.ServiceMeshInfo.ErrorMessage || "no ErrorMessage given"}` : "error"),
      feed: meshFeed(ctx, meshId, self, asAttachment),
    },
  );
}

export const waitAttached = (ctx: ProviderContext, meshId: string, clusterId: string, timeoutMs: number) => waitCluster(ctx, meshId, clusterId, true, timeoutMs);
export const waitDetached = (ctx: ProviderContext, meshId: string, clusterId: string, timeoutMs: number) => waitCluster(ctx, meshId, clusterId, false, timeoutMs);

/** The cluster as DescribeClustersInServiceMesh shows it, if listed. */
export async function describeAttachedCluster(ctx: ProviderContext, meshId: string, clusterId: string): Promise<MeshClusterInfo | undefined> {
  const res = await ctx.client.call("DescribeClustersInServiceMesh", { ServiceMeshId: meshId });
  return (res.Clusters ?? []).find((c) => c.ClusterId === clusterId);
}

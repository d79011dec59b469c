// The ownership mark of an attachment (framework/ownership.ts). An attachment is a relation, not an object
// the API can tag, so the mark is a tag on the mesh, `asm-pulumi:attachment:<clusterId>` = the owner mark,
// written before AddClusterIntoServiceMesh and removed after the detach. A create the engine forgot (an
// `up` killed after the add) finds the cluster attached with this resource's mark and takes it; a cluster
// attached by anyone else still needs `adopt: true`. Provider tags are hidden from the mesh's `tags`.
import { AsmApiError, type ServiceMeshDetail } from "../../api";
import { ownerMark, PROVIDER_TAG_PREFIX, type ProviderContext } from "../../framework";

export const attachmentTagKey = (clusterId: string): string => `${PROVIDER_TAG_PREFIX}attachment:${clusterId}`;

function tagTarget(ctx: ProviderContext, mesh: ServiceMeshDetail) {
  const RegionId = mesh.ServiceMeshInfo.RegionId ?? ctx.settings.regionId;
  return RegionId === undefined ? undefined : { RegionId, ResourceType: "servicemesh" as const, ResourceId: [mesh.ServiceMeshInfo.ServiceMeshId] };
}

/** Writes the mark before the add. A mesh already at its tag limit gets none: the attach goes on unmarked. */
export async function markAttachment(ctx: ProviderContext, mesh: ServiceMeshDetail, clusterId: string, owner: string): Promise<void> {
  const target = tagTarget(ctx, mesh);
  if (!target) return;
  try {
    await ctx.client.call("TagResources", { ...target, Tag: [{ Key: attachmentTagKey(clusterId), Value: ownerMark(owner) }] });
  } catch (err) {
    if (!(err instanceof AsmApiError && /Tag/.test(err.code))) throw err;
    ctx.logger.warn(`ClusterAttachment ${clusterId}: the mesh takes no more tags (${err.code}), so an interrupted attach of it would not be recognised by the next up`);
  }
}

/** Whether the mesh carries this resource's mark for the cluster. */
export async function markedForOwner(ctx: ProviderContext, mesh: ServiceMeshDetail, clusterId: string, owner: string): Promise<boolean> {
  const target = tagTarget(ctx, mesh);
  if (!target) return false;
  const res = await ctx.client.call("ListTagResources", target);
  return (res.TagResources ?? []).some((t) => t.TagKey === attachmentTagKey(clusterId) && t.TagValue === ownerMark(owner));
}

/** Removes the mark after the detach; a mesh that is gone has none left to remove. */
export async function unmarkAttachment(ctx: ProviderContext, mesh: ServiceMeshDetail, clusterId: string): Promise<void> {
  const target = tagTarget(ctx, mesh);
  if (!target) return;
  await ctx.client.call("UntagResources", { ...target, TagKey: [attachmentTagKey(clusterId)] }).catch((err: unknown) => {
    if (!(err instanceof AsmApiError && /NotFound/.test(err.code))) throw err;
  });
}

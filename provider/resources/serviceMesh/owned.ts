// ServiceMesh: finding the mesh a forgotten create made (framework/ownership.ts). CreateServiceMesh is
// not idempotent and the API has no client token, so the create tags the mesh with OWNER_TAG = the
// resource's owner mark, and every create first lists the meshes carrying that tag. A mesh found there
// is taken (and brought to the declared settings, like an adoption) only when its create-only settings
// match the program: one that differs is the mesh a replacement is about to delete, never this create's.
import { ServiceMeshDetail } from "../../api";
import { describeMeshIfExists, OWNER_TAG, ownerMark, ProviderContext } from "../../framework";
import { diffInputs, Props } from "../../schema";
import { liveInputs, networkMismatches, userTags } from "./wire";
import { serviceMeshFields } from "./description";

/** States in which a mesh cannot be what this create should finish: failed ones are replaced, deleted ones go. */
const UNUSABLE = new Set(["failed", "deleting", "deleted"]);

export interface OwnedMesh {
  mesh: ServiceMeshDetail;
  /** The inputs as the live mesh has them, for the diff that brings it to the program. */
  live: Props;
  changed: string[];
}

/** The owner tag a create sends, or nothing when the program passed no owner key. */
export function ownerTagFor(owner: string | undefined): Record<string, string> {
  return owner === undefined ? {} : { [OWNER_TAG]: ownerMark(owner) };
}

function createOnlyMismatches(inputs: Props, mesh: ServiceMeshDetail, live: Props): string[] {
  const replaces = diffInputs(serviceMeshFields, live, inputs).replaces.filter((p) => p !== "network");
  return [...networkMismatches(inputs, mesh), ...replaces];
}

/** The mesh an earlier, forgotten create of this resource made, if it can be this create's result. */
export async function findOwnedMesh(ctx: ProviderContext, inputs: Props, owner: string): Promise<OwnedMesh | undefined> {
  const mark = ownerMark(owner);
  const res = await ctx.client.call("DescribeServiceMeshes", { Tag: [{ Key: OWNER_TAG, Value: mark }] });
  // The filter is the API's; the check below keeps a response that ignored it from handing over foreign meshes.
  const tagged = (res.ServiceMeshes ?? []).filter((m) => (m.Tag ?? []).some((t) => t.Key === OWNER_TAG && t.Value === mark));
  const usable: OwnedMesh[] = [];
  for (const item of tagged) {
    const id = item.ServiceMeshInfo.ServiceMeshId;
    const mesh = await describeMeshIfExists(ctx, id);
    if (!mesh || UNUSABLE.has(mesh.ServiceMeshInfo.State ?? "")) continue;
    const live = liveInputs(inputs, mesh, userTags((item.Tag ?? []).map((t) => ({ TagKey: t.Key, TagValue: t.Value }))));
    const mismatches = createOnlyMismatches(inputs, mesh, live);
    if (mismatches.length > 0) {
      ctx.logger.info(`ServiceMesh ${id} carries this resource's owner tag but differs in create-only settings (${mismatches.join("; ")}); creating a new mesh`);
      continue;
    }
    usable.push({ mesh, live, changed: diffInputs(serviceMeshFields, live, inputs).changed });
  }
  if (usable.length > 1) {
    const ids = usable.map((u) => u.mesh.ServiceMeshInfo.ServiceMeshId).join(", ");
    throw new Error(`CreateServiceMesh: several meshes carry this resource's owner tag ${OWNER_TAG} (${ids}); delete the extra ones, or adopt one with adoptId`);
  }
  return usable[0];
}

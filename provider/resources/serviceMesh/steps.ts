// ServiceMesh: the API steps the CRUD functions are made of. Each step is safe to repeat:
//   createMeshReconciled: a CreateServiceMesh whose response was lost is looked up by name and VPC
//     (against a snapshot taken before the call) and adopted, never created twice;
//   applyChanges: rename, features, version upgrade and tags, each retried on the mesh's "busy"
//     conflict and followed by a wait for `running`.
import { classifyError, CreateServiceMeshRequest, ServiceMeshDetail } from "../../api";
import { describeMesh, MESH_POLICY, ProviderContext, VISIBILITY_POLICY, waitMeshRunning, withConflictRetry, writeOnce } from "../../framework";
import { WaiterFailureError, WaiterTimeoutError, whenValue } from "../../waiter";
import { changedUnder, isPlainObject, Props } from "../../schema";
import { toControlPlaneLogRequest, toFeatureRequest, toTagWire } from "./wire";

const LOST_RESPONSE_RETRIES = 3;

async function meshIdsNamed(ctx: ProviderContext, name: string, vpcId: string): Promise<string[]> {
  const res = await ctx.client.call("DescribeServiceMeshes", {});
  return (res.ServiceMeshes ?? [])
    .filter((m) => m.ServiceMeshInfo.Name === name && (m.Spec?.Network?.VpcId ?? vpcId) === vpcId)
    .map((m) => m.ServiceMeshInfo.ServiceMeshId);
}

/** How long a new mesh may stay missing from list calls before a lost create counts as not applied. */
const LIST_VISIBILITY_MS = 3 * MESH_POLICY.minMs;

async function findCreatedMesh(ctx: ProviderContext, req: CreateServiceMeshRequest, before: Set<string>): Promise<string | undefined> {
  // A new mesh may be invisible to list calls for a moment: look again for a while before giving up.
  const freshIds = async () => (await meshIdsNamed(ctx, String(req.Name), req.VpcId)).filter((id) => !before.has(id));
  let fresh: string[];
  try {
    fresh = await ctx.wait(freshIds, [whenValue((ids) => ids.length > 0, "success"), whenValue(() => true, "retry")], {
      what: `a new mesh named ${req.Name} in ${req.VpcId} to be listed`,
      subject: `ServiceMesh ${req.Name}`,
      timeoutMs: LIST_VISIBILITY_MS * ctx.settings.waitScale,
      policy: VISIBILITY_POLICY,
      label: (r) => ("ok" in r ? `${r.ok.length} new` : "error"),
    });
  } catch (err) {
    if (err instanceof WaiterTimeoutError) return undefined;
    throw err instanceof WaiterFailureError && err.cause !== undefined ? err.cause : err;
  }
  if (fresh.length > 1) throw new Error(`CreateServiceMesh: found several new meshes named ${req.Name} in ${req.VpcId} (${fresh.join(", ")}); delete the extra ones`);
  return fresh[0];
}

/** Creates the mesh once, even when the response to CreateServiceMesh is lost. */
export async function createMeshReconciled(ctx: ProviderContext, req: CreateServiceMeshRequest): Promise<string> {
  const before = new Set(await meshIdsNamed(ctx, String(req.Name), req.VpcId));
  return writeOnce(ctx, {
    what: "CreateServiceMesh",
    write: async () => (await ctx.client.call("CreateServiceMesh", req)).ServiceMeshId,
    landed: async () => {
      const found = await findCreatedMesh(ctx, req, before);
      return found === undefined ? undefined : { result: found };
    },
    attempts: LOST_RESPONSE_RETRIES + 1,
  });
}

type Deadline = () => number;

function mutation(ctx: ProviderContext, id: string, remaining: Deadline) {
  return <T>(what: string, fn: () => Promise<T>) =>
    withConflictRetry(ctx, fn, { what: `${what} on ServiceMesh ${id}`, subject: `ServiceMesh ${id}`, timeoutMs: remaining(), meshId: id });
}

async function regionOf(ctx: ProviderContext, id: string, given: string | undefined): Promise<string> {
  const region = given ?? (await describeMesh(ctx, id)).ServiceMeshInfo.RegionId;
  if (!region) throw new Error("regionId: not set and not reported by the API; give regionId on the ServiceMesh or set alicloud:region");
  return region;
}

async function applyTags(ctx: ProviderContext, id: string, regionId: string | undefined, olds: Props, news: Props): Promise<void> {
  const before = isPlainObject(olds.tags) ? olds.tags : {};
  const after = isPlainObject(news.tags) ? news.tags : {};
  const removed = Object.keys(before).filter((k) => !(k in after));
  const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  const common = { RegionId: await regionOf(ctx, id, regionId), ResourceType: "servicemesh" as const, ResourceId: [id] };
  if (removed.length > 0) await ctx.client.call("UntagResources", { ...common, TagKey: removed });
  const tag = toTagWire(changed);
  if (tag) await ctx.client.call("TagResources", { ...common, Tag: tag });
}

export interface ApplyOptions {
  timeoutMs: number;
  /** Region for the tag calls; looked up from the mesh when not configured. */
  regionId: string | undefined;
}

/** Applies every in-place change among `changed` paths, then waits for `running`. */
export async function applyChanges(ctx: ProviderContext, id: string, olds: Props, news: Props, changed: readonly string[], opts: ApplyOptions): Promise<ServiceMeshDetail> {
  const deadline = ctx.clock.now() + opts.timeoutMs;
  const remaining = () => Math.max(1, deadline - ctx.clock.now());
  const mutate = mutation(ctx, id, remaining);
  // The mesh as last seen running, when nothing has been changed since.
  let settled: ServiceMeshDetail | undefined;
  if (changed.includes("name") && typeof news.name === "string") {
    await mutate("ModifyServiceMeshName", () => ctx.client.call("ModifyServiceMeshName", { ServiceMeshId: id, Name: news.name as string }));
  }
  const features = toFeatureRequest(news, changed);
  if (Object.keys(features).length > 0) {
    await mutate("UpdateMeshFeature", () => ctx.client.call("UpdateMeshFeature", { ServiceMeshId: id, ...features }));
    settled = await waitMeshRunning(ctx, id, remaining());
  }
  const logConfig = toControlPlaneLogRequest(news, changed);
  if (logConfig) {
    await mutate("UpdateControlPlaneLogConfig", () => ctx.client.call("UpdateControlPlaneLogConfig", { ServiceMeshId: id, ...logConfig }));
    settled = await waitMeshRunning(ctx, id, remaining());
  }
  // A version upgrade and the switch to Pro are one call (the diff lets edition change in place only to Pro).
  const newVersion = changed.includes("istioVersion") && typeof news.istioVersion === "string" ? news.istioVersion : undefined;
  const toPro = changed.includes("edition") && news.edition === "Pro";
  if (newVersion !== undefined || toPro) {
    const req = { ServiceMeshId: id, ExpectedVersion: newVersion, SwitchToPro: toPro || undefined, ASMGatewayContinue: news.upgradeGateways === true };
    await mutate("UpgradeMeshEditionPartially", () => ctx.client.call("UpgradeMeshEditionPartially", req));
    settled = await waitMeshRunning(ctx, id, remaining());
  }
  if (changedUnder({ changed: [...changed], replaces: [] }, "tags")) {
    await applyTags(ctx, id, opts.regionId, olds, news);
    settled = undefined;
  }
  return settled ?? waitMeshRunning(ctx, id, remaining());
}

/** The mesh's kubeconfig, or undefined when the API cannot give one yet. */
export async function fetchKubeconfig(ctx: ProviderContext, id: string): Promise<string | undefined> {
  try {
    return (await ctx.client.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: id })).Kubeconfig;
  } catch (err) {
    const kind = classifyError(err);
    if (kind === "invalid" || kind === "notFound" || kind === "conflict") return undefined;
    throw err;
  }
}

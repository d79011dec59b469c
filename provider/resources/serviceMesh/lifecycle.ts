// ServiceMesh: create, read, update, delete. Reads like a script over the steps in
// steps.ts; every wait that follows an accepted change turns a failure into the
// partial-state error so Pulumi keeps the mesh id.
import type * as pulumi from "@pulumi/pulumi";
import { classifyError, ServiceMeshDetail } from "../../api";
import {
  Crud, defineProvider, describeMeshIfExists, minutes, partialState, ProviderContext, ReadResult, timeoutFor, Timeouts, waitMeshGone, waitMeshRunning,
  withConflictRetry,
} from "../../framework";
import { ADOPTED_KEY, adoptLive, createOnlyMismatches, declaredInputs, diffInputs, Props } from "../../schema";
import { liveInputs, liveSettings, networkMismatches, toCreateRequest, toOutputs, userTags } from "./wire";
import { applyChanges, createMeshReconciled, fetchKubeconfig } from "./steps";
import { findOwnedMesh, OwnedMesh, ownerTagFor } from "./owned";
import { MESH_CREATE_FAILED, serviceMeshDescription, serviceMeshFields } from "./description";
import { warmKubeClientWhileWaiting } from "../kubeWarmup";

export const MESH_TIMEOUTS = { create: minutes(15), update: minutes(15), delete: minutes(20) };

const timeout = (inputs: Props, op: "create" | "update" | "delete") => timeoutFor(op, inputs.timeouts as Timeouts | undefined, MESH_TIMEOUTS);

function regionFor(ctx: ProviderContext, inputs: Props, mesh?: ServiceMeshDetail): string {
  const region = (inputs.regionId as string | undefined) ?? ctx.settings.regionId ?? mesh?.ServiceMeshInfo.RegionId;
  if (!region) throw new Error("regionId: not set; give regionId on the ServiceMesh or set alicloud:region in the stack config");
  return region;
}

/** The mesh's user tags (ListTagResources, every page). */
async function readTags(ctx: ProviderContext, id: string, regionId: string): Promise<Record<string, string>> {
  const rows: Array<{ TagKey: string; TagValue?: string }> = [];
  let token: string | undefined;
  // A bounded number of pages: a mesh carries at most 20 tags, so more than a few pages means a token loop.
  for (let page = 0; page === 0 || (token !== undefined && page < 20); page++) {
    const res = await ctx.client.call("ListTagResources", { RegionId: regionId, ResourceType: "servicemesh", ResourceId: [id], NextToken: token });
    rows.push(...(res.TagResources ?? []).filter((r) => r.ResourceId === undefined || r.ResourceId === id));
    token = res.NextToken || undefined;
  }
  return userTags(rows);
}

async function outputsFor(ctx: ProviderContext, inputs: Props, mesh: ServiceMeshDetail): Promise<Props> {
  const id = mesh.ServiceMeshInfo.ServiceMeshId;
  return { ...inputs, ...toOutputs(mesh, await fetchKubeconfig(ctx, id)) };
}

async function adopt(ctx: ProviderContext, inputs: Props): Promise<{ id: string; outs: Props }> {
  const id = String(inputs.adoptId);
  const mesh = await describeMeshIfExists(ctx, id);
  if (!mesh) throw new Error(`adoptId: ServiceMesh ${id} does not exist; give the id of an existing mesh, or remove adoptId to create a new one`);
  // The mesh's own region, not alicloud:region: the tag calls must name the region the mesh is in.
  const tags = await readTags(ctx, id, (inputs.regionId as string | undefined) ?? mesh.ServiceMeshInfo.RegionId ?? regionFor(ctx, inputs, mesh));
  const settings = liveSettings(mesh, tags);
  const conflicts = [
    ...networkMismatches(inputs, mesh),
    ...createOnlyMismatches(serviceMeshFields, settings, inputs).filter((c) => !c.startsWith("network.")),
  ];
  // Refused before any write: a create-only setting can only change by replacing the mesh, never by adopting it.
  if (conflicts.length > 0) throw new Error(`adoptId: ServiceMesh ${id} does not match the program (${conflicts.join("; ")}); change the program to match the existing mesh`);
  // What the program leaves unset stays as the mesh has it (the resource class leaves name unset too).
  const { inputs: declared, adopted } = adoptLive(serviceMeshFields, settings, inputs);
  const live = liveInputs(declared, mesh, tags);
  const d = diffInputs(serviceMeshFields, live, declared);
  const record = adopted.length > 0 ? { [ADOPTED_KEY]: adopted } : {};
  try {
    const ready = await applyChanges(ctx, id, live, declared, d.changed, { timeoutMs: timeout(declared, "create"), regionId: regionFor(ctx, declared, mesh) });
    return { id, outs: { ...(await outputsFor(ctx, declared, ready)), ...record } };
  } catch (err) {
    throw partialState(id, { ...live, meshId: id, ...record }, err);
  }
}

async function create(inputs: Props, ctx: ProviderContext): Promise<{ id: string; outs: Props }> {
  if (inputs.adoptId) return adopt(ctx, inputs);
  const owned = ctx.owner === undefined ? undefined : await findOwnedMesh(ctx, inputs, ctx.owner);
  if (owned) return finishOwned(ctx, inputs, owned);
  const id = await createMeshReconciled(ctx, toCreateRequest(inputs, regionFor(ctx, inputs), ownerTagFor(ctx.owner)));
  try {
    const mesh = await waitMeshRunning(ctx, id, timeout(inputs, "create"));
    return { id, outs: await outputsFor(ctx, inputs, mesh) };
  } catch (err) {
    throw partialState(id, { ...inputs, meshId: id, ...(await failedCreateMarks(ctx, id)) }, err);
  }
}

/** A mesh an interrupted earlier create of this resource made: wait for it and apply what differs, never create a second. */
async function finishOwned(ctx: ProviderContext, inputs: Props, owned: OwnedMesh): Promise<{ id: string; outs: Props }> {
  const id = owned.mesh.ServiceMeshInfo.ServiceMeshId;
  ctx.logger.info(`ServiceMesh ${id} was created by an earlier, interrupted run for this resource (owner tag); continuing with it`);
  try {
    const ready = await applyChanges(ctx, id, owned.live, inputs, owned.changed, { timeoutMs: timeout(inputs, "create"), regionId: regionFor(ctx, inputs, owned.mesh) });
    return { id, outs: await outputsFor(ctx, inputs, ready) };
  } catch (err) {
    throw partialState(id, { ...inputs, meshId: id, ...(await failedCreateMarks(ctx, id)) }, err);
  }
}

/**
 * What state records about a mesh whose creation did not reach running. A mesh that went `failed` while
 * being created cannot be repaired in place, so it is marked for replacement on the next `up`
 * (MESH_CREATE_FAILED); one that was merely slow is not, and the next `up` waits for it again.
 */
async function failedCreateMarks(ctx: ProviderContext, id: string): Promise<Props> {
  const info = (await describeMeshIfExists(ctx, id).catch(() => undefined))?.ServiceMeshInfo;
  if (!info) return {};
  return { state: info.State, errorMessage: info.ErrorMessage, ...(info.State === "failed" ? { [MESH_CREATE_FAILED]: true } : {}) };
}

/** State key marking a mesh that failed while being created (read by the spec's replaceWhen). */

async function read(id: string, props: Props, ctx: ProviderContext): Promise<ReadResult | undefined> {
  const mesh = await describeMeshIfExists(ctx, id);
  if (!mesh) return undefined;
  const declared = declaredInputs(serviceMeshFields, props);
  // Independent reads: one round trip of waiting instead of two on every refresh.
  const [tags, kubeconfig] = await Promise.all([readTags(ctx, id, regionFor(ctx, declared, mesh)), fetchKubeconfig(ctx, id)]);
  const inputs = liveInputs(declared, mesh, tags);
  // A mesh that failed at creation stays marked for replacement while it is still failed.
  const mark = props[MESH_CREATE_FAILED] === true && mesh.ServiceMeshInfo.State === "failed" ? { [MESH_CREATE_FAILED]: true } : {};
  return { id, props: { ...inputs, ...toOutputs(mesh, kubeconfig), ...mark }, inputs };
}

async function update(id: string, olds: Props, news: Props, diff: { changed: string[] }, ctx: ProviderContext): Promise<Props> {
  try {
    const regionId = (news.regionId as string | undefined) ?? ctx.settings.regionId;
    const mesh = await applyChanges(ctx, id, olds, news, diff.changed, { timeoutMs: timeout(news, "update"), regionId });
    return await outputsFor(ctx, news, mesh);
  } catch (err) {
    // Keep the old inputs so the next `up` sees the same diff and repeats the (idempotent) calls.
    throw partialState(id, olds, err);
  }
}

async function detachGuestCluster(ctx: ProviderContext, id: string, clusterId: string, timeoutMs: number): Promise<void> {
  const req = { ServiceMeshId: id, ClusterId: clusterId };
  await withConflictRetry(ctx, () => ctx.client.call("RemoveClusterFromServiceMesh", req), { what: `RemoveClusterFromServiceMesh ${clusterId}`, subject: `ServiceMesh ${id}`, timeoutMs, meshId: id });
  await waitMeshRunning(ctx, id, timeoutMs);
}

async function remove(id: string, props: Props, ctx: ProviderContext): Promise<void> {
  const timeoutMs = timeout(props, "delete");
  const mesh = await describeMeshIfExists(ctx, id);
  if (!mesh) return;
  const guest = props.guestClusterId as string | undefined;
  const attached = mesh.Clusters ?? [];
  const unmanaged = attached.filter((c) => c !== guest);
  if (unmanaged.length > 0) {
    throw new Error(
      `cannot delete ServiceMesh ${id}: clusters this stack does not manage are still attached: ${unmanaged.join(", ")}. ` +
        "Detach them first (remove them in the ASM console or with RemoveClusterFromServiceMesh), then run destroy again.",
    );
  }
  if (guest && attached.includes(guest)) await detachGuestCluster(ctx, id, guest, timeoutMs);
  try {
    await withConflictRetry(ctx, () => ctx.client.call("DeleteServiceMesh", { ServiceMeshId: id }), { what: "DeleteServiceMesh", subject: `ServiceMesh ${id}`, timeoutMs, meshId: id });
  } catch (err) {
    if (classifyError(err) === "notFound") return;
    throw err;
  }
  await waitMeshGone(ctx, id, timeoutMs);
}

/** What an import reads as the inputs: everything the live mesh reports (read alone keeps to declared inputs). */
async function importInputs(id: string, ctx: ProviderContext): Promise<Props | undefined> {
  const mesh = await describeMeshIfExists(ctx, id);
  if (!mesh) return undefined;
  const live = liveSettings(mesh, await readTags(ctx, id, regionFor(ctx, {}, mesh)));
  // The network is never read back into the inputs (networkMismatches compares it): an import must say it.
  const network = mesh.Spec?.Network;
  return network?.VpcId ? { ...live, network: { vpcId: network.VpcId, vSwitchIds: network.VSwitches ?? [] } } : live;
}

export const serviceMeshCrud: Crud = { create, read, update, delete: remove, importInputs };

warmKubeClientWhileWaiting();

export const serviceMeshProvider: pulumi.dynamic.ResourceProvider = defineProvider(serviceMeshDescription, serviceMeshCrud);

// ClusterAttachment: one ACK cluster attached to one mesh. id "<meshId>:<clusterId>".
// Lifecycle: AddClusterIntoServiceMesh → mesh updating → running with the cluster in
// ServiceMesh.Clusters (ready). RemoveClusterFromServiceMesh → updating → running without it (gone).
// There is no update API: meshId, clusterId, discoveryOnly and kubeconfig replace; the other options
// only matter at add/remove time and change in place without an API call.
// Parallel attachments to one mesh all succeed (the mesh's "busy" conflict is retried); detaching
// one cluster never touches the others. `adopt: true` takes over an already-attached cluster.
// Refresh drops an attachment removed out of band, so the next `up` re-attaches it.
import type * as pulumi from "@pulumi/pulumi";
import {
  Crud, defineProvider, describeMeshIfExists, minutes, partialState, ProviderContext, ReadResult, timeoutFor, Timeouts, waitMeshRunning,
} from "../../framework";
import { isClusterInSomeMesh } from "../../api";
import { declaredInputs, Props } from "../../schema";
import { warmKubeClientWhileWaiting } from "../kubeWarmup";
import { attachCluster, describeAttachedCluster, detachCluster, parseAttachmentId, waitAttached, waitDetached } from "./steps";
import { CLUSTER_ATTACHMENT_OUTPUTS, clusterAttachmentDescription, clusterAttachmentFields } from "./description";
import { attachmentId, outputsOf } from "./wire";
import { markAttachment, markedForOwner, unmarkAttachment } from "./mark";

export const CLUSTER_TIMEOUTS = { create: minutes(10), update: minutes(10), delete: minutes(10) };

const timeout = (p: Props, op: "create" | "update" | "delete") => timeoutFor(op, p.timeouts as Timeouts | undefined, CLUSTER_TIMEOUTS);

async function clusterOutputs(ctx: ProviderContext, meshId: string, clusterId: string): Promise<Props> {
  return outputsOf(await describeAttachedCluster(ctx, meshId, clusterId));
}

async function create(inputs: Props, ctx: ProviderContext): Promise<{ id: string; outs: Props }> {
  const meshId = String(inputs.meshId);
  const clusterId = String(inputs.clusterId);
  const id = attachmentId(meshId, clusterId);
  const mesh = await describeMeshIfExists(ctx, meshId);
  if (!mesh) throw new Error(`meshId: ServiceMesh ${meshId} does not exist; give the id of an existing mesh`);
  const timeoutMs = timeout(inputs, "create");
  const owner = ctx.owner;
  // Read before this attempt writes its own mark: only a mark an earlier run left proves the attachment ours.
  const earlierMark = owner !== undefined && (await markedForOwner(ctx, mesh, clusterId, owner));
  // Attached already: adopted, or made by an earlier run of this resource that the engine forgot (its mark).
  const alreadyAttached = async () => {
    if (inputs.adopt === true) return;
    if (earlierMark) {
      ctx.logger.info(`ClusterAttachment ${id} was attached by an earlier, interrupted run for this resource; continuing with it`);
      return;
    }
    throw new Error(`clusterId: ${clusterId} is already attached to ServiceMesh ${meshId}; set adopt: true to manage the existing attachment`);
  };
  if ((mesh.Clusters ?? []).includes(clusterId)) {
    await alreadyAttached();
  } else {
    if (owner !== undefined) await markAttachment(ctx, mesh, clusterId, owner);
    await attachCluster(ctx, meshId, clusterId, {
      ignoreNamespaceCheck: inputs.ignoreNamespaceCheck as boolean | undefined,
      discoveryOnly: inputs.discoveryOnly as boolean | undefined,
      kubeconfig: inputs.kubeconfig as string | undefined,
      timeoutMs,
    }).catch(async (err: unknown) => {
      // A cluster attached moments ago (in the console) is listed only once the mesh runs again, so the read
      // above missed it and the add was refused: settle the mesh, then decide as for a listed cluster.
      if (!isClusterInSomeMesh(err) || !(await waitMeshRunning(ctx, meshId, timeoutMs)).Clusters?.includes(clusterId)) throw err;
      await alreadyAttached();
    });
  }
  try {
    await waitAttached(ctx, meshId, clusterId, timeoutMs);
    return { id, outs: { ...inputs, ...(await clusterOutputs(ctx, meshId, clusterId)) } };
  } catch (err) {
    throw partialState(id, inputs, err);
  }
}

async function read(id: string, props: Props, ctx: ProviderContext): Promise<ReadResult | undefined> {
  const { meshId, clusterId } = parseAttachmentId(id);
  const mesh = await describeMeshIfExists(ctx, meshId);
  if (!mesh || !(mesh.Clusters ?? []).includes(clusterId)) return undefined;
  const inputs = declaredInputs(clusterAttachmentFields, props);
  return { id, props: { ...inputs, meshId, clusterId, ...(await clusterOutputs(ctx, meshId, clusterId)) }, inputs: { ...inputs, meshId, clusterId } };
}

async function update(_id: string, olds: Props, news: Props): Promise<Props> {
  // Only add/remove-time options changed: nothing to send now.
  return { ...news, ...Object.fromEntries(CLUSTER_ATTACHMENT_OUTPUTS.map((k) => [k, olds[k]])) };
}

async function remove(id: string, props: Props, ctx: ProviderContext): Promise<void> {
  const { meshId, clusterId } = parseAttachmentId(id);
  const mesh = await describeMeshIfExists(ctx, meshId);
  if (!mesh || !(mesh.Clusters ?? []).includes(clusterId)) return;
  const timeoutMs = timeout(props, "delete");
  await detachCluster(ctx, meshId, clusterId, props.reserveNamespace as boolean | undefined, timeoutMs);
  await waitDetached(ctx, meshId, clusterId, timeoutMs);
  await unmarkAttachment(ctx, mesh, clusterId);
}

const crud: Crud = { create, read, update: (id, olds, news) => update(id, olds, news), delete: remove };

warmKubeClientWhileWaiting();

export const clusterAttachmentProvider: pulumi.dynamic.ResourceProvider = defineProvider(clusterAttachmentDescription, crud);


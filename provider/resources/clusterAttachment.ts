// ClusterAttachment: one ACK cluster attached to one mesh. id "<meshId>:<clusterId>".
// Lifecycle: AddClusterIntoServiceMesh → mesh updating → running with the cluster in
// ServiceMesh.Clusters (ready). RemoveClusterFromServiceMesh → updating → running without it (gone).
// There is no update API: meshId, clusterId, discoveryOnly and kubeconfig replace; the other options
// only matter at add/remove time and change in place without an API call.
// Parallel attachments to one mesh all succeed (the mesh's "busy" conflict is retried); detaching
// one cluster never touches the others. `adopt: true` takes over an already-attached cluster.
// Refresh drops an attachment removed out of band, so the next `up` re-attaches it.
import * as pulumi from "@pulumi/pulumi";
import {
  Crud, defineProvider, describeMeshIfExists, meshIdField, minutes, partialState, ProviderContext, ReadResult, timeoutFor, Timeouts, timeoutsField,
  waitMeshRunning,
} from "../framework";
import { isClusterInSomeMesh } from "../api";
import { f, FieldSpecs, Props } from "../schema";
import { providerShim } from "../shim";
import { warmKubeClientWhileWaiting } from "./kubeWarmup";
import {
  attachCluster, describeAttachedCluster, detachCluster, parseAttachmentId, waitAttached, waitDetached,
} from "./clusterAttachment.steps";

export const CLUSTER_TIMEOUTS = { create: minutes(10), update: minutes(10), delete: minutes(10) };

export const clusterAttachmentFields: FieldSpecs = {
  meshId: meshIdField,
  clusterId: f.string({ required: true, createOnly: true, pattern: /^c[0-9a-z]+$/, patternHint: "an ACK cluster id (c...)", hint: "the ACK cluster id to attach" }),
  ignoreNamespaceCheck: f.bool(),
  discoveryOnly: f.bool({ createOnly: true }),
  kubeconfig: f.string({ createOnly: true, secret: true }),
  reserveNamespace: f.bool(),
  adopt: f.bool({ createTimeOnly: true }),
  timeouts: timeoutsField,
};

const OUTPUTS = ["clusterName", "clusterState", "clusterType"] as const;

const timeout = (p: Props, op: "create" | "update" | "delete") => timeoutFor(op, p.timeouts as Timeouts | undefined, CLUSTER_TIMEOUTS);

async function clusterOutputs(ctx: ProviderContext, meshId: string, clusterId: string): Promise<Props> {
  const c = await describeAttachedCluster(ctx, meshId, clusterId);
  return { clusterName: c?.Name, clusterState: c?.State, clusterType: c?.ClusterType };
}

async function create(inputs: Props, ctx: ProviderContext): Promise<{ id: string; outs: Props }> {
  const meshId = String(inputs.meshId);
  const clusterId = String(inputs.clusterId);
  const id = `${meshId}:${clusterId}`;
  const mesh = await describeMeshIfExists(ctx, meshId);
  if (!mesh) throw new Error(`meshId: ServiceMesh ${meshId} does not exist; give the id of an existing mesh`);
  const timeoutMs = timeout(inputs, "create");
  const alreadyAttached = () => {
    if (inputs.adopt !== true) throw new Error(`clusterId: ${clusterId} is already attached to ServiceMesh ${meshId}; set adopt: true to manage the existing attachment`);
  };
  if ((mesh.Clusters ?? []).includes(clusterId)) {
    alreadyAttached();
  } else {
    await attachCluster(ctx, meshId, clusterId, {
      ignoreNamespaceCheck: inputs.ignoreNamespaceCheck as boolean | undefined,
      discoveryOnly: inputs.discoveryOnly as boolean | undefined,
      kubeconfig: inputs.kubeconfig as string | undefined,
      timeoutMs,
    }).catch(async (err: unknown) => {
      // A cluster attached moments ago (in the console) is listed only once the mesh runs again, so the read
      // above missed it and the add was refused: settle the mesh, then decide as for a listed cluster.
      if (!isClusterInSomeMesh(err) || !(await waitMeshRunning(ctx, meshId, timeoutMs)).Clusters?.includes(clusterId)) throw err;
      alreadyAttached();
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
  const inputs = Object.fromEntries(Object.entries(props).filter(([k, v]) => k in clusterAttachmentFields && v !== undefined));
  return { id, props: { ...inputs, meshId, clusterId, ...(await clusterOutputs(ctx, meshId, clusterId)) }, inputs: { ...inputs, meshId, clusterId } };
}

async function update(_id: string, olds: Props, news: Props): Promise<Props> {
  // Only add/remove-time options changed: nothing to send now.
  return { ...news, ...Object.fromEntries(OUTPUTS.map((k) => [k, olds[k]])) };
}

async function remove(id: string, props: Props, ctx: ProviderContext): Promise<void> {
  const { meshId, clusterId } = parseAttachmentId(id);
  const mesh = await describeMeshIfExists(ctx, meshId);
  if (!mesh || !(mesh.Clusters ?? []).includes(clusterId)) return;
  const timeoutMs = timeout(props, "delete");
  await detachCluster(ctx, meshId, clusterId, props.reserveNamespace as boolean | undefined, timeoutMs);
  await waitDetached(ctx, meshId, clusterId, timeoutMs);
}

const crud: Crud = { create, read, update: (id, olds, news) => update(id, olds, news), delete: remove };

// A cluster belongs to one mesh at a time: a replacement (e.g. the mesh itself was replaced) must
// detach from the old mesh before attaching to the new one.
warmKubeClientWhileWaiting();

export const clusterAttachmentProvider = defineProvider(
  { kind: "ClusterAttachment", fields: clusterAttachmentFields, outputs: OUTPUTS, deleteBeforeReplace: () => true },
  crud,
);

export interface ClusterAttachmentArgs {
  meshId: pulumi.Input<string>;
  clusterId: pulumi.Input<string>;
  /** Skip the check for an existing istio-system namespace (migrations). */
  ignoreNamespaceCheck?: pulumi.Input<boolean>;
  /** Attach for service discovery only. Create-only. */
  discoveryOnly?: pulumi.Input<boolean>;
  /** The cluster's kubeconfig, for clusters ASM cannot reach by id. Create-only; pass it as a secret. */
  kubeconfig?: pulumi.Input<string>;
  /** Keep the istio-system namespace when the cluster is removed. */
  reserveNamespace?: pulumi.Input<boolean>;
  /** Take over the attachment if the cluster is already attached. */
  adopt?: pulumi.Input<boolean>;
  /** Deadlines such as "10m" (defaults: 10m each). */
  timeouts?: pulumi.Input<Timeouts>;
}

export class ClusterAttachment extends pulumi.dynamic.Resource {
  declare public readonly meshId: pulumi.Output<string>;
  declare public readonly clusterId: pulumi.Output<string>;
  declare public readonly clusterName: pulumi.Output<string | undefined>;
  declare public readonly clusterState: pulumi.Output<string | undefined>;
  declare public readonly clusterType: pulumi.Output<string | undefined>;

  constructor(name: string, args: ClusterAttachmentArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(OUTPUTS.map((k) => [k, undefined]));
    const secrets = { additionalSecretOutputs: ["kubeconfig"] };
    const kubeconfig = args.kubeconfig === undefined ? undefined : pulumi.secret(args.kubeconfig);
    super(providerShim("ClusterAttachment"), name, { ...args, kubeconfig, ...outputs }, pulumi.mergeOptions(opts, secrets), "asm", "ClusterAttachment");
  }
}

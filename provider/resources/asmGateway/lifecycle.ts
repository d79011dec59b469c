// ASMGateway: an IstioGateway custom resource (istio.alibabacloud.com/v1beta1) in a mesh's control
// plane, e.g. the ingress gateway of a cluster.
// Lifecycle: CreateASMGateway / UpdateASMGateway take the whole object (Body); the OpenAPI has no
// gateway read or delete, so both go through the mesh's Kubernetes API (provider/kube).
// Ready when the custom resource exists with the declared spec; gone when it no longer exists.
// Replacement: meshId, namespace, name. Every spec field updates in place. Refresh maps the
// live spec back to arguments (extraSpec catches undeclared keys), so drift shows in the next
// preview and `up` writes the declared spec again. Keys the control plane itself filled in when
// the spec was last written (defaults; recorded with their values as serverSpec) are left out of
// that mapping while they hold the value it wrote: counting them would show a change forever. One
// changed out of band is drift like any other, since the next write would put the default back.
// Adoption: `adopt: true` takes over an existing gateway of that name (it must exist) and applies
// the declared spec to it instead of creating one.
import type * as pulumi from "@pulumi/pulumi";
import { isAlreadyExists, isNotFound } from "../../api";
import {
  defineProvider, minutes, OBJECT_POLICY, OWNER_LABEL, ownerMark, partialState, ProviderContext, timeoutFor, Timeouts,
} from "../../framework";
import { checkedInputs, CheckedInputsOf, deepEqual, InputDiff, Props } from "../../schema";
import { joinMessage } from "../../messages";
import { whenError, whenValue } from "../../waiter";
import { isTransientKubeError, type IstioGatewayApi, type IstioGatewayObject } from "../../kube";
import { fromGatewaySpec, gatewayId, GatewaySpecArgs, JsonObject, parseGatewayId, toGatewaySpec, toIstioGatewayBody } from "./wire";
import { asmGatewayDescription, asmGatewayFields } from "./description";
import { createReconciled, kubeLabel, meshKubeApi, writeOnMesh } from "../gatewayCalls";

const DEFAULT_TIMEOUTS = { create: minutes(10), update: minutes(10), delete: minutes(10) };

type GatewayInputs = CheckedInputsOf<typeof asmGatewayFields>;

const asInputs = checkedInputs(asmGatewayFields);

/** True when a change needs UpdateASMGateway (adopt and timeouts are provider-side settings). */
function specChanged(changed: string[]): boolean {
  return changed.some((path) => !path.startsWith("timeouts") && path !== "adopt");
}

/** What the state records of the control plane's own spec keys: serverSpec, and serverSpecKeys from older states. */
type ServerRecord = { serverSpec: JsonObject; serverSpecKeys?: string[] };

function outputsOf(a: GatewayInputs, server: ServerRecord): Props {
  return { ...a, fullName: `${a.namespace}:${a.name}`, ...server };
}

/** The record a state holds; it is carried over as is by a read or by an update that writes nothing. */
function recordIn(props: Props): ServerRecord {
  const s = props.serverSpec;
  const serverSpec = s !== null && typeof s === "object" && !Array.isArray(s) ? (s as JsonObject) : {};
  const keys = Array.isArray(props.serverSpecKeys) ? props.serverSpecKeys.filter((k): k is string => typeof k === "string" && !(k in serverSpec)) : [];
  return keys.length > 0 ? { serverSpec, serverSpecKeys: keys } : { serverSpec };
}

/** The keys of the live spec that the write did not send, with their values: the control plane filled them in. */
function recordAfterWrite(live: IstioGatewayObject, a: GatewaySpecArgs): ServerRecord {
  const declared = toGatewaySpec(a);
  const spec = (live.spec ?? {}) as JsonObject;
  const keys = Object.keys(spec).filter((k) => !(k in declared)).sort();
  return { serverSpec: Object.fromEntries(keys.map((k) => [k, spec[k]])) };
}

/**
 * The live spec as the program's to compare: without the control plane's own keys while they hold the
 * value it wrote, unless the arguments declare them.
 */
function ownedSpec(live: JsonObject, prior: Props): JsonObject {
  const declared = toGatewaySpec(asInputs(prior));
  const { serverSpec, serverSpecKeys = [] } = recordIn(prior);
  // Keys recorded without a value (older states) count as the control plane's whatever they hold.
  const isServers = (k: string) => serverSpecKeys.includes(k) || (k in serverSpec && deepEqual(live[k], serverSpec[k]));
  return Object.fromEntries(Object.entries(live).filter(([k]) => k in declared || !isServers(k)));
}

/**
 * The arguments with each typed spec key the live object leaves out at the default the kind documents:
 * the gateway runs with it (a create by this provider always writes it), and the program's check fills
 * it in, so reading no value would show the default as a change at the next preview, the first one after
 * `pulumi import` included (an object written by another client need not carry the key).
 */
function withSpecDefaults(args: Props): Props {
  const out: Props = { ...args };
  for (const [name, field] of Object.entries(asmGatewayFields)) {
    const isSpecKey = "wire" in field && typeof field.wire === "string" && field.wire.startsWith("spec.");
    if (isSpecKey && "default" in field && field.default !== undefined && out[name] === undefined) out[name] = field.default;
  }
  return out;
}

type Labels = Record<string, string>;

/** `labels`: the custom resource's labels, sent whole (an update without them would drop the ownership label). */
function writeGateway(ctx: ProviderContext, action: "CreateASMGateway" | "UpdateASMGateway", a: GatewayInputs, timeoutMs: number, labels?: Labels) {
  const body = toIstioGatewayBody(a.name, a.namespace, a);
  const Body = JSON.stringify(labels && Object.keys(labels).length > 0 ? { ...body, metadata: { ...body.metadata, labels } } : body);
  const params = { ServiceMeshId: a.meshId, IstioGatewayName: a.name, Body };
  return writeOnMesh(ctx, a.meshId, `ASMGateway ${a.namespace}/${a.name}`, timeoutMs, () => ctx.client.call(action, params));
}

/** Waits until the custom resource shows every declared spec key with the declared value; returns it. */
async function waitForSpec(ctx: ProviderContext, kube: IstioGatewayApi, a: GatewayInputs, timeoutMs: number): Promise<IstioGatewayObject> {
  const declared = toGatewaySpec(a);
  const matches = (o: IstioGatewayObject | undefined) => !!o && Object.entries(declared).every(([k, v]) => deepEqual(o.spec?.[k], v));
  const live = await ctx.wait(() => kube.get(a.namespace, a.name), [whenValue(matches, "success"), whenError(isTransientKubeError, "retry")], {
    what: `IstioGateway ${a.namespace}/${a.name} to show the declared spec`,
    subject: `ASMGateway ${a.namespace}/${a.name}`,
    timeoutMs,
    policy: OBJECT_POLICY,
    label: (r) => ("err" in r ? kubeLabel(r.err) : r.ok ? "spec pending" : "absent"),
  });
  return live as IstioGatewayObject; // the success acceptor only takes a defined object
}

/** The ownership label a create writes (framework/ownership.ts); none without an owner key. */
function ownerLabels(ctx: ProviderContext): Labels | undefined {
  return ctx.owner === undefined ? undefined : { [OWNER_LABEL]: ownerMark(ctx.owner) };
}

function labelsOf(live: IstioGatewayObject | undefined): Labels | undefined {
  const labels = live?.metadata.labels;
  return labels !== null && typeof labels === "object" ? (labels as Labels) : undefined;
}

/**
 * Whether a gateway of this name exists carrying this resource's ownership label: an earlier create the
 * engine forgot made it. One without the label is someone else's, and the create below refuses it.
 */
async function ownGatewayExists(ctx: ProviderContext, kube: IstioGatewayApi, a: GatewayInputs): Promise<boolean> {
  const mine = ownerLabels(ctx)?.[OWNER_LABEL];
  if (mine === undefined) return false;
  const live = await kube.get(a.namespace, a.name);
  return live !== undefined && !live.metadata.deletionTimestamp && labelsOf(live)?.[OWNER_LABEL] === mine;
}

async function createGateway(inputs: Props, ctx: ProviderContext) {
  const a = asInputs(inputs);
  const id = gatewayId(a.meshId, a.namespace, a.name);
  const timeoutMs = timeoutFor("create", a.timeouts, DEFAULT_TIMEOUTS);
  const kube = await meshKubeApi(ctx, a.meshId);
  if (a.adopt) {
    if (!(await kube.get(a.namespace, a.name))) {
      throw new Error(`adopt: mesh ${a.meshId} has no IstioGateway ${a.namespace}/${a.name}; remove adopt to create it`);
    }
    await writeGateway(ctx, "UpdateASMGateway", a, timeoutMs);
  } else if (await ownGatewayExists(ctx, kube, a)) {
    ctx.logger.info(`ASMGateway ${a.namespace}/${a.name} was created by an earlier, interrupted run for this resource (owner label); continuing with it`);
    await writeGateway(ctx, "UpdateASMGateway", a, timeoutMs, ownerLabels(ctx));
  } else {
    const exists = async () => (await kube.get(a.namespace, a.name)) !== undefined;
    await createReconciled(ctx, "CreateASMGateway", () => writeGateway(ctx, "CreateASMGateway", a, timeoutMs, ownerLabels(ctx)), exists).catch((err: unknown) => {
      if (isAlreadyExists(err)) throw new Error(joinMessage((err as Error).message, ". ", "To manage the existing gateway, set adopt: true"));
      throw err;
    });
  }
  const live = await waitForSpec(ctx, kube, a, timeoutMs).catch((err: unknown) => {
    throw partialState(id, outputsOf(a, { serverSpec: {} }), err);
  });
  return { id, outs: outputsOf(a, recordAfterWrite(live, a)) };
}

async function readGateway(id: string, props: Props, ctx: ProviderContext) {
  const { meshId, namespace, name } = parseGatewayId(id);
  const kube = await meshKubeApi(ctx, meshId).catch((err: unknown) => {
    if (isNotFound(err)) return undefined;
    throw err;
  });
  const live = kube && (await kube.get(namespace, name));
  if (!live || live.metadata.deletionTimestamp) return undefined;
  const inputs: Props = { meshId, namespace, name, ...withSpecDefaults(fromGatewaySpec(ownedSpec((live.spec ?? {}) as JsonObject, props))) };
  for (const key of ["adopt", "timeouts"]) if (props[key] !== undefined) inputs[key] = props[key];
  return { id, props: outputsOf(asInputs(inputs), recordIn(props)), inputs };
}

async function updateGateway(id: string, olds: Props, news: Props, diff: InputDiff, ctx: ProviderContext) {
  const a = asInputs(news);
  if (!specChanged(diff.changed)) return outputsOf(a, recordIn(olds));
  const timeoutMs = timeoutFor("update", a.timeouts, DEFAULT_TIMEOUTS);
  const kube = await meshKubeApi(ctx, a.meshId);
  await writeGateway(ctx, "UpdateASMGateway", a, timeoutMs, labelsOf(await kube.get(a.namespace, a.name)));
  const live = await waitForSpec(ctx, kube, a, timeoutMs).catch((err: unknown) => {
    throw partialState(id, outputsOf(a, recordIn(olds)), err);
  });
  return outputsOf(a, recordAfterWrite(live, a));
}

async function deleteGateway(id: string, props: Props, ctx: ProviderContext) {
  const { meshId, namespace, name } = parseGatewayId(id);
  const kube = await meshKubeApi(ctx, meshId).catch((err: unknown) => {
    if (isNotFound(err)) return undefined; // deleting a mesh removes its gateways
    throw err;
  });
  if (!kube) return;
  await kube.delete(namespace, name);
  await ctx.wait(() => kube.get(namespace, name), [whenValue((o) => o === undefined, "success"), whenError(isTransientKubeError, "retry")], {
    what: `IstioGateway ${namespace}/${name} to be deleted`,
    subject: `ASMGateway ${namespace}/${name}`,
    timeoutMs: timeoutFor("delete", props.timeouts as Timeouts | undefined, DEFAULT_TIMEOUTS),
    policy: OBJECT_POLICY,
    label: (r) => ("err" in r ? kubeLabel(r.err) : r.ok ? "terminating" : "gone"),
  });
}

export const asmGatewayProvider: pulumi.dynamic.ResourceProvider = defineProvider(asmGatewayDescription, {
  create: createGateway, read: readGateway, update: updateGateway, delete: deleteGateway,
});


// Out-of-band changes, as another user would make them in the console, for drift tests. Each
// mutation takes named arguments so the HTTP control API (POST /_emulator/mutate/<name> with a
// JSON object) and the in-process handle share one definition.
import type { Runtime } from "./runtime";
import type { MeshRecord, MeshView, OptionValue } from "./state/records";

type Args = Record<string, unknown>;

function arg(args: Args, name: string): string {
  const v = args[name];
  if (typeof v !== "string" || v === "") throw new Error(`mutation argument "${name}" must be a non-empty string.`);
  return v;
}

function mesh(rt: Runtime, id: string): MeshView {
  const m = rt.store.mesh(id);
  if (!m) throw new Error(`mesh "${id}" does not exist.`);
  return m;
}

function removeKey<T>(table: Record<string, T>, key: string, what: string): void {
  if (!Object.hasOwn(table, key)) throw new Error(`${what} "${key}" does not exist.`);
  delete table[key];
}

/** Applies `change` to the named mesh through the store, so the change is persisted. */
function inMesh(rt: Runtime, a: Args, change: (m: MeshRecord) => void): void {
  rt.store.changeMesh(mesh(rt, arg(a, "meshId")), change);
}

export const MUTATIONS: Record<string, (rt: Runtime, a: Args) => void> = {
  renameMesh: (rt, a) => inMesh(rt, a, (m) => (m.name = arg(a, "name"))),
  setFeature: (rt, a) => {
    const v = a.value;
    if (!["string", "number", "boolean"].includes(typeof v)) throw new Error('mutation argument "value" must be a string, number or boolean.');
    inMesh(rt, a, (m) => (m.options[arg(a, "key")] = v as OptionValue));
  },
  setTag: (rt, a) => inMesh(rt, a, (m) => (m.tags[arg(a, "key")] = String(a.value ?? ""))),
  detachCluster: (rt, a) => inMesh(rt, a, (m) => {
    const id = arg(a, "clusterId");
    if (!m.clusters.includes(id)) throw new Error(`cluster "${id}" is not attached to mesh "${m.id}".`);
    m.clusters = m.clusters.filter((c) => c !== id);
  }),
  deleteMesh: (rt, a) => {
    const id = arg(a, "meshId");
    if (!rt.store.removeMesh(id)) throw new Error(`mesh "${id}" does not exist.`);
  },
  patchGatewaySpec: (rt, a) => inMesh(rt, a, (m) => {
    const gw = m.gateways[`${arg(a, "namespace")}/${arg(a, "name")}`];
    if (!gw) throw new Error(`gateway "${String(a.namespace)}/${String(a.name)}" does not exist in mesh "${m.id}".`);
    if (typeof a.spec !== "object" || a.spec === null) throw new Error('mutation argument "spec" must be an object.');
    gw.spec = { ...gw.spec, ...(a.spec as Record<string, unknown>) };
    gw.generation += 1;
    m.resourceVersion += 1;
    gw.resourceVersion = m.resourceVersion;
  }),
  deleteGateway: (rt, a) => inMesh(rt, a, (m) => removeKey(m.gateways, `${arg(a, "namespace")}/${arg(a, "name")}`, "gateway")),
  deleteSecret: (rt, a) => inMesh(rt, a, (m) => removeKey(m.secrets, `${arg(a, "gateway")}/${arg(a, "secretName")}`, "secret")),
  deleteRoute: (rt, a) => inMesh(rt, a, (m) => removeKey(m.routes, `${arg(a, "gateway")}/${arg(a, "routeName")}`, "route")),
  setClusterState: (rt, a) => {
    const c = rt.store.cluster(arg(a, "clusterId"));
    if (!c) throw new Error(`cluster "${String(a.clusterId)}" does not exist.`);
    const state = arg(a, "state");
    rt.store.changeCluster(c, (rec) => (rec.state = state));
  },
};

export function applyMutation(rt: Runtime, name: string, args: Args): void {
  const fn = Object.prototype.hasOwnProperty.call(MUTATIONS, name) ? MUTATIONS[name] : undefined;
  if (!fn) throw new Error(`unknown mutation "${name}"; known: ${Object.keys(MUTATIONS).join(", ")}.`);
  fn(rt, args);
  rt.store.flush();
}

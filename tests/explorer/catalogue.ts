// The catalogue of changes the explorer makes, one data entry per change: its name, its class, its
// weight, and the concrete steps it offers from a given model (none when it does not apply). A step
// is pure data: model operations, plus what the runner does around `pulumi up` (an out-of-band change
// or an out-of-band create to adopt, an interrupt, an emulator restart).
import { applyEdit, type Model, type Op } from "./model";
import {
  CERTS, CLUSTER_ROLES, CLUSTERS, GATEWAY_NAMES, ISTIO_VERSIONS, MESH_FLAGS, MESH_NAMES, NETWORKS, PORTS,
  ROUTE_KEYS, SECRET_KEYS, SERVICE_TYPES, TAG_KEYS, TAG_VALUES, type ClusterRole, type NetworkId, type PortId,
} from "./world";

/** A change made behind Pulumi's back, through the emulator's control API or an API client. */
export type OutOfBand =
  | { action: "deleteRoute"; route: string }
  | { action: "deleteSecret"; secret: string }
  | { action: "setFeature"; flag: string; value: boolean }
  | { action: "detachCluster"; role: ClusterRole }
  | { action: "patchGateway"; gateway: string; replicaCount: number }
  | { action: "renameMesh"; name: string }
  | { action: "createMesh"; name: string; network: NetworkId }
  | { action: "attachCluster"; role: ClusterRole }
  | { action: "createGateway"; gateway: string; clusters: ClusterRole[] };

export type Signal = "SIGINT" | "SIGINTx2" | "SIGKILL";

export interface Step {
  /** The catalogue entry that made it. */
  entry: string;
  /** One line for the log and the reproduction report. */
  label: string;
  ops: Op[];
  /** Done before the `up`; for an adoption, the object the ops then adopt. */
  outOfBand?: OutOfBand;
  /** The `up` is interrupted after the emulator accepted `afterWrites` writes, then recovered. */
  interrupt?: { signal: Signal; afterWrites: number };
  /** The emulator restarts from its state file before the `up`. */
  restart?: boolean;
}

export type EntryClass = "mesh-update" | "mesh-replace" | "attachment" | "gateway" | "secret" | "route" | "resources" | "adopt" | "out-of-band" | "interrupt" | "restart";

export interface CatalogueEntry {
  name: string;
  class: EntryClass;
  weight: number;
  steps(model: Model): Step[];
}

const set = (path: string[], value: unknown): Op => ({ op: "set", path, value });
const del = (path: string[]): Op => ({ op: "delete", path });
const step = (entry: string, label: string, ops: Op[], extra: Partial<Step> = {}): Step => ({ entry, label, ops, ...extra });

const attachedRoles = (m: Model) => CLUSTER_ROLES.filter((r) => m.attachments[r] !== undefined);
const inVpc = (m: Model, r: ClusterRole) => m.mesh !== undefined && CLUSTERS[r].vpcId === NETWORKS[m.mesh.network].vpcId;
/** A replacement of an adopted mesh drops adoptId: the user means a new mesh, not the adopted one. */
const replaceMesh = (m: Model, ops: Op[]): Op[] => (m.mesh?.adopted ? [...ops, del(["mesh", "adopted"])] : ops);
/** Every resource on its defaults: the stack the explorer starts from and rebuilds after a teardown. */
export const FULL_STACK: Model = {
  mesh: { name: MESH_NAMES[0], edition: "Pro", network: "a", flags: {}, tags: {} },
  attachments: { primary: { discoveryOnly: false } },
  gateways: { "gw-a": { ports: ["https"], replicaCount: 1, serviceType: "LoadBalancer", clusters: ["primary"] } },
  secrets: { "tls-a": { gateway: "gw-a", cert: "a" } },
  routes: { reviews: { gateway: "gw-a", name: "reviews", priority: 0, canary: 10 } },
};

const meshEntries: CatalogueEntry[] = [
  {
    name: "mesh.create", class: "resources", weight: 2,
    steps: (m) => (m.mesh ? [] : [step("mesh.create", "create the full stack", [set([], FULL_STACK)])]),
  },
  {
    name: "mesh.name", class: "mesh-update", weight: 1,
    steps: (m) => (m.mesh ? [...MESH_NAMES.filter((n) => n !== m.mesh!.name).map((n) => step("mesh.name", `rename the mesh to ${n}`, [set(["mesh", "name"], n)]))] : []),
  },
  {
    name: "mesh.edition", class: "mesh-replace", weight: 2,
    steps: (m) => {
      if (!m.mesh) return [];
      const to = m.mesh.edition === "Pro" ? "Default" : "Pro";
      const how = to === "Default" ? "replaces" : "upgrades in place";
      return [step("mesh.edition", `mesh edition ${m.mesh.edition} -> ${to} (${how})`, to === "Default" ? replaceMesh(m, [set(["mesh", "edition"], to)]) : [set(["mesh", "edition"], to)])];
    },
  },
  {
    name: "mesh.network", class: "mesh-replace", weight: 2,
    // A network every attached cluster can join (a cluster in another VPC cannot).
    steps: (m) => !m.mesh ? [] : (Object.keys(NETWORKS) as NetworkId[])
      .filter((n) => n !== m.mesh!.network && attachedRoles(m).every((r) => CLUSTERS[r].vpcId === NETWORKS[n].vpcId))
      .map((n) => step("mesh.network", `mesh network ${m.mesh!.network} -> ${n} (replaces)`, replaceMesh(m, [set(["mesh", "network"], n)]))),
  },
  {
    name: "mesh.regionId", class: "mesh-replace", weight: 1,
    steps: (m) => !m.mesh ? [] : [m.mesh.regionId
      ? step("mesh.regionId", "stop declaring regionId (the default region)", [del(["mesh", "regionId"])])
      : step("mesh.regionId", "declare regionId cn-hangzhou (the default region)", [set(["mesh", "regionId"], "cn-hangzhou")])],
  },
  {
    name: "mesh.flag", class: "mesh-update", weight: 2,
    steps: (m) => !m.mesh ? [] : Object.keys(MESH_FLAGS).map((f) => step("mesh.flag", `mesh ${f} = ${!m.mesh!.flags[f]}`, [set(["mesh", "flags", f], !m.mesh!.flags[f])])),
  },
  {
    name: "mesh.tags", class: "mesh-update", weight: 1,
    steps: (m) => !m.mesh ? [] : TAG_KEYS.flatMap((k) => [
      ...TAG_VALUES.filter((v) => m.mesh!.tags[k] !== v).map((v) => step("mesh.tags", `tag ${k}=${v}`, [set(["mesh", "tags", k], v)])),
      ...(m.mesh!.tags[k] !== undefined ? [step("mesh.tags", `untag ${k}`, [del(["mesh", "tags", k])])] : []),
    ]),
  },
  {
    name: "mesh.istioVersion", class: "mesh-update", weight: 1,
    steps: (m) => {
      if (!m.mesh) return [];
      const at = m.mesh.istioVersion ?? 1;
      return at + 1 < ISTIO_VERSIONS.length ? [step("mesh.istioVersion", `upgrade the mesh to ${ISTIO_VERSIONS[at + 1]}`, [set(["mesh", "istioVersion"], at + 1)])] : [];
    },
  },
];

const attachmentEntries: CatalogueEntry[] = [
  {
    name: "attachment.add", class: "attachment", weight: 2,
    steps: (m) => CLUSTER_ROLES.filter((r) => inVpc(m, r) && !m.attachments[r])
      .flatMap((r) => [false, true].map((d) => step("attachment.add", `attach ${r}${d ? " (discoveryOnly)" : ""}`, [set(["attachments", r], { discoveryOnly: d })]))),
  },
  {
    name: "attachment.remove", class: "attachment", weight: 2,
    steps: (m) => attachedRoles(m).map((r) => step("attachment.remove", `detach ${r} (its gateways move off it)`, [del(["attachments", r])])),
  },
  {
    name: "attachment.discoveryOnly", class: "attachment", weight: 1,
    steps: (m) => attachedRoles(m).map((r) => step("attachment.discoveryOnly", `${r} discoveryOnly = ${!m.attachments[r]!.discoveryOnly} (replaces)`, [set(["attachments", r, "discoveryOnly"], !m.attachments[r]!.discoveryOnly)])),
  },
];

const gatewayEntries: CatalogueEntry[] = [
  {
    name: "gateway.add", class: "gateway", weight: 2,
    steps: (m) => attachedRoles(m).length === 0 ? [] : GATEWAY_NAMES.filter((g) => !m.gateways[g])
      .map((g) => step("gateway.add", `add gateway ${g} with a secret`, [
        set(["gateways", g], { ports: ["http", "https"], replicaCount: 1, serviceType: "LoadBalancer", clusters: attachedRoles(m).slice(0, 1) }),
        ...SECRET_KEYS.filter((s) => !m.secrets[s]).slice(0, 1).map((s) => set(["secrets", s], { gateway: g, cert: "a" })),
      ])),
  },
  {
    name: "gateway.remove", class: "gateway", weight: 1,
    steps: (m) => Object.keys(m.gateways).map((g) => step("gateway.remove", `remove gateway ${g} with its secrets and routes`, [del(["gateways", g])])),
  },
  {
    name: "gateway.ports", class: "gateway", weight: 1,
    steps: (m) => Object.entries(m.gateways).flatMap(([g, gw]) => (Object.keys(PORTS) as PortId[])
      .map((p) => (gw.ports.includes(p) ? gw.ports.filter((x) => x !== p) : [...gw.ports, p]))
      .filter((ports) => ports.length > 0)
      .map((ports) => step("gateway.ports", `gateway ${g} ports [${ports.join(",")}]`, [set(["gateways", g, "ports"], ports)]))),
  },
  {
    name: "gateway.replicaCount", class: "gateway", weight: 1,
    steps: (m) => Object.entries(m.gateways).flatMap(([g, gw]) => [1, 2, 3].filter((n) => n !== gw.replicaCount)
      .map((n) => step("gateway.replicaCount", `gateway ${g} replicaCount ${n}`, [set(["gateways", g, "replicaCount"], n)]))),
  },
  {
    name: "gateway.serviceType", class: "gateway", weight: 1,
    steps: (m) => Object.entries(m.gateways).flatMap(([g, gw]) => SERVICE_TYPES.filter((t) => t !== gw.serviceType)
      .map((t) => step("gateway.serviceType", `gateway ${g} serviceType ${t}`, [set(["gateways", g, "serviceType"], t)]))),
  },
  {
    name: "gateway.clusterIds", class: "gateway", weight: 1,
    steps: (m) => Object.entries(m.gateways).flatMap(([g, gw]) => attachedRoles(m)
      .map((r) => (gw.clusters.includes(r) ? gw.clusters.filter((x) => x !== r) : [...gw.clusters, r]))
      .filter((cs) => cs.length > 0)
      .map((cs) => step("gateway.clusterIds", `gateway ${g} clusters [${cs.join(",")}]`, [set(["gateways", g, "clusters"], cs)]))),
  },
];

const secretEntries: CatalogueEntry[] = [
  {
    name: "secret.rotate", class: "secret", weight: 2,
    steps: (m) => Object.entries(m.secrets).map(([s, sec]) => {
      const to = CERTS.find((c) => c !== sec.cert)!;
      return step("secret.rotate", `rotate secret ${s} to certificate ${to} (replaces)`, [set(["secrets", s, "cert"], to)]);
    }),
  },
  {
    name: "secret.add", class: "secret", weight: 1,
    steps: (m) => SECRET_KEYS.filter((s) => !m.secrets[s]).flatMap((s) => Object.keys(m.gateways)
      .map((g) => step("secret.add", `add secret ${s} on ${g}`, [set(["secrets", s], { gateway: g, cert: "b" })]))),
  },
  {
    name: "secret.remove", class: "secret", weight: 1,
    steps: (m) => Object.keys(m.secrets).map((s) => step("secret.remove", `remove secret ${s}`, [del(["secrets", s])])),
  },
];

const routeEntries: CatalogueEntry[] = [
  {
    name: "route.add", class: "route", weight: 2,
    steps: (m) => ROUTE_KEYS.filter((k) => !m.routes[k]).flatMap((k) => Object.keys(m.gateways)
      .map((g) => step("route.add", `add route ${k} on ${g}`, [set(["routes", k], { gateway: g, name: k, priority: 1, canary: 0 })]))),
  },
  {
    name: "route.remove", class: "route", weight: 1,
    steps: (m) => Object.keys(m.routes).map((k) => step("route.remove", `remove route ${k}`, [del(["routes", k])])),
  },
  {
    name: "route.priority", class: "route", weight: 1,
    steps: (m) => Object.entries(m.routes).flatMap(([k, r]) => [0, 1, 5].filter((p) => p !== r.priority)
      .map((p) => step("route.priority", `route ${k} priority ${p}`, [set(["routes", k, "priority"], p)]))),
  },
  {
    name: "route.weights", class: "route", weight: 2,
    steps: (m) => Object.entries(m.routes).flatMap(([k, r]) => [0, 10, 50, 100].filter((w) => w !== r.canary)
      .map((w) => step("route.weights", `route ${k} canary weight ${w}`, [set(["routes", k, "canary"], w)]))),
  },
  {
    name: "route.move", class: "route", weight: 2,
    steps: (m) => Object.entries(m.routes).flatMap(([k, r]) => Object.keys(m.gateways).filter((g) => g !== r.gateway)
      .map((g) => step("route.move", `move route ${k} from ${r.gateway} to ${g} (replaces)`, [set(["routes", k, "gateway"], g)]))),
  },
  {
    name: "route.rename", class: "route", weight: 1,
    steps: (m) => Object.entries(m.routes).map(([k, r]) => {
      const to = r.name === k ? `${k}-v2` : k;
      return step("route.rename", `rename route ${k}'s routeName ${r.name} -> ${to} (replaces)`, [set(["routes", k, "name"], to)]);
    }),
  },
];

const resourceEntries: CatalogueEntry[] = [
  {
    name: "stack.removeAll", class: "resources", weight: 1,
    steps: (m) => (m.mesh ? [step("stack.removeAll", "remove every resource from the program", [del(["mesh"])])] : []),
  },
];

const adoptEntries: CatalogueEntry[] = [
  {
    name: "adopt.mesh", class: "adopt", weight: 2,
    // Adopting needs a stack without a mesh; the program then declares no name, so the mesh keeps its own.
    steps: (m) => (m.mesh ? [] : [step("adopt.mesh", "create a mesh out of band, then adopt it with adoptId", [
      set(["mesh"], { edition: "Default", network: "a", flags: {}, tags: {}, adopted: { name: "oob-mesh" } }),
    ], { outOfBand: { action: "createMesh", name: "oob-mesh", network: "a" } })]),
  },
  {
    name: "adopt.attachment", class: "adopt", weight: 1,
    steps: (m) => CLUSTER_ROLES.filter((r) => inVpc(m, r) && !m.attachments[r]).map((r) =>
      step("adopt.attachment", `attach ${r} out of band, then adopt it`, [set(["attachments", r], { discoveryOnly: false, adopt: true })], { outOfBand: { action: "attachCluster", role: r } })),
  },
  {
    name: "adopt.gateway", class: "adopt", weight: 1,
    steps: (m) => attachedRoles(m).length === 0 ? [] : GATEWAY_NAMES.filter((g) => !m.gateways[g]).map((g) =>
      step("adopt.gateway", `create gateway ${g} out of band, then adopt it`, [
        set(["gateways", g], { ports: ["https"], replicaCount: 2, serviceType: "LoadBalancer", clusters: attachedRoles(m).slice(0, 1), adopt: true }),
      ], { outOfBand: { action: "createGateway", gateway: g, clusters: attachedRoles(m).slice(0, 1) } })),
  },
];

const outOfBandEntries: CatalogueEntry[] = [
  {
    name: "oob.deleteRoute", class: "out-of-band", weight: 1,
    steps: (m) => Object.keys(m.routes).map((k) => step("oob.deleteRoute", `delete route ${k} out of band`, [], { outOfBand: { action: "deleteRoute", route: k } })),
  },
  {
    name: "oob.deleteSecret", class: "out-of-band", weight: 1,
    steps: (m) => Object.keys(m.secrets).map((s) => step("oob.deleteSecret", `delete secret ${s} out of band`, [], { outOfBand: { action: "deleteSecret", secret: s } })),
  },
  {
    name: "oob.setFeature", class: "out-of-band", weight: 1,
    steps: (m) => !m.mesh ? [] : Object.keys(MESH_FLAGS).map((f) => step("oob.setFeature", `set mesh ${f} = ${!m.mesh!.flags[f]} out of band`, [], { outOfBand: { action: "setFeature", flag: f, value: !m.mesh!.flags[f] } })),
  },
  {
    name: "oob.detachCluster", class: "out-of-band", weight: 1,
    steps: (m) => attachedRoles(m).map((r) => step("oob.detachCluster", `detach ${r} out of band`, [], { outOfBand: { action: "detachCluster", role: r } })),
  },
  {
    name: "oob.patchGateway", class: "out-of-band", weight: 1,
    steps: (m) => Object.entries(m.gateways).map(([g, gw]) => step("oob.patchGateway", `set gateway ${g} replicaCount ${gw.replicaCount + 4} out of band`, [], { outOfBand: { action: "patchGateway", gateway: g, replicaCount: gw.replicaCount + 4 } })),
  },
  {
    name: "oob.renameMesh", class: "out-of-band", weight: 1,
    // A name the program declares (or the resource-name default) is restored by the next up. An adopted
    // mesh whose program declares no name keeps its own name (docs/adoption.md), the new one included.
    steps: (m) => (m.mesh ? [step("oob.renameMesh", "rename the mesh out of band", m.mesh.adopted && m.mesh.name === undefined ? [set(["mesh", "adopted", "name"], "oob-renamed")] : [],
      { outOfBand: { action: "renameMesh", name: "oob-renamed" } })] : []),
  },
];

/** Every program change, for the interrupt and restart entries to wrap. */
export const PROGRAM_ENTRIES: CatalogueEntry[] = [...meshEntries, ...attachmentEntries, ...gatewayEntries, ...secretEntries, ...routeEntries, ...resourceEntries];

const SIGNALS: Signal[] = ["SIGINT", "SIGINTx2", "SIGKILL"];
/** Interrupting is only interesting where the up writes: the changes that create, replace or delete. */
const INTERRUPTIBLE = new Set(["mesh.create", "mesh.edition", "mesh.network", "attachment.add", "attachment.remove", "gateway.add", "secret.rotate", "route.move", "stack.removeAll"]);

const interruptEntries: CatalogueEntry[] = SIGNALS.map((signal) => ({
  name: `interrupt.${signal}`, class: "interrupt" as const, weight: 1,
  steps: (m: Model) => PROGRAM_ENTRIES.filter((e) => INTERRUPTIBLE.has(e.name)).flatMap((e) => e.steps(m)).flatMap((s) => [1, 2, 4].map((afterWrites) =>
    ({ ...s, entry: `interrupt.${signal}`, label: `${s.label}; ${signal === "SIGINTx2" ? "two SIGINTs" : signal} after ${afterWrites} write(s)`, interrupt: { signal, afterWrites } }))),
}));

const restartEntries: CatalogueEntry[] = [{
  name: "emulator.restart", class: "restart", weight: 1,
  steps: (m) => [
    step("emulator.restart", "restart the emulator from its state file", [], { restart: true }),
    ...PROGRAM_ENTRIES.filter((e) => e.class === "route" || e.class === "gateway").flatMap((e) => e.steps(m)).slice(0, 4)
      .map((s) => ({ ...s, entry: "emulator.restart", label: `restart the emulator from its state file, then ${s.label}`, restart: true })),
  ],
}];

export const CATALOGUE: readonly CatalogueEntry[] = [...PROGRAM_ENTRIES, ...adoptEntries, ...outOfBandEntries, ...interruptEntries, ...restartEntries];

/**
 * The model after a step. Out-of-band changes, interrupts and restarts leave the program as it was; an
 * out-of-band change to what the program leaves unmanaged (an adopted mesh's own name) changes what is expected.
 */
export function afterStep(model: Model, s: Step): Model {
  return applyEdit(model, s.ops);
}

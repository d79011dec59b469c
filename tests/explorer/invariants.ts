// What must hold after every step of an explorer run. Each check returns its violations as sentences
// (empty: it holds), so the runner can name the failing invariant and carry on reporting.
import type { EmulatorHandle } from "../../emulator";
import type { StateExport } from "../e2e/harness/pulumiCli";
import { declaredResources, type Model } from "./model";
import { CLUSTERS, MESH_RESOURCE_NAME, NETWORKS, type ClusterRole } from "./world";

interface MeshDump {
  name: string;
  vpcId: string;
  edition: string;
  clusters: string[];
  gateways: Record<string, { deletion?: unknown; spec: Record<string, unknown> }>;
  secrets: Record<string, unknown>;
  routes: Record<string, unknown>;
}

export type Inventory = Record<"meshes" | "clusters" | "gateways" | "secrets" | "routes", string[]>;

const meshesOf = (emulator: EmulatorHandle) => (emulator.control.state() as { meshes: Record<string, MeshDump> }).meshes;

/** What the emulator holds, each object prefixed by its mesh; a gateway being deleted no longer counts. */
export function emulatorInventory(emulator: EmulatorHandle): Inventory {
  const meshes = Object.entries(meshesOf(emulator));
  return {
    meshes: meshes.map(([id]) => id).sort(),
    clusters: meshes.flatMap(([id, m]) => m.clusters.map((c) => `${id}/${c}`)).sort(),
    gateways: meshes.flatMap(([id, m]) => Object.entries(m.gateways).filter(([, g]) => !g.deletion).map(([k]) => `${id}/${k}`)).sort(),
    secrets: meshes.flatMap(([id, m]) => Object.keys(m.secrets).map((k) => `${id}/${k}`)).sort(),
    routes: meshes.flatMap(([id, m]) => Object.keys(m.routes).map((k) => `${id}/${k}`)).sort(),
  };
}

const KIND_OF: Record<string, keyof Inventory> = {
  ServiceMesh: "meshes", ClusterAttachment: "clusters", ASMGateway: "gateways", GatewaySecret: "secrets", GatewayRoute: "routes",
};

/** Our resources in a checkpoint, as "<Kind>:<resource name>" with their ids. */
export function stateResources(state: StateExport): { key: string; kind: string; id: string }[] {
  return (state.deployment.resources ?? [])
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/asm:"))
    .map((r) => {
      const kind = r.type.slice("pulumi-nodejs:dynamic/asm:".length);
      return { key: `${kind}:${r.urn.split("::").pop()}`, kind, id: r.id ?? "" };
    });
}

/** The state's view in the emulator's terms: ids "<mesh>:<a>:<b>" become "<mesh>/<a>/<b>". */
export function stateInventory(state: StateExport): Inventory {
  const inv: Inventory = { meshes: [], clusters: [], gateways: [], secrets: [], routes: [] };
  for (const r of stateResources(state)) {
    const kind = KIND_OF[r.kind];
    if (kind) inv[kind].push(r.id.split(":").join("/"));
  }
  for (const k of Object.keys(inv) as (keyof Inventory)[]) inv[k].sort();
  return inv;
}

const duplicates = (items: string[]) => items.filter((x, i) => items.indexOf(x) !== i);
const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

/** The emulator holds exactly what the state holds: no orphan, nothing missing, no duplicate. */
export function inventoryMatches(emulator: Inventory, state: Inventory): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(emulator) as (keyof Inventory)[]) {
    for (const x of minus(emulator[kind], state[kind])) out.push(`orphan ${kind.replace(/s$/, "")} ${x}: in the emulator, not in the state`);
    for (const x of minus(state[kind], emulator[kind])) out.push(`missing ${kind.replace(/s$/, "")} ${x}: in the state, not in the emulator`);
    for (const x of duplicates(state[kind])) out.push(`duplicate ${kind.replace(/s$/, "")} ${x} in the state`);
  }
  return out;
}

/** The state holds exactly the resources the program declares. */
export function stateMatchesModel(model: Model, state: StateExport): string[] {
  const have = stateResources(state).map((r) => r.key).sort();
  const want = declaredResources(model);
  return [
    ...minus(want, have).map((k) => `${k} is declared but not in the state`),
    ...minus(have, want).map((k) => `${k} is in the state but not declared`),
  ];
}

const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** The live objects are the declared ones: mesh identity and settings, clusters, gateways, secrets, routes. */
export function emulatorMatchesModel(model: Model, emulator: EmulatorHandle): string[] {
  const meshes = Object.values(meshesOf(emulator));
  if (!model.mesh) return meshes.length === 0 ? [] : [`the program declares no mesh, the emulator holds ${meshes.length}`];
  if (meshes.length !== 1) return [`the program declares one mesh, the emulator holds ${meshes.length}`];
  const [m] = meshes;
  const out: string[] = [];
  const name = model.mesh.name ?? model.mesh.adopted?.name ?? MESH_RESOURCE_NAME;
  if (m.name !== name) out.push(`mesh name is "${m.name}", expected "${name}"${model.mesh.name === undefined ? " (the program declares none)" : ""}`);
  if (m.edition !== model.mesh.edition) out.push(`mesh edition is ${m.edition}, declared ${model.mesh.edition}`);
  if (m.vpcId !== NETWORKS[model.mesh.network].vpcId) out.push(`mesh VPC is ${m.vpcId}, declared ${NETWORKS[model.mesh.network].vpcId}`);
  const clusters = (Object.keys(model.attachments) as ClusterRole[]).map((r) => CLUSTERS[r].clusterId);
  if (!same(m.clusters, clusters)) out.push(`mesh clusters are [${m.clusters.join(",")}], declared [${clusters.join(",")}]`);
  const gateways = Object.entries(m.gateways).filter(([, g]) => !g.deletion);
  const gatewayNames = gateways.map(([k]) => k.split("/")[1]);
  if (!same(gatewayNames, Object.keys(model.gateways))) out.push(`gateways are [${gatewayNames.join(",")}], declared [${Object.keys(model.gateways).join(",")}]`);
  for (const [k, g] of gateways) {
    const want = model.gateways[k.split("/")[1]];
    if (want && g.spec.replicaCount !== want.replicaCount) out.push(`gateway ${k} replicaCount is ${String(g.spec.replicaCount)}, declared ${want.replicaCount}`);
    if (want && g.spec.serviceType !== want.serviceType) out.push(`gateway ${k} serviceType is ${String(g.spec.serviceType)}, declared ${want.serviceType}`);
  }
  const secrets = Object.entries(model.secrets).map(([s, v]) => `${v.gateway}/${s}`);
  if (!same(Object.keys(m.secrets), secrets)) out.push(`secrets are [${Object.keys(m.secrets).join(",")}], declared [${secrets.join(",")}]`);
  const routes = Object.values(model.routes).map((r) => `${r.gateway}/${r.name}`);
  if (!same(Object.keys(m.routes), routes)) out.push(`routes are [${Object.keys(m.routes).join(",")}], declared [${routes.join(",")}]`);
  return out;
}

/**
 * No secret in clear where an attacker with the state bucket or the CI log would look: the access key
 * secret, any line of a TLS private key (or a PEM private key header), any kubeconfig token seen.
 */
export function secretsLeaked(texts: Record<string, string>, secrets: { accessKeySecret: string; tlsKeys: string[]; tokens: Iterable<string> }): string[] {
  const keyLines = secrets.tlsKeys.flatMap((k) => k.split("\n").map((l) => l.trim()).filter((l) => l.length >= 16 && !l.startsWith("-----")));
  const named: [string, string][] = [
    ["the access key secret", secrets.accessKeySecret],
    ...keyLines.map((l): [string, string] => ["a TLS private key line", l]),
    ...[...secrets.tokens].map((t): [string, string] => ["a kubeconfig token", t]),
  ];
  const out: string[] = [];
  for (const [where, text] of Object.entries(texts)) {
    if (text.includes("PRIVATE KEY")) out.push(`a PEM private key header appears in ${where}`);
    for (const [what, s] of named) if (s && text.includes(s)) out.push(`${what} appears in clear in ${where}`);
  }
  return [...new Set(out)];
}

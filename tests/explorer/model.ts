// The explorer's model: what the generic program (program/index.ts) declares, as pure JSON data in
// stack config. An edit is a list of set/delete operations on the model; applyEdit applies them and
// then normalises the result to a program a user could write (no route on a missing gateway, no
// gateway on an unattached cluster), so every model the generator reaches is a valid program.
import type { CertId, ClusterRole, NetworkId, PortId, ServiceType } from "./world";

export interface MeshModel {
  /** Absent: the program declares no name (the resource name, or the adopted mesh's own). */
  name?: string;
  edition: "Default" | "Pro";
  network: NetworkId;
  regionId?: "cn-hangzhou";
  /** Dotted input paths (world.MESH_FLAGS) to values; absent means not declared. */
  flags: Record<string, boolean>;
  tags: Record<string, string>;
  /** Index into world.ISTIO_VERSIONS; absent means not declared. */
  istioVersion?: number;
  /** Set when the mesh was created out of band as `name` and taken over with adoptId. */
  adopted?: { name: string };
}

export interface AttachmentModel {
  discoveryOnly: boolean;
  adopt?: boolean;
}

export interface GatewayModel {
  ports: PortId[];
  replicaCount: number;
  serviceType: ServiceType;
  clusters: ClusterRole[];
  adopt?: boolean;
}

/** Keyed by secretName. */
export interface SecretModel {
  gateway: string;
  cert: CertId;
}

/** Keyed by the Pulumi resource name; `name` is the routeName. */
export interface RouteModel {
  gateway: string;
  name: string;
  priority: number;
  canary: number;
}

export interface Model {
  mesh?: MeshModel;
  attachments: Partial<Record<ClusterRole, AttachmentModel>>;
  gateways: Record<string, GatewayModel>;
  secrets: Record<string, SecretModel>;
  routes: Record<string, RouteModel>;
}

export type Op = { op: "set"; path: string[]; value: unknown } | { op: "delete"; path: string[] };

export const EMPTY_MODEL: Model = { attachments: {}, gateways: {}, secrets: {}, routes: {} };

function setIn(obj: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base = typeof obj === "object" && obj !== null ? (obj as Record<string, unknown>) : {};
  return { ...base, [head]: setIn(base[head], rest, value) };
}

function deleteIn(obj: unknown, path: string[]): unknown {
  if (typeof obj !== "object" || obj === null || path.length === 0) return obj;
  const [head, ...rest] = path;
  const base = obj as Record<string, unknown>;
  if (!Object.hasOwn(base, head)) return obj;
  if (rest.length === 0) {
    const { [head]: _gone, ...others } = base;
    return others;
  }
  return { ...base, [head]: deleteIn(base[head], rest) };
}

const filterValues = <T>(table: Record<string, T>, keep: (v: T) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(table).filter(([, v]) => keep(v)));

/**
 * The program a user could run: without a mesh nothing else exists; a gateway runs only on attached
 * clusters (none left: it goes, as a user deleting the last cluster would delete the gateway too);
 * secrets and routes go with their gateway.
 */
export function normalize(model: Model): Model {
  if (!model.mesh) return EMPTY_MODEL;
  const attached = (r: ClusterRole): boolean => model.attachments[r] !== undefined;
  const gateways = Object.fromEntries(
    Object.entries(model.gateways)
      .map(([name, g]) => [name, { ...g, clusters: g.clusters.filter(attached) }] as const)
      .filter(([, g]) => g.clusters.length > 0),
  );
  return {
    ...model,
    gateways,
    secrets: filterValues(model.secrets, (s) => s.gateway in gateways),
    routes: filterValues(model.routes, (r) => r.gateway in gateways),
  };
}

export function applyEdit(model: Model, ops: readonly Op[]): Model {
  let next: unknown = model;
  for (const o of ops) next = o.op === "set" ? setIn(next, o.path, o.value) : deleteIn(next, o.path);
  return normalize(next as Model);
}

/** Every resource the program declares, by Pulumi type suffix and resource name (the state must hold exactly these). */
export function declaredResources(model: Model): string[] {
  if (!model.mesh) return [];
  return [
    "ServiceMesh:mesh",
    ...Object.keys(model.attachments).map((r) => `ClusterAttachment:att-${r}`),
    ...Object.keys(model.gateways).map((g) => `ASMGateway:${g}`),
    ...Object.keys(model.secrets).map((s) => `GatewaySecret:${s}`),
    ...Object.keys(model.routes).map((r) => `GatewayRoute:rt-${r}`),
  ].sort();
}

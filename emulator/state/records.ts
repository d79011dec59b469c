// Stored record shapes. These are the emulator's own model, not wire shapes: handlers convert
// between the two. Everything is plain JSON so the state file and the state dump are readable.
// No secret material is stored: certificates are reduced to the facts DescribeGatewaySecretDetails
// reports, and kubeconfig tokens are derived, not kept.
import type { Phase, Visibility } from "../time/lifecycle";

export interface ClusterRecord {
  clusterId: string;
  name: string;
  vpcId: string;
  regionId: string;
  state: string;
  clusterDomain: string;
  clusterType: string;
  version: string;
  hasIstioSystem: boolean;
  createdAt: number;
}

export type OptionValue = string | number | boolean;

export interface MeshRecord {
  id: string;
  name: string;
  regionId: string;
  vpcId: string;
  vSwitches: string[];
  edition: string;
  version: string;
  clusterSpec: string;
  /**
   * Create/UpdateMeshFeature options as received, typed (e.g. Tracing: true), and what the single-feature
   * updates set (UpdateControlPlaneLogConfig; UpdateKialiConfiguration, as operations/kiali.ts names them).
   */
  options: Record<string, OptionValue>;
  tags: Record<string, string>;
  /** Attached clusters as reads report them; pending changes apply when the phase completes. */
  clusters: string[];
  pending: { addClusters: string[]; removeClusters: string[]; version?: string; edition?: string };
  phase: Phase;
  errorMessage: string;
  createdAt: number;
  updatedAt: number;
  visibility: Visibility;
  /** Kubernetes resourceVersion counter of the mesh's control plane. */
  resourceVersion: number;
  gateways: Record<string, GatewayRecord>;   // "namespace/name"
  secrets: Record<string, SecretRecord>;     // "gateway/secretName"
  routes: Record<string, RouteRecord>;       // "gateway/routeName"
}

export interface GatewayRecord {
  namespace: string;
  name: string;
  uid: string;
  generation: number;
  resourceVersion: number;
  createdAt: number;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  /** Set when a Kubernetes DELETE was accepted; the object lingers until the phase is due. */
  deletion?: { since: number; reads: number };
}

export interface SecretRecord {
  gateway: string;
  name: string;
  sni: string;
  issueTime: number;
  expiredTime: number;
  /** Why the secret is abnormal regardless of time (e.g. key does not match); "" when fine. */
  problem: string;
  clusters: string[];
  createdAt: number;
  visibility: Visibility;
}

export interface RouteRecord {
  gateway: string;
  name: string;
  namespace: string;
  /** The GatewayRoute object as received (PascalCase wire keys). */
  route: Record<string, unknown>;
  priority: number;
  status: number;
  description: string;
  createdAt: number;
  updatedAt: number;
  visibility: Visibility;
}

export interface StoreData {
  formatVersion: 2;
  /** Sequence for deterministic ids; persisted so a restart does not reissue an id. */
  idCounter: number;
  meshes: Record<string, MeshRecord>;
  clusters: Record<string, ClusterRecord>;
}

/** A record as reads see it: every level read-only, so a change has to go through a Store mutator. */
export type Frozen<T> = T extends readonly (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;
export type MeshView = Frozen<MeshRecord>;
export type ClusterView = Frozen<ClusterRecord>;
export type GatewayView = Frozen<GatewayRecord>;
export type SecretView = Frozen<SecretRecord>;
export type RouteView = Frozen<RouteRecord>;

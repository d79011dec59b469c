// The emulator's state: meshes (with their gateways, secrets and routes nested inside, so deleting
// a mesh deletes everything in it) and the seeded ACK clusters. Every change goes through a mutator
// here, which is what tells flush() there is something to persist before the response is sent; the
// data itself is private and reads return read-only views, so a change cannot skip that.
import { createHash } from "node:crypto";
import type { Clock } from "../time/clock";
import type { ClusterSeed } from "../types";
import { STATE_FORMAT_VERSION } from "./format";
import type { StatePersistence } from "./persistence";
import type { ClusterRecord, ClusterView, MeshRecord, MeshView, StoreData } from "./records";

export function clusterRecordFromSeed(seed: ClusterSeed, now: number): ClusterRecord {
  return {
    clusterId: seed.clusterId,
    name: seed.name,
    vpcId: seed.vpcId,
    regionId: seed.regionId ?? "cn-hangzhou",
    state: seed.state ?? "running",
    clusterDomain: seed.clusterDomain ?? "cluster.local",
    clusterType: seed.clusterType ?? "ManagedKubernetes",
    version: seed.version ?? "v1.30.1-aliyun.1",
    hasIstioSystem: seed.hasIstioSystem ?? false,
    createdAt: now,
  };
}

export interface StoreOptions {
  seeds: ClusterSeed[];
  seed: number;
  clock: Clock;
  persistence?: StatePersistence;
}

const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export class Store {
  private data: StoreData;
  private dirty = false;

  constructor(private readonly opts: StoreOptions) {
    const loaded = opts.persistence?.load();
    this.data = loaded?.data ?? this.fresh();
    // A migrated file is rewritten in the current format at the first flush, so it is migrated once.
    if (loaded?.migratedFrom !== undefined) this.dirty = true;
  }

  private fresh(): StoreData {
    const now = this.opts.clock.now();
    const clusters: Record<string, ClusterRecord> = {};
    for (const seed of this.opts.seeds) clusters[seed.clusterId] = clusterRecordFromSeed(seed, now);
    return { formatVersion: STATE_FORMAT_VERSION, idCounter: 0, meshes: {}, clusters };
  }

  clockNow(): number {
    return this.opts.clock.now();
  }

  /** Persists pending changes, if persistence is configured. Called before a response is sent. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.opts.persistence?.save(this.data);
  }

  // --- reads ---

  mesh(id: string): MeshView | undefined {
    return own(this.data.meshes, id);
  }

  meshIds(): string[] {
    return Object.keys(this.data.meshes);
  }

  meshes(): MeshView[] {
    return Object.values(this.data.meshes);
  }

  cluster(id: string): ClusterView | undefined {
    return own(this.data.clusters, id);
  }

  clusters(): ClusterView[] {
    return Object.values(this.data.clusters);
  }

  /** The mesh a cluster is attached to, or about to be attached to. */
  meshOwningCluster(clusterId: string): MeshView | undefined {
    return this.meshes().find((m) => m.clusters.includes(clusterId) || m.pending.addClusters.includes(clusterId));
  }

  snapshot(): StoreData {
    return structuredClone(this.data);
  }

  // --- mutators ---

  reset(): void {
    this.data = this.fresh();
    this.dirty = true;
  }

  addMesh(mesh: MeshRecord): void {
    this.data.meshes[mesh.id] = mesh;
    this.dirty = true;
  }

  /** Returns whether there was such a mesh. */
  removeMesh(id: string): boolean {
    if (!own(this.data.meshes, id)) return false;
    delete this.data.meshes[id];
    this.dirty = true;
    return true;
  }

  /** Applies `change` to a stored mesh (and what is nested in it: gateways, secrets, routes, lifecycle counters). */
  changeMesh<T>(mesh: MeshView, change: (m: MeshRecord) => T): T {
    const stored = own(this.data.meshes, mesh.id);
    if (stored !== mesh) throw new Error(`mesh "${mesh.id}" is no longer in the store.`);
    this.dirty = true;
    return change(stored);
  }

  changeCluster(cluster: ClusterView, change: (c: ClusterRecord) => void): void {
    const stored = own(this.data.clusters, cluster.clusterId);
    if (stored !== cluster) throw new Error(`cluster "${cluster.clusterId}" is not in the store.`);
    change(stored);
    this.dirty = true;
  }

  /** Deterministic hex derived from the seed and a persisted counter. */
  nextHex(length: number): string {
    this.data.idCounter += 1;
    this.dirty = true;
    return createHash("sha256").update(`${this.opts.seed}:${this.data.idCounter}`).digest("hex").slice(0, length);
  }

  /** Mesh ids look like the real ones: "c" + 32 lowercase hex. */
  newMeshId(): string {
    return `c${this.nextHex(32)}`;
  }

  newUid(): string {
    const h = this.nextHex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

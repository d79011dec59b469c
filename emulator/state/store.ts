// The emulator's state: meshes (with their gateways, secrets and routes nested inside, so deleting
// a mesh deletes everything in it) and the seeded ACK clusters. Owns deterministic ids and the
// dirty flag that tells the server to persist before answering.
import { createHash } from "node:crypto";
import type { Clock } from "../time/clock";
import type { ClusterSeed } from "../types";
import { readStateFile, writeStateFileAtomic } from "./persistence";
import type { ClusterRecord, MeshRecord, StoreData } from "./records";

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
  stateFile?: string;
}

export class Store {
  data: StoreData;
  private dirty = false;

  constructor(private readonly opts: StoreOptions) {
    this.data = (opts.stateFile && readStateFile(opts.stateFile)) || this.fresh();
  }

  private fresh(): StoreData {
    const now = this.opts.clock.now();
    const clusters: Record<string, ClusterRecord> = {};
    for (const seed of this.opts.seeds) clusters[seed.clusterId] = clusterRecordFromSeed(seed, now);
    return { formatVersion: 1, idCounter: 0, meshes: {}, clusters };
  }

  reset(): void {
    this.data = this.fresh();
    this.markDirty();
  }

  clockNow(): number {
    return this.opts.clock.now();
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** Persists pending changes, if a state file is configured. Called before a response is sent. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (this.opts.stateFile) writeStateFileAtomic(this.opts.stateFile, this.data);
  }

  /** Deterministic hex derived from the seed and a persisted counter. */
  nextHex(length: number): string {
    this.data.idCounter += 1;
    this.markDirty();
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

  mesh(id: string): MeshRecord | undefined {
    return Object.prototype.hasOwnProperty.call(this.data.meshes, id) ? this.data.meshes[id] : undefined;
  }

  /** The mesh a cluster is attached to, or about to be attached to. */
  meshOwningCluster(clusterId: string): MeshRecord | undefined {
    return Object.values(this.data.meshes).find(
      (m) => m.clusters.includes(clusterId) || m.pending.addClusters.includes(clusterId),
    );
  }

  snapshot(): StoreData {
    return structuredClone(this.data);
  }
}

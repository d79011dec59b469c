// Whether an ACK cluster may join a mesh, as DescribeServiceMeshClusters reports it with
// ForbiddenFlag (research/asm-api.md §2.4) and AddClusterIntoServiceMesh enforces it.
import * as E from "../errors/catalog";
import type { ClusterView, MeshView } from "../state/records";
import type { Store } from "../state/store";

export const ForbiddenFlag = { ok: 0, noPermission: 1, otherVpc: 2, cidrConflict: 3, istioSystem: 4 } as const;

export function forbiddenFlag(cluster: ClusterView, mesh: Pick<MeshView, "vpcId">): number {
  if (cluster.vpcId !== mesh.vpcId) return ForbiddenFlag.otherVpc;
  if (cluster.hasIstioSystem) return ForbiddenFlag.istioSystem;
  return ForbiddenFlag.ok;
}

/** Throws the error the real API would give for a cluster that cannot join; returns the cluster otherwise. */
export function checkJoinable(
  store: Store, mesh: Pick<MeshView, "id" | "vpcId">, clusterId: string, ignoreNamespaceCheck: boolean,
): ClusterView {
  const cluster = store.cluster(clusterId);
  if (!cluster) throw E.clusterNotFound(clusterId);
  const owner = store.meshOwningCluster(clusterId);
  if (owner) throw E.clusterInMesh(clusterId, owner.id);
  if (cluster.state !== "running") throw E.clusterNotActive(clusterId, cluster.state);
  if (cluster.vpcId !== mesh.vpcId) throw E.clusterOtherVpc(clusterId, cluster.vpcId, mesh.vpcId);
  if (cluster.hasIstioSystem && !ignoreNamespaceCheck) throw E.clusterHasIstioSystem(clusterId);
  return cluster;
}

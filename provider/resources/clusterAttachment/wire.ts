// ClusterAttachment: the id, and the outputs DescribeClustersInServiceMesh reports for the cluster.
import type { MeshClusterInfo } from "../../api";
import type { Props } from "../../schema";

export function attachmentId(meshId: string, clusterId: string): string {
  return `${meshId}:${clusterId}`;
}

export function outputsOf(c: MeshClusterInfo | undefined): Props {
  return { clusterName: c?.Name, clusterState: c?.State, clusterType: c?.ClusterType };
}

// ClusterAttachment operations (research/asm-api.md §2). All parameters travel in the body except
// DescribeClustersInServiceMesh's ServiceMeshId.
import { BaseResponse, op } from "./operation";

export interface MeshClusterInfo {
  ClusterId: string;
  Name?: string;
  ClusterType?: string;
  RegionId?: string;
  VpcId?: string;
  Version?: string;
  State?: string;
  ErrorMessage?: string;
  CreationTime?: string;
  UpdateTime?: string;
}

export const clusterOperations = {
  AddClusterIntoServiceMesh: op<
    {
      ServiceMeshId: string;
      ClusterId: string;
      IgnoreNamespaceCheck?: boolean;
      DiscoveryOnly?: boolean;
      Kubeconfig?: string;
    },
    BaseResponse & { Code?: string | number; Message?: string }
  >({ method: "POST", query: [], readOnly: false, idempotent: false }),
  RemoveClusterFromServiceMesh: op<
    { ServiceMeshId: string; ClusterId: string; ReserveNamespace?: boolean },
    BaseResponse & { Code?: string | number; Message?: string }
  >({ method: "POST", query: [], readOnly: false, idempotent: true }),
  DescribeClustersInServiceMesh: op<{ ServiceMeshId: string }, BaseResponse & { Clusters?: MeshClusterInfo[] }>({
    method: "POST", query: ["ServiceMeshId"], readOnly: true, idempotent: true,
  }),
};

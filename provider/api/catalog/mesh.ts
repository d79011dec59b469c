// ServiceMesh operations (research/asm-api.md §1). Wire names are exactly as the API spells them.
import { BaseResponse, op, TagWire } from "./operation";

/** CreateServiceMesh body; booleans and numbers are form-encoded as strings by the transport. */
export interface CreateServiceMeshRequest {
  RegionId: string;
  VpcId: string;
  /** JSON array string, e.g. '["vsw-1"]'. */
  VSwitches: string;
  Tag?: TagWire[];
  [param: string]: string | number | boolean | TagWire[] | undefined;
}

export interface ServiceMeshInfo {
  ServiceMeshId: string;
  Name?: string;
  RegionId?: string;
  State?: string;
  ErrorMessage?: string;
  Version?: string;
  Profile?: string;
  CreationTime?: string;
  UpdateTime?: string;
}

export interface MeshEndpoints {
  IntranetApiServerEndpoint?: string;
  PublicApiServerEndpoint?: string;
  IntranetPilotEndpoint?: string;
  PublicPilotEndpoint?: string;
}

/** Nested read model; kept loose because the API adds fields often (anchors.md (c)). */
export type WireObject = { [k: string]: unknown };

export interface ServiceMeshDetail {
  ServiceMeshInfo: ServiceMeshInfo;
  Clusters?: string[];
  ClusterSpec?: string;
  Endpoints?: MeshEndpoints;
  Spec?: {
    Network?: { VpcId?: string; SecurityGroupId?: string; VSwitches?: string[] };
    LoadBalancer?: WireObject;
    MeshConfig?: WireObject;
  };
}

/**
 * A DescribeServiceMeshes row: the detail's identity, network and endpoints, but (in the SDK's model) a
 * MeshConfig of a few fields only, so drift and adoption read the detail, never a row.
 */
export interface ServiceMeshListRow extends Omit<ServiceMeshDetail, "Endpoints"> {
  Endpoints?: MeshEndpoints & { ReverseTunnelEndpoint?: string };
  Tag?: TagWire[];
  Upgradable?: boolean;
}

/** A DescribeVersions entry: the Istio versions a new mesh of one edition can have. */
export interface EditionVersions {
  Edition?: string;
  Versions?: string[];
}

export const meshOperations = {
  CreateServiceMesh: op<CreateServiceMeshRequest, BaseResponse & { ServiceMeshId: string }>({
    method: "POST", query: ["Tag"], readOnly: false, idempotent: false,
  }),
  DescribeServiceMeshDetail: op<{ ServiceMeshId: string }, BaseResponse & { ServiceMesh: ServiceMeshDetail }>({
    method: "POST", query: [], readOnly: true, idempotent: true,
  }),
  DescribeServiceMeshes: op<{ Tag?: TagWire[] }, BaseResponse & { ServiceMeshes?: ServiceMeshListRow[] }>({
    method: "GET", query: "all", readOnly: true, idempotent: true,
  }),
  // Takes no parameters (a closed type of no keys, so nothing can be sent by mistake).
  DescribeVersions: op<Partial<Record<never, never>>, BaseResponse & { VersionInfo?: EditionVersions[] }>({
    method: "POST", query: [], readOnly: true, idempotent: true,
  }),
  DescribeServiceMeshKubeconfig: op<
    { ServiceMeshId: string; PrivateIpAddress?: boolean },
    BaseResponse & { Kubeconfig?: string; ExpireTime?: string }
  >({ method: "POST", query: "all", readOnly: true, idempotent: true }),
  ModifyServiceMeshName: op<{ ServiceMeshId: string; Name: string }, BaseResponse>({
    method: "POST", query: [], readOnly: false, idempotent: true,
  }),
  UpdateMeshFeature: op<
    { ServiceMeshId: string; [param: string]: string | number | boolean | undefined },
    BaseResponse
  >({
    method: "POST",
    query: ["AccessLogGatewayEnabled", "AccessLogSidecarEnabled", "LabelsForOffloadedWorkloads"],
    readOnly: false,
    idempotent: true,
  }),
  UpgradeMeshEditionPartially: op<
    {
      ServiceMeshId: string;
      ExpectedVersion?: string;
      SwitchToPro?: boolean;
      ASMGatewayContinue?: boolean;
      UpgradeGatewayRecords?: string;
      PreCheck?: boolean;
    },
    BaseResponse
  >({ method: "POST", query: [], readOnly: false, idempotent: true }),
  DescribeUpgradeVersion: op<
    { ServiceMeshId: string },
    BaseResponse & { Version?: { IstioVersion?: string; IstioOperatorVersion?: string; KubernetesVersion?: string } }
  >({ method: "POST", query: "all", readOnly: true, idempotent: true }),
  UpdateControlPlaneLogConfig: op<
    { ServiceMeshId: string; Enabled: boolean; Project?: string; LogTTLInDay?: number },
    BaseResponse
  >({ method: "POST", query: [], readOnly: false, idempotent: true }),
  DeleteServiceMesh: op<
    { ServiceMeshId: string; Force?: boolean; RetainResources?: string },
    BaseResponse
  >({ method: "POST", query: [], readOnly: false, idempotent: true }),
  TagResources: op<
    { RegionId: string; ResourceType: "servicemesh"; ResourceId: string[]; Tag: TagWire[] },
    BaseResponse
  >({ method: "POST", query: "all", readOnly: false, idempotent: true }),
  ListTagResources: op<
    { RegionId: string; ResourceType: "servicemesh"; ResourceId: string[]; NextToken?: string },
    BaseResponse & { NextToken?: string; TagResources?: Array<{ ResourceId?: string; ResourceType?: string; TagKey: string; TagValue?: string }> }
  >({ method: "POST", query: "all", readOnly: true, idempotent: true }),
  UntagResources: op<
    { RegionId: string; ResourceType: "servicemesh"; ResourceId: string[]; TagKey?: string[]; All?: boolean },
    BaseResponse
  >({ method: "POST", query: "all", readOnly: false, idempotent: true }),
};

// getServiceMeshes: the meshes DescribeServiceMeshes lists in the provider's region, narrowed by name, id
// and state. Every result field reads what the list call reports of a mesh (the SDK's ServiceMeshes row);
// what only the detail reports (most of the mesh configuration) stays with the ServiceMesh resource.
import { MESH_ID_PATTERN } from "../framework/meshId";
import { f, type FieldSpecs, type FunctionDescription } from "../schema";

export const getServiceMeshesInputs = {
  name: f.string({ description: "Only the meshes of this name (the whole name, compared exactly)." }),
  meshId: f.string({ description: "Only the mesh of this ServiceMeshId.", pattern: MESH_ID_PATTERN, patternHint: "a ServiceMeshId (c followed by lowercase hex)" }),
  state: f.string({
    description: "Only the meshes in this state, as the API reports it: running once ready, initial while being created, upgrading during an upgrade, failed after a failed create.",
    pattern: /^[a-z][a-z_]*$/,
    patternHint: "a state in lower case as the API reports it, such as running or initial",
  }),
} satisfies FieldSpecs;

const meshRow = f.object({
  meshId: f.string({ description: "The ServiceMeshId.", readBack: "ServiceMeshInfo.ServiceMeshId", required: true }),
  name: f.string({ description: "The mesh's name.", readBack: "ServiceMeshInfo.Name" }),
  state: f.string({ description: "The mesh's state: running once ready, initial while being created.", readBack: "ServiceMeshInfo.State" }),
  errorMessage: f.string({ description: "Why the mesh failed, while its state is failed.", readBack: "ServiceMeshInfo.ErrorMessage" }),
  version: f.string({ description: "The mesh's Istio version, such as v1.22.6.71-g2e3b70de-aliyun.", readBack: "ServiceMeshInfo.Version" }),
  edition: f.string({ description: "The mesh's edition: Default (Standard Edition) or Pro (Professional Edition).", readBack: "ServiceMeshInfo.Profile" }),
  regionId: f.string({ description: "The ID of the region the mesh runs in.", readBack: "ServiceMeshInfo.RegionId" }),
  clusterSpec: f.string({ description: "The mesh's specification: standard, enterprise or ultimate.", readBack: "ClusterSpec" }),
  creationTime: f.string({ description: "When the mesh was created (ISO 8601).", readBack: "ServiceMeshInfo.CreationTime" }),
  updateTime: f.string({ description: "When the mesh was last changed (ISO 8601).", readBack: "ServiceMeshInfo.UpdateTime" }),
  network: f.object({
    vpcId: f.string({ description: "The ID of the VPC the mesh runs in.", readBack: "VpcId" }),
    vSwitchIds: f.stringList({ description: "The IDs of the vSwitches the mesh uses.", readBack: "VSwitches" }),
    securityGroupId: f.string({ description: "The ID of the security group of the mesh's control plane.", readBack: "SecurityGroupId" }),
  }, { description: "The VPC, vSwitches and security group the mesh runs in.", readBack: "Spec.Network" }),
  endpoints: f.object({
    intranetApiServer: f.string({ description: "The control plane's API server in the VPC.", readBack: "IntranetApiServerEndpoint" }),
    publicApiServer: f.string({ description: "The control plane's API server on the internet, when exposed.", readBack: "PublicApiServerEndpoint" }),
    intranetPilot: f.string({ description: "Pilot in the VPC.", readBack: "IntranetPilotEndpoint" }),
    publicPilot: f.string({ description: "Pilot on the internet, when exposed.", readBack: "PublicPilotEndpoint" }),
    reverseTunnel: f.string({ description: "The reverse tunnel's endpoint.", readBack: "ReverseTunnelEndpoint" }),
  }, { description: "The endpoints of the mesh's control plane.", readBack: "Endpoints" }),
  clusters: f.stringList({ description: "The IDs of the clusters attached to the mesh.", readBack: "Clusters" }),
  tags: f.list(
    f.object({
      key: f.string({ description: "The tag's key.", readBack: "Key", required: true }),
      value: f.string({ description: "The tag's value.", readBack: "Value", allowEmpty: true }),
    }, { description: "A tag of the mesh." }),
    { description: "The mesh's tags, the provider's own asm-pulumi: tags included.", readBack: "Tag" },
  ),
  upgradable: f.bool({ description: "Whether a newer version is offered for the mesh.", readBack: "Upgradable" }),
}, { description: "A mesh as DescribeServiceMeshes lists it." });

export const getServiceMeshesOutputs = {
  meshes: f.list(meshRow, { description: "The meshes that match every given argument, in the order the API lists them; empty when none does.", readBack: "ServiceMeshes", required: true }),
} satisfies FieldSpecs;

export const getServiceMeshesDescription: FunctionDescription = {
  name: "getServiceMeshes",
  summary: "The Service Mesh instances in the provider's region as DescribeServiceMeshes lists them, optionally only those of a name, an id or a state.",
  action: "DescribeServiceMeshes",
  inputs: getServiceMeshesInputs,
  outputs: getServiceMeshesOutputs,
  filters: { list: "meshes", by: { name: { item: "name" }, meshId: { item: "meshId" }, state: { item: "state" } } },
};

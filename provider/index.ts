// Public surface of asm-pulumi: the resource classes and their argument types.
// Import in a Pulumi program: `import { ServiceMesh, ClusterAttachment } from "asm-pulumi"`.
export { ServiceMesh } from "./resources/serviceMesh";
export type { ServiceMeshArgs } from "./resources/serviceMesh";
export { ClusterAttachment } from "./resources/clusterAttachment";
export type { ClusterAttachmentArgs } from "./resources/clusterAttachment";
export { ASMGateway, type ASMGatewayArgs } from "./resources/asmGateway";
export { GatewaySecret, type GatewaySecretArgs } from "./resources/gatewaySecret";
export { GatewayRoute, type GatewayRouteArgs } from "./resources/gatewayRoute";
export type { Timeouts } from "./framework/timeouts";
// The native plugin's functions (getServiceMeshes, getVersions), in plain and Output forms: `native.getVersions()`.
export * as native from "./native";

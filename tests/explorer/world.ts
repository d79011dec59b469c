// What the explorer's programs can be made of: the emulator's clusters and networks, gateway ports,
// mesh flags and tags. Pure data shared by the generic program, the catalogue and the invariants.
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, OTHER_VPC } from "../../emulator/defaults";

export const CLUSTER_ROLES = ["primary", "secondary", "tertiary", "otherVpc"] as const;
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

export const CLUSTERS: Record<ClusterRole, { clusterId: string; vpcId: string }> = {
  primary: EMULATOR_CLUSTERS.primary,
  secondary: EMULATOR_CLUSTERS.secondary,
  tertiary: EMULATOR_CLUSTERS.tertiary,
  otherVpc: EMULATOR_CLUSTERS.otherVpc,
};

/** Mesh networks: two vSwitch sets in the clusters' VPC and one in another VPC (create-only either way). */
export const NETWORKS = {
  a: { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] },
  ab: { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH, "vsw-emu-default-b"] },
  other: { vpcId: OTHER_VPC, vSwitchIds: ["vsw-emu-other-a"] },
} as const;
export type NetworkId = keyof typeof NETWORKS;

/** ASM versions in upgrade order (emulator/operations/versions.ts); a new mesh gets index 1. */
export const ISTIO_VERSIONS = ["v1.20.6.31-g5cf4a2a7-aliyun", "v1.21.6.95-g8b1d3bc5-aliyun", "v1.22.6.71-g2e3b70de-aliyun"] as const;

export const PORTS = {
  http: { name: "http-0", port: 80, targetPort: 80, protocol: "HTTP" },
  https: { name: "https-0", port: 443, targetPort: 443, protocol: "HTTPS" },
  tcp: { name: "tcp-9000", port: 9000, targetPort: 9000, protocol: "TCP" },
} as const;
export type PortId = keyof typeof PORTS;

export const SERVICE_TYPES = ["LoadBalancer", "ClusterIP", "NodePort"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** In-place mesh flags, with the option the emulator keeps them under (for out-of-band changes). */
export const MESH_FLAGS: Record<string, string> = {
  "tracing.enabled": "Tracing",
  "accessLog.enabled": "AccessLogEnabled",
  "features.crHistory": "EnableCRHistory",
  "filters.redis": "RedisFilterEnabled",
};

export const TAG_KEYS = ["team", "env"] as const;
export const TAG_VALUES = ["a", "b"] as const;
export const MESH_NAMES = ["explorer-mesh", "explorer-renamed"] as const;
export const GATEWAY_NAMES = ["gw-a", "gw-b"] as const;
export const SECRET_KEYS = ["tls-a", "tls-b"] as const;
export const ROUTE_KEYS = ["reviews", "ratings", "catalog"] as const;
export const CERTS = ["a", "b"] as const;
export type CertId = (typeof CERTS)[number];
/** The mesh's Pulumi resource name, which a mesh without a declared name is given. */
export const MESH_RESOURCE_NAME = "mesh";

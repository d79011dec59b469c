// The ASM versions the emulator offers. New meshes get DEFAULT_MESH_VERSION, one below the newest,
// so UpgradeMeshVersion has somewhere to go.
export const ISTIO_VERSIONS = [
  "v1.20.6.31-g5cf4a2a7-aliyun",
  "v1.21.6.95-g8b1d3bc5-aliyun",
  "v1.22.6.71-g2e3b70de-aliyun",
];
export const DEFAULT_MESH_VERSION = ISTIO_VERSIONS[ISTIO_VERSIONS.length - 2];

export function nextVersion(current: string): string | undefined {
  const i = ISTIO_VERSIONS.indexOf(current);
  return i >= 0 && i < ISTIO_VERSIONS.length - 1 ? ISTIO_VERSIONS[i + 1] : undefined;
}

export const EDITIONS = ["Default", "Pro"] as const;
/** ClusterSpec, which CreateServiceMesh and UpdateMeshFeature both take. */
export const CLUSTER_SPECS = ["standard", "enterprise", "ultimate"] as const;

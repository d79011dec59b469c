// The kubeconfig DescribeServiceMeshKubeconfig returns: it points at this emulator's Kubernetes API
// subset for the mesh, with a bearer token unique to the mesh. Tokens are derived from the seed and
// the mesh id (HMAC) rather than stored, so no credential sits in the state file.
import { createHmac, timingSafeEqual } from "node:crypto";
import { stringify } from "yaml";

export const kubeServerUrl = (baseUrl: string, meshId: string): string => `${baseUrl}/k8s/${meshId}`;

export function kubeTokenFor(seed: number, meshId: string): string {
  return `emu-${createHmac("sha256", `asm-emulator-kube-token-${seed}`).update(meshId).digest("hex").slice(0, 40)}`;
}

export function tokenMatches(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function buildKubeconfig(baseUrl: string, meshId: string, token: string): string {
  const name = `asm-${meshId}`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server: kubeServerUrl(baseUrl, meshId) } }],
    users: [{ name: `${name}-admin`, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-admin` } }],
    "current-context": name,
    preferences: {},
  });
}

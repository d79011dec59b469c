// Shared builders for emulator tests: a mesh that is already running, an attached cluster, a
// gateway body, throwaway TLS material, and one emulator per test file.
import { createEmulator, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, type EmulatorHandle } from "../../emulator";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";
import { AsmTestClient } from "./client";

export const PRIMARY = EMULATOR_CLUSTERS.primary.clusterId;
export const SECONDARY = EMULATOR_CLUSTERS.secondary.clusterId;

export const meshArgs = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  RegionId: "cn-hangzhou", VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Name: "test-mesh", ...extra,
});

/** Reads the mesh until it reports `state` (instant profile: at most a few reads). */
export async function readUntil(c: AsmTestClient, meshId: string, state: string, maxReads = 5): Promise<Record<string, unknown>> {
  for (let i = 0; i < maxReads; i++) {
    const r = await c.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
    const mesh = r.ServiceMesh as Record<string, Record<string, unknown>>;
    if (mesh.ServiceMeshInfo.State === state) return mesh;
  }
  throw new Error(`mesh ${meshId} did not reach ${state} within ${maxReads} reads`);
}

export async function runningMesh(c: AsmTestClient, clusters: string[] = [], extra: Record<string, unknown> = {}): Promise<string> {
  const id = (await c.call("CreateServiceMesh", meshArgs(extra))).ServiceMeshId as string;
  await readUntil(c, id, "running");
  for (const clusterId of clusters) {
    await c.call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: clusterId });
    await readUntil(c, id, "running");
  }
  return id;
}

export function gatewayBody(name: string, clusterIds: string[], extraSpec: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: "istio.alibabacloud.com/v1beta1", kind: "IstioGateway",
    metadata: { name, namespace: "istio-system" },
    spec: {
      gatewayType: "ingress", clusterIds, serviceType: "LoadBalancer", replicaCount: 1,
      ports: [{ name: "http-0", port: 80, targetPort: 80, protocol: "TCP" }, { name: "https-1", port: 443, targetPort: 443, protocol: "TCP" }],
      ...extraSpec,
    },
  });
}

export interface TlsPair { cert: string; key: string }

/** A self-signed certificate for `cn`, valid from now for `days` days (made in Node, no openssl needed). */
export function selfSigned(cn: string, days = 30): TlsPair {
  const notBefore = new Date(Date.now() - 60_000);
  const { certPem, keyPem } = issueCertificate({ commonName: cn, notBefore, notAfter: new Date(notBefore.getTime() + days * 86_400_000) });
  return { cert: certPem, key: keyPem };
}

/**
 * One in-process emulator per test file (instant profile), reset before each test; `onReady` receives it
 * and a client once it listens.
 */
export function useEmulator(onReady: (emu: EmulatorHandle, client: AsmTestClient) => void): void {
  let emu: EmulatorHandle | undefined;
  beforeAll(async () => {
    emu = await createEmulator({ strictParams: true });
    onReady(emu, new AsmTestClient(emu));
  });
  afterAll(() => emu?.close());
  beforeEach(() => emu?.control.reset());
}

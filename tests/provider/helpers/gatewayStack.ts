// Test setup for the gateway family (ASMGateway, GatewaySecret, GatewayRoute): a running mesh
// with clusters attached and, when asked, an ingress gateway on them, made with raw API calls so
// these tests do not depend on the ServiceMesh/ClusterAttachment providers.
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, type EmulatorHandle } from "../../../emulator";
import { AsmClient, OpenApiTransport } from "../../../provider/api";
import { istioGatewayApi } from "../../../provider/kube";

export const PRIMARY = EMULATOR_CLUSTERS.primary.clusterId;
export const SECONDARY = EMULATOR_CLUSTERS.secondary.clusterId;

export function rawClient(emulator: EmulatorHandle): AsmClient {
  return new AsmClient(new OpenApiTransport({ endpoint: emulator.endpoint, protocol: "HTTP", regionId: DEFAULT_REGION, credentials: emulator.credentials }));
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) if (await check()) return;
  throw new Error(`${what}: not reached after 50 polls`);
}

/** A running mesh with the given clusters attached. */
export async function runningMesh(client: AsmClient, clusterIds: string[] = [PRIMARY]): Promise<string> {
  const { ServiceMeshId } = await client.call("CreateServiceMesh", { RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]) });
  const running = async () => (await client.call("DescribeServiceMeshDetail", { ServiceMeshId })).ServiceMesh.ServiceMeshInfo.State === "running";
  await until(`mesh ${ServiceMeshId} running`, running);
  for (const ClusterId of clusterIds) {
    await client.call("AddClusterIntoServiceMesh", { ServiceMeshId, ClusterId });
    await until(`cluster ${ClusterId} attached`, running);
  }
  return ServiceMeshId;
}

/** An ingress gateway in istio-system on the given clusters. */
export async function ingressGateway(client: AsmClient, meshId: string, name: string, clusterIds: string[] = [PRIMARY]): Promise<void> {
  const body = { apiVersion: "istio.alibabacloud.com/v1beta1", kind: "IstioGateway", metadata: { name, namespace: "istio-system" }, spec: { gatewayType: "ingress", clusterIds } };
  await client.call("CreateASMGateway", { ServiceMeshId: meshId, IstioGatewayName: name, Body: JSON.stringify(body) });
}

/** The live IstioGateway spec, read through the mesh's Kubernetes API. */
export async function liveGatewaySpec(client: AsmClient, meshId: string, name: string, namespace = "istio-system"): Promise<Record<string, unknown> | undefined> {
  const { Kubeconfig } = await client.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId });
  return (await istioGatewayApi(Kubeconfig!).get(namespace, name))?.spec;
}

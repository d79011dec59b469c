// The YAML quickstart (examples/quickstart-yaml) through the real CLI, the YAML language host
// (tools/bin/pulumi-language-yaml, built by scripts/bootstrap) and the native plugin pulumi-resource-asm against
// the emulator: the lifecycle a user runs, up, preview, refresh, destroy. The stack is configured exactly as
// docs/yaml.md tells a user: the plugin's asm:* keys (both credentials as secrets) and the project's own keys,
// no alicloud:* keys. The steps build on each other, as a user's commands on one stack do.
import * as fs from "node:fs";
import * as path from "node:path";
import { createEmulator, DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, type EmulatorHandle } from "../../emulator";
import { AsmClient, OpenApiTransport } from "../../provider/api";
import { istioGatewayApi } from "../../provider/kube";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";
import { PulumiStack, REPO_ROOT, TOOLS_BIN } from "./harness/pulumiCli";

const { primary, secondary } = EMULATOR_CLUSTERS;
const PROGRAM = path.join(REPO_ROOT, "examples", "quickstart-yaml");
const GATEWAY = "ingressgateway";
/** The key Pulumi marks secret values with in exported state. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const tls = issueCertificate({ commonName: "shop.example.com" });

let emulator: EmulatorHandle;
let api: AsmClient;
let stack: PulumiStack;
let meshId: string;
let tlsSecret: string;
const timings: string[] = [];

async function timed<T extends { ms: number }>(what: string, run: Promise<T>): Promise<T> {
  const r = await run;
  timings.push(`${what} ${r.ms} ms`);
  return r;
}

async function meshIds(): Promise<string[]> {
  return ((await api.call("DescribeServiceMeshes", {})).ServiceMeshes ?? []).map((m) => m.ServiceMeshInfo.ServiceMeshId);
}

beforeAll(async () => {
  emulator = await createEmulator({ profile: "instant", strictParams: true });
  api = new AsmClient(new OpenApiTransport({
    endpoint: emulator.endpoint, protocol: "HTTP", regionId: DEFAULT_REGION, credentials: emulator.credentials,
  }));
  // Polling and retry delays shrink tenfold; deadlines stay as configured.
  stack = await PulumiStack.create({ programDir: PROGRAM, stackName: "e2e-yaml", env: { ASM_WAIT_SCALE: "0.1" } });
  await stack.setConfig({
    "asm:endpoint": emulator.endpoint, "asm:protocol": "HTTP", "asm:region": DEFAULT_REGION,
    "quickstart:vpcId": DEFAULT_VPC, "quickstart:vSwitchId": DEFAULT_VSWITCH, "quickstart:tlsCert": tls.certPem,
  });
  await stack.setConfig({
    "asm:accessKey": emulator.credentials.accessKeyId, "asm:secretKey": emulator.credentials.accessKeySecret,
    "quickstart:tlsKey": tls.keyPem,
  }, { secret: true });
  // A list-typed key of the project (type: array in Pulumi.yaml) is set element by element.
  for (const [i, c] of [primary, secondary].entries()) {
    await stack.run(["config", "set", "--path", `quickstart:clusterIds[${i}]`, "--plaintext"], { input: c.clusterId });
  }
});

afterAll(async () => {
  await stack?.destroy().catch(() => undefined);
  await stack?.dispose();
  await emulator?.close();
  console.log(`YAML quickstart through the CLI: ${timings.join(", ")}`);
});

describe("the YAML quickstart through the YAML language host and the native plugin", () => {
  it("runs on the YAML language host that bootstrap installed in tools/bin", () => {
    expect(fs.statSync(path.join(TOOLS_BIN, "pulumi-language-yaml")).mode & 0o111).not.toBe(0);
  });

  it("up creates the mesh on both clusters, the gateway, its TLS secret and the three routes the program declares", async () => {
    await timed("up", stack.up());
    const out = await stack.outputs();
    meshId = String(out.meshId);
    tlsSecret = String(out.tlsSecret);
    expect(out.meshState).toBe("running");
    expect(out.clusters).toEqual([primary.name, secondary.name]);
    expect(tlsSecret).toMatch(/^shop-tls-[0-9a-f]{8}$/);
    expect(out.gatewayId).toBe(`${meshId}:istio-system:${GATEWAY}`);

    expect(await meshIds()).toEqual([meshId]);
    const { ServiceMesh } = await api.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
    expect(ServiceMesh.ServiceMeshInfo.Name).toBe("quickstart");
    expect([...(ServiceMesh.Clusters ?? [])].sort()).toEqual([primary.clusterId, secondary.clusterId].sort());
    expect(ServiceMesh.Spec?.MeshConfig?.Tracing).toBe(true);
    const { TagResources } = await api.call("ListTagResources", { RegionId: DEFAULT_REGION, ResourceType: "servicemesh", ResourceId: [meshId] });
    // The provider's own bookkeeping tags (asm-pulumi:*) sit beside the program's.
    const declared = (TagResources ?? []).filter((t) => !t.TagKey.startsWith("asm-pulumi:"));
    expect(declared.map((t) => `${t.TagKey}=${t.TagValue}`).sort()).toEqual(["env=demo", "team=platform"]);

    const kubeconfig = (await api.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId })).Kubeconfig;
    const gateway = await istioGatewayApi(String(kubeconfig)).get("istio-system", GATEWAY);
    expect(gateway?.spec).toMatchObject({ gatewayType: "ingress", clusterIds: [primary.clusterId, secondary.clusterId], replicaCount: 2 });

    const { GatewaySecretDetails } = await api.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect(GatewaySecretDetails?.map((s) => [s.SecretName, s.State])).toEqual([[tlsSecret, "normal"]]);
    const { ManagementRoutes } = await api.call("DescribeIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect(ManagementRoutes?.map((r) => r.RouteName).sort()).toEqual(["cart", "legacy-redirect", "storefront"]);
    const cart = await api.call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, RouteName: "cart" });
    const split = (cart.RouteDetail?.RouteDestinations as { Weight?: number; Destination?: { Subset?: string } }[])
      .map((d) => `${d.Destination?.Subset}:${d.Weight}`);
    expect(split).toEqual(["v1:90", "v2:10"]);

    const types = ((await stack.exportState()).deployment.resources ?? []).map((r) => r.type).sort();
    expect(types).toEqual([
      "asm:index:ASMGateway", "asm:index:ClusterAttachment", "asm:index:ClusterAttachment",
      "asm:index:GatewayRoute", "asm:index:GatewayRoute", "asm:index:GatewayRoute",
      "asm:index:GatewaySecret", "asm:index:ServiceMesh", "pulumi:providers:asm", "pulumi:pulumi:Stack",
    ]);
  });

  it("a preview right after up shows no changes", async () => {
    expect((await timed("preview", stack.preview(["--expect-no-changes"]))).code).toBe(0);
  });

  it("keeps the TLS key, the access key secret and the mesh kubeconfig out of the state in clear", async () => {
    const { Kubeconfig } = await api.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId });
    expect(Kubeconfig).toBeTruthy();
    const backend = stack.backendText();
    expect(backend).not.toContain("PRIVATE KEY");
    expect(backend).not.toContain(tls.keyPem.split("\n")[1]);
    expect(backend).not.toContain(emulator.credentials.accessKeySecret);
    expect(backend).not.toContain(String(Kubeconfig));
    const resources = (await stack.exportState()).deployment.resources ?? [];
    const secretShape = expect.objectContaining({ [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
    const secret = resources.find((r) => r.type === "asm:index:GatewaySecret");
    expect(secret?.inputs?.key).toEqual(secretShape);
    expect(secret?.outputs?.key).toEqual(secretShape);
    expect(resources.find((r) => r.type === "asm:index:ServiceMesh")?.outputs?.kubeconfig).toEqual(secretShape);
    expect(resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs?.kubeconfig).toEqual(secretShape);
  });

  it("refresh finds the emulator as declared and a preview after it still shows no changes", async () => {
    const r = await timed("refresh", stack.refresh());
    expect(r.stdout).toMatch(/9 unchanged/);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("destroy deletes everything: no mesh left in the emulator and no resource left in the state", async () => {
    await timed("destroy", stack.destroy());
    expect(await meshIds()).toEqual([]);
    expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
  });
});

// ASMGateway, GatewaySecret and GatewayRoute through the real Pulumi engine against the emulator: a mesh, an
// attachment, an ingress gateway, its TLS secret and three routes, driven through the commands a user runs.
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { istioGatewayApi } from "../../provider/kube";
import { changedFields, plannedChanges, parseUrn, type PreviewJson } from "../../cli/previewSteps";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";

const CLUSTER = EMULATOR_CLUSTERS.primary.clusterId;
const GATEWAY = "ingressgateway";
const tls = issueCertificate({ commonName: "e2e.example.com" });
/** The key Pulumi marks secret values with in exported state. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

let env: EmulatorStack;
let meshId: string;

const changes = (p: PreviewJson) => plannedChanges(p).map((c) => `${c.name}:${c.op}`).sort();

async function route(name: string) {
  return env.api.call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, RouteName: name });
}

async function liveGatewaySpec(): Promise<Record<string, unknown> | undefined> {
  const { Kubeconfig } = await env.api.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId });
  return (await istioGatewayApi(Kubeconfig!).get("istio-system", GATEWAY))?.spec as Record<string, unknown> | undefined;
}

beforeAll(async () => {
  env = await emulatorStack({
    program: "gateway-stack",
    config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER, "e2e:tlsCert": tls.certPem },
  });
  await env.stack.setConfig({ "e2e:tlsKey": tls.keyPem }, { secret: true });
  // The stricter case for drift: the control plane writes the CRD's documented defaults into the object.
  env.emulator.control.setGatewayDefaults(true);
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("a stack with a gateway, a TLS secret and three routes", () => {
  it("up creates the gateway custom resource, a normal secret on every cluster and the routes", async () => {
    await env.stack.up();
    const out = await env.stack.outputs();
    meshId = String(out.meshId);
    expect(out.secretState).toBe("normal");
    expect(await liveGatewaySpec()).toMatchObject({ gatewayType: "ingress", clusterIds: [CLUSTER], replicaCount: 2 });
    const { GatewaySecretDetails } = await env.api.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect(GatewaySecretDetails?.map((s) => [s.SecretName, s.State])).toEqual([["e2e-tls", "normal"]]);
    const { ManagementRoutes } = await env.api.call("DescribeIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect(ManagementRoutes?.map((r) => r.RouteName).sort()).toEqual(["api", "docs", "web"]);
  });

  it("a preview right after up shows no changes and calls neither the OpenAPI nor the Kubernetes API", async () => {
    env.emulator.control.clearRequests();
    const preview = await env.stack.previewJson();
    expect(changes(preview)).toEqual([]);
    expect(preview.changeSummary).toEqual({ same: 8 });
    expect(env.emulator.control.requests()).toEqual([]);
    expect(env.emulator.control.kubeRequests()).toEqual([]);
  });

  it("a preview --refresh right after up shows no changes although the control plane filled in spec defaults", async () => {
    expect(await liveGatewaySpec()).toMatchObject({ externalTrafficPolicy: "Cluster" });
    const preview = await env.stack.previewJson(["--refresh"]);
    expect(changes(preview)).toEqual([]);
  });

  it("stores the certificate and the key only as secrets and leaks no key material into the state file", async () => {
    const state = env.stack.backendText();
    expect(state).not.toContain("PRIVATE KEY");
    expect(state).not.toContain(env.emulator.credentials.accessKeySecret);
    const { deployment } = await env.stack.exportState();
    const secret = deployment.resources?.find((r) => r.type === "pulumi-nodejs:dynamic/asm:GatewaySecret");
    const isSecret = (v: unknown) => typeof v === "object" && v !== null && SECRET_SIG in v;
    expect([secret?.inputs?.cert, secret?.inputs?.key, secret?.outputs?.cert, secret?.outputs?.key].every(isSecret)).toBe(true);
  });

  it("a route weight change previews as an update of that route only and applies", async () => {
    await env.stack.setConfig({ "e2e:canaryWeight": "30" });
    const preview = await env.stack.previewJson();
    expect(changes(preview)).toEqual(["api:update"]);
    const api = (preview.steps ?? []).find((s) => parseUrn(s.urn).name === "api")!;
    expect(changedFields(api)).toEqual(["destinations"]);
    await env.stack.up();
    const destinations = (await route("api")).RouteDetail?.RouteDestinations as { Weight?: number; Destination?: { Subset?: string } }[];
    const weights = destinations.map((d) => [d.Destination?.Subset, d.Weight]);
    expect(weights).toEqual([["stable", 70], ["canary", 30]]);
  });

  it("reports a route deleted out of band on refresh and restores it on up", async () => {
    env.emulator.control.mutate.deleteRoute(meshId, GATEWAY, "docs");
    await env.stack.refresh();
    expect(changes(await env.stack.previewJson())).toEqual(["docs:create"]);
    await env.stack.up();
    expect((await route("docs")).RouteDetail?.RouteName).toBe("docs");
  });

  it("detects gateway spec drift with preview --refresh and corrects it on up", async () => {
    env.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", GATEWAY, { replicaCount: 5 });
    const preview = await env.stack.previewJson(["--refresh"]);
    expect(changes(preview)).toEqual(["ingress:update"]);
    const gw = (preview.steps ?? []).find((s) => parseUrn(s.urn).name === "ingress" && s.op === "update")!;
    expect(changedFields(gw)).toEqual(["replicaCount"]);
    await env.stack.up(["--refresh"]);
    expect((await liveGatewaySpec())?.replicaCount).toBe(2);
  });

  it("detects a control-plane default changed out of band, and up hands the key back to the control plane", async () => {
    env.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", GATEWAY, { externalTrafficPolicy: "Local" });
    const preview = await env.stack.previewJson(["--refresh"]);
    expect(changes(preview)).toEqual(["ingress:update"]);
    const gw = (preview.steps ?? []).find((s) => parseUrn(s.urn).name === "ingress" && s.op === "update")!;
    expect(changedFields(gw)).toEqual(["extraSpec"]);
    await env.stack.up(["--refresh"]);
    expect((await liveGatewaySpec())?.externalTrafficPolicy).toBe("Cluster");
    expect(changes(await env.stack.previewJson(["--refresh"]))).toEqual([]);
  });

  it("destroy leaves no custom resource, secret, route or mesh in the emulator", async () => {
    env.emulator.control.clearRequests();
    await env.stack.destroy();
    const counts = env.emulator.control.counts();
    expect(counts.DeleteGatewayRoute).toBe(3);
    expect(counts.DeleteGatewaySecret).toBe(1);
    expect(counts.DeleteServiceMesh).toBe(1);
    const { ServiceMeshes } = await env.api.call("DescribeServiceMeshes", {});
    expect(ServiceMeshes ?? []).toEqual([]);
  });
});

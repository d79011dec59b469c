// Every TypeScript example under examples/ (and the root quickstart stack) is a real Pulumi project; each is
// deployed here through the real CLI against the emulator, exercised the way its header comment tells users to,
// and destroyed. The YAML one, examples/quickstart-yaml, runs on the YAML language host and the native plugin,
// with a lifecycle of its own: yamlQuickstart.test.ts.
import * as path from "node:path";
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { plannedChanges, type PreviewJson } from "../../cli/previewSteps";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { REPO_ROOT } from "./harness/pulumiCli";

const { primary, secondary, tertiary } = EMULATOR_CLUSTERS;
const changes = (p: PreviewJson) => plannedChanges(p).map((c) => `${c.name}:${c.op}`).sort();

async function withStack(opts: Parameters<typeof emulatorStack>[0], body: (env: EmulatorStack) => Promise<void>): Promise<void> {
  const env = await emulatorStack(opts);
  try {
    await body(env);
  } finally {
    await env.stack.destroy().catch(() => undefined);
    await env.dispose();
  }
}

async function meshCount(env: EmulatorStack): Promise<number> {
  return ((await env.api.call("DescribeServiceMeshes", {})).ServiceMeshes ?? []).length;
}

describe("examples", () => {
  it("quickstart (the root stack) deploys, previews clean and destroys", async () => {
    const tls = issueCertificate({ commonName: "shop.example.com" });
    await withStack({
      programDir: REPO_ROOT,
      stackName: "e2e-quickstart",
      config: {
        "quickstart:vpcId": DEFAULT_VPC, "quickstart:vSwitchId": DEFAULT_VSWITCH,
        "quickstart:clusterIds": JSON.stringify([primary.clusterId, secondary.clusterId]), "quickstart:tlsCert": tls.certPem,
      },
    }, async (env) => {
      await env.stack.setConfig({ "quickstart:tlsKey": tls.keyPem }, { secret: true });
      await env.stack.up();
      const out = await env.stack.outputs();
      expect(out.meshState).toBe("running");
      expect(out.clusters).toEqual([primary.name, secondary.name]);
      expect(String(out.tlsSecret)).toMatch(/^shop-tls-[0-9a-f]{8}$/);
      expect((await env.stack.previewJson()).changeSummary).toEqual({ same: 9 });
      await env.stack.destroy();
      expect(await meshCount(env)).toBe(0);
    });
  });

  it("canary shifts traffic 0 → 10 → 50 → 100 as in-place updates of one route", async () => {
    await withStack({
      programDir: path.join(REPO_ROOT, "examples", "canary"),
      config: {
        "canary:vpcId": DEFAULT_VPC, "canary:vSwitchId": DEFAULT_VSWITCH,
        "canary:clusterIds": JSON.stringify([primary.clusterId, secondary.clusterId, tertiary.clusterId]),
      },
    }, async (env) => {
      await env.stack.up();
      const meshId = String((await env.stack.outputs()).meshId);
      const weights = async () => {
        const detail = await env.api.call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: meshId, IstioGatewayName: "canary-ingress", RouteName: "checkout" });
        return (detail.RouteDetail?.RouteDestinations as { Weight?: number; Destination?: { Subset?: string } }[]).map((d) => `${d.Destination?.Subset}:${d.Weight ?? 100}`);
      };
      expect(await weights()).toEqual(["stable:100"]);
      for (const [w, expected] of [["10", ["stable:90", "canary:10"]], ["50", ["stable:50", "canary:50"]], ["100", ["canary:100"]]] as const) {
        await env.stack.setConfig({ "canary:weight": w });
        expect(changes(await env.stack.previewJson())).toEqual(["checkout:update"]);
        await env.stack.up();
        expect(await weights()).toEqual(expected);
      }
    });
  });

  it("cert-rotation replaces the secret create-before-delete, so the gateway is never without a certificate", async () => {
    const certA = issueCertificate({ commonName: "secure.example.com" });
    const certB = issueCertificate({ commonName: "secure.example.com" });
    await withStack({ programDir: path.join(REPO_ROOT, "examples", "cert-rotation") }, async (env) => {
      // The mesh is managed elsewhere: make one through the API, as another team's stack would.
      const { ServiceMeshId: meshId } = await env.api.call("CreateServiceMesh", { RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]) });
      const running = async () => (await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId })).ServiceMesh.ServiceMeshInfo.State === "running";
      while (!(await running())) { /* instant profile: running on the next read */ }
      await env.api.call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: primary.clusterId });
      while (!(await running())) { /* as above */ }
      await env.stack.setConfig({ "rotation:meshId": meshId, "rotation:clusterIds": JSON.stringify([primary.clusterId]), "rotation:tlsCert": certA.certPem });
      await env.stack.setConfig({ "rotation:tlsKey": certA.keyPem }, { secret: true });
      await env.stack.up();
      const first = String((await env.stack.outputs()).secretName);

      await env.stack.setConfig({ "rotation:tlsCert": certB.certPem });
      await env.stack.setConfig({ "rotation:tlsKey": certB.keyPem }, { secret: true });
      expect(changes(await env.stack.previewJson())).toEqual(["tls:replace"]);
      env.emulator.control.clearRequests();
      await env.stack.up();
      const second = String((await env.stack.outputs()).secretName);
      expect(second).not.toBe(first);
      const writes = env.emulator.control.requests().filter((r) => /^(Create|Delete)GatewaySecret$/.test(r.action)).map((r) => r.action);
      expect(writes).toEqual(["CreateGatewaySecret", "DeleteGatewaySecret"]);
      const { GatewaySecretDetails } = await env.api.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: "tls-ingress" });
      expect(GatewaySecretDetails?.map((s) => [s.SecretName, s.State])).toEqual([[second, "normal"]]);
    });
  });
});

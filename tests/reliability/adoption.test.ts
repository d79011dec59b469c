// Adoption through the real CLI (the bad-input program declares whatever the stack config lists, with the
// inputs exactly as given, so a mesh without `name` is what a user's `new ServiceMesh("prod", {adoptId, ...})`
// sends): a mesh made outside Pulumi keeps its live name, the next preview shows no change, also once adoptId
// is removed; a create-only input that differs from the live object fails the `up` and changes nothing.
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH } from "../../emulator";
import type { AsmClient } from "../../provider/api";
import { emulatorStack, type EmulatorStack } from "../e2e/harness/emulatorStack";
import { ingressGateway, runningMesh } from "../provider/helpers/gatewayStack";

let env: EmulatorStack;

const WRITES = /^(Create|Modify|Update|Upgrade|Tag|Untag|Delete|Add|Remove)/;
const writes = () => Object.keys(env.emulator.control.counts()).filter((a) => WRITES.test(a));
const network = { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] };

async function declare(cases: Array<{ id: string; kind: string; inputs: Record<string, unknown> }>): Promise<void> {
  await env.stack.setConfig({ "bad:cases": JSON.stringify(cases) });
}

/** A running mesh named console-mesh, made with raw API calls as the console would. */
async function consoleMesh(api: AsmClient): Promise<string> {
  const { ServiceMeshId } = await api.call("CreateServiceMesh", {
    RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Name: "console-mesh", Edition: "Pro",
  });
  for (let i = 0; i < 50; i++) {
    if ((await api.call("DescribeServiceMeshDetail", { ServiceMeshId })).ServiceMesh.ServiceMeshInfo.State === "running") break;
  }
  return ServiceMeshId;
}

/** The emulator's records without read-side bookkeeping: a read makes a new object visible (modelled lazily), which changes nothing. */
function records(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(records);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "visibility").map(([k, v]) => [k, records(v)]));
}

const meshName = async (id: string) => (await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh.ServiceMeshInfo.Name;

beforeEach(async () => {
  env = await emulatorStack({ program: "bad-input", stackName: "adoption" });
});

afterEach(async () => {
  await env?.dispose();
});

describe("adopting existing objects with pulumi up", () => {
  it("adopts a mesh declared without a name: it keeps its live name, and the next preview shows no change, also without adoptId", async () => {
    const id = await consoleMesh(env.api);
    await declare([{ id: "prod", kind: "ServiceMesh", inputs: { adoptId: id, network, edition: "Pro" } }]);
    env.emulator.control.clearRequests();
    await env.stack.up();
    expect(await meshName(id)).toBe("console-mesh");
    expect(writes()).toEqual([]);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
    await env.stack.refresh();
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
    await declare([{ id: "prod", kind: "ServiceMesh", inputs: { network, edition: "Pro" } }]);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(await meshName(id)).toBe("console-mesh");
  });

  it("refuses to adopt a mesh whose region differs from the declared regionId, naming both, and changes nothing", async () => {
    const id = await consoleMesh(env.api);
    await declare([{ id: "prod", kind: "ServiceMesh", inputs: { adoptId: id, network, regionId: "cn-beijing" } }]);
    const before = records(env.emulator.control.state());
    env.emulator.control.clearRequests();
    const r = await env.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toContain("regionId: declared cn-beijing, live cn-hangzhou");
    expect(writes()).toEqual([]);
    expect(records(env.emulator.control.state())).toEqual(before);
  });

  it("refuses to adopt a route into another namespace than its live one, naming both, and leaves the route as it was", async () => {
    const meshId = await runningMesh(env.api);
    await ingressGateway(env.api, meshId, "ingressgateway");
    const wire = { RouteName: "reviews", Namespace: "shop", Domains: ["demo.example.com"], RouteDestinations: [{ Destination: { Host: "reviews.shop.svc.cluster.local" } }] };
    await env.api.call("CreateIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: "ingressgateway", GatewayRoute: JSON.stringify(wire) });
    await declare([{
      id: "reviews", kind: "GatewayRoute",
      inputs: { meshId, gatewayName: "ingressgateway", routeName: "reviews", namespace: "partners", destinations: [{ host: "reviews.shop.svc.cluster.local" }], adopt: true },
    }]);
    const before = records(env.emulator.control.state());
    env.emulator.control.clearRequests();
    const r = await env.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toContain("namespace: declared partners, live shop");
    expect(writes()).toEqual([]);
    expect(records(env.emulator.control.state())).toEqual(before);
  });
});

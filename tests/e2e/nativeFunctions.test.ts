// The native plugin's functions through the real Pulumi CLI: a TypeScript program calls getServiceMeshes and
// getVersions in their plain and Output forms (asm-pulumi's `native`), the engine runs them in
// pulumi-resource-asm, and the stack's outputs are what the emulator reports. A bad filter fails the run
// with the plugin's words naming the filter.
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, PROFILE_TRANSITIONS } from "../../emulator";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";

const MESH_NAME = "fn-mesh";

let env: EmulatorStack;
let running: string;
let creating: string;
let other: string;

async function createMesh(name: string): Promise<string> {
  const { ServiceMeshId } = await env.api.call("CreateServiceMesh", { RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Name: name });
  return ServiceMeshId;
}

beforeAll(async () => {
  env = await emulatorStack({ nativePlugin: true, program: "native-functions", stackName: "functions", config: { "e2e:meshName": MESH_NAME } });
  running = await createMesh(MESH_NAME);
  other = await createMesh("other-mesh");
  // Instant profile: the second detail read sees a mesh running.
  for (const id of [running, other]) for (let i = 0; i < 2; i++) await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: id });
  // A second mesh of the same name whose create takes ten minutes: the state filter tells the two apart.
  env.emulator.control.setTransitions("ServiceMesh:create", { afterMs: 600_000 });
  creating = await createMesh(MESH_NAME);
});

afterAll(async () => {
  env?.emulator.control.setTransitions("ServiceMesh:create", PROFILE_TRANSITIONS.instant["ServiceMesh:create"]);
  await env?.dispose();
});

type Mesh = { meshId: string; name: string; state: string; version?: string; regionId?: string; network?: { vpcId?: string; vSwitchIds?: string[] } };

describe("a program calling the plugin's functions", () => {
  let outputs: Record<string, unknown>;

  beforeAll(async () => {
    const r = await env.stack.up();
    outputs = await env.stack.outputs();
    console.log(`native functions: up of a program with five invokes took ${r.ms} ms`);
  });

  it("gets the meshes of a name with the plain form, as DescribeServiceMeshes lists them", async () => {
    const { ServiceMeshes } = await env.api.call("DescribeServiceMeshes", {});
    const live = (ServiceMeshes ?? []).filter((m) => m.ServiceMeshInfo.Name === MESH_NAME);
    const got = outputs.byName as Mesh[];
    expect(got.map((m) => m.meshId)).toEqual([running, creating]);
    expect(got.map((m) => [m.meshId, m.name, m.state, m.version, m.regionId, m.network?.vpcId, m.network?.vSwitchIds])).toEqual(
      live.map((m) => [m.ServiceMeshInfo.ServiceMeshId, m.ServiceMeshInfo.Name, m.ServiceMeshInfo.State, m.ServiceMeshInfo.Version, m.ServiceMeshInfo.RegionId, m.Spec?.Network?.VpcId, m.Spec?.Network?.VSwitches]),
    );
    expect(got.map((m) => m.state)).toEqual(["running", "initial"]);
  });

  it("narrows by name and state with the Output form, from an Input argument", () => {
    expect((outputs.runningByName as Mesh[]).map((m) => m.meshId)).toEqual([running]);
  });

  it("lists every mesh without a filter", async () => {
    const { ServiceMeshes } = await env.api.call("DescribeServiceMeshes", {});
    expect(outputs.all).toEqual((ServiceMeshes ?? []).map((m) => m.ServiceMeshInfo.ServiceMeshId));
    expect(outputs.all).toEqual([running, other, creating]);
  });

  it("gets the versions per edition with the plain form, and one edition's with the Output form", async () => {
    const { VersionInfo } = await env.api.call("DescribeVersions", {});
    expect(outputs.editions).toEqual((VersionInfo ?? []).map((v) => ({ edition: v.Edition, versions: v.Versions })));
    expect(outputs.proVersions).toEqual((VersionInfo ?? []).find((v) => v.Edition === "Pro")?.Versions);
  });
});

describe("a bad filter", () => {
  it("fails the preview with the plugin's reason naming the filter", async () => {
    await env.stack.setConfig({ "e2e:state": "Running" });
    const r = await env.stack.preview().catch((e: { result: { code: number; stdout: string; stderr: string } }) => e.result);
    await env.stack.setConfig({ "e2e:state": "running" });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      `Invoke of 'asm:index:getServiceMeshes' failed: "Running" is not valid; expected a state in lower case as the API reports it, such as running or initial (state)`,
    );
  });
});

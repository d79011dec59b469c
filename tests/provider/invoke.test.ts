// The native plugin's Invoke against the emulator, through the gRPC service the engine calls: each function
// answers what the API reports, narrowed by its filters; a bad filter is a failure naming it, before any API
// call; an unknown token is an error naming the functions there are.
import type { ServiceError } from "@grpc/grpc-js";
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, PROFILE_TRANSITIONS } from "../../emulator";
import { fromStruct } from "../../provider/plugin/marshal";
import { secret, startPluginHarness, type PluginHarness } from "./helpers/pluginHarness";

let h: PluginHarness;
let prod: string;
let creating: string;

type Mesh = { meshId: string; name: string; state: string; [field: string]: unknown };

async function meshesFor(args: Record<string, unknown>): Promise<Mesh[]> {
  const res = await h.invoke("asm:index:getServiceMeshes", args);
  expect(res.getFailuresList().map((f) => f.toObject())).toEqual([]);
  return fromStruct(res.getReturn()).props.meshes as Mesh[];
}

async function createMesh(name: string): Promise<string> {
  const { ServiceMeshId } = await h.api.call("CreateServiceMesh", { RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Name: name });
  return ServiceMeshId;
}

beforeAll(async () => {
  h = await startPluginHarness();
  prod = await createMesh("prod");
  // Instant profile: the second detail read sees the mesh running.
  for (let i = 0; i < 2; i++) await h.api.call("DescribeServiceMeshDetail", { ServiceMeshId: prod });
  await h.api.call("TagResources", { RegionId: DEFAULT_REGION, ResourceType: "servicemesh", ResourceId: [prod], Tag: [{ Key: "team", Value: "mesh" }] });
  // A create that takes ten minutes keeps the second mesh in `initial` for the whole file.
  h.emulator.control.setTransitions("ServiceMesh:create", { afterMs: 600_000 });
  creating = await createMesh("dev");
});
afterAll(async () => {
  h.emulator.control.setTransitions("ServiceMesh:create", PROFILE_TRANSITIONS.instant["ServiceMesh:create"]);
  await h?.stop();
});

describe("getServiceMeshes through the plugin", () => {
  it("lists every mesh with what DescribeServiceMeshes reports of it", async () => {
    const meshes = await meshesFor({});
    expect(meshes.map((m) => [m.meshId, m.name, m.state])).toEqual([[prod, "prod", "running"], [creating, "dev", "initial"]]);
    const { ServiceMeshes } = await h.api.call("DescribeServiceMeshes", {});
    const live = (ServiceMeshes ?? [])[0];
    expect(meshes[0]).toEqual(expect.objectContaining({
      version: live.ServiceMeshInfo.Version, regionId: DEFAULT_REGION, edition: live.ServiceMeshInfo.Profile, clusterSpec: live.ClusterSpec,
      network: expect.objectContaining({ vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] }),
      endpoints: expect.objectContaining({ intranetApiServer: live.Endpoints?.IntranetApiServerEndpoint }),
      tags: [{ key: "team", value: "mesh" }],
      clusters: [],
      upgradable: live.Upgradable,
    }));
  });

  it("narrows the list by name, by id and by state, each alone and together", async () => {
    const ids = async (args: Record<string, unknown>) => (await meshesFor(args)).map((m) => m.meshId);
    expect(await ids({ name: "dev" })).toEqual([creating]);
    expect(await ids({ meshId: prod })).toEqual([prod]);
    expect(await ids({ state: "initial" })).toEqual([creating]);
    expect(await ids({ state: "running", name: "prod" })).toEqual([prod]);
  });

  it("answers an empty list when no mesh matches", async () => {
    expect(await meshesFor({ name: "no-such-mesh" })).toEqual([]);
    expect(await meshesFor({ state: "running", name: "dev" })).toEqual([]);
  });

  it("fails a bad filter naming it, with no API call", async () => {
    h.emulator.control.clearRequests();
    const res = await h.invoke("asm:index:getServiceMeshes", { state: "Running", nmae: "prod" });
    expect(res.getFailuresList().map((f) => f.toObject())).toEqual([
      { property: "nmae", reason: "nmae is not an argument of getServiceMeshes; it takes name, meshId and state" },
      { property: "state", reason: '"Running" is not valid; expected a state in lower case as the API reports it, such as running or initial' },
    ]);
    expect(res.getReturn()).toBeUndefined();
    expect(h.emulator.control.counts().DescribeServiceMeshes ?? 0).toBe(0);
  });

  it("keeps a result secret when a filter was given as a secret", async () => {
    const res = await h.invoke("asm:index:getServiceMeshes", { name: secret("prod") });
    const { props, secrets } = fromStruct(res.getReturn());
    expect([...secrets]).toEqual(["meshes"]);
    expect((props.meshes as Mesh[]).map((m) => m.meshId)).toEqual([prod]);
  });
});

describe("getVersions through the plugin", () => {
  it("answers each edition with the versions DescribeVersions reports", async () => {
    const { VersionInfo } = await h.api.call("DescribeVersions", {});
    const res = await h.invoke("asm:index:getVersions", {});
    expect(fromStruct(res.getReturn()).props).toEqual({ editions: (VersionInfo ?? []).map((v) => ({ edition: v.Edition, versions: v.Versions })) });
    expect((VersionInfo ?? []).length).toBeGreaterThan(0);
  });

  it("narrows to one edition, and fails one the API does not report, naming those it does", async () => {
    const pro = fromStruct((await h.invoke("asm:index:getVersions", { edition: "Pro" })).getReturn()).props.editions as { edition: string }[];
    expect(pro.map((e) => e.edition)).toEqual(["Pro"]);
    const res = await h.invoke("asm:index:getVersions", { edition: "Ultimate" });
    expect(res.getFailuresList().map((f) => f.toObject())).toEqual([{ property: "edition", reason: 'the API reports no edition "Ultimate"; it reports Default and Pro' }]);
  });
});

describe("an unknown function", () => {
  it("is an error naming the functions the plugin serves", async () => {
    const err = await h.invoke("asm:index:getMeshes", {}).then(() => undefined, (e: ServiceError) => e);
    expect(err?.details).toBe("asm: unknown function asm:index:getMeshes; this plugin serves asm:index:getServiceMeshes, asm:index:getVersions");
  });
});

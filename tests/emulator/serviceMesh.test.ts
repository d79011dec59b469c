import { createEmulator, type EmulatorHandle } from "../../emulator";
import { AsmTestClient, type Algorithm } from "./client";
import { meshArgs, PRIMARY, readUntil, runningMesh } from "./fixtures";

describe.each<Algorithm>(["ACS3-HMAC-SHA256", "v2"])("ServiceMesh actions signed with %s", (algorithm) => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  beforeAll(async () => {
    emu = await createEmulator();
    c = new AsmTestClient(emu, algorithm);
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.control.reset());

  it("creates a mesh that reads initial once, then running, with the create parameters reflected", async () => {
    const created = await c.call("CreateServiceMesh", meshArgs({ Name: "shop", Tracing: true, Edition: "Pro", Tag: [{ Key: "env", Value: "dev" }] }));
    const id = created.ServiceMeshId as string;
    expect(id).toMatch(/^c[0-9a-f]{32}$/);
    expect(typeof created.RequestId).toBe("string");
    const first = (await c.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh as Record<string, Record<string, unknown>>;
    expect(first.ServiceMeshInfo.State).toBe("initial");
    const mesh = (await c.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep wire shape
    expect(mesh.ServiceMeshInfo).toMatchObject({ ServiceMeshId: id, Name: "shop", State: "running", Profile: "Pro", RegionId: "cn-hangzhou" });
    expect(mesh.Spec.Network).toMatchObject({ VpcId: "vpc-emu-default", VSwitches: ["vsw-emu-default-a"] });
    expect(mesh.Spec.MeshConfig.Tracing).toBe(true);
    expect(mesh.Clusters).toEqual([]);
  });

  it("lists meshes with tags and filters by tag", async () => {
    const a = await runningMesh(c, [], { Tag: [{ Key: "team", Value: "a" }] });
    await runningMesh(c, [], { Tag: [{ Key: "team", Value: "b" }] });
    const all = (await c.call("DescribeServiceMeshes")).ServiceMeshes as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep wire shape
    expect(all).toHaveLength(2);
    const filtered = (await c.call("DescribeServiceMeshes", { Tag: [{ Key: "team", Value: "a" }] })).ServiceMeshes as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep wire shape
    expect(filtered.map((m) => m.ServiceMeshInfo.ServiceMeshId)).toEqual([a]);
    expect(filtered[0].Tag).toEqual([{ Key: "team", Value: "a" }]);
  });

  it("renames a running mesh", async () => {
    const id = await runningMesh(c);
    await c.call("ModifyServiceMeshName", { ServiceMeshId: id, Name: "renamed" });
    const mesh = await readUntil(c, id, "running");
    expect((mesh.ServiceMeshInfo as Record<string, unknown>).Name).toBe("renamed");
  });

  it("puts the mesh in updating on UpdateMeshFeature and refuses a second change until it settles", async () => {
    const id = await runningMesh(c);
    await c.call("UpdateMeshFeature", { ServiceMeshId: id, Tracing: true, TraceSampling: 50, OutboundTrafficPolicy: "REGISTRY_ONLY" });
    const busy = await c.fail("UpdateMeshFeature", { ServiceMeshId: id, Tracing: false });
    expect([busy.code, busy.statusCode]).toEqual(["Conflict.MeshNotRunning", 409]);
    await readUntil(c, id, "updating", 1);
    const mesh = await readUntil(c, id, "running", 1) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep wire shape
    expect(mesh.Spec.MeshConfig).toMatchObject({ Tracing: true, OutboundTrafficPolicy: "REGISTRY_ONLY" });
    expect(mesh.Spec.MeshConfig.Pilot.TraceSampling).toBe(50);
  });

  it("changes the control-plane log collection through UpdateControlPlaneLogConfig, passing through updating", async () => {
    const id = await runningMesh(c);
    const missing = await c.fail("UpdateControlPlaneLogConfig", { ServiceMeshId: id, Project: "mesh-logs" });
    expect([missing.code, missing.statusCode]).toEqual(["MissingParameter", 400]);
    expect(missing.message).toContain('"Enabled"');
    await c.call("UpdateControlPlaneLogConfig", { ServiceMeshId: id, Enabled: true, Project: "mesh-logs", LogTTLInDay: 14 });
    await readUntil(c, id, "updating", 1);
    const mesh = await readUntil(c, id, "running", 1) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep wire shape
    expect(mesh.Spec.MeshConfig.ControlPlaneLogInfo).toEqual({ Enabled: true, Project: "mesh-logs", LogTTL: 14 });
  });

  it("rejects a wrong type and names the parameter", async () => {
    const id = await runningMesh(c);
    const e = await c.fail("UpdateMeshFeature", { ServiceMeshId: id, Tracing: "sometimes" });
    expect([e.code, e.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(e.message).toContain('"Tracing"');
  });

  it("rejects a create without VSwitches, naming it", async () => {
    const e = await c.fail("CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default" });
    expect([e.code, e.statusCode]).toEqual(["MissingParameter", 400]);
    expect(e.message).toContain('"VSwitches"');
  });

  it("rejects VSwitches that are not a JSON array", async () => {
    const e = await c.fail("CreateServiceMesh", meshArgs({ VSwitches: "vsw-1" }));
    expect([e.code, e.statusCode]).toEqual(["InvalidParameter", 400]);
  });

  it("deletes a mesh: deleting on one read, then ServiceMesh.NotFound", async () => {
    const id = await runningMesh(c);
    await c.call("DeleteServiceMesh", { ServiceMeshId: id });
    await readUntil(c, id, "deleting", 1);
    const gone = await c.fail("DescribeServiceMeshDetail", { ServiceMeshId: id });
    expect([gone.code, gone.statusCode]).toEqual(["ServiceMesh.NotFound", 404]);
  });

  it("refuses to delete a mesh with clusters unless Force, and Force releases the clusters", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    const e = await c.fail("DeleteServiceMesh", { ServiceMeshId: id });
    expect([e.code, e.statusCode]).toEqual(["ErrorPermitted.ClustersNotEmpty", 400]);
    await c.call("DeleteServiceMesh", { ServiceMeshId: id, Force: true, RetainResources: JSON.stringify(["lb-1"]) });
    const other = await runningMesh(c, [PRIMARY]);
    expect(other).not.toBe(id);
  });

  it("answers ServiceMesh.NotFound for an unknown mesh on every mesh action", async () => {
    for (const action of ["DescribeServiceMeshDetail", "ModifyServiceMeshName", "DeleteServiceMesh", "DescribeServiceMeshKubeconfig"]) {
      const rename = action === "ModifyServiceMeshName" ? { Name: "x" } : {};
      const e = await c.fail(action, { ServiceMeshId: "c00000000000000000000000000000000", ...rename });
      expect([action, e.code, e.statusCode]).toEqual([action, "ServiceMesh.NotFound", 404]);
    }
  });

  it("returns a kubeconfig that points at the mesh's Kubernetes API with a per-mesh token", async () => {
    const a = await runningMesh(c);
    const b = await runningMesh(c);
    const ka = (await c.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: a })).Kubeconfig as string;
    const kb = (await c.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: b })).Kubeconfig as string;
    expect(ka).toContain(`server: ${emu.url}/k8s/${a}`);
    const token = (k: string) => /token: (\S+)/.exec(k)?.[1];
    expect(token(ka)).toBeDefined();
    expect(token(ka)).not.toBe(token(kb));
  });

  it("tags, lists and untags a mesh", async () => {
    const id = await runningMesh(c);
    await c.call("TagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id], Tag: [{ Key: "k1", Value: "v1" }, { Key: "k2", Value: "v2" }] });
    const listed = (await c.call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id] })).TagResources;
    expect(listed).toEqual([
      { ResourceId: id, ResourceType: "servicemesh", TagKey: "k1", TagValue: "v1" },
      { ResourceId: id, ResourceType: "servicemesh", TagKey: "k2", TagValue: "v2" },
    ]);
    await c.call("UntagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id], TagKey: ["k1"] });
    const after = (await c.call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id] })).TagResources as unknown[];
    expect(after).toHaveLength(1);
    const reserved = await c.fail("TagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id], Tag: [{ Key: "acs:x", Value: "v" }] });
    expect([reserved.code, reserved.statusCode]).toEqual(["InvalidParameter.Tag", 400]);
  });

  it("upgrades to the next version through upgrading, and reports upgrade status", async () => {
    const id = await runningMesh(c);
    const versions = (await c.call("DescribeVersions")).VersionInfo as { Versions: string[] }[];
    const next = ((await c.call("DescribeUpgradeVersion", { ServiceMeshId: id })).Version as Record<string, string>).IstioVersion;
    expect(versions[0].Versions).toContain(next);
    await c.call("UpgradeMeshVersion", { ServiceMeshId: id });
    const status = (await c.call("DescribeServiceMeshUpgradeStatus", { ServiceMeshId: id })).UpgradeDetail as Record<string, unknown>;
    expect(status.MeshStatus).toBe("upgrading");
    const mesh = await readUntil(c, id, "running");
    expect((mesh.ServiceMeshInfo as Record<string, unknown>).Version).toBe(next);
    const none = await c.fail("UpgradeMeshVersion", { ServiceMeshId: id });
    expect([none.code, none.statusCode]).toEqual(["Conflict.NoUpgradeAvailable", 409]);
  });

  it("switches the edition to Pro with UpgradeMeshEditionPartially", async () => {
    const id = await runningMesh(c);
    await c.call("UpgradeMeshEditionPartially", { ServiceMeshId: id, SwitchToPro: true, ASMGatewayContinue: true });
    const mesh = await readUntil(c, id, "running");
    expect((mesh.ServiceMeshInfo as Record<string, unknown>).Profile).toBe("Pro");
  });

  it("reports a failed mesh with its ErrorMessage and allows deleting it", async () => {
    const id = await runningMesh(c);
    emu.control.failMesh(id, "control plane crashed");
    const mesh = await readUntil(c, id, "failed", 1);
    expect((mesh.ServiceMeshInfo as Record<string, unknown>).ErrorMessage).toBe("control plane crashed");
    const e = await c.fail("ModifyServiceMeshName", { ServiceMeshId: id, Name: "x" });
    expect(e.code).toBe("Conflict.MeshNotRunning");
    await c.call("DeleteServiceMesh", { ServiceMeshId: id });
  });
});

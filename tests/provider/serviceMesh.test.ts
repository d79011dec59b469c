import type * as pulumi from "@pulumi/pulumi";
import { EMULATOR_CLUSTERS, OTHER_VPC } from "../../emulator";
import { setStackConfig } from "../../provider/config";
import { ResourceInitError } from "../../provider/framework";
import { meshInputs } from "./helpers/fixtures";
import { startHarness, type Harness } from "./helpers/providerHarness";

type Props = Record<string, unknown>;
let h: Harness;
let mesh: pulumi.dynamic.ResourceProvider;

beforeAll(async () => {
  h = await startHarness();
  mesh = h.provider("ServiceMesh");
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

async function checked(news: Props): Promise<Props> {
  const res = await mesh.check!({}, news);
  expect(res.failures ?? []).toEqual([]);
  return res.inputs as Props;
}

async function createMesh(overrides: Props = {}): Promise<{ id: string; inputs: Props; outs: Props }> {
  const inputs = await checked(meshInputs(overrides));
  const { id, outs } = await mesh.create(inputs);
  return { id, inputs, outs: outs as Props };
}

describe("ServiceMesh happy path", () => {
  it("creates a running mesh, reads it back without drift, updates in place and deletes it", async () => {
    const { id, inputs, outs } = await createMesh({ tracing: { enabled: false }, tags: { team: "a" } });
    expect(outs).toMatchObject({ meshId: id, state: "running", clusters: [] });
    expect(typeof outs.kubeconfig).toBe("string");
    expect(outs.endpoints).toMatchObject({ intranetApiServer: expect.any(String) });

    const refreshed = await mesh.read!(id, outs);
    expect(refreshed.id).toBe(id);
    expect(await mesh.diff!(id, refreshed.props, inputs)).toMatchObject({ changes: false, replaces: [] });

    const news = await checked({ ...inputs, name: `${inputs.name}-renamed`, tracing: { enabled: true, sampling: 50 }, tags: { team: "b" } });
    const diff = await mesh.diff!(id, outs, news);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const updated = (await mesh.update!(id, outs, news)).outs as Props;
    expect(updated).toMatchObject({ name: `${inputs.name}-renamed`, state: "running" });
    const counts = h.emulator.control.counts();
    expect([counts.ModifyServiceMeshName, counts.UpdateMeshFeature, counts.TagResources]).toEqual([1, 1, 1]);

    const after = await mesh.read!(id, updated);
    expect(after.inputs).toMatchObject({ name: `${inputs.name}-renamed`, tracing: { enabled: true, sampling: 50 } });

    await mesh.delete!(id, updated);
    expect((await mesh.read!(id, updated)).id).toBeFalsy();
  });

  it("creates a mesh that sets the retired features.globalRateLimit without sending it, warning at check, and a change of it is no change", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      // The strict emulator would refuse a GlobalRateLimitEnabled parameter: the create succeeding says none was sent.
      const { id, inputs, outs } = await createMesh({ features: { globalRateLimit: true } });
      expect(outs).toMatchObject({ meshId: id, state: "running" });
      expect(await mesh.diff!(id, outs, await checked({ ...inputs, features: { globalRateLimit: false } }))).toMatchObject({ changes: false, replaces: [] });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("features.globalRateLimit has no effect and is not sent"));
    } finally {
      warn.mockRestore();
    }
  });

  it("switches the edition from Default to Pro in place with UpgradeMeshEditionPartially, and never back", async () => {
    const { id, inputs, outs } = await createMesh({ edition: "Default" });
    const pro = await checked({ ...inputs, edition: "Pro" });
    expect(await mesh.diff!(id, outs, pro)).toMatchObject({ changes: true, replaces: [] });
    h.emulator.control.clearRequests();
    const updated = (await mesh.update!(id, outs, pro)).outs as Props;
    expect(h.emulator.control.counts()).toMatchObject({ UpgradeMeshEditionPartially: 1 });
    const read = await mesh.read!(id, updated);
    expect(read.inputs).toMatchObject({ edition: "Pro" });
    expect(await mesh.diff!(id, read.props, pro)).toMatchObject({ changes: false });
    expect(await mesh.diff!(id, read.props, { ...pro, edition: "Default" })).toMatchObject({ changes: true, replaces: ["edition"] });
  });

  it("turns control-plane logs on in place with one UpdateControlPlaneLogConfig call, and reads them back for drift", async () => {
    const { id, inputs, outs } = await createMesh();
    const news = await checked({ ...inputs, controlPlaneLog: { enabled: true, project: "mesh-logs" } });
    expect(await mesh.diff!(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    h.emulator.control.clearRequests();
    const updated = (await mesh.update!(id, outs, news)).outs as Props;
    expect(h.emulator.control.counts()).toMatchObject({ UpdateControlPlaneLogConfig: 1 });
    expect(h.emulator.control.counts().UpdateMeshFeature).toBeUndefined();
    const read = await mesh.read!(id, updated);
    expect(read.inputs).toMatchObject({ controlPlaneLog: { enabled: true, project: "mesh-logs" } });
    expect(await mesh.diff!(id, read.props, news)).toMatchObject({ changes: false });
    h.emulator.control.mutate.setFeature(id, "ControlPlaneLogEnabled", false); // switched off in the console
    expect((await mesh.read!(id, updated)).inputs).toMatchObject({ controlPlaneLog: { enabled: false } });
  });

  it("replaces on a create-only change and reports which property forces it", async () => {
    // Pro → Default has no in-place path (only Default → Pro has: see the edition test below).
    const { id, inputs, outs } = await createMesh({ edition: "Pro" });
    const diff = await mesh.diff!(id, outs, { ...inputs, edition: "Default", network: { vpcId: OTHER_VPC, vSwitchIds: ["vsw-x"] } });
    expect(diff.replaces).toEqual(["network", "edition"]);
  });

  it("upgrades the version in place through UpgradeMeshEditionPartially", async () => {
    const { id, inputs, outs } = await createMesh();
    const target = "v1.22.6.71-g2e3b70de-aliyun";
    const updated = (await mesh.update!(id, outs, { ...inputs, istioVersion: target, upgradeGateways: true })).outs as Props;
    expect(updated.version).toBe(target);
    expect(h.emulator.control.counts().UpgradeMeshEditionPartially).toBe(1);
  });

  it("refuses invalid inputs in check with the field, the problem and what is allowed", async () => {
    const res = await mesh.check!({}, { name: "m", network: { vSwitchIds: ["vsw-1"] }, edition: "Ultra", kiali: { enabled: true } });
    expect(res.failures).toEqual([
      { property: "network.vpcId", reason: "required; give the VPC id (vpc-...) the mesh runs in" },
      { property: "edition", reason: '"Ultra" is not allowed; use one of Default, Pro' },
    ]);
    const rule = await mesh.check!({}, meshInputs({ kiali: { enabled: true } }));
    expect(rule.failures).toEqual([{ property: "prometheus.enabled", reason: "Kiali needs Prometheus; set prometheus.enabled: true or turn kiali off" }]);
  });
});

describe("ServiceMesh failures", () => {
  it("fails fast with the API's ErrorMessage and keeps the id when the mesh goes failed during create", async () => {
    h.emulator.control.addFault({ match: { action: "CreateServiceMesh" }, effect: { type: "failResource", message: "quota exceeded for SLB" }, times: 1 });
    const started = Date.now();
    const err = (await mesh.create(await checked(meshInputs())).catch((e: unknown) => e)) as ResourceInitError;
    expect(err).toBeInstanceOf(ResourceInitError);
    expect(err.id).toMatch(/^c/);
    expect(err.message).toContain("quota exceeded for SLB");
    expect(err.properties.meshId).toBe(err.id);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rides out a throttling storm on reads and writes", async () => {
    h.emulator.control.addFault({ match: { action: "DescribeServiceMeshDetail" }, effect: { type: "throttle" }, times: 4 });
    h.emulator.control.addFault({ match: { action: "UpdateMeshFeature" }, effect: { type: "throttle" }, times: 2 });
    const { id, inputs, outs } = await createMesh();
    const updated = (await mesh.update!(id, outs, { ...inputs, tracing: { enabled: true } })).outs as Props;
    expect(updated.state).toBe("running");
    const throttled = h.emulator.control.requests().filter((r) => r.code === "Throttling.User");
    expect(throttled).toHaveLength(6);
  });

  it.each(["lostResponse", "drop"] as const)("creates exactly one mesh when CreateServiceMesh meets %s", async (type) => {
    h.emulator.control.addFault({ match: { action: "CreateServiceMesh" }, effect: { type }, times: 1 });
    const { id, inputs } = await createMesh();
    const res = h.emulator.control.requests().filter((r) => r.action === "CreateServiceMesh");
    expect(res).toHaveLength(type === "drop" ? 2 : 1);
    const state = h.emulator.control.state() as { meshes?: Record<string, { name: string }> } & Record<string, unknown>;
    const named = JSON.stringify(state).split(`"${inputs.name}"`).length - 1;
    expect(named).toBe(1);
    expect(id).toMatch(/^c/);
    const expected = type === "drop" ? /live state shows no change; sending it again/ : /live state shows the change was applied: c/;
    expect(h.logs.some((line) => expected.test(line))).toBe(true);
  });

  it("refuses at once to delete a mesh with clusters this stack does not manage, naming them", async () => {
    const { id, outs } = await createMesh();
    h.emulator.control.clearRequests();
    await h.provider("ClusterAttachment").create({ meshId: id, clusterId: EMULATOR_CLUSTERS.primary.clusterId });
    const err = (await mesh.delete!(id, outs).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(EMULATOR_CLUSTERS.primary.clusterId);
    expect(err.message).toMatch(/does not manage/);
    expect(h.emulator.control.counts().DeleteServiceMesh ?? 0).toBe(0);
  });
});

describe("ServiceMesh waiting", () => {
  it("times out at the timeouts.create deadline with a partial-state error naming the last state", async () => {
    h.emulator.control.setTransitions("ServiceMesh:create", { afterReads: 1_000_000 });
    const err = (await mesh.create(await checked(meshInputs({ timeouts: { create: "1s" } }))).catch((e: unknown) => e)) as ResourceInitError;
    expect(err).toBeInstanceOf(ResourceInitError);
    expect(err.message).toMatch(/^c\w+: timed out after 1s waiting for ServiceMesh c\w+ to reach running; last seen: initial; observed: initial×\d+$/);
  });

  it("returns from delete only once the API reports the mesh gone, logging progress on the way", async () => {
    const { id, outs } = await createMesh();
    h.emulator.control.setTransitions("ServiceMesh:delete", { afterReads: 3 });
    h.emulator.control.clearRequests();
    await mesh.delete!(id, outs);
    const last = h.emulator.control.requests().at(-1);
    expect(last).toMatchObject({ action: "DescribeServiceMeshDetail", code: "ServiceMesh.NotFound" });
    // Progress lines shorten the 33-character id to its first 8 characters.
    expect(h.logs).toContain(`ServiceMesh ${id.slice(0, 8)}…: deleting (0s elapsed)`);
  });
});

describe("ServiceMesh credentials", () => {
  afterEach(async () => {
    // Restore the harness's configuration for the tests that follow.
    await h.stop();
    h = await startHarness();
    mesh = h.provider("ServiceMesh");
  });

  it("fails fast on unknown credentials with what to check, never echoing the secret", async () => {
    setStackConfig((key) => ({ "alicloud:accessKey": "LTAIwrongkey", "alicloud:secretKey": "very-secret-value", "alicloud:region": "cn-hangzhou" })[key]);
    const started = Date.now();
    const err = (await mesh.create(await checked(meshInputs())).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/InvalidAccessKeyId/);
    expect(err.message).toMatch(/Check the credentials \(alicloud:accessKey/);
    expect(err.message).not.toContain("very-secret-value");
    // One rejected call, no retries, and nothing created.
    expect(h.emulator.control.counts().DescribeServiceMeshes).toBe(1);
    expect(h.emulator.control.counts().CreateServiceMesh ?? 0).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("ServiceMesh refresh and adoption", () => {
  it("reports a rename and a flipped feature made out of band", async () => {
    const { id, inputs, outs } = await createMesh({ tracing: { enabled: false } });
    h.emulator.control.mutate.renameMesh(id, "renamed-in-console");
    h.emulator.control.mutate.setFeature(id, "Tracing", true);
    const refreshed = await mesh.read!(id, outs);
    expect(refreshed.inputs).toMatchObject({ name: "renamed-in-console", tracing: { enabled: true } });
    const diff = await mesh.diff!(id, refreshed.props, inputs);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    // The next `up` puts the declared values back.
    const restored = (await mesh.update!(id, refreshed.props, inputs)).outs as Props;
    const again = await mesh.read!(id, restored);
    expect(again.inputs).toMatchObject({ name: inputs.name, tracing: { enabled: false } });
    expect(await mesh.diff!(id, again.props, inputs)).toMatchObject({ changes: false });
  });

  it("reports SDS, gateway configuration filtering and the Gateway API switched off out of band, and the next up restores them", async () => {
    const features = { sdsServer: true, filterGatewayClusterConfig: true, gatewayApi: true };
    const { id, inputs, outs } = await createMesh({ features });
    for (const option of ["EnableSDSServer", "FilterGatewayClusterConfig", "GatewayAPIEnabled"]) h.emulator.control.mutate.setFeature(id, option, false);
    const refreshed = await mesh.read!(id, outs);
    expect(refreshed.inputs).toMatchObject({ features: { sdsServer: false, filterGatewayClusterConfig: false, gatewayApi: false } });
    expect(await mesh.diff!(id, refreshed.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    const restored = (await mesh.update!(id, refreshed.props, inputs)).outs as Props;
    const again = await mesh.read!(id, restored);
    expect(again.inputs).toMatchObject({ features });
    expect(await mesh.diff!(id, again.props, inputs)).toMatchObject({ changes: false });
  });

  it("reads the locality configuration back from the structure the API files it under, keeping the program's spelling while equal", async () => {
    const spaced = '{ "failover": [ { "from": "cn-hangzhou", "to": "cn-shanghai" } ] }';
    const { id, inputs, outs } = await createMesh({ localityLoadBalancing: { enabled: true, config: spaced } });
    const first = await mesh.read!(id, outs);
    expect(first.inputs).toMatchObject({ localityLoadBalancing: { config: spaced } });
    expect(await mesh.diff!(id, first.props, inputs)).toMatchObject({ changes: false });
    // Switched to cross-region distribution in the console: reported under Distribute, and shown as drift.
    const distribute = { distribute: [{ from: "cn-beijing", to: { "cn-beijing": 70, "cn-hangzhou": 30 } }] };
    h.emulator.control.mutate.setFeature(id, "LocalityLBConf", JSON.stringify(distribute));
    const drifted = await mesh.read!(id, first.props);
    expect(JSON.parse(((drifted.inputs as Props).localityLoadBalancing as Props).config as string)).toEqual(distribute);
    expect(await mesh.diff!(id, drifted.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    const restored = (await mesh.update!(id, drifted.props, inputs)).outs as Props;
    const again = await mesh.read!(id, restored);
    expect(await mesh.diff!(id, again.props, inputs)).toMatchObject({ changes: false });
  });

  it("reads tags changed out of band (ListTagResources) and the next up puts the declared ones back", async () => {
    const { id, inputs, outs } = await createMesh({ tags: { team: "platform" } });
    h.emulator.control.mutate.setTag(id, "team", "someone-else");
    h.emulator.control.mutate.setTag(id, "owner", "console-user");
    h.emulator.control.mutate.setTag(id, "acs:system", "set-by-the-cloud"); // the cloud's own: never drift
    const refreshed = await mesh.read!(id, outs);
    expect(refreshed.inputs).toMatchObject({ tags: { team: "someone-else", owner: "console-user" } });
    expect((refreshed.inputs as Props).tags).not.toHaveProperty("acs:system");
    expect(await mesh.diff!(id, refreshed.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    const restored = (await mesh.update!(id, refreshed.props, inputs)).outs as Props;
    const again = await mesh.read!(id, restored);
    expect((again.inputs as Props).tags).toEqual({ team: "platform" });
    expect(await mesh.diff!(id, again.props, inputs)).toMatchObject({ changes: false });
  });

  it("shows tags added out of band to a mesh declared without tags, and leaves an untagged mesh's tags unset", async () => {
    const { id, inputs, outs } = await createMesh();
    expect((await mesh.read!(id, outs)).inputs).not.toHaveProperty("tags");
    h.emulator.control.mutate.setTag(id, "owner", "console-user");
    const refreshed = await mesh.read!(id, outs);
    expect((refreshed.inputs as Props).tags).toEqual({ owner: "console-user" });
    expect(await mesh.diff!(id, refreshed.props, inputs)).toMatchObject({ changes: true });
    const restored = (await mesh.update!(id, refreshed.props, inputs)).outs as Props;
    expect((await mesh.read!(id, restored)).inputs).not.toHaveProperty("tags");
  });

  it("drops a mesh deleted out of band from state", async () => {
    const { id, outs } = await createMesh();
    h.emulator.control.mutate.deleteMesh(id);
    expect((await mesh.read!(id, outs)).id).toBeFalsy();
  });

  it("adopts an existing mesh by id without creating one, applying declared in-place settings", async () => {
    const { id, inputs } = await createMesh();
    h.emulator.control.clearRequests();
    const adopted = await mesh.create({ ...inputs, adoptId: id, tracing: { enabled: true } });
    expect(adopted.id).toBe(id);
    const counts = h.emulator.control.counts();
    expect(counts.CreateServiceMesh ?? 0).toBe(0);
    expect(counts.UpdateMeshFeature).toBe(1);
  });

  // Explorer seed 620117 step 353: an adopted mesh whose program stopped declaring regionId (the region it is
  // in) was replaced, deleting the mesh the program had adopted.
  it("keeps an adopted mesh, and a created one, when the program stops declaring the region it is in", async () => {
    for (const adopt of [true, false]) {
      // A created mesh declares its region from the start here: one created without it and declaring it later
      // is still replaced, since its state does not say which region the default was then (see the note on issue 13).
      const { id, inputs, outs } = await createMesh(adopt ? {} : { regionId: "cn-hangzhou" });
      const base = adopt ? { ...inputs, adoptId: id } : (({ regionId: _r, ...rest }) => rest)(inputs);
      const adopted = adopt ? (await mesh.create(await checked(base))).outs as Props : outs;
      const declared = await checked({ ...base, regionId: "cn-hangzhou" });
      expect([adopt, await mesh.diff!(id, adopted, declared)]).toEqual([adopt, expect.objectContaining({ changes: false })]);
      // An update records the declared region; the program then drops it again.
      const tagged = await checked({ ...base, regionId: "cn-hangzhou", tags: { team: "a" } });
      const withRegion = (await mesh.update!(id, adopted, tagged)).outs as Props;
      const undeclared = await checked({ ...base, tags: { team: "a" } });
      expect([adopt, await mesh.diff!(id, withRegion, undeclared)]).toEqual([adopt, expect.objectContaining({ changes: false, replaces: [] })]);
      // Declaring another region still moves the mesh, which only a new mesh can.
      expect((await mesh.diff!(id, withRegion, await checked({ ...base, regionId: "cn-beijing" }))).replaces).toEqual(["regionId"]);
    }
  });

  it("refuses to adopt a mesh whose network differs from the program", async () => {
    const { id, inputs } = await createMesh();
    const err = (await mesh.create({ ...inputs, adoptId: id, network: { vpcId: OTHER_VPC, vSwitchIds: ["vsw-other"] } }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^adoptId: ServiceMesh c\w+ does not match the program \(network.vpcId: declared vpc-emu-other/);
  });
});

import type * as pulumi from "@pulumi/pulumi";
import { EMULATOR_CLUSTERS } from "../../emulator";
import { runIdleWork } from "../../provider/framework";
import { meshInputs } from "./helpers/fixtures";
import { rawClient } from "./helpers/gatewayStack";
import { startHarness, type Harness } from "./helpers/providerHarness";

type Props = Record<string, unknown>;
let h: Harness;
let attachments: pulumi.dynamic.ResourceProvider;
const { primary, secondary, tertiary, withIstioSystem, otherVpc } = EMULATOR_CLUSTERS;

beforeAll(async () => {
  h = await startHarness();
  attachments = h.provider("ClusterAttachment");
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

async function newMesh(): Promise<string> {
  const meshProvider = h.provider("ServiceMesh");
  const inputs = (await meshProvider.check!({}, meshInputs())).inputs;
  return (await meshProvider.create(inputs)).id;
}

async function attach(meshId: string, clusterId: string, extra: Props = {}): Promise<{ id: string; outs: Props }> {
  const res = await attachments.check!({}, { meshId, clusterId, ...extra });
  expect(res.failures ?? []).toEqual([]);
  const { id, outs } = await attachments.create(res.inputs);
  return { id, outs: outs as Props };
}

async function attachedClusters(meshId: string): Promise<string[]> {
  const read = await h.provider("ServiceMesh").read!(meshId, {});
  return [...((read.props as Props).clusters as string[])].sort();
}

describe("ClusterAttachment", () => {
  it("attaches a cluster with id <meshId>:<clusterId>, reads it and detaches it", async () => {
    const meshId = await newMesh();
    const { id, outs } = await attach(meshId, primary.clusterId);
    expect(id).toBe(`${meshId}:${primary.clusterId}`);
    expect(outs).toMatchObject({ clusterName: primary.name, clusterState: "running" });
    const read = await attachments.read!(id, outs);
    expect(read.inputs).toEqual({ meshId, clusterId: primary.clusterId });
    expect(await attachments.diff!(id, read.props, { meshId, clusterId: primary.clusterId })).toMatchObject({ changes: false });
    await attachments.delete!(id, outs);
    expect(await attachedClusters(meshId)).toEqual([]);
  });

  it("attaches three clusters to one mesh in parallel, retrying the mesh's busy conflict", async () => {
    const meshId = await newMesh();
    // Each change keeps the mesh `updating` for a few reads, so concurrent adds really collide.
    h.emulator.control.setTransitions("ServiceMesh:update", { afterReads: 3 });
    const ids = [primary, secondary, tertiary].map((c) => c.clusterId);
    await Promise.all(ids.map((c) => attach(meshId, c)));
    expect(await attachedClusters(meshId)).toEqual([...ids].sort());
    const conflicts = h.emulator.control.requests().filter((r) => r.code === "Conflict.MeshNotRunning");
    expect(conflicts.length).toBeGreaterThan(0);
    expect(h.emulator.control.counts().AddClusterIntoServiceMesh).toBe(3 + conflicts.filter((r) => r.action === "AddClusterIntoServiceMesh").length);
  });

  it("sends a queued attachment's change as soon as any read shows the mesh free, not on its own timer", async () => {
    const meshId = await newMesh();
    h.emulator.control.setTransitions("ServiceMesh:update", { afterMs: 300 });
    // Real poll delays, stretched: the mesh's schedule retries a queued write 1.6–1.8 s × SCALE after the
    // conflict, so only a shared read can settle it sooner, and a loaded machine's lag (tenths of a second)
    // cannot blur the two.
    const SCALE = 2;
    const scale = process.env.ASM_WAIT_SCALE;
    process.env.ASM_WAIT_SCALE = String(SCALE);
    runIdleWork(Infinity); // the process's one-time warm-up would otherwise stall the first long sleep's start
    try {
      h.emulator.control.clearRequests();
      const first = attach(meshId, primary.clusterId);
      await new Promise((r) => setTimeout(r, 50));
      const second = attach(meshId, secondary.clusterId); // meets the busy mesh and queues
      await new Promise((r) => setTimeout(r, 600));
      await h.provider("ServiceMesh").read!(meshId, {}); // someone else reads the mesh: it is running again
      await first;
      await second;
      const adds = h.emulator.control.requests().filter((r) => r.action === "AddClusterIntoServiceMesh");
      const conflict = adds.find((r) => r.code === "Conflict.MeshNotRunning");
      const accepted = adds.filter((r) => r.status === 200);
      expect(conflict).toBeDefined();
      expect(accepted).toHaveLength(2);
      // The emulator's own timestamps: the queued add went out before its own first retry was due.
      expect(Date.parse(accepted[1].time) - Date.parse(conflict!.time)).toBeLessThan(1_600 * SCALE);
    } finally {
      process.env.ASM_WAIT_SCALE = scale;
    }
    expect(await attachedClusters(meshId)).toEqual([primary.clusterId, secondary.clusterId].sort());
  });

  it("detaches one cluster without touching the others", async () => {
    const meshId = await newMesh();
    const first = await attach(meshId, primary.clusterId);
    await attach(meshId, secondary.clusterId);
    h.emulator.control.clearRequests();
    await attachments.delete!(first.id, first.outs);
    expect(await attachedClusters(meshId)).toEqual([secondary.clusterId]);
    expect(h.emulator.control.counts().RemoveClusterFromServiceMesh).toBe(1);
    expect(h.emulator.control.counts().AddClusterIntoServiceMesh ?? 0).toBe(0);
  });

  it("refuses an already-attached cluster unless adopt is set, then adopts it without adding", async () => {
    const meshId = await newMesh();
    await attach(meshId, primary.clusterId);
    await expect(attachments.create({ meshId, clusterId: primary.clusterId })).rejects.toThrow(
      `clusterId: ${primary.clusterId} is already attached to ServiceMesh ${meshId}; set adopt: true to manage the existing attachment`,
    );
    h.emulator.control.clearRequests();
    const adopted = await attach(meshId, primary.clusterId, { adopt: true });
    expect(adopted.id).toBe(`${meshId}:${primary.clusterId}`);
    expect(h.emulator.control.counts().AddClusterIntoServiceMesh ?? 0).toBe(0);
  });

  it("decides on a cluster attached moments ago, not yet listed, once the mesh has settled: adopt takes it, no adopt names the fix", async () => {
    const meshId = await newMesh();
    // An attach made in the console keeps the mesh updating for a while; the cluster is listed only after.
    h.emulator.control.setTransitions("ServiceMesh:update", { afterReads: 4 });
    await rawClient(h.emulator).call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: primary.clusterId });
    h.emulator.control.clearRequests();
    const adopted = await attach(meshId, primary.clusterId, { adopt: true });
    expect(adopted.id).toBe(`${meshId}:${primary.clusterId}`);
    // The add was sent while the mesh did not list the cluster yet, and refused: nothing was added twice.
    expect(h.emulator.control.requests().filter((r) => r.action === "AddClusterIntoServiceMesh" && r.status === 200)).toEqual([]);
    await rawClient(h.emulator).call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: secondary.clusterId });
    await expect(attachments.create({ meshId, clusterId: secondary.clusterId })).rejects.toThrow(
      `clusterId: ${secondary.clusterId} is already attached to ServiceMesh ${meshId}; set adopt: true to manage the existing attachment`,
    );
  });

  it("drops an attachment removed out of band on refresh, and the next create re-attaches it", async () => {
    const meshId = await newMesh();
    const { id, outs } = await attach(meshId, primary.clusterId);
    h.emulator.control.mutate.detachCluster(meshId, primary.clusterId);
    expect((await attachments.read!(id, outs)).id).toBeFalsy();
    await attach(meshId, primary.clusterId);
    expect(await attachedClusters(meshId)).toEqual([primary.clusterId]);
  });

  it("passes ignoreNamespaceCheck for a cluster that already has istio-system", async () => {
    const meshId = await newMesh();
    await expect(attachments.create({ meshId, clusterId: withIstioSystem.clusterId })).rejects.toThrow(/istio-system/);
    await attach(meshId, withIstioSystem.clusterId, { ignoreNamespaceCheck: true });
    expect(await attachedClusters(meshId)).toEqual([withIstioSystem.clusterId]);
  });

  it("surfaces the API's reason at once for a cluster in another VPC", async () => {
    const meshId = await newMesh();
    await expect(attachments.create({ meshId, clusterId: otherVpc.clusterId })).rejects.toThrow(/Forbidden.ClusterVpcMismatch/);
  });

  it("attaches exactly once when the AddClusterIntoServiceMesh response is lost", async () => {
    const meshId = await newMesh();
    h.emulator.control.addFault({ match: { action: "AddClusterIntoServiceMesh" }, effect: { type: "lostResponse" }, times: 1 });
    await attach(meshId, primary.clusterId);
    expect(await attachedClusters(meshId)).toEqual([primary.clusterId]);
    expect(h.emulator.control.counts().AddClusterIntoServiceMesh).toBe(1);
  });

  it("names the mesh when it does not exist", async () => {
    await expect(attachments.create({ meshId: "c0123456789abcdef0123456789abcdef", clusterId: primary.clusterId })).rejects.toThrow(
      "meshId: ServiceMesh c0123456789abcdef0123456789abcdef does not exist; give the id of an existing mesh",
    );
  });

  it("changes add/remove-time options in place and create-time ones by replacement", async () => {
    const meshId = await newMesh();
    const { id, outs } = await attach(meshId, primary.clusterId);
    const base = { meshId, clusterId: primary.clusterId };
    expect(await attachments.diff!(id, outs, { ...base, reserveNamespace: true })).toMatchObject({ changes: true, replaces: [] });
    expect(await attachments.diff!(id, outs, { ...base, discoveryOnly: true })).toMatchObject({ replaces: ["discoveryOnly"] });
    expect(await attachments.diff!(id, outs, { ...base, clusterId: secondary.clusterId })).toMatchObject({ replaces: ["clusterId"] });
    // Replacing detaches first: a cluster cannot be in two meshes at once.
    expect(await attachments.diff!(id, outs, { ...base, meshId: "c" + "f".repeat(32) })).toEqual({ changes: true, replaces: ["meshId"], deleteBeforeReplace: true });
  });
});

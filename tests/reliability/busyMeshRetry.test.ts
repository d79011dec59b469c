// Lost responses to mesh mutations, at the provider level: the transport repeats an idempotent
// write whose response was lost, and the repeat meets the mesh still busy with the change the first
// attempt started. The provider must read the mesh between attempts (which is how it learns that
// the mesh settled), not repeat the write alone until its deadline. Before that fix a destroy with
// a lost RemoveClusterFromServiceMesh response hung for the whole delete timeout.
import { PRIMARY, rawClient, runningMesh } from "../provider/helpers/gatewayStack";
import { startHarness, type Harness } from "../provider/helpers/providerHarness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(() => h.reset());

const actions = () => h.emulator.control.requests().map((r) => (r.code ? `${r.action}:${r.code}` : r.action));

describe("a mutation whose response was lost while the mesh turned busy", () => {
  it("detaching a cluster settles after one busy answer and finds the cluster gone", async () => {
    const meshId = await runningMesh(rawClient(h.emulator), [PRIMARY]);
    h.emulator.control.clearRequests();
    h.emulator.control.addFault({ match: { action: "RemoveClusterFromServiceMesh" }, effect: { type: "lostResponse" }, times: 1 });
    await h.provider("ClusterAttachment").delete!(`${meshId}:${PRIMARY}`, { meshId, clusterId: PRIMARY, timeouts: { delete: "30s" } });
    const removes = actions().filter((a) => a.startsWith("RemoveClusterFromServiceMesh"));
    expect(removes).toEqual(["RemoveClusterFromServiceMesh:ResponseLost", "RemoveClusterFromServiceMesh:Conflict.MeshNotRunning", "RemoveClusterFromServiceMesh:Cluster.NotInServiceMesh"]);
    const { ServiceMesh } = await rawClient(h.emulator).call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
    expect(ServiceMesh.Clusters ?? []).toEqual([]);
  });

  it("a feature update settles after one busy answer and leaves the mesh running with the change", async () => {
    const meshId = await runningMesh(rawClient(h.emulator), []);
    h.emulator.control.clearRequests();
    h.emulator.control.addFault({ match: { action: "UpdateMeshFeature" }, effect: { type: "lostResponse" }, times: 1 });
    const olds = { name: "busy-mesh", network: { vpcId: "vpc-emu-default", vSwitchIds: ["vsw-emu-default-a"] }, tracing: { enabled: false } };
    const news = { ...olds, tracing: { enabled: true } };
    await h.provider("ServiceMesh").update!(meshId, olds, news);
    // The repeat after the busy answer sends the same settings again, which is harmless.
    expect(actions().filter((a) => a.startsWith("UpdateMeshFeature"))).toEqual(["UpdateMeshFeature:ResponseLost", "UpdateMeshFeature:Conflict.MeshNotRunning", "UpdateMeshFeature"]);
    const { ServiceMesh } = await rawClient(h.emulator).call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
    expect([ServiceMesh.ServiceMeshInfo.State, ServiceMesh.Spec?.MeshConfig?.Tracing]).toEqual(["running", true]);
  });
});

import { createEmulator, EMULATOR_CLUSTERS } from "../../emulator";
import { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, readUntil, runningMesh, SECONDARY, useEmulator } from "./fixtures";

describe("cluster attachment", () => {
  let c: AsmTestClient;
  useEmulator((_emu, client) => {
    c = client;
  });

  it("adds a cluster: the mesh goes updating, and the cluster is listed once it is running again", async () => {
    const id = await runningMesh(c);
    const added = await c.call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    expect(added).toMatchObject({ Code: "200", Message: "success" });
    const during = await readUntil(c, id, "updating", 1);
    expect(during.Clusters).toEqual([]);
    const after = await readUntil(c, id, "running", 1);
    expect(after.Clusters).toEqual([PRIMARY]);
    const inMesh = (await c.call("DescribeClustersInServiceMesh", { ServiceMeshId: id })).Clusters as Record<string, unknown>[];
    expect(inMesh).toEqual([expect.objectContaining({ ClusterId: PRIMARY, VpcId: "vpc-emu-default", State: "running", Name: "ack-emu-primary" })]);
  });

  it("attaches a GuestCluster given at create time", async () => {
    const id = await runningMesh(c, [], { GuestCluster: SECONDARY });
    const mesh = await readUntil(c, id, "running");
    expect(mesh.Clusters).toEqual([SECONDARY]);
  });

  it.each([
    ["a cluster that does not exist", "c99999999999999999999999999999999", "Cluster.NotFound", 404],
    ["a cluster in another VPC", EMULATOR_CLUSTERS.otherVpc.clusterId, "Forbidden.ClusterVpcMismatch", 403],
    ["a cluster with an istio-system namespace", EMULATOR_CLUSTERS.withIstioSystem.clusterId, "Forbidden.IstioSystemExists", 403],
    ["a stopped cluster", EMULATOR_CLUSTERS.stopped.clusterId, "InvalidActiveState.ACK", 400],
  ])("refuses %s", async (_name, clusterId, code, status) => {
    const id = await runningMesh(c);
    const e = await c.fail("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: clusterId });
    expect([e.code, e.statusCode]).toEqual([code, status]);
  });

  it("adds the istio-system cluster when IgnoreNamespaceCheck is set", async () => {
    const id = await runningMesh(c);
    await c.call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: EMULATOR_CLUSTERS.withIstioSystem.clusterId, IgnoreNamespaceCheck: true });
    expect((await readUntil(c, id, "running")).Clusters).toEqual([EMULATOR_CLUSTERS.withIstioSystem.clusterId]);
  });

  it("refuses a cluster that is already in another mesh", async () => {
    const first = await runningMesh(c, [PRIMARY]);
    const second = await runningMesh(c);
    const e = await c.fail("AddClusterIntoServiceMesh", { ServiceMeshId: second, ClusterId: PRIMARY });
    expect([e.code, e.statusCode]).toEqual(["Forbidden.ClusterInMesh", 403]);
    expect(e.message).toContain(first);
  });

  it("refuses to add while the mesh is still initial", async () => {
    const id = (await c.call("CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["vsw-emu-default-a"]' })).ServiceMeshId;
    const e = await c.fail("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    expect([e.code, e.statusCode]).toEqual(["Conflict.MeshNotRunning", 409]);
  });

  it("removes a cluster after the mesh settles", async () => {
    const id = await runningMesh(c, [PRIMARY, SECONDARY]);
    await c.call("RemoveClusterFromServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    expect((await readUntil(c, id, "updating", 1)).Clusters).toEqual([PRIMARY, SECONDARY]);
    expect((await readUntil(c, id, "running", 1)).Clusters).toEqual([SECONDARY]);
    const e = await c.fail("RemoveClusterFromServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    expect([e.code, e.statusCode]).toEqual(["Cluster.NotInServiceMesh", 404]);
  });

  it("refuses to remove a cluster a gateway still runs on", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", Body: gatewayBody("ingressgateway", [PRIMARY]) });
    const e = await c.fail("RemoveClusterFromServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    expect([e.code, e.statusCode]).toEqual(["Conflict.ClusterInUse", 409]);
  });

  it("lists candidate clusters with ForbiddenFlag", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    const res = await c.call("DescribeServiceMeshClusters", { ServiceMeshId: id });
    const flags = Object.fromEntries((res.Clusters as Record<string, unknown>[]).map((x) => [x.ClusterId, x.ForbiddenFlag]));
    expect(flags).toEqual({
      [SECONDARY]: 0, [EMULATOR_CLUSTERS.tertiary.clusterId]: 0, [EMULATOR_CLUSTERS.otherVpc.clusterId]: 2,
      [EMULATOR_CLUSTERS.withIstioSystem.clusterId]: 4, [EMULATOR_CLUSTERS.stopped.clusterId]: 0,
    });
    expect(res.NumberOfClusters).toBe(5);
    const page = await c.call("DescribeServiceMeshClusters", { ServiceMeshId: id, Limit: 2, Offset: 1 });
    expect((page.Clusters as unknown[]).length).toBe(2);
  });

  it("seeds the clusters given in the options instead of the defaults", async () => {
    const custom = await createEmulator({ clusters: [{ clusterId: "cabc", name: "mine", vpcId: "vpc-x" }] });
    try {
      const cc = new AsmTestClient(custom);
      const id = await runningMesh(cc, ["cabc"], { VpcId: "vpc-x" });
      expect((await readUntil(cc, id, "running")).Clusters).toEqual(["cabc"]);
    } finally {
      await custom.close();
    }
  });
});

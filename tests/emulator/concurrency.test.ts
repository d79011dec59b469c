import { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, readUntil, runningMesh, useEmulator } from "./fixtures";

describe("concurrent mutating calls on one mesh", () => {
  let c: AsmTestClient;
  let mesh: string;
  useEmulator((_emu, client) => {
    c = client;
  });
  beforeEach(async () => {
    mesh = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: mesh, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
  });

  const settle = async <T>(calls: Promise<T>[]) => (await Promise.allSettled(calls)).map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code: string }).code));

  it("20 UpdateMeshFeature calls: exactly one wins, the rest get the retryable conflict", async () => {
    const results = await settle(Array.from({ length: 20 }, (_, i) => c.call("UpdateMeshFeature", { ServiceMeshId: mesh, TraceSampling: i + 1 })));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "Conflict.MeshNotRunning")).toHaveLength(19);
    const winner = results.indexOf("ok") + 1;
    const detail = await readUntil(c, mesh, "running") as { Spec: { MeshConfig: { Pilot: { TraceSampling: number } } } };
    expect(detail.Spec.MeshConfig.Pilot.TraceSampling).toBe(winner);
  });

  it("20 route creations with distinct names all land, and 20 with one name leave exactly one", async () => {
    const route = (name: string) => JSON.stringify({ RouteName: name, RouteDestinations: [{ Weight: 100, Destination: { Host: "svc" } }] });
    const distinct = await settle(Array.from({ length: 20 }, (_, i) =>
      c.call("CreateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw", GatewayRoute: route(`r${i}`) })));
    expect(distinct.every((r) => r === "ok")).toBe(true);
    const same = await settle(Array.from({ length: 20 }, () =>
      c.call("CreateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw", GatewayRoute: route("same") })));
    expect(same.filter((r) => r === "ok")).toHaveLength(1);
    expect(same.filter((r) => r === "Conflict.AlreadyExists")).toHaveLength(19);
    const list = (await c.call("DescribeIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw" })).ManagementRoutes as unknown[];
    expect(list).toHaveLength(21);
  });

  it("20 renames and tag writes interleaved leave one of the sent names and all tags", async () => {
    const calls = Array.from({ length: 20 }, (_, i) => i % 2 === 0
      ? c.call("ModifyServiceMeshName", { ServiceMeshId: mesh, Name: `name-${i}` })
      : c.call("TagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [mesh], Tag: [{ Key: `k${i}`, Value: "v" }] }));
    expect((await settle(calls)).every((r) => r === "ok")).toBe(true);
    const detail = await readUntil(c, mesh, "running") as { ServiceMeshInfo: { Name: string } };
    expect(Array.from({ length: 10 }, (_, i) => `name-${2 * i}`)).toContain(detail.ServiceMeshInfo.Name);
    const tags = (await c.call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [mesh] })).TagResources as unknown[];
    expect(tags).toHaveLength(10);
  });
});

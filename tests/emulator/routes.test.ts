import type { EmulatorHandle } from "../../emulator";
import { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, runningMesh, useEmulator } from "./fixtures";

const route = (name: string, extra: Record<string, unknown> = {}) => ({
  RouteName: name, RouteType: "HTTP", Namespace: "default", Domains: ["shop.example.com"],
  MatchRequest: { URI: { MatchingMode: "prefix", MatchingContent: "/reviews" } },
  RouteDestinations: [
    { Weight: 80, Destination: { Host: "reviews.default.svc.cluster.local", Subset: "v1", Port: { Number: 9080 } } },
    { Weight: 20, Destination: { Host: "reviews.default.svc.cluster.local", Subset: "v2", Port: { Number: 9080 } } },
  ],
  HTTPAdvancedOptions: { Timeout: "5s" },
  ...extra,
});

describe("GatewayRoute actions", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  let mesh: string;
  useEmulator((e, client) => {
    emu = e;
    c = client;
  });
  beforeEach(async () => {
    mesh = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: mesh, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
  });

  const create = (r: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    c.call("CreateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw", GatewayRoute: JSON.stringify(r), ...extra });
  const detail = (name: string) => c.call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: name });

  it("stores a route and returns it in the detail, with RawVSRoute as a JSON string", async () => {
    await create(route("reviews"), { Priority: 3, Status: 0, Description: "reviews split" });
    const d = await detail("reviews");
    expect(d).toMatchObject({ Namespace: "default", Priority: 3, Status: 0, Description: "reviews split" });
    const rd = d.RouteDetail as Record<string, unknown>;
    expect(rd).toMatchObject({ RouteName: "reviews", RouteType: "HTTP", Domains: ["shop.example.com"], HasUnsafeFeatures: false });
    expect(rd.RouteDestinations).toEqual(route("reviews").RouteDestinations);
    const vs = JSON.parse(rd.RawVSRoute as string) as Record<string, unknown>;
    expect(vs).toMatchObject({ name: "reviews", match: [{ uri: { prefix: "/reviews" } }], timeout: "5s" });
    expect(vs.route).toEqual([
      { destination: { host: "reviews.default.svc.cluster.local", subset: "v1", port: { number: 9080 } }, weight: 80 },
      { destination: { host: "reviews.default.svc.cluster.local", subset: "v2", port: { number: 9080 } }, weight: 20 },
    ]);
  });

  it("keeps a given RawVSRoute verbatim", async () => {
    const raw = { match: [{ uri: { exact: "/x" } }], route: [{ destination: { host: "x" } }] };
    await create({ RouteName: "raw", RawVSRoute: raw });
    const rd = (await detail("raw")).RouteDetail as Record<string, string>;
    expect(JSON.parse(rd.RawVSRoute)).toEqual(raw);
  });

  it("lists routes ordered by priority with their summary fields", async () => {
    await create(route("b"), { Priority: 2 });
    await create(route("a"), { Priority: 1 });
    const list = (await c.call("DescribeIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw" })).ManagementRoutes as Record<string, unknown>[];
    expect(list.map((r) => r.RouteName)).toEqual(["a", "b"]);
    expect(list[0]).toMatchObject({
      ASMGatewayName: "gw", RoutePath: "/reviews", Status: 0, Priority: 1, Namespace: "default",
      DestinationHost: ["reviews.default.svc.cluster.local", "reviews.default.svc.cluster.local"], DestinationSubSet: ["v1", "v2"],
    });
  });

  it("replaces a route on UpdateIstioGatewayRoutes", async () => {
    await create(route("reviews"));
    const single = [{ Weight: 100, Destination: { Host: "reviews-v3" } }];
    await c.call("UpdateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw", GatewayRoute: JSON.stringify(route("reviews", { RouteDestinations: single })), Priority: 7 });
    const d = await detail("reviews");
    expect((d.RouteDetail as Record<string, unknown>).RouteDestinations).toEqual(single);
    expect(d.Priority).toBe(7);
  });

  it("changes only priority, status and description with UpdateIstioRouteAdditionalStatus", async () => {
    await create(route("reviews"));
    await c.call("UpdateIstioRouteAdditionalStatus", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: "reviews", Priority: 9, Status: 1, Description: "off" });
    expect(await detail("reviews")).toMatchObject({ Priority: 9, Status: 1, Description: "off" });
    const bad = await c.fail("UpdateIstioRouteAdditionalStatus", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: "reviews", Status: 5 });
    expect([bad.code, bad.message]).toEqual(["InvalidParameter", expect.stringContaining('"Status"')]);
  });

  it("deletes a route, after which detail and delete answer GatewayRoute.NotFound", async () => {
    await create(route("reviews"));
    await c.call("DeleteGatewayRoute", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: "reviews" });
    const e = await c.fail("DescribeIstioGatewayRouteDetail", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: "reviews" });
    expect([e.code, e.statusCode]).toEqual(["GatewayRoute.NotFound", 404]);
    const again = await c.fail("DeleteGatewayRoute", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: "reviews" });
    expect([again.code, again.statusCode]).toEqual(["GatewayRoute.NotFound", 404]);
  });

  it("refuses a duplicate route name with Conflict.AlreadyExists", async () => {
    await create(route("reviews"));
    const e = await c.fail("CreateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw", GatewayRoute: JSON.stringify(route("reviews")) });
    expect([e.code, e.statusCode]).toEqual(["Conflict.AlreadyExists", 409]);
  });

  it.each([
    ["weights that do not add up to 100", route("r", { RouteDestinations: [{ Weight: 50, Destination: { Host: "a" } }, { Weight: 20, Destination: { Host: "b" } }] }), "GatewayRoute.RouteDestinations"],
    ["an unknown match mode", route("r", { MatchRequest: { URI: { MatchingMode: "glob", MatchingContent: "/" } } }), "GatewayRoute.MatchRequest.URI.MatchingMode"],
    ["an unknown route type", route("r", { RouteType: "UDP" }), "GatewayRoute.RouteType"],
    ["a list instead of one object", [route("r")], "GatewayRoute"],
  ])("rejects %s, naming the field", async (_name, body, field) => {
    const e = await c.fail("CreateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "gw", GatewayRoute: JSON.stringify(body) });
    expect([e.code, e.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(e.message).toContain(`"${field}"`);
  });

  it("refuses a route on a gateway that does not exist", async () => {
    const e = await c.fail("CreateIstioGatewayRoutes", { ServiceMeshId: mesh, IstioGatewayName: "nope", GatewayRoute: JSON.stringify(route("r")) });
    expect([e.code, e.statusCode]).toEqual(["IstioGateway.NotFound", 404]);
  });

  it("answers ServiceMesh.NotFound for routes of an unknown mesh", async () => {
    const e = await c.fail("DescribeIstioGatewayRoutes", { ServiceMeshId: "c00000000000000000000000000000000", IstioGatewayName: "gw" });
    expect([e.code, e.statusCode]).toEqual(["ServiceMesh.NotFound", 404]);
  });

  it("hides a new route from list and detail during the fast profile's visibility window", async () => {
    emu.control.setProfile("fast");
    try {
      await create(route("lagging"));
      const e = await c.fail("DescribeIstioGatewayRouteDetail", { ServiceMeshId: mesh, IstioGatewayName: "gw", RouteName: "lagging" });
      expect(e.code).toBe("GatewayRoute.NotFound");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await detail("lagging")).RouteDetail).toMatchObject({ RouteName: "lagging" });
    } finally {
      emu.control.setProfile("instant");
    }
  });
});

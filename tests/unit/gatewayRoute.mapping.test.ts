import { fromWireRoute, parseRouteId, RouteArgsBody, routeId, toWireRoute } from "../../provider/resources/gatewayRoute/wire";

const full: RouteArgsBody = {
  routeName: "reviews-v2",
  routeType: "HTTP",
  namespace: "default",
  domains: ["demo.example.com"],
  match: {
    uri: { mode: "prefix", value: "/reviews" },
    headers: [{ name: "x-canary", mode: "exact", value: "1" }],
    ports: [80],
  },
  destinations: [
    { host: "reviews.default.svc.cluster.local", subset: "v1", port: 9080, weight: 80 },
    { host: "reviews.default.svc.cluster.local", subset: "v2", port: 9080, weight: 20 },
  ],
  rewrite: { uri: "/", authority: "reviews" },
  timeout: "5s",
  retries: { attempts: 3, perTryTimeout: "2s", retryOn: "5xx", retryRemoteLocalities: true },
  fault: { delay: { fixedDelay: "1s", percentage: 10 }, abort: { httpStatus: 503, percentage: 5.5 } },
  mirror: { host: "shadow", subset: "v1", percentage: 50 },
};

describe("toWireRoute", () => {
  it("maps camelCase arguments to the PascalCase GatewayRoute structure", () => {
    expect(toWireRoute(full)).toEqual({
      RouteName: "reviews-v2",
      RouteType: "HTTP",
      Namespace: "default",
      Domains: ["demo.example.com"],
      MatchRequest: {
        URI: { MatchingMode: "prefix", MatchingContent: "/reviews" },
        Headers: [{ Name: "x-canary", MatchingMode: "exact", MatchingContent: "1" }],
        Ports: [80],
      },
      RouteDestinations: [
        { Weight: 80, Destination: { Host: "reviews.default.svc.cluster.local", Subset: "v1", Port: { Number: 9080 } } },
        { Weight: 20, Destination: { Host: "reviews.default.svc.cluster.local", Subset: "v2", Port: { Number: 9080 } } },
      ],
      HTTPAdvancedOptions: {
        Rewrite: { Uri: "/", Authority: "reviews" },
        Timeout: "5s",
        Retries: { Attempts: 3, PerTryTimeout: "2s", RetryOn: "5xx", RetryRemoteLocalities: { Value: true } },
        Fault: { Delay: { FixedDelay: "1s", Percentage: { Value: 10 } }, Abort: { HttpStatus: 503, Percentage: { Value: 5.5 } } },
        Mirror: { Host: "shadow", Subset: "v1" },
        MirrorPercentage: { Value: 50 },
      },
    });
  });

  it("omits everything not declared", () => {
    expect(toWireRoute({ routeName: "r", destinations: [{ host: "h" }] })).toEqual({
      RouteName: "r",
      RouteDestinations: [{ Destination: { Host: "h" } }],
    });
  });

  it("maps TLS SNI matching, redirect and delegate", () => {
    const wire = toWireRoute({
      routeName: "t",
      routeType: "TLS",
      match: { tls: [{ port: 443, sniHosts: ["a.example.com"] }] },
      redirect: { uri: "/new", code: 308 },
      delegate: { name: "vs", namespace: "team" },
    });
    expect(wire.MatchRequest).toEqual({ TLSMatchAttributes: [{ TLSPort: 443, SNIHosts: ["a.example.com"] }] });
    expect(wire.HTTPAdvancedOptions).toEqual({ Delegate: { Name: "vs", Namespace: "team" }, HTTPRedirect: { Uri: "/new", RedirectCode: 308 } });
  });
});

describe("fromWireRoute", () => {
  it("is the inverse of toWireRoute", () => {
    expect(fromWireRoute(toWireRoute(full))).toEqual(full);
    const tls: RouteArgsBody = { routeName: "t", routeType: "TLS", match: { tls: [{ port: 443, sniHosts: ["a"] }] }, destinations: [{ host: "h", weight: 100 }] };
    expect(fromWireRoute(toWireRoute(tls))).toEqual(tls);
  });

  it("parses RawVSRoute, which the detail returns as a JSON string", () => {
    const raw = { match: [{ uri: { prefix: "/" } }], route: [{ destination: { host: "h" } }] };
    expect(fromWireRoute({ RouteName: "r", RawVSRoute: JSON.stringify(raw) }).rawVirtualServiceRoute).toEqual(raw);
    expect(fromWireRoute({ RouteName: "r", RawVSRoute: "" }).rawVirtualServiceRoute).toBeUndefined();
  });

  it("ignores detail-only fields such as HasUnsafeFeatures and destination Headers", () => {
    const args = fromWireRoute({ RouteName: "r", HasUnsafeFeatures: false, RouteDestinations: [{ Weight: 100, Destination: { Host: "h" }, Headers: {} }] });
    expect(args).toEqual({ routeName: "r", destinations: [{ host: "h", weight: 100 }] });
  });
});

describe("route ids", () => {
  it("round-trips <mesh>:<gateway>:<route>", () => {
    expect(parseRouteId(routeId("c1", "ingressgateway", "r1"))).toEqual({ meshId: "c1", gatewayName: "ingressgateway", routeName: "r1" });
  });

  it("rejects a malformed id with the expected format", () => {
    expect(() => parseRouteId("c1:r1")).toThrow(/expected <meshId>:<gatewayName>:<routeName>/);
  });
});

import { gatewayRouteDescription } from "../../provider/resources/gatewayRoute/description";
import { gatewayRouteProvider, updateKind } from "../../provider/resources/gatewayRoute/lifecycle";
import { checkResource, diffResource, type Props } from "../../provider/schema";

// The kind's description through the one engine every kind uses (the kind has no check or diff of its own).
const checkRoute = (news: Props) => checkResource(gatewayRouteDescription, {}, news);
const diffRoute = (olds: Props, news: Props) => diffResource(gatewayRouteDescription, olds, news).diff;

const base = { meshId: "c0123456789abcdef0123456789abcdef", gatewayName: "ingressgateway", routeName: "reviews", destinations: [{ host: "reviews" }] };

describe("GatewayRoute check", () => {
  it("applies defaults for routeType, priority, status and description", () => {
    const r = checkRoute(base);
    expect(r.failures).toEqual([]);
    expect(r.inputs).toMatchObject({ routeType: "HTTP", priority: 0, status: 0, description: "" });
  });

  it("requires weights that total 100 across several destinations", () => {
    const r = checkRoute({ ...base, destinations: [{ host: "a", weight: 60 }, { host: "b", weight: 30 }] });
    expect(r.failures).toEqual([{ property: "destinations", reason: "weights must total 100 across 2 destinations; they total 90" }]);
  });

  it("requires a weight on every destination when there are several", () => {
    const r = checkRoute({ ...base, destinations: [{ host: "a", weight: 100 }, { host: "b" }] });
    expect(r.failures[0].reason).toBe("with more than one destination every destination needs a weight");
  });

  it("accepts a single destination without a weight and a split that totals 100", () => {
    expect(checkRoute({ ...base, destinations: [{ host: "a", weight: 90 }, { host: "b", weight: 10 }] }).failures).toEqual([]);
  });

  it("needs something to route to", () => {
    expect(checkRoute({ ...base, destinations: undefined }).failures).toEqual([
      { property: "destinations", reason: "required; give destinations, or one of redirect, delegate, rawVirtualServiceRoute" },
    ]);
    expect(checkRoute({ ...base, destinations: undefined, redirect: { uri: "/new" } }).failures).toEqual([]);
  });

  it("validates match elements with their path", () => {
    const r = checkRoute({ ...base, match: { uri: { mode: "glob", value: "/" }, headers: [{ name: "x", mode: "exact" }], ports: [0] } });
    expect(r.failures).toEqual([
      { property: "match.uri.mode", reason: '"glob" is not allowed; use one of exact, prefix, regex' },
      { property: "match.headers[0].value", reason: "required" },
      { property: "match.ports", reason: "expected a list of port numbers between 1 and 65535" },
    ]);
  });

  it("keeps HTTP-only options off TLS routes and SNI matching off HTTP routes", () => {
    const tls = checkRoute({ ...base, routeType: "TLS", timeout: "5s", match: { tls: [{ port: 443, sniHosts: ["a.example.com"] }] } });
    expect(tls.failures).toEqual([{ property: "timeout", reason: "timeout apply to HTTP routes only; routeType is TLS" }]);
    const http = checkRoute({ ...base, match: { tls: [{ port: 443, sniHosts: ["a"] }] } });
    expect(http.failures).toEqual([{ property: "match.tls", reason: "SNI matching applies to TLS routes only; routeType is HTTP" }]);
  });

  it("validates durations and fault percentages", () => {
    const r = checkRoute({ ...base, timeout: "5 seconds", fault: { abort: { httpStatus: 503, percentage: 150 } } });
    expect(r.failures.map((f) => f.property)).toEqual(["timeout", "fault.abort.percentage"]);
  });
});

describe("GatewayRoute diff and update routing", () => {
  const olds = checkRoute(base).inputs;

  it("replaces on mesh, gateway, route name or namespace", () => {
    for (const key of ["meshId", "gatewayName", "routeName", "namespace"]) {
      expect(diffRoute(olds, { ...olds, [key]: "other" }).replaces).toEqual([key]);
    }
  });

  it("sends only priority/status/description changes to UpdateIstioRouteAdditionalStatus", () => {
    expect(updateKind(diffRoute(olds, { ...olds, priority: 5, description: "x" }).changed)).toBe("additionalStatus");
  });

  it("sends any other change to UpdateIstioGatewayRoutes", () => {
    expect(updateKind(diffRoute(olds, { ...olds, priority: 5, destinations: [{ host: "other" }] }).changed)).toBe("full");
    expect(updateKind(diffRoute(olds, { ...olds, timeout: "3s" }).changed)).toBe("full");
  });

  it("makes no API call when only provider-side settings change", () => {
    expect(updateKind(diffRoute(olds, { ...olds, timeouts: { update: "1m" }, adopt: true }).changed)).toBe("none");
  });

  it("asks the engine to delete first on replacement (the route name is fixed)", async () => {
    expect(await gatewayRouteProvider.diff!("id", olds, { ...olds, routeName: "x" })).toEqual({ changes: true, replaces: ["routeName"], deleteBeforeReplace: true });
  });
});

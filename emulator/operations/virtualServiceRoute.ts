// Renders a stored GatewayRoute as the VirtualService route JSON that
// DescribeIstioGatewayRouteDetail returns in RawVSRoute (a string). A RawVSRoute given on input
// wins, as the API documents.
type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function stringMatch(m: unknown): Obj | undefined {
  const o = asObj(m);
  return typeof o.MatchingMode === "string" ? { [o.MatchingMode]: o.MatchingContent } : undefined;
}

function destinations(route: Obj): Obj[] {
  return asList(route.RouteDestinations).map((d) => {
    const dest = asObj(asObj(d).Destination);
    const port = asObj(dest.Port).Number;
    return {
      destination: { host: dest.Host, ...(dest.Subset ? { subset: dest.Subset } : {}), ...(port ? { port: { number: port } } : {}) },
      weight: asObj(d).Weight ?? 100,
    };
  });
}

function httpRoute(route: Obj): Obj {
  const mr = asObj(route.MatchRequest);
  const headers: Obj = {};
  for (const h of asList(mr.Headers)) headers[String(asObj(h).Name)] = stringMatch(h);
  const match = { ...(stringMatch(mr.URI) ? { uri: stringMatch(mr.URI) } : {}), ...(Object.keys(headers).length ? { headers } : {}) };
  const adv = asObj(route.HTTPAdvancedOptions);
  return {
    name: route.RouteName,
    ...(Object.keys(match).length ? { match: [match] } : {}),
    route: destinations(route),
    ...(adv.Timeout ? { timeout: adv.Timeout } : {}),
    ...(adv.Rewrite ? { rewrite: { uri: asObj(adv.Rewrite).Uri, authority: asObj(adv.Rewrite).Authority } } : {}),
    ...(adv.HTTPRedirect ? { redirect: { uri: asObj(adv.HTTPRedirect).Uri, redirectCode: asObj(adv.HTTPRedirect).RedirectCode ?? 301 } } : {}),
  };
}

export function rawVsRoute(route: Obj): string {
  if (route.RawVSRoute !== undefined) return typeof route.RawVSRoute === "string" ? route.RawVSRoute : JSON.stringify(route.RawVSRoute);
  const mr = asObj(route.MatchRequest);
  switch (route.RouteType) {
    case "TLS":
      return JSON.stringify({
        match: asList(mr.TLSMatchAttributes).map((t) => ({ port: asObj(t).TLSPort, sniHosts: asObj(t).SNIHosts })),
        route: destinations(route),
      });
    case "TCP":
      return JSON.stringify({ match: asList(mr.Ports).map((port) => ({ port })), route: destinations(route) });
    default:
      return JSON.stringify(httpRoute(route));
  }
}

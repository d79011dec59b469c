// GatewayRoute: camelCase arguments <-> the PascalCase GatewayRoute structure that
// Create/UpdateIstioGatewayRoutes take as a JSON string and DescribeIstioGatewayRouteDetail returns
// as RouteDetail (research/asm-api.md §5). The two directions are inverses for the fields we send,
// which is what makes refresh-then-up drift correction exact.

import type { JsonObject, JsonValue } from "./gatewayFields";
// Straight from its file: the framework index loads the API client, which the program must not.
import { compositeId } from "../framework/compositeId";

type Wire = JsonObject;

export type MatchingMode = "exact" | "prefix" | "regex";

export interface RouteArgsBody {
  routeName: string;
  routeType?: "HTTP" | "TLS" | "TCP";
  namespace?: string;
  domains?: string[];
  match?: {
    uri?: { mode: MatchingMode; value: string };
    headers?: { name: string; mode: MatchingMode; value: string }[];
    ports?: number[];
    tls?: { port: number; sniHosts: string[] }[];
  };
  destinations?: { host: string; subset?: string; port?: number; weight?: number }[];
  rewrite?: { uri?: string; authority?: string };
  redirect?: { uri?: string; authority?: string; code?: number };
  timeout?: string;
  retries?: { attempts: number; perTryTimeout?: string; retryOn?: string; retryRemoteLocalities?: boolean };
  fault?: {
    delay?: { fixedDelay: string; percentage: number };
    abort?: { httpStatus: number; percentage: number };
  };
  mirror?: { host: string; subset?: string; percentage?: number };
  delegate?: { name: string; namespace: string };
  /** A VirtualService http/tls/tcp route as JSON; the API lets it override the structured fields. */
  rawVirtualServiceRoute?: JsonObject;
}

/** Drops undefined values and empty objects so the wire JSON carries only what was declared. */
function compact(obj: { [key: string]: JsonValue | undefined }): Wire | undefined {
  const out: Wire = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function toWireRoute(a: RouteArgsBody): Wire {
  return compact({
    RouteName: a.routeName,
    RouteType: a.routeType,
    Namespace: a.namespace,
    Domains: a.domains,
    MatchRequest: a.match && compact({
      URI: a.match.uri && { MatchingMode: a.match.uri.mode, MatchingContent: a.match.uri.value },
      Headers: a.match.headers?.map((h) => ({ Name: h.name, MatchingMode: h.mode, MatchingContent: h.value })),
      TLSMatchAttributes: a.match.tls?.map((t) => ({ TLSPort: t.port, SNIHosts: t.sniHosts })),
      Ports: a.match.ports,
    }),
    RouteDestinations: a.destinations?.map((d) => compact({
      Weight: d.weight,
      Destination: compact({ Host: d.host, Subset: d.subset, Port: d.port === undefined ? undefined : { Number: d.port } }),
    }) ?? {}),
    HTTPAdvancedOptions: toWireAdvanced(a),
    RawVSRoute: a.rawVirtualServiceRoute,
  }) ?? {};
}

function toWireAdvanced(a: RouteArgsBody): Wire | undefined {
  const pct = (value: number | undefined) => (value === undefined ? undefined : { Value: value });
  return compact({
    Delegate: a.delegate && { Name: a.delegate.name, Namespace: a.delegate.namespace },
    HTTPRedirect: a.redirect && compact({ Uri: a.redirect.uri, Authority: a.redirect.authority, RedirectCode: a.redirect.code }),
    Rewrite: a.rewrite && compact({ Uri: a.rewrite.uri, Authority: a.rewrite.authority }),
    Timeout: a.timeout,
    Retries: a.retries && compact({
      Attempts: a.retries.attempts,
      PerTryTimeout: a.retries.perTryTimeout,
      RetryOn: a.retries.retryOn,
      RetryRemoteLocalities: a.retries.retryRemoteLocalities === undefined ? undefined : { Value: a.retries.retryRemoteLocalities },
    }),
    Fault: a.fault && compact({
      Delay: a.fault.delay && { FixedDelay: a.fault.delay.fixedDelay, Percentage: { Value: a.fault.delay.percentage } },
      Abort: a.fault.abort && { HttpStatus: a.fault.abort.httpStatus, Percentage: { Value: a.fault.abort.percentage } },
    }),
    Mirror: a.mirror && compact({ Host: a.mirror.host, Subset: a.mirror.subset }),
    MirrorPercentage: pct(a.mirror?.percentage),
  });
}

// ---- detail -> arguments ----

type Loose = { [key: string]: unknown };
const obj = (v: unknown): Loose | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : undefined);
// An empty list in a detail is how the API says "none declared" (e.g. Domains: []).
const list = (v: unknown): Loose[] | undefined => (Array.isArray(v) && v.length > 0 ? v.map((x) => obj(x) ?? {}) : undefined);
const nonEmpty = <T>(v: unknown): T[] | undefined => (Array.isArray(v) && v.length > 0 ? (v as T[]) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** Removes undefined members so a mapped-back object deep-equals the declared one. */
function defined<T extends object>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The arguments a RouteDetail describes (the inverse of toWireRoute). */
export function fromWireRoute(detail: Loose): RouteArgsBody {
  const match = obj(detail.MatchRequest);
  const adv = obj(detail.HTTPAdvancedOptions);
  return {
    ...defined({
      routeType: str(detail.RouteType) as RouteArgsBody["routeType"],
      namespace: str(detail.Namespace),
      domains: nonEmpty<string>(detail.Domains),
      match: match && fromWireMatch(match),
      destinations: list(detail.RouteDestinations)?.map((d) => {
        const dest = obj(d.Destination) ?? {};
        const port = num(obj(dest.Port)?.Number);
        return defined({ host: str(dest.Host) ?? "", subset: str(dest.Subset), port, weight: num(d.Weight) })!;
      }),
      rawVirtualServiceRoute: parseRaw(detail.RawVSRoute),
      ...(adv ? fromWireAdvanced(adv) : {}),
    }),
    routeName: str(detail.RouteName) ?? "",
  };
}

function fromWireMatch(m: Loose): RouteArgsBody["match"] {
  const uri = obj(m.URI);
  return defined({
    uri: uri && { mode: str(uri.MatchingMode) as MatchingMode, value: str(uri.MatchingContent) ?? "" },
    headers: list(m.Headers)?.map((h) => ({ name: str(h.Name) ?? "", mode: str(h.MatchingMode) as MatchingMode, value: str(h.MatchingContent) ?? "" })),
    ports: nonEmpty<number>(m.Ports),
    tls: list(m.TLSMatchAttributes)?.map((t) => ({ port: num(t.TLSPort) ?? 0, sniHosts: (t.SNIHosts as string[]) ?? [] })),
  });
}

function fromWireAdvanced(adv: Loose): Partial<RouteArgsBody> {
  const value = (v: unknown) => obj(v)?.Value;
  const delegate = obj(adv.Delegate);
  const redirect = obj(adv.HTTPRedirect);
  const rewrite = obj(adv.Rewrite);
  const retries = obj(adv.Retries);
  const fault = obj(adv.Fault);
  const delay = obj(fault?.Delay);
  const abort = obj(fault?.Abort);
  const mirror = obj(adv.Mirror);
  return {
    delegate: delegate && { name: str(delegate.Name) ?? "", namespace: str(delegate.Namespace) ?? "" },
    redirect: redirect && defined({ uri: str(redirect.Uri), authority: str(redirect.Authority), code: num(redirect.RedirectCode) }),
    rewrite: rewrite && defined({ uri: str(rewrite.Uri), authority: str(rewrite.Authority) }),
    timeout: str(adv.Timeout),
    retries: retries && defined({
      attempts: num(retries.Attempts) ?? 0,
      perTryTimeout: str(retries.PerTryTimeout),
      retryOn: str(retries.RetryOn),
      retryRemoteLocalities: value(retries.RetryRemoteLocalities) as boolean | undefined,
    }),
    fault: fault && defined({
      delay: delay && { fixedDelay: str(delay.FixedDelay) ?? "", percentage: num(value(delay.Percentage)) ?? 0 },
      abort: abort && { httpStatus: num(abort.HttpStatus) ?? 0, percentage: num(value(abort.Percentage)) ?? 0 },
    }),
    mirror: mirror && defined({ host: str(mirror.Host) ?? "", subset: str(mirror.Subset), percentage: num(value(adv.MirrorPercentage)) }),
  };
}

// The detail returns RawVSRoute as a JSON string (input takes an object); "" or "null" means none.
function parseRaw(raw: unknown): RouteArgsBody["rawVirtualServiceRoute"] {
  if (obj(raw)) return raw as RouteArgsBody["rawVirtualServiceRoute"];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  try {
    return obj(JSON.parse(raw)) as RouteArgsBody["rawVirtualServiceRoute"];
  } catch {
    return undefined;
  }
}

const ROUTE_ID = compositeId("GatewayRoute", ["meshId", "gatewayName", "routeName"]);

export function routeId(meshId: string, gatewayName: string, routeName: string): string {
  return ROUTE_ID.format({ meshId, gatewayName, routeName });
}

export const parseRouteId = ROUTE_ID.parse;

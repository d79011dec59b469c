// GatewayRoute input check: the field rules (DSL) and the cross-field rules:
// weights total 100 across several destinations, something to route to, HTTP-only options on
// HTTP routes only, SNI matching on TLS routes only.
import { meshIdField } from "../../framework/meshId";
import { timeoutsField } from "../../framework/timeouts";
import { CheckFailure, f, FieldSpecs, isUnknown, Props, ResourceDescription } from "../../schema";
import { DNS_LABEL, DNS_LABEL_HINT, ISTIO_DURATION } from "../gatewayFields";

const DURATION_HINT = 'a duration such as "5s" or "250ms"';
const duration = <const W extends string>(wire: W) => f.string({ pattern: ISTIO_DURATION, patternHint: DURATION_HINT, wire });
const percentage = f.number({ required: true, min: 0, max: 100, wire: "Percentage.Value" });
const matchingMode = f.enumOf(["exact", "prefix", "regex"], { required: true, wire: "MatchingMode" });
const routeNamePattern = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;
const port = f.int({ min: 1, max: 65535 });

// The route itself travels as the JSON parameter GatewayRoute and comes back as RouteDetail
// (research/asm-api.md §5); paths under it are the same both ways.
const body = <const P extends string>(path: P) => ({ wire: `GatewayRoute.${path}`, readBack: `RouteDetail.${path}` }) as const;
const advanced = <const P extends string>(path: P) => body(`HTTPAdvancedOptions.${path}`);

export const gatewayRouteFields = {
  meshId: { description: "The id of the mesh the gateway belongs to.", ...meshIdField, wire: "ServiceMeshId" },
  gatewayName: f.string({ description: "The name of the ASMGateway the route belongs to.", required: true, createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT, hint: "the ASMGateway name", wire: "IstioGatewayName" }),
  routeName: f.string({
    description: "The route's name, unique on the gateway.",
    required: true, createOnly: true, pattern: routeNamePattern, patternHint: "lowercase letters, digits, '-' and '.', at most 63 characters", ...body("RouteName"),
  }),
  namespace: f.string({ description: "The namespace of the VirtualService that ASM manages for the route.", createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT, ...body("Namespace") }),
  routeType: f.enumOf(["HTTP", "TLS", "TCP"], { description: "The protocol the route matches: HTTP, TLS or TCP.", default: "HTTP", ...body("RouteType") }),
  domains: f.stringList({ description: "The hosts the route applies to.", minItems: 1, ...body("Domains") }),
  rewrite: { description: "How an HTTP request's URI and authority are rewritten before it is forwarded.", ...f.object({
    uri: f.string({ description: "The value that replaces the URI's path, or the prefix it matched, such as \"/v1/getProductRatings\".", wire: "Uri" }),
    authority: f.string({ description: "The value that replaces the request's Authority or Host header.", wire: "Authority" }),
  }, advanced("Rewrite")) },
  redirect: { description: "An HTTP redirect sent instead of forwarding the request.", ...f.object(
    {
      uri: f.string({ description: "The value that replaces the URL path in the redirect.", wire: "Uri" }),
      authority: f.string({ description: "The value that replaces the Authority or Host header in the redirect.", wire: "Authority" }),
      code: f.int({ description: "The HTTP status code of the redirect, 300 to 399; the API uses 301 when unset.", min: 300, max: 399, wire: "RedirectCode" }),
    },
    advanced("HTTPRedirect"),
  ) },
  timeout: { description: "How long an HTTP request may take, such as \"5s\".", ...duration("Timeout"), ...advanced("Timeout") },
  retries: { description: "How a failed HTTP request is retried.", ...f.object({
    attempts: f.int({ description: "The maximum number of retries for a request, 0 to 100.", required: true, min: 0, max: 100, wire: "Attempts" }),
    perTryTimeout: { ...duration("PerTryTimeout"), description: "How long each attempt, the first one included, may take, such as \"2s\"." },
    retryOn: f.string({ description: "The comma-separated conditions that cause a retry, such as \"connect-failure,refused-stream,503\".", wire: "RetryOn" }),
    retryRemoteLocalities: f.bool({ description: "Whether retries may go to other localities; the API's default is false.", wire: "RetryRemoteLocalities.Value" }),
  }, advanced("Retries")) },
  fault: { description: "Delays or aborts injected into HTTP requests, for testing.", ...f.object({
    delay: f.object({
      fixedDelay: f.string({
        description: "How long a delayed request waits before it is forwarded, such as \"5s\".",
        required: true, pattern: ISTIO_DURATION, patternHint: DURATION_HINT, wire: "FixedDelay",
      }),
      percentage: { ...percentage, description: "The percentage of requests that are delayed, 0 to 100." },
    }, { wire: "Delay", description: "A fixed delay injected into a share of the requests." }),
    abort: f.object({
      httpStatus: f.int({ description: "The HTTP status code the aborted requests are answered with, 200 to 599.", required: true, min: 200, max: 599, wire: "HttpStatus" }),
      percentage: { ...percentage, description: "The percentage of requests that are aborted, 0 to 100." },
    }, { wire: "Abort", description: "Requests aborted with an HTTP error code instead of being forwarded." }),
  }, advanced("Fault")) },
  // The API keeps the mirror's percentage beside the mirror, not in it.
  mirror: { description: "Where a copy of the HTTP traffic is sent, and how much of it.", ...f.object({
    host: f.string({ description: "The service registry name of the service the copy is sent to, such as reviews.default.svc.cluster.local.", required: true, ...advanced("Mirror.Host") }),
    subset: f.string({ description: "The subset of the mirror service the copy is sent to.", ...advanced("Mirror.Subset") }),
    percentage: f.number({ description: "The percentage of requests that are mirrored, 0 to 100.", min: 0, max: 100, ...advanced("MirrorPercentage.Value") }),
  }) },
  delegate: { description: "The VirtualService that HTTP routing is delegated to.", ...f.object({
    name: f.string({ description: "The name of the VirtualService that HTTP routing is delegated to.", required: true, wire: "Name" }),
    namespace: f.string({ description: "The namespace of the VirtualService that HTTP routing is delegated to.", required: true, wire: "Namespace" }),
  }, advanced("Delegate")) },
  priority: f.int({ description: "The route's precedence: smaller is matched first.", default: 0, min: 0, max: 10_000, wire: "Priority" }),
  status: f.int({ description: "Whether the route is applied (0) or kept but not applied (1).", default: 0, min: 0, max: 1, wire: "Status" }),
  description: f.string({ description: "Free text about the route.", default: "", allowEmpty: true, wire: "Description" }),
  adopt: f.bool({ description: "Take over an existing route of this name instead of creating one.", default: false, createTimeOnly: true }),
  timeouts: { ...timeoutsField, description: "Deadlines for create, update and delete, such as \"5m\"." },
  match: { description: "The requests the route applies to.", ...f.object({
    uri: f.object({
      mode: { ...matchingMode, description: "How the value is compared with the request URI: exact, prefix or regex (a regular expression)." },
      value: f.string({ description: "The URI content to match, such as \"/reviews\".", required: true, wire: "MatchingContent" }),
    }, { wire: "URI", description: "The rule the request URI must match." }),
    headers: f.list(f.object({
      name: f.string({ description: "The name of the request header to match.", required: true, wire: "Name" }),
      mode: { ...matchingMode, description: "How the value is compared with the header's value: exact, prefix or regex (a regular expression)." },
      value: f.string({ description: "The header value to match, which may be empty.", required: true, allowEmpty: true, wire: "MatchingContent" }),
    }), { wire: "Headers", description: "The request headers to match, each by name and value." }),
    ports: f.list(port, { itemsHint: "port numbers between 1 and 65535", wire: "Ports", description: "The ports of the route's hosts that the traffic must be addressed to, each 1 to 65535." }),
    tls: f.list(f.object({
      port: f.int({ description: "The TLS port to match, 1 to 65535.", required: true, min: 1, max: 65535, wire: "TLSPort" }),
      sniHosts: f.stringList({
        description: "The Server Name Indication values to match, such as \"*.com\"; they must be a subset of the route's domains.",
        required: true, minItems: 1, wire: "SNIHosts",
      }),
    }), { wire: "TLSMatchAttributes", description: "The TLS traffic to match, by port and Server Name Indication (SNI) values." }),
  }, body("MatchRequest")) },
  destinations: { description: "The services the matched traffic goes to, with weights when there are several.", ...f.list(f.object({
    host: f.string({
      description: "The destination service's name in the service registry, such as reviews.default.svc.cluster.local.",
      required: true, hint: "the destination service host, e.g. reviews.default.svc.cluster.local", wire: "Destination.Host",
    }),
    subset: f.string({ description: "The subset of the destination service the traffic goes to.", wire: "Destination.Subset" }),
    port: { ...port, wire: "Destination.Port.Number", description: "The port of the destination service the traffic goes to, 1 to 65535." },
    weight: f.int({ description: "The share of the traffic, 0 to 100, sent to this destination; several destinations' weights total 100.", min: 0, max: 100, wire: "Weight" }),
  }), body("RouteDestinations")) },
  rawVirtualServiceRoute: { description: "A VirtualService http, tls or tcp route as JSON, which the API lets override the structured fields.", ...f.json(body("RawVSRoute")) },
} satisfies FieldSpecs;

/** Changing only these goes through UpdateIstioRouteAdditionalStatus. */
export const ADDITIONAL_STATUS_FIELDS = ["priority", "status", "description"] as const;
const HTTP_ONLY = ["rewrite", "redirect", "timeout", "retries", "fault", "mirror", "delegate"] as const;

export function crossFieldFailures(a: Props): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const dests = Array.isArray(a.destinations) ? (a.destinations as Props[]) : [];
  if (Array.isArray(a.destinations) && dests.length === 0) {
    failures.push({ property: "destinations", reason: "needs at least one destination; leave it out when the route uses redirect, delegate or rawVirtualServiceRoute" });
  }
  if (dests.length > 1 && !dests.some(isUnknown)) {
    const weights = dests.map((d) => d.weight);
    if (weights.some((w) => w === undefined)) {
      failures.push({ property: "destinations", reason: "with more than one destination every destination needs a weight" });
    } else if (!weights.some(isUnknown) && (weights as number[]).reduce((s, w) => s + w, 0) !== 100) {
      failures.push({ property: "destinations", reason: `weights must total 100 across ${dests.length} destinations; they total ${(weights as number[]).reduce((s, w) => s + w, 0)}` });
    }
  }
  if (a.destinations === undefined && a.redirect === undefined && a.delegate === undefined && a.rawVirtualServiceRoute === undefined) {
    failures.push({ property: "destinations", reason: "required; give destinations, or one of redirect, delegate, rawVirtualServiceRoute" });
  }
  if (a.routeType !== "HTTP") {
    const httpOnly = HTTP_ONLY.filter((k) => a[k] !== undefined);
    if (httpOnly.length > 0) failures.push({ property: httpOnly[0], reason: `${httpOnly.join(", ")} apply to HTTP routes only; routeType is ${a.routeType}` });
  }
  if (a.routeType !== "TLS" && (a.match as Props | undefined)?.tls !== undefined) {
    failures.push({ property: "match.tls", reason: `SNI matching applies to TLS routes only; routeType is ${a.routeType}` });
  }
  return failures;
}

export const gatewayRouteDescription: ResourceDescription = {
  kind: "GatewayRoute",
  fields: gatewayRouteFields,
  outputs: [],
  summary: "One HTTP, TLS or TCP route on an ASM gateway, with weighted destinations. The id is `<meshId>:<gatewayName>:<routeName>`.",
  outputFields: {},
  validate: (inputs) => ({ failures: crossFieldFailures(inputs) }),
  // The route name is fixed, so the new route cannot exist beside the old one.
  deleteBeforeReplace: () => true,
};

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
  rewrite: { description: "How an HTTP request's URI and authority are rewritten before it is forwarded.", ...f.object({ uri: f.string({ wire: "Uri" }), authority: f.string({ wire: "Authority" }) }, advanced("Rewrite")) },
  redirect: { description: "An HTTP redirect sent instead of forwarding the request.", ...f.object(
    { uri: f.string({ wire: "Uri" }), authority: f.string({ wire: "Authority" }), code: f.int({ min: 300, max: 399, wire: "RedirectCode" }) },
    advanced("HTTPRedirect"),
  ) },
  timeout: { description: "How long an HTTP request may take, such as \"5s\".", ...duration("Timeout"), ...advanced("Timeout") },
  retries: { description: "How a failed HTTP request is retried.", ...f.object({
    attempts: f.int({ required: true, min: 0, max: 100, wire: "Attempts" }),
    perTryTimeout: duration("PerTryTimeout"),
    retryOn: f.string({ wire: "RetryOn" }),
    retryRemoteLocalities: f.bool({ wire: "RetryRemoteLocalities.Value" }),
  }, advanced("Retries")) },
  fault: { description: "Delays or aborts injected into HTTP requests, for testing.", ...f.object({
    delay: f.object({ fixedDelay: f.string({ required: true, pattern: ISTIO_DURATION, patternHint: DURATION_HINT, wire: "FixedDelay" }), percentage }, { wire: "Delay" }),
    abort: f.object({ httpStatus: f.int({ required: true, min: 200, max: 599, wire: "HttpStatus" }), percentage }, { wire: "Abort" }),
  }, advanced("Fault")) },
  // The API keeps the mirror's percentage beside the mirror, not in it.
  mirror: { description: "Where a copy of the HTTP traffic is sent, and how much of it.", ...f.object({
    host: f.string({ required: true, ...advanced("Mirror.Host") }),
    subset: f.string(advanced("Mirror.Subset")),
    percentage: f.number({ min: 0, max: 100, ...advanced("MirrorPercentage.Value") }),
  }) },
  delegate: { description: "The VirtualService that HTTP routing is delegated to.", ...f.object({ name: f.string({ required: true, wire: "Name" }), namespace: f.string({ required: true, wire: "Namespace" }) }, advanced("Delegate")) },
  priority: f.int({ description: "The route's precedence: smaller is matched first.", default: 0, min: 0, max: 10_000, wire: "Priority" }),
  status: f.int({ description: "Whether the route is applied (0) or kept but not applied (1).", default: 0, min: 0, max: 1, wire: "Status" }),
  description: f.string({ description: "Free text about the route.", default: "", allowEmpty: true, wire: "Description" }),
  adopt: f.bool({ description: "Take over an existing route of this name instead of creating one.", default: false, createTimeOnly: true }),
  timeouts: { ...timeoutsField, description: "Deadlines for create, update and delete, such as \"5m\"." },
  match: { description: "The requests the route applies to.", ...f.object({
    uri: f.object({ mode: matchingMode, value: f.string({ required: true, wire: "MatchingContent" }) }, { wire: "URI" }),
    headers: f.list(f.object({
      name: f.string({ required: true, wire: "Name" }), mode: matchingMode, value: f.string({ required: true, allowEmpty: true, wire: "MatchingContent" }),
    }), { wire: "Headers" }),
    ports: f.list(port, { itemsHint: "port numbers between 1 and 65535", wire: "Ports" }),
    tls: f.list(f.object({
      port: f.int({ required: true, min: 1, max: 65535, wire: "TLSPort" }), sniHosts: f.stringList({ required: true, minItems: 1, wire: "SNIHosts" }),
    }), { wire: "TLSMatchAttributes" }),
  }, body("MatchRequest")) },
  destinations: { description: "The services the matched traffic goes to, with weights when there are several.", ...f.list(f.object({
    host: f.string({ required: true, hint: "the destination service host, e.g. reviews.default.svc.cluster.local", wire: "Destination.Host" }),
    subset: f.string({ wire: "Destination.Subset" }),
    port: { ...port, wire: "Destination.Port.Number" },
    weight: f.int({ min: 0, max: 100, wire: "Weight" }),
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
  validate: (inputs) => ({ failures: crossFieldFailures(inputs) }),
  // The route name is fixed, so the new route cannot exist beside the old one.
  deleteBeforeReplace: () => true,
};

// GatewayRoute input check: the field rules (DSL) and the cross-field rules:
// weights total 100 across several destinations, something to route to, HTTP-only options on
// HTTP routes only, SNI matching on TLS routes only.
import { meshIdField, timeoutsField } from "../framework";
import { CheckFailure, f, FieldSpecs, isUnknown, Props } from "../schema";
import { DNS_LABEL, DNS_LABEL_HINT, DURATION } from "./gatewayFields";

const duration = f.string({ pattern: DURATION, patternHint: 'a duration such as "5s" or "250ms"' });
const percentage = f.number({ required: true, min: 0, max: 100 });
const matchingMode = f.enumOf(["exact", "prefix", "regex"], { required: true });
const routeNamePattern = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;

const headerFields = { name: f.string({ required: true }), mode: matchingMode, value: f.string({ required: true, allowEmpty: true }) } satisfies FieldSpecs;
const tlsFields = { port: f.int({ required: true, min: 1, max: 65535 }), sniHosts: f.stringList({ required: true, minItems: 1 }) } satisfies FieldSpecs;
const uriFields = { mode: matchingMode, value: f.string({ required: true }) } satisfies FieldSpecs;
const destinationFields = {
  host: f.string({ required: true, hint: "the destination service host, e.g. reviews.default.svc.cluster.local" }),
  subset: f.string(),
  port: f.int({ min: 1, max: 65535 }),
  weight: f.int({ min: 0, max: 100 }),
} satisfies FieldSpecs;

export const gatewayRouteFields = {
  meshId: meshIdField,
  gatewayName: f.string({ required: true, createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT, hint: "the ASMGateway name" }),
  routeName: f.string({ required: true, createOnly: true, pattern: routeNamePattern, patternHint: "lowercase letters, digits, '-' and '.', at most 63 characters" }),
  namespace: f.string({ createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT }),
  routeType: f.enumOf(["HTTP", "TLS", "TCP"], { default: "HTTP" }),
  domains: f.stringList({ minItems: 1 }),
  rewrite: f.object({ uri: f.string(), authority: f.string() }),
  redirect: f.object({ uri: f.string(), authority: f.string(), code: f.int({ min: 300, max: 399 }) }),
  timeout: duration,
  retries: f.object({ attempts: f.int({ required: true, min: 0, max: 100 }), perTryTimeout: duration, retryOn: f.string(), retryRemoteLocalities: f.bool() }),
  fault: f.object({
    delay: f.object({ fixedDelay: { ...duration, required: true }, percentage }),
    abort: f.object({ httpStatus: f.int({ required: true, min: 200, max: 599 }), percentage }),
  }),
  mirror: f.object({ host: f.string({ required: true }), subset: f.string(), percentage: f.number({ min: 0, max: 100 }) }),
  delegate: f.object({ name: f.string({ required: true }), namespace: f.string({ required: true }) }),
  /** Smaller is matched first. */
  priority: f.int({ default: 0, min: 0, max: 10_000 }),
  /** 0 = valid (active), 1 = invalid (kept but not applied). */
  status: f.int({ default: 0, min: 0, max: 1 }),
  description: f.string({ default: "", allowEmpty: true }),
  adopt: f.bool({ default: false, createTimeOnly: true }),
  timeouts: timeoutsField,
  match: f.object({
    uri: f.object(uriFields),
    headers: f.list(f.object(headerFields)),
    ports: f.list(f.int({ min: 1, max: 65535 }), { itemsHint: "port numbers between 1 and 65535" }),
    tls: f.list(f.object(tlsFields)),
  }),
  destinations: f.list(f.object(destinationFields)),
  rawVirtualServiceRoute: f.json(),
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

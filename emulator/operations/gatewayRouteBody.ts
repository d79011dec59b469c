// Parses and validates the GatewayRoute parameter of Create/UpdateIstioGatewayRoutes: one JSON
// object with PascalCase keys (research/asm-api.md §5.1). Errors name the field path.
import * as E from "../errors/catalog";
import type { Params } from "./params";

const ROUTE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
// Exported for tests/unit/enumContract.test.ts, which holds them to the values the SDK documents.
export const MATCH_MODES = ["exact", "prefix", "regex"];
export const ROUTE_TYPES = ["HTTP", "TLS", "TCP"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const bad = (path: string, problem: string) => E.invalidParameter(`GatewayRoute.${path}`, problem);

function checkMatch(path: string, m: unknown): void {
  if (m === undefined) return;
  if (!isObject(m)) throw bad(path, "expected {MatchingMode, MatchingContent}.");
  if (!MATCH_MODES.includes(m.MatchingMode as string)) throw bad(`${path}.MatchingMode`, `expected one of ${MATCH_MODES.join(", ")}, got ${JSON.stringify(m.MatchingMode)}.`);
  if (typeof m.MatchingContent !== "string") throw bad(`${path}.MatchingContent`, "a string is required.");
}

function checkMatchRequest(mr: unknown): void {
  if (mr === undefined) return;
  if (!isObject(mr)) throw bad("MatchRequest", "expected an object {URI, Headers, TLSMatchAttributes, Ports}.");
  checkMatch("MatchRequest.URI", mr.URI);
  if (mr.Headers !== undefined) {
    if (!Array.isArray(mr.Headers)) throw bad("MatchRequest.Headers", "expected a list.");
    mr.Headers.forEach((h: unknown, i) => {
      checkMatch(`MatchRequest.Headers[${i}]`, h);
      if (typeof (h as Record<string, unknown>).Name !== "string") throw bad(`MatchRequest.Headers[${i}].Name`, "a string is required.");
    });
  }
  if (mr.Ports !== undefined && !(Array.isArray(mr.Ports) && mr.Ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536))) {
    throw bad("MatchRequest.Ports", "expected a list of port numbers 1–65535.");
  }
}

function checkDestinations(d: unknown, required: boolean): void {
  if (d === undefined || (Array.isArray(d) && d.length === 0)) {
    if (required) throw bad("RouteDestinations", "at least one destination is required (or give RawVSRoute, Delegate or HTTPRedirect).");
    return;
  }
  if (!Array.isArray(d)) throw bad("RouteDestinations", "expected a list of {Weight, Destination{Host, Subset, Port{Number}}}.");
  let total = 0;
  d.forEach((item: unknown, i) => {
    const path = `RouteDestinations[${i}]`;
    if (!isObject(item) || !isObject(item.Destination)) throw bad(`${path}.Destination`, "an object {Host, Subset, Port} is required.");
    if (typeof item.Destination.Host !== "string" || item.Destination.Host === "") throw bad(`${path}.Destination.Host`, "a non-empty string is required.");
    const w = item.Weight ?? 100;
    if (!Number.isInteger(w) || (w as number) < 0 || (w as number) > 100) throw bad(`${path}.Weight`, `expected an integer from 0 to 100, got ${JSON.stringify(w)}.`);
    total += w as number;
  });
  if (d.length > 1 && total !== 100) throw bad("RouteDestinations", `weights must add up to 100, they add up to ${total}.`);
}

/** Returns the route object (PascalCase, as sent) after validation. */
export function parseGatewayRoute(p: Params): Record<string, unknown> {
  const route = p.json("GatewayRoute") ?? p.reqStr("GatewayRoute");
  if (!isObject(route)) throw E.invalidParameter("GatewayRoute", "expected one JSON object (not a list) with PascalCase keys.");
  const name = route.RouteName;
  if (typeof name !== "string" || name === "") throw E.missingParameter("GatewayRoute.RouteName");
  if (!ROUTE_NAME.test(name)) throw bad("RouteName", `"${name}" must be a DNS subdomain (lowercase letters, digits, '-', '.').`);
  if (route.RouteType !== undefined && !ROUTE_TYPES.includes(route.RouteType as string)) {
    throw bad("RouteType", `expected one of ${ROUTE_TYPES.join(", ")}, got ${JSON.stringify(route.RouteType)}.`);
  }
  if (route.Domains !== undefined && !(Array.isArray(route.Domains) && route.Domains.every((d) => typeof d === "string"))) {
    throw bad("Domains", "expected a list of host names.");
  }
  const adv = route.HTTPAdvancedOptions;
  if (adv !== undefined && !isObject(adv)) throw bad("HTTPAdvancedOptions", "expected an object.");
  checkMatchRequest(route.MatchRequest);
  const routeless = route.RawVSRoute !== undefined || (isObject(adv) && (adv.Delegate !== undefined || adv.HTTPRedirect !== undefined));
  checkDestinations(route.RouteDestinations, !routeless);
  return route;
}

export function readRouteStatus(p: Params): { priority?: number; status?: number; description?: string } {
  const status = p.int("Status", 0, 2);
  return { priority: p.int("Priority", 0), status, description: p.str("Description") };
}

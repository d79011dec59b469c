// GatewayRoute: create, update, additional status, delete, list and detail. Routes are stored as
// received (PascalCase GatewayRoute object) per mesh and gateway; Status is client-set (0 valid,
// 1 invalid, 2 error), not a lifecycle. A duplicate name on a gateway is a conflict (modelled).
import * as E from "../errors/catalog";
import { DEFAULT_GATEWAY_NAMESPACE } from "../modelled";
import type { MeshView, RouteView } from "../state/records";
import { newVisibility } from "../time/lifecycle";
import { findMesh, mutableMesh, operationsOf, readMesh, visibleNow, type OpContext } from "./context";
import { requireGateway } from "./gateways";
import { parseGatewayRoute, readRouteStatus } from "./gatewayRouteBody";
import type { Params } from "./params";
import { rawVsRoute } from "./virtualServiceRoute";

const routeKey = (r: RouteView): string => `${r.gateway}/${r.name}`;

function existingRoute(ctx: OpContext, mesh: MeshView, gateway: string, name: string, countRead: boolean): RouteView {
  const route = mesh.routes[`${gateway}/${name}`];
  if (!route || (countRead && !visibleNow(ctx, mesh, route.visibility))) throw E.routeNotFound(gateway, name);
  return route;
}

function createRoute(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = requireGateway(mesh, p.reqStr("IstioGatewayName"));
  const route = parseGatewayRoute(p);
  const extra = readRouteStatus(p);
  const name = route.RouteName as string;
  const key = `${gateway.name}/${name}`;
  if (mesh.routes[key]) throw E.alreadyExists("Gateway route", key);
  const now = ctx.store.clockNow();
  ctx.store.changeMesh(mesh, (m) => {
    m.routes[key] = {
      gateway: gateway.name, name, namespace: typeof route.Namespace === "string" ? route.Namespace : DEFAULT_GATEWAY_NAMESPACE,
      route, priority: extra.priority ?? 0, status: extra.status ?? 0, description: extra.description ?? "",
      createdAt: now, updatedAt: now, visibility: newVisibility(now),
    };
  });
  return {};
}

function updateRoute(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = p.reqStr("IstioGatewayName");
  const route = parseGatewayRoute(p);
  const record = existingRoute(ctx, mesh, gateway, route.RouteName as string, false);
  ctx.store.changeMesh(mesh, (m) => {
    const stored = m.routes[routeKey(record)];
    stored.route = route;
    if (typeof route.Namespace === "string") stored.namespace = route.Namespace;
  });
  return applyRouteStatus(ctx, mesh, record, p);
}

/** Priority, status and description, the part both update actions change. */
function applyRouteStatus(ctx: OpContext, mesh: MeshView, record: RouteView, p: Params): Record<string, unknown> {
  const extra = readRouteStatus(p);
  ctx.store.changeMesh(mesh, (m) => {
    const stored = m.routes[routeKey(record)];
    stored.priority = extra.priority ?? record.priority;
    stored.status = extra.status ?? record.status;
    stored.description = extra.description ?? record.description;
    stored.updatedAt = ctx.store.clockNow();
  });
  return {};
}

function updateAdditionalStatus(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = findMesh(ctx, p.reqStr("ServiceMeshId"));
  const record = existingRoute(ctx, mesh, p.reqStr("IstioGatewayName"), p.reqStr("RouteName"), false);
  return applyRouteStatus(ctx, mesh, record, p);
}

function deleteRoute(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = findMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = p.reqStr("IstioGatewayName");
  const name = p.reqStr("RouteName");
  existingRoute(ctx, mesh, gateway, name, false);
  ctx.store.changeMesh(mesh, (m) => delete m.routes[`${gateway}/${name}`]);
  return {};
}

const destinationsOf = (r: RouteView): Record<string, unknown>[] =>
  (Array.isArray(r.route.RouteDestinations) ? r.route.RouteDestinations : []).map((d: unknown) =>
    ((d as Record<string, unknown>).Destination ?? {}) as Record<string, unknown>);

function summary(r: RouteView): Record<string, unknown> {
  const uri = ((r.route.MatchRequest as Record<string, unknown> | undefined)?.URI ?? {}) as Record<string, unknown>;
  return {
    RouteName: r.name, ASMGatewayName: r.gateway, RoutePath: uri.MatchingContent ?? "", Status: r.status, Priority: r.priority,
    Description: r.description, Namespace: r.namespace,
    DestinationHost: destinationsOf(r).map((d) => d.Host), DestinationSubSet: destinationsOf(r).map((d) => d.Subset ?? ""),
  };
}

function describeRoutes(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  const gateway = p.str("IstioGatewayName");
  const routes = Object.values(mesh.routes)
    .filter((r) => (gateway === undefined || r.gateway === gateway) && visibleNow(ctx, mesh, r.visibility))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  return { ManagementRoutes: routes.map(summary) };
}

function describeRouteDetail(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  const r = existingRoute(ctx, mesh, p.reqStr("IstioGatewayName"), p.reqStr("RouteName"), true);
  const src = r.route;
  return {
    Namespace: r.namespace, Priority: r.priority, Status: r.status, Description: r.description,
    RouteDetail: {
      RouteName: r.name, RouteType: src.RouteType ?? "HTTP", Domains: src.Domains ?? [], MatchRequest: src.MatchRequest ?? {},
      HTTPAdvancedOptions: src.HTTPAdvancedOptions ?? {}, RouteDestinations: src.RouteDestinations ?? [],
      RawVSRoute: rawVsRoute(src), HasUnsafeFeatures: false,
    },
  };
}

export const routeOperations = operationsOf("GatewayRoute", {
  CreateIstioGatewayRoutes: createRoute,
  UpdateIstioGatewayRoutes: updateRoute,
  UpdateIstioRouteAdditionalStatus: updateAdditionalStatus,
  DeleteGatewayRoute: deleteRoute,
  DescribeIstioGatewayRoutes: describeRoutes,
  DescribeIstioGatewayRouteDetail: describeRouteDetail,
});

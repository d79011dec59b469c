// GatewayRoute: one route of an ASM gateway (a VirtualService route ASM manages for the gateway).
// Lifecycle: CreateIstioGatewayRoutes; ready when DescribeIstioGatewayRouteDetail shows it (a new
// route may be invisible for a moment). Route Status is a client-set flag, not a server lifecycle.
// Update: only priority/status/description changed -> UpdateIstioRouteAdditionalStatus; anything
// else -> UpdateIstioGatewayRoutes with the full definition. Replacement: meshId,
// gatewayName, routeName, namespace. Refresh maps the detail back to arguments, so drift shows in
// the next preview and `up` writes the declared route again.
// Adoption: `adopt: true` takes over an existing route of that name and applies the declared definition.
import * as pulumi from "@pulumi/pulumi";
import { isNotFound } from "../api";
import { defineProvider, minutes, partialState, ProviderContext, timeoutFor, Timeouts, VISIBILITY_POLICY } from "../framework";
import { deepEqual, diffInputs, Props } from "../schema";
import { providerShim } from "../shim";
import { whenError, whenValue } from "../waiter";
import { createReconciled, isAlreadyExists, writeWhenMeshSettles } from "./gatewayCalls";
import { ADDITIONAL_STATUS_FIELDS, checkRoute, gatewayRouteFields, ROUTE_STRUCTURED } from "./gatewayRoute.check";
import { fromWireRoute, parseRouteId, RouteArgsBody, routeId, toWireRoute } from "./gatewayRoute.mapping";

const DEFAULT_TIMEOUTS = { create: minutes(5), update: minutes(5), delete: minutes(5) };

type RouteInputs = RouteArgsBody & {
  meshId: string;
  gatewayName: string;
  priority: number;
  status: number;
  description: string;
  adopt?: boolean;
  timeouts?: Timeouts;
};

// Props that reach create/update have passed checkRoute, so they have the RouteInputs shape.
const asInputs = (p: Props): RouteInputs => p as unknown as RouteInputs;
const subjectOf = (a: { gatewayName: string; routeName: string }) => `GatewayRoute ${a.gatewayName}/${a.routeName}`;

export function diffRoute(olds: Props, news: Props): { changed: string[]; replaces: string[] } {
  const d = diffInputs(gatewayRouteFields, olds, news);
  for (const key of ROUTE_STRUCTURED) if (!deepEqual(olds[key], news[key])) d.changed.push(key);
  return d;
}

/** Which API call an update needs: none, the additional-status call, or the full route update. */
export function updateKind(changed: string[]): "none" | "additionalStatus" | "full" {
  const relevant = changed.filter((p) => p !== "adopt" && !p.startsWith("timeouts"));
  if (relevant.length === 0) return "none";
  return relevant.every((p) => (ADDITIONAL_STATUS_FIELDS as readonly string[]).includes(p)) ? "additionalStatus" : "full";
}

function writeParams(a: RouteInputs) {
  return {
    ServiceMeshId: a.meshId,
    IstioGatewayName: a.gatewayName,
    GatewayRoute: JSON.stringify(toWireRoute(a)),
    Priority: a.priority,
    Status: a.status,
    Description: a.description,
  };
}

function detailOf(ctx: ProviderContext, meshId: string, gateway: string, routeName: string) {
  return ctx.client.call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: meshId, IstioGatewayName: gateway, RouteName: routeName });
}

function waitVisible(ctx: ProviderContext, a: RouteInputs, timeoutMs: number) {
  return ctx.wait(() => detailOf(ctx, a.meshId, a.gatewayName, a.routeName), [whenValue(() => true, "success"), whenError(isNotFound, "retry")], {
    what: `${subjectOf(a)} to be visible`,
    subject: subjectOf(a),
    timeoutMs,
    policy: VISIBILITY_POLICY,
    label: (r) => ("err" in r ? "not visible" : "visible"),
  });
}

async function createRoute(inputs: Props, ctx: ProviderContext) {
  const a = asInputs(inputs);
  const id = routeId(a.meshId, a.gatewayName, a.routeName);
  const timeoutMs = timeoutFor("create", a.timeouts, DEFAULT_TIMEOUTS);
  if (a.adopt) {
    await detailOf(ctx, a.meshId, a.gatewayName, a.routeName).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
      throw new Error(`adopt: gateway ${a.gatewayName} of mesh ${a.meshId} has no route ${a.routeName}; remove adopt to create it`);
    });
  }
  const action = a.adopt ? "UpdateIstioGatewayRoutes" : "CreateIstioGatewayRoutes";
  const exists = () => detailOf(ctx, a.meshId, a.gatewayName, a.routeName).then(() => true);
  const write = () => writeWhenMeshSettles(ctx, subjectOf(a), timeoutMs, () => ctx.client.call(action, writeParams(a)));
  await createReconciled(ctx, action, write, exists).catch((err: unknown) => {
    if (isAlreadyExists(err)) throw new Error(`${(err as Error).message}. To manage the existing route, set adopt: true`);
    throw err;
  });
  await waitVisible(ctx, a, timeoutMs).catch((err: unknown) => {
    throw partialState(id, inputs, err);
  });
  return { id, outs: inputs };
}

async function readRoute(id: string, props: Props, ctx: ProviderContext) {
  const { meshId, gatewayName, routeName } = parseRouteId(id);
  const res = await detailOf(ctx, meshId, gatewayName, routeName).catch((err: unknown) => {
    if (isNotFound(err)) return undefined;
    throw err;
  });
  if (!res) return undefined;
  const { rawVirtualServiceRoute, ...route } = fromWireRoute(res.RouteDetail ?? {});
  const inputs: Props = { ...route, meshId, gatewayName, routeName };
  // The detail always carries a namespace and a RawVSRoute (rendered from the structured fields
  // when none was given), so they count only when the route declared them.
  if (props.namespace !== undefined && res.Namespace) inputs.namespace = res.Namespace;
  if (props.rawVirtualServiceRoute !== undefined) inputs.rawVirtualServiceRoute = rawVirtualServiceRoute;
  inputs.priority = res.Priority ?? 0;
  inputs.status = res.Status ?? 0;
  inputs.description = res.Description ?? "";
  for (const key of ["adopt", "timeouts"]) if (props[key] !== undefined) inputs[key] = props[key];
  return { id, props: inputs, inputs };
}

async function updateRoute(id: string, olds: Props, news: Props, ctx: ProviderContext) {
  const a = asInputs(news);
  const kind = updateKind(diffRoute(olds, news).changed);
  if (kind === "none") return news;
  const timeoutMs = timeoutFor("update", a.timeouts, DEFAULT_TIMEOUTS);
  const write = kind === "additionalStatus"
    ? () => ctx.client.call("UpdateIstioRouteAdditionalStatus", {
      ServiceMeshId: a.meshId, IstioGatewayName: a.gatewayName, RouteName: a.routeName,
      Priority: a.priority, Status: a.status, Description: a.description,
    })
    : () => ctx.client.call("UpdateIstioGatewayRoutes", writeParams(a));
  await writeWhenMeshSettles(ctx, subjectOf(a), timeoutMs, write);
  return news;
}

async function deleteRoute(id: string, _props: Props, ctx: ProviderContext) {
  const { meshId, gatewayName, routeName } = parseRouteId(id);
  await ctx.client.call("DeleteGatewayRoute", { ServiceMeshId: meshId, IstioGatewayName: gatewayName, RouteName: routeName }).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
  });
}

const base = defineProvider(
  { kind: "GatewayRoute", fields: gatewayRouteFields, outputs: [] },
  { create: createRoute, read: readRoute, update: (id, o, n, _d, ctx) => updateRoute(id, o, n, ctx), delete: deleteRoute },
);

export const gatewayRouteProvider: pulumi.dynamic.ResourceProvider = {
  ...base,
  async check(_olds, news) {
    const { inputs, failures } = checkRoute(news as Props);
    for (const key of Object.keys(news)) if (key.startsWith("__")) inputs[key] = news[key];
    return failures.length > 0 ? { inputs: news, failures } : { inputs };
  },
  async diff(_id, olds, news) {
    const d = diffRoute(olds as Props, news as Props);
    return { changes: d.changed.length > 0, replaces: d.replaces, deleteBeforeReplace: d.replaces.length > 0 };
  },
};

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

export type GatewayRouteArgs = Inputs<RouteArgsBody> & {
  meshId: pulumi.Input<string>;
  /** The ASMGateway name (IstioGatewayName). */
  gatewayName: pulumi.Input<string>;
  /** Smaller is matched first. Default 0. */
  priority?: pulumi.Input<number>;
  /** 0 = valid (default), 1 = invalid. */
  status?: pulumi.Input<number>;
  description?: pulumi.Input<string>;
  /** Take over an existing route of this name instead of creating one. */
  adopt?: pulumi.Input<boolean>;
  timeouts?: pulumi.Input<Timeouts>;
};

/** A route on an ASM gateway. id = <meshId>:<gatewayName>:<routeName>. */
export class GatewayRoute extends pulumi.dynamic.Resource {
  /** Derived from the id, which stays known while the route is updated in place. */
  public readonly routeName: pulumi.Output<string>;
  declare readonly priority: pulumi.Output<number>;
  declare readonly status: pulumi.Output<number>;

  constructor(name: string, args: GatewayRouteArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("GatewayRoute"), name, { ...args }, opts, "asm", "GatewayRoute");
    this.routeName = this.id.apply((id) => parseRouteId(id).routeName);
  }
}

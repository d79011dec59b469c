// GatewayRoute: one route of an ASM gateway (a VirtualService route ASM manages for the gateway).
// Lifecycle: CreateIstioGatewayRoutes; ready when DescribeIstioGatewayRouteDetail shows it (a new
// route may be invisible for a moment). Route Status is a client-set flag, not a server lifecycle.
// Update: only priority/status/description changed -> UpdateIstioRouteAdditionalStatus; anything
// else -> UpdateIstioGatewayRoutes with the full definition. Replacement: meshId,
// gatewayName, routeName, namespace. Refresh maps the detail back to arguments, so drift shows in
// the next preview and `up` writes the declared route again.
// Adoption: `adopt: true` takes over an existing route of that name and applies the declared definition.
import type * as pulumi from "@pulumi/pulumi";
import { isAlreadyExists, isNotFound } from "../../api";
import { defineProvider, minutes, partialState, ProviderContext, timeoutFor, VISIBILITY_POLICY } from "../../framework";
import { ADOPTED_KEY, adoptLive, checkedInputs, CheckedInputsOf, createOnlyMismatches, diffInputs, InputDiff, Props } from "../../schema";
import { joinMessage } from "../../messages";
import { whenError, whenValue } from "../../waiter";
import { createReconciled, writeOnMesh } from "../gatewayCalls";
import { ADDITIONAL_STATUS_FIELDS, gatewayRouteDescription, gatewayRouteFields } from "./description";
import { fromWireDetail, parseRouteId, routeId, toWireParams } from "./wire";

const DEFAULT_TIMEOUTS = { create: minutes(5), update: minutes(5), delete: minutes(5) };

type RouteInputs = CheckedInputsOf<typeof gatewayRouteFields>;

const asInputs = checkedInputs(gatewayRouteFields);
const subjectOf = (a: { gatewayName: string; routeName: string }) => `GatewayRoute ${a.gatewayName}/${a.routeName}`;


/** Which API call an update needs: none, the additional-status call, or the full route update. */
export function updateKind(changed: string[]): "none" | "additionalStatus" | "full" {
  const relevant = changed.filter((p) => p !== "adopt" && !p.startsWith("timeouts"));
  if (relevant.length === 0) return "none";
  return relevant.every((p) => (ADDITIONAL_STATUS_FIELDS as readonly string[]).includes(p)) ? "additionalStatus" : "full";
}

function writeParams(a: RouteInputs) {
  return toWireParams(a) as { ServiceMeshId: string; IstioGatewayName: string; GatewayRoute: string; Priority: number; Status: number; Description: string };
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

/**
 * The inputs an adoption writes: the declared route, in the live route's namespace when the program
 * leaves it unset (recorded as adopted). A declared namespace that differs is refused before any write:
 * the namespace is create-only, and the write would move the route.
 */
async function adoptedInputs(ctx: ProviderContext, a: RouteInputs, inputs: Props): Promise<Props> {
  const res = await detailOf(ctx, a.meshId, a.gatewayName, a.routeName).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
    throw new Error(`adopt: gateway ${a.gatewayName} of mesh ${a.meshId} has no route ${a.routeName}; remove adopt to create it`);
  });
  const live: Props = res.Namespace ? { namespace: res.Namespace } : {};
  const conflicts = createOnlyMismatches(gatewayRouteFields, live, inputs);
  if (conflicts.length > 0) throw new Error(`adopt: ${subjectOf(a)} does not match the program (${conflicts.join("; ")}); change the program to match the existing route`);
  const { inputs: declared, adopted } = adoptLive(gatewayRouteFields, live, inputs);
  return adopted.length > 0 ? { ...declared, [ADOPTED_KEY]: adopted } : declared;
}

/**
 * A route of this name already exists. Routes carry nothing the provider could mark them with (the
 * description is the user's), so a create the engine forgot is recognised by content: a live route equal
 * to the declared one is what that create made, or the same route, and managing it changes nothing. One
 * that differs is someone else's and is refused.
 */
async function takeIfDeclared(ctx: ProviderContext, id: string, inputs: Props, err: Error): Promise<void> {
  // Without an owner key this create is a --replace of the route in state: taking it would let the engine delete it.
  const live = ctx.owner === undefined ? undefined : await readRoute(id, inputs, ctx);
  const differs = live ? diffInputs(gatewayRouteFields, live.inputs, inputs).changed.filter((p) => p !== "adopt" && !p.startsWith("timeouts")) : [];
  if (live && differs.length === 0) {
    ctx.logger.info(`${id}: a route of this name with the declared spec exists (an earlier, interrupted create); continuing with it`);
    return;
  }
  const why = differs.length > 0 ? `the existing route differs from the declared one in ${differs.join(", ")}. ` : "";
  throw new Error(joinMessage(err.message, ". ", `${why}To manage the existing route, set adopt: true`));
}

async function createRoute(given: Props, ctx: ProviderContext) {
  const inputs = asInputs(given).adopt ? await adoptedInputs(ctx, asInputs(given), given) : given;
  const a = asInputs(inputs);
  const id = routeId(a.meshId, a.gatewayName, a.routeName);
  const timeoutMs = timeoutFor("create", a.timeouts, DEFAULT_TIMEOUTS);
  const action = a.adopt ? "UpdateIstioGatewayRoutes" : "CreateIstioGatewayRoutes";
  const exists = () => detailOf(ctx, a.meshId, a.gatewayName, a.routeName).then(() => true);
  const write = () => writeOnMesh(ctx, a.meshId, subjectOf(a), timeoutMs, () => ctx.client.call(action, writeParams(a)));
  await createReconciled(ctx, action, write, exists).catch(async (err: unknown) => {
    if (!isAlreadyExists(err)) throw err;
    await takeIfDeclared(ctx, id, inputs, err as Error);
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
  const { rawVirtualServiceRoute, priority, status, description, ...route } = fromWireDetail({ ...res, RouteDetail: res.RouteDetail ?? {} });
  const inputs: Props = { ...route, meshId, gatewayName, routeName };
  // The detail always carries a namespace and a RawVSRoute (rendered from the structured fields
  // when none was given), so they count only when the route declared them.
  if (props.namespace !== undefined && res.Namespace) inputs.namespace = res.Namespace;
  if (props.rawVirtualServiceRoute !== undefined) inputs.rawVirtualServiceRoute = rawVirtualServiceRoute;
  inputs.priority = priority ?? 0;
  inputs.status = status ?? 0;
  inputs.description = description ?? "";
  for (const key of ["adopt", "timeouts"]) if (props[key] !== undefined) inputs[key] = props[key];
  return { id, props: inputs, inputs };
}

async function updateRoute(_id: string, _olds: Props, news: Props, diff: InputDiff, ctx: ProviderContext) {
  const a = asInputs(news);
  const kind = updateKind(diff.changed);
  if (kind === "none") return news;
  const timeoutMs = timeoutFor("update", a.timeouts, DEFAULT_TIMEOUTS);
  const write = kind === "additionalStatus"
    ? () => ctx.client.call("UpdateIstioRouteAdditionalStatus", {
      ServiceMeshId: a.meshId, IstioGatewayName: a.gatewayName, RouteName: a.routeName,
      Priority: a.priority, Status: a.status, Description: a.description,
    })
    : () => ctx.client.call("UpdateIstioGatewayRoutes", writeParams(a));
  await writeOnMesh(ctx, a.meshId, subjectOf(a), timeoutMs, write);
  return news;
}

async function deleteRoute(id: string, _props: Props, ctx: ProviderContext) {
  const { meshId, gatewayName, routeName } = parseRouteId(id);
  await ctx.client.call("DeleteGatewayRoute", { ServiceMeshId: meshId, IstioGatewayName: gatewayName, RouteName: routeName }).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
  });
}

export const gatewayRouteProvider: pulumi.dynamic.ResourceProvider = defineProvider(gatewayRouteDescription, {
  create: createRoute, read: readRoute, update: updateRoute, delete: deleteRoute,
});

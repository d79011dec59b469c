// GatewayRoute: camelCase arguments <-> the PascalCase GatewayRoute structure that
// Create/UpdateIstioGatewayRoutes take as a JSON string and DescribeIstioGatewayRouteDetail returns
// as RouteDetail (research/asm-api.md §5). Every path is declared once, on its field
// (description.ts), so the two directions are inverses, which is what makes
// refresh-then-up drift correction exact.
import { fromWire, InputsOf, Props, toWire } from "../../schema";
// Straight from its file: the framework index loads the API client, which the program must not.
import { compositeId } from "../../framework/compositeId";
import { gatewayRouteFields } from "./description";

type Fields = typeof gatewayRouteFields;
type ParamFields = "meshId" | "gatewayName" | "priority" | "status" | "description" | "adopt" | "timeouts";

/** The route definition: the arguments that travel inside the GatewayRoute JSON parameter. */
export type RouteArgsBody = InputsOf<Omit<Fields, ParamFields>>;
export type MatchingMode = RouteArgsBody extends { match?: { uri?: { mode: infer M } } } ? M : never;

/** The API call's parameters, the route definition as its JSON string. */
export function toWireParams(inputs: Props): Props {
  const wire = toWire(gatewayRouteFields, inputs);
  return { ...wire, GatewayRoute: JSON.stringify(wire.GatewayRoute ?? {}) };
}

export function toWireRoute(a: RouteArgsBody): Props {
  return (toWire(gatewayRouteFields, a).GatewayRoute as Props | undefined) ?? {};
}

/** The arguments a DescribeIstioGatewayRouteDetail answer reports; an empty list there means none declared. */
export function fromWireDetail(detail: Props): Props {
  return fromWire(gatewayRouteFields, detail, { emptyListIsUnset: true });
}

/** The route definition a RouteDetail describes (the inverse of toWireRoute). */
export function fromWireRoute(detail: Props): RouteArgsBody {
  return fromWireDetail({ RouteDetail: detail }) as RouteArgsBody;
}

const ROUTE_ID = compositeId("GatewayRoute", ["meshId", "gatewayName", "routeName"]);

export function routeId(meshId: string, gatewayName: string, routeName: string): string {
  return ROUTE_ID.format({ meshId, gatewayName, routeName });
}

export const parseRouteId = ROUTE_ID.parse;

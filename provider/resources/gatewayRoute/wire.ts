// GatewayRoute: camelCase arguments <-> the PascalCase GatewayRoute structure that
// Create/UpdateIstioGatewayRoutes take as a JSON string and DescribeIstioGatewayRouteDetail returns
// as RouteDetail (research/asm-api.md §5). Every path is declared once, on its field
// (description.ts), so the two directions are inverses, which is what makes
// refresh-then-up drift correction exact.
import { fromWire, InputsOf, Props, toWire } from "../../schema";
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

export function routeId(meshId: string, gateway: string, routeName: string): string {
  return `${meshId}:${gateway}:${routeName}`;
}

export function parseRouteId(id: string): { meshId: string; gatewayName: string; routeName: string } {
  const parts = id.split(":");
  if (parts.length !== 3 || parts.some((p) => p === "")) {
    throw new Error(`GatewayRoute id ${JSON.stringify(id)} is not valid; expected <meshId>:<gatewayName>:<routeName>`);
  }
  return { meshId: parts[0], gatewayName: parts[1], routeName: parts[2] };
}

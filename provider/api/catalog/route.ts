// GatewayRoute operations (research/asm-api.md §5). GatewayRoute travels as one JSON string with
// PascalCase keys (the SDK's "shrink"); the route's wire structure lives on the fields of resources/gatewayRoute/description.ts (wire.ts maps through them).
import type { WireObject } from "./mesh";
import { BaseResponse, op } from "./operation";

export interface RouteWrite {
  ServiceMeshId: string;
  IstioGatewayName: string;
  /** JSON.stringify of the PascalCase GatewayRoute structure. */
  GatewayRoute: string;
  Priority?: number;
  Status?: number;
  Description?: string;
}

export interface RouteRef {
  ServiceMeshId: string;
  IstioGatewayName: string;
  RouteName: string;
}

export interface GatewayRouteDetailResponse extends BaseResponse {
  Namespace?: string;
  Priority?: number;
  Status?: number;
  Description?: string;
  RouteDetail?: WireObject;
}

export interface ManagementRoute {
  RouteName?: string;
  ASMGatewayName?: string;
  RoutePath?: string;
  Status?: number;
  Priority?: number;
  Description?: string;
  Namespace?: string;
}

export const routeOperations = {
  CreateIstioGatewayRoutes: op<RouteWrite, BaseResponse>({ method: "POST", query: [], readOnly: false, idempotent: false }),
  UpdateIstioGatewayRoutes: op<RouteWrite, BaseResponse>({ method: "POST", query: [], readOnly: false, idempotent: true }),
  UpdateIstioRouteAdditionalStatus: op<RouteRef & { Priority?: number; Status?: number; Description?: string }, BaseResponse>({
    method: "POST", query: ["RouteName", "Priority", "Status", "Description"], readOnly: false, idempotent: true,
  }),
  DeleteGatewayRoute: op<RouteRef, BaseResponse>({ method: "POST", query: [], readOnly: false, idempotent: true }),
  DescribeIstioGatewayRoutes: op<{ ServiceMeshId: string; IstioGatewayName: string }, BaseResponse & { ManagementRoutes?: ManagementRoute[] }>({
    method: "POST", query: [], readOnly: true, idempotent: true,
  }),
  DescribeIstioGatewayRouteDetail: op<RouteRef, GatewayRouteDetailResponse>({ method: "POST", query: [], readOnly: true, idempotent: true }),
};

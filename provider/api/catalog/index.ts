// The operation catalog: the single source of truth for every ASM action the provider calls.
// One file per family; to add a family, import it and spread it into `catalog` (one line each).
import { clusterOperations } from "./cluster";
import { gatewayOperations } from "./gateway";
import { meshOperations } from "./mesh";
import { routeOperations } from "./route";
import { secretOperations } from "./secret";
import type { Operation } from "./operation";

export const catalog = {
  ...meshOperations,
  ...clusterOperations,
  ...gatewayOperations,
  ...secretOperations,
  ...routeOperations,
};

export type Catalog = typeof catalog;
export type ActionName = keyof Catalog;
export type RequestOf<A extends ActionName> = Catalog[A] extends Operation<infer Req, infer _Res> ? Req : never;
export type ResponseOf<A extends ActionName> = Catalog[A] extends Operation<infer _Req, infer Res> ? Res : never;

export const API_VERSION = "2020-01-11";

export * from "./cluster";
export * from "./gateway";
export * from "./mesh";
export * from "./operation";
export * from "./route";
export * from "./secret";

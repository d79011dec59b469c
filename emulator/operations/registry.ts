// The action registry: every implemented ASM action → its handler and resource kind. An action
// missing here answers InvalidAction.NotFound. emulator/COVERAGE.md lists the same set.
import { clusterOperations } from "./clusters";
import type { OperationSpec } from "./context";
import { gatewayOperations } from "./gateways";
import { kialiOperations } from "./kiali";
import { meshVersionOperations } from "./meshVersions";
import { routeOperations } from "./routes";
import { secretOperations } from "./secrets";
import { serviceMeshOperations } from "./serviceMesh";
import { tagOperations } from "./tags";

export const OPERATIONS = {
  ...serviceMeshOperations,
  ...meshVersionOperations,
  ...kialiOperations,
  ...tagOperations,
  ...clusterOperations,
  ...gatewayOperations,
  ...secretOperations,
  ...routeOperations,
} satisfies Record<string, OperationSpec>;

export type ActionName = keyof typeof OPERATIONS;

export function findOperation(action: string): OperationSpec | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, action) ? OPERATIONS[action as ActionName] : undefined;
}

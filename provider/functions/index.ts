// The package's functions, one description each (schema/function.ts). To add one, write its description
// and add a line here: the plugin's Invoke, the package schema and the TypeScript forms all follow from this table.
import type { FunctionDescription } from "../schema";
import { getServiceMeshesDescription } from "./getServiceMeshes";
import { getVersionsDescription } from "./getVersions";

export const FUNCTIONS = {
  getServiceMeshes: getServiceMeshesDescription,
  getVersions: getVersionsDescription,
} satisfies Record<string, FunctionDescription>;

export type FunctionName = keyof typeof FUNCTIONS;

// Type tokens and the kinds they name: asm:index:<Kind> (packageSchema.ts typeToken) for every kind the
// registry has, asm:index:<function> for every function. The token is the only thing the engine tells the
// plugin about which kind or function a request is for.
import { FUNCTIONS } from "../functions";
import { DESCRIPTIONS, functionToken, typeToken } from "../packageSchema";
import type { ResourceKind } from "../runtime";
import type { FunctionDescription } from "../schema";

const byToken = new Map<string, ResourceKind>(
  (Object.keys(DESCRIPTIONS) as ResourceKind[]).map((kind) => [typeToken(kind), kind]),
);

/** The kind a type token names; the type part of a URN works as well. */
export function kindOf(token: string): ResourceKind {
  const kind = byToken.get(token);
  if (!kind) throw new Error(`asm: unknown resource type ${token}; this plugin serves ${[...byToken.keys()].join(", ")}`);
  return kind;
}

/** The type token inside a URN: urn:pulumi:<stack>::<project>::<parent types$>type::<name>. */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return types.split("$").pop() ?? types;
}

const functionsByToken = new Map<string, FunctionDescription>(
  Object.entries(FUNCTIONS).map(([name, d]) => [functionToken(name), d]),
);

/** The function a token names (asm:index:getServiceMeshes). */
export function functionOf(token: string): FunctionDescription {
  const fn = functionsByToken.get(token);
  if (!fn) throw new Error(`asm: unknown function ${token}; this plugin serves ${[...functionsByToken.keys()].join(", ")}`);
  return fn;
}

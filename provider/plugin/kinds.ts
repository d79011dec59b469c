// Type tokens and the kinds they name: asm:index:<Kind> (packageSchema.ts typeToken) for every kind the
// registry has. The token is the only thing the engine tells the plugin about which kind a request is for.
import { DESCRIPTIONS, typeToken } from "../packageSchema";
import type { ResourceKind } from "../runtime";

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

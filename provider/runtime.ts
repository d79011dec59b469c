// Entry point the serialized shim loads by package name ("asm-pulumi/runtime") inside the provider
// process. Maps a resource kind to its implementation. Keep this module cheap to load: resource
// implementations are required lazily so one kind's dependencies never load for another.
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./shim";

export function implementationFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  throw new Error(`asm-pulumi: no implementation registered for resource kind ${kind}`);
}

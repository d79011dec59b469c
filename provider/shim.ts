// The object Pulumi serializes into state as `__provider`.
//
// Closure serialization copies local code by value, and a resource's delete runs the code that was
// serialized at its last update (pulumi/pulumi#6238). So what gets serialized is only this shim: it
// captures the resource kind (a string) and loads the implementation by package name when a method
// runs. State then holds a few hundred bytes per resource, no credentials and no clients, and an
// upgraded package fixes read and delete for resources created by older versions.
import type * as pulumi from "@pulumi/pulumi";
import { onResourceConstructed } from "./programSide";

// Type-only: the program never loads the runtime module, the provider process loads it through the shim.
import type { ResourceKind } from "./runtime";

export type { ResourceKind };

/**
 * One shim object per kind. Pulumi caches a dynamic provider's serialized text by object identity, and
 * serializing one costs ~20 ms (the first ~250 ms); a new object per resource made a 200-route program
 * serialize 200 times before its first registration could go out.
 */
const shims = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

export function providerShim(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  // Only resource constructors call this, so it runs in the program and nowhere else.
  onResourceConstructed();
  let shim = shims.get(kind);
  if (!shim) {
    shim = makeShim(kind);
    shims.set(kind, shim);
  }
  return shim;
}

function makeShim(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  // `require` runs inside the provider process, never at serialization time, and resolves the package
  // from the program's directory. The specifier is a literal so the serializer sees a plain string, not
  // a captured module object.
  const load = (): pulumi.dynamic.ResourceProvider =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("asm-pulumi/runtime").implementationFor(kind);
  return {
    configure: async (req) => load().configure?.(req),
    check: async (olds, news) => load().check!(olds, news),
    diff: async (id, olds, news) => load().diff!(id, olds, news),
    create: async (inputs) => load().create(inputs),
    read: async (id, props) => load().read!(id, props),
    update: async (id, olds, news) => load().update!(id, olds, news),
    delete: async (id, props) => load().delete!(id, props),
  };
}

// Entry point the serialized shim loads by package name ("asm-pulumi/runtime") inside the provider
// process. Maps a resource kind to its implementation. Keep this module cheap to load: resource
// implementations are required lazily so one kind's dependencies never load for another.
// To register a kind, add one line to `registry`: the line is what makes the kind exist (ResourceKind is
// its keys), so a resource class for a kind without one does not compile.
import type * as pulumi from "@pulumi/pulumi";
import { forDynamicHost } from "./framework/dynamicHost";

type Loader = () => pulumi.dynamic.ResourceProvider;

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading is the point of this module */
const registry = {
  ServiceMesh: () => require("./resources/serviceMesh/lifecycle").serviceMeshProvider,
  ClusterAttachment: () => require("./resources/clusterAttachment/lifecycle").clusterAttachmentProvider,
  ASMGateway: () => require("./resources/asmGateway/lifecycle").asmGatewayProvider,
  GatewaySecret: () => require("./resources/gatewaySecret/lifecycle").gatewaySecretProvider,
  GatewayRoute: () => require("./resources/gatewayRoute/lifecycle").gatewayRouteProvider,
} satisfies Record<string, Loader>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The resource kinds this package implements: the registry's keys. */
export type ResourceKind = keyof typeof registry;

/** One loader for every kind. */
export type Registry = Record<ResourceKind, Loader>;

const loaded = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();
const hosted = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

/** The kind's implementation itself: check failures name their property (tests use this contract). */
export function coreImplementationFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const cached = loaded.get(kind);
  if (cached) return cached;
  // A kind name from an old state's serialized shim is a string at run time, whatever its type says.
  const load = (registry as Registry)[kind] as Loader | undefined;
  if (!load) throw new Error(`asm-pulumi: no implementation registered for resource kind ${kind}`);
  const impl = load();
  loaded.set(kind, impl);
  return impl;
}

/** What the serialized shim calls: the implementation in the words the engine prints best (framework/dynamicHost.ts). */
export function implementationFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  let impl = hosted.get(kind);
  if (!impl) {
    impl = forDynamicHost(coreImplementationFor(kind));
    hosted.set(kind, impl);
  }
  return impl;
}

// Entry point the serialized shim loads by package name ("asm-pulumi/runtime") inside the provider
// process. Maps a resource kind to its implementation. Keep this module cheap to load: resource
// implementations are required lazily so one kind's dependencies never load for another.
// To register a kind, add one line to `registry`.
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./shim";

type Loader = () => pulumi.dynamic.ResourceProvider;

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading is the point of this module */
const registry: Partial<Record<ResourceKind, Loader>> = {
  ServiceMesh: () => require("./resources/serviceMesh").serviceMeshProvider,
  ClusterAttachment: () => require("./resources/clusterAttachment").clusterAttachmentProvider,
  ASMGateway: () => require("./resources/asmGateway").asmGatewayProvider,
  GatewaySecret: () => require("./resources/gatewaySecret").gatewaySecretProvider,
  GatewayRoute: () => require("./resources/gatewayRoute").gatewayRouteProvider,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const loaded = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

export function implementationFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const cached = loaded.get(kind);
  if (cached) return cached;
  const load = registry[kind];
  if (!load) throw new Error(`asm-pulumi: no implementation registered for resource kind ${kind}`);
  const impl = load();
  loaded.set(kind, impl);
  return impl;
}

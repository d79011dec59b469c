// ASMGateway: camelCase arguments <-> the IstioGateway object. CreateASMGateway/UpdateASMGateway
// take the whole object as a JSON string (Body); the live object comes back from the mesh's
// Kubernetes API. Typed fields map 1:1 onto spec keys of the same name; `extraSpec` carries every
// other spec key, so a round trip through the live object reproduces the declared arguments.

import type { JsonObject, JsonValue } from "./gatewayFields";
// Straight from its file: the framework index loads the API client, which the program must not.
import { compositeId } from "../framework/compositeId";

export type { JsonObject, JsonValue };

export const ISTIO_GATEWAY_API_VERSION = "istio.alibabacloud.com/v1beta1";
export const DEFAULT_GATEWAY_NAMESPACE = "istio-system";

export interface GatewayPort {
  name: string;
  port: number;
  targetPort?: number;
  protocol?: string;
  nodePort?: number;
}

export interface ResourceQuantities {
  cpu?: string;
  memory?: string;
}

/** The spec part of the arguments: everything that UpdateASMGateway can change in place. */
export interface GatewaySpecArgs {
  gatewayType?: "ingress" | "egress";
  clusterIds: string[];
  ports?: GatewayPort[];
  serviceType?: "LoadBalancer" | "ClusterIP" | "NodePort";
  serviceAnnotations?: Record<string, string>;
  replicaCount?: number;
  minReplicas?: number;
  maxReplicas?: number;
  resources?: { limits?: ResourceQuantities; requests?: ResourceQuantities };
  /** Any other IstioGateway spec key (e.g. "env", "kernel", "rollingMaxSurge"), passed through as JSON. */
  extraSpec?: JsonObject;
}

/** Spec keys with a typed argument; extraSpec must not repeat them. */
export const TYPED_SPEC_KEYS = [
  "gatewayType", "clusterIds", "ports", "serviceType", "serviceAnnotations",
  "replicaCount", "minReplicas", "maxReplicas", "resources",
] as const;

export interface IstioGatewayBody {
  apiVersion: string;
  kind: "IstioGateway";
  metadata: { name: string; namespace: string };
  spec: JsonObject;
}

export function toGatewaySpec(args: GatewaySpecArgs): JsonObject {
  const spec: JsonObject = {};
  for (const key of TYPED_SPEC_KEYS) {
    const value = args[key];
    if (value !== undefined) spec[key] = value as JsonValue;
  }
  return { ...spec, ...(args.extraSpec ?? {}) };
}

export function toIstioGatewayBody(name: string, namespace: string, args: GatewaySpecArgs): IstioGatewayBody {
  return { apiVersion: ISTIO_GATEWAY_API_VERSION, kind: "IstioGateway", metadata: { name, namespace }, spec: toGatewaySpec(args) };
}

/** The arguments a live spec corresponds to: typed keys back to typed fields, the rest to extraSpec. */
export function fromGatewaySpec(spec: JsonObject): GatewaySpecArgs {
  const args: Record<string, unknown> = { clusterIds: [] };
  const extra: JsonObject = {};
  for (const [key, value] of Object.entries(spec)) {
    if ((TYPED_SPEC_KEYS as readonly string[]).includes(key)) args[key] = value;
    else extra[key] = value;
  }
  if (Object.keys(extra).length > 0) args.extraSpec = extra;
  return args as unknown as GatewaySpecArgs;
}

const GATEWAY_ID = compositeId("ASMGateway", ["meshId", "namespace", "name"]);

export function gatewayId(meshId: string, namespace: string, name: string): string {
  return GATEWAY_ID.format({ meshId, namespace, name });
}

export const parseGatewayId = GATEWAY_ID.parse;

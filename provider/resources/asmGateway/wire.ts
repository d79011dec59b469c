// ASMGateway: camelCase arguments <-> the IstioGateway object. CreateASMGateway/UpdateASMGateway
// take the whole object as a JSON string (Body); the live object comes back from the mesh's
// Kubernetes API. Where each argument goes is declared on its field (description.ts): typed fields
// map onto spec keys of the same name and `extraSpec` carries every other spec key, so a round trip
// through the live object reproduces the declared arguments.
import { fromWire, InputsOf, JsonObject, JsonValue, toWire } from "../../schema";
import { asmGatewayFields, GatewayPort } from "./description";

export type { GatewayPort, JsonObject, JsonValue };
export { DEFAULT_GATEWAY_NAMESPACE } from "./description";

export const ISTIO_GATEWAY_API_VERSION = "istio.alibabacloud.com/v1beta1";

type SpecFieldName = "gatewayType" | "clusterIds" | "ports" | "serviceType" | "serviceAnnotations" | "replicaCount" | "minReplicas" | "maxReplicas" | "resources" | "extraSpec";

/** The spec part of the arguments: everything that UpdateASMGateway can change in place. */
export type GatewaySpecArgs = InputsOf<Pick<typeof asmGatewayFields, SpecFieldName>>;

export interface IstioGatewayBody {
  apiVersion: string;
  kind: "IstioGateway";
  metadata: { name: string; namespace: string };
  spec: JsonObject;
}

export function toGatewaySpec(args: GatewaySpecArgs): JsonObject {
  return (toWire(asmGatewayFields, args).spec ?? {}) as JsonObject;
}

export function toIstioGatewayBody(name: string, namespace: string, args: GatewaySpecArgs): IstioGatewayBody {
  return { apiVersion: ISTIO_GATEWAY_API_VERSION, kind: "IstioGateway", metadata: { name, namespace }, spec: toGatewaySpec(args) };
}

/** The arguments a live spec corresponds to: typed keys back to typed fields, the rest to extraSpec. */
export function fromGatewaySpec(spec: JsonObject): GatewaySpecArgs {
  return fromWire(asmGatewayFields, { spec }) as GatewaySpecArgs;
}

export function gatewayId(meshId: string, namespace: string, name: string): string {
  return `${meshId}:${namespace}:${name}`;
}

export function parseGatewayId(id: string): { meshId: string; namespace: string; name: string } {
  const parts = id.split(":");
  if (parts.length !== 3 || parts.some((p) => p === "")) {
    throw new Error(`ASMGateway id ${JSON.stringify(id)} is not valid; expected <meshId>:<namespace>:<name>`);
  }
  return { meshId: parts[0], namespace: parts[1], name: parts[2] };
}

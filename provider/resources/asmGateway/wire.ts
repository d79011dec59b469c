// ASMGateway: camelCase arguments <-> the IstioGateway object. CreateASMGateway/UpdateASMGateway
// take the whole object as a JSON string (Body); the live object comes back from the mesh's
// Kubernetes API. Where each argument goes is declared on its field (description.ts): typed fields
// map onto spec keys of the same name and `extraSpec` carries every other spec key, so a round trip
// through the live object reproduces the declared arguments.
import { fromWire, InputsOf, JsonObject, JsonValue, toWire } from "../../schema";
// Straight from its file: the framework index loads the API client, which the program must not.
import { compositeId } from "../../framework/compositeId";
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

const GATEWAY_ID = compositeId("ASMGateway", ["meshId", "namespace", "name"]);

export function gatewayId(meshId: string, namespace: string, name: string): string {
  return GATEWAY_ID.format({ meshId, namespace, name });
}

export const parseGatewayId = GATEWAY_ID.parse;

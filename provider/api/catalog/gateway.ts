// ASMGateway operations (research/asm-api.md §3). Only create and update exist in the OpenAPI; the
// gateway is read and deleted through the mesh's Kubernetes API (provider/kube).
import { BaseResponse, op } from "./operation";

export interface AsmGatewayRequest {
  ServiceMeshId: string;
  IstioGatewayName: string;
  /** The whole IstioGateway object serialized as JSON (documented as "YAML content"; JSON is YAML). */
  Body: string;
}

export const gatewayOperations = {
  CreateASMGateway: op<AsmGatewayRequest, BaseResponse>({ method: "POST", query: [], readOnly: false, idempotent: false }),
  // A repeated full-spec update leaves the same spec.
  UpdateASMGateway: op<AsmGatewayRequest, BaseResponse>({ method: "POST", query: [], readOnly: false, idempotent: true }),
};

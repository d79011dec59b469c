// GatewaySecret operations (research/asm-api.md §4). No update and no content read: the API
// reports per-cluster results on create/delete and metadata (SNI, expiry) on describe.
import { BaseResponse, op } from "./operation";

/** One data-plane cluster's result; the map key is undocumented, ClusterId is authoritative. */
export interface SecretClusterRecord {
  State?: string;
  ClusterId?: string;
  Message?: string;
}

export interface GatewaySecretDetail {
  SecretName?: string;
  GatewayName?: string;
  SNI?: string;
  /** "normal" | "abnormal" */
  State?: string;
  Message?: string;
  IssueTime?: string;
  /** "YYYY-MM-DD HH:mm" */
  ExpiredTime?: string;
}

export interface SecretRef {
  ServiceMeshId: string;
  IstioGatewayName: string;
  SecretName: string;
}

export const secretOperations = {
  CreateGatewaySecret: op<SecretRef & { Cert: string; Key: string }, BaseResponse & { SecretCreateRecord?: Record<string, SecretClusterRecord> }>({
    method: "POST", query: [], readOnly: false, idempotent: false,
  }),
  DeleteGatewaySecret: op<SecretRef, BaseResponse & { SecretDeleteRecord?: Record<string, SecretClusterRecord> }>({
    method: "POST", query: [], readOnly: false, idempotent: true,
  }),
  DescribeGatewaySecretDetails: op<
    { ServiceMeshId: string; IstioGatewayName: string },
    BaseResponse & { GatewaySecretDetails?: GatewaySecretDetail[] }
  >({ method: "POST", query: [], readOnly: true, idempotent: true }),
};

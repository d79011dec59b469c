// MODELLED BEHAVIOUR. Everything in this file is behaviour the public ASM documentation does not
// describe (research/asm-api.md §1.8, DESIGN.md "Undocumented behaviour we model"). It is kept in
// one place so it is easy to find and to correct once a real response is recorded.
import type { ProfileName, TransitionRule } from "./types";

/** Mesh states. `initial` and `running` are documented; the others are our choice. */
export const MeshState = {
  initial: "initial",       // creating
  running: "running",
  updating: "updating",     // UpdateMeshFeature, cluster add/remove
  upgrading: "upgrading",   // UpgradeMeshVersion, UpgradeMeshEditionPartially
  deleting: "deleting",     // DeleteServiceMesh accepted, mesh still visible
  failed: "failed",         // ServiceMeshInfo.ErrorMessage says why
} as const;
export type MeshStateName = (typeof MeshState)[keyof typeof MeshState];

/** Only a running mesh accepts changes; anything else answers MESH_NOT_RUNNING (retryable). */
export const MUTABLE_MESH_STATES: readonly string[] = [MeshState.running];
/** DeleteServiceMesh without Force is accepted from these states. */
export const DELETABLE_MESH_STATES: readonly string[] = [MeshState.running, MeshState.failed];

/** Error codes we had to invent, with their HTTP status. Clients should treat the 409s as retryable. */
export const MODELLED_ERRORS = {
  meshNotRunning: { code: "Conflict.MeshNotRunning", httpStatus: 409 },
  alreadyExists: { code: "Conflict.AlreadyExists", httpStatus: 409 },
  clusterNotFound: { code: "Cluster.NotFound", httpStatus: 404 },
  clusterOtherVpc: { code: "Forbidden.ClusterVpcMismatch", httpStatus: 403 },
  clusterInMesh: { code: "Forbidden.ClusterInMesh", httpStatus: 403 },
  clusterHasIstioSystem: { code: "Forbidden.IstioSystemExists", httpStatus: 403 },
  clusterNotAttached: { code: "Cluster.NotInServiceMesh", httpStatus: 404 },
  clusterInUse: { code: "Conflict.ClusterInUse", httpStatus: 409 },
  gatewayNotFound: { code: "IstioGateway.NotFound", httpStatus: 404 },
  secretNotFound: { code: "GatewaySecret.NotFound", httpStatus: 404 },
  routeNotFound: { code: "GatewayRoute.NotFound", httpStatus: 404 },
  noUpgrade: { code: "Conflict.NoUpgradeAvailable", httpStatus: 409 },
  bodyTooLarge: { code: "RequestBodyTooLarge", httpStatus: 413 },
} as const;

/**
 * Transition keys. A per-kind override set with setTransitions("ServiceMesh", …) applies to every
 * ServiceMesh key; an override for an exact key ("ServiceMesh:delete") wins over it.
 */
export type TransitionKey =
  | "ServiceMesh:create" | "ServiceMesh:update" | "ServiceMesh:upgrade" | "ServiceMesh:delete"
  | "IstioGateway:delete" | "Visibility";

const MINUTE = 60_000;
/**
 * instant: a transitional state is reported on exactly one read, the next read sees the outcome
 *          (so waiters still poll once); new objects are visible at once.
 * fast:    ≤ 3 s per transition, new objects hidden for 250 ms (demos).
 * realistic: create 3 min, updates 1 min, delete 90 s, new objects hidden 2 s.
 */
export const PROFILE_TRANSITIONS: Record<ProfileName, Record<TransitionKey, TransitionRule>> = {
  instant: {
    "ServiceMesh:create": { afterReads: 1 }, "ServiceMesh:update": { afterReads: 1 },
    "ServiceMesh:upgrade": { afterReads: 1 }, "ServiceMesh:delete": { afterReads: 1 },
    "IstioGateway:delete": { afterReads: 1 }, Visibility: { afterReads: 0 },
  },
  fast: {
    "ServiceMesh:create": { afterMs: 3000 }, "ServiceMesh:update": { afterMs: 1500 },
    "ServiceMesh:upgrade": { afterMs: 2500 }, "ServiceMesh:delete": { afterMs: 2000 },
    "IstioGateway:delete": { afterMs: 1000 }, Visibility: { afterMs: 250 },
  },
  realistic: {
    "ServiceMesh:create": { afterMs: 3 * MINUTE }, "ServiceMesh:update": { afterMs: MINUTE },
    "ServiceMesh:upgrade": { afterMs: 2 * MINUTE }, "ServiceMesh:delete": { afterMs: 1.5 * MINUTE },
    "IstioGateway:delete": { afterMs: 10_000 }, Visibility: { afterMs: 2000 },
  },
};

/** Extra latency added to every RPC response, per profile (ms). */
export const PROFILE_LATENCY_MS: Record<ProfileName, number> = { instant: 0, fast: 0, realistic: 40 };

/** Namespace a gateway lands in when its Body names none (the console's default). */
export const DEFAULT_GATEWAY_NAMESPACE = "istio-system";

/**
 * Spec keys whose defaults the IstioGateway CRD reference documents ("ASM gateway CRD reference":
 * externalTrafficPolicy Cluster, replicaCount 1). Whether the real control plane writes them into the
 * stored object is not documented, so the emulator fills them in only when asked
 * (RuntimeOptions.gatewayDefaults, `--gateway-defaults`, control setGatewayDefaults): clients must
 * cope with both.
 */
export const DOCUMENTED_GATEWAY_DEFAULTS: Readonly<Record<string, string | number>> = { externalTrafficPolicy: "Cluster", replicaCount: 1 };

/** A cluster cannot leave a mesh while a gateway still runs on it. */
export const CLUSTER_REMOVAL_BLOCKED_BY_GATEWAYS = true;

/** Maximum accepted request body, bytes (the real gateway's limit is not documented). */
export const MAX_BODY_BYTES = 1024 * 1024;

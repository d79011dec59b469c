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

/**
 * Where a deletion phase ends: not a state any read reports, the mark that the record is to be
 * removed (reads then answer ServiceMesh.NotFound). State files of format 1 spelled it "__deleted".
 */
export const MESH_REMOVED = "removed";

export const isMeshRemoved = (status: string): boolean => status === MESH_REMOVED;

/** Only a running mesh accepts changes; anything else answers MESH_NOT_RUNNING (retryable). */
export const acceptsChanges = (status: string): boolean => status === MeshState.running;

/** A second DeleteServiceMesh while the first is in progress succeeds without starting anything. */
export const deleteIsNoOp = (status: string): boolean => status === MeshState.deleting;

/**
 * Why DeleteServiceMesh is refused, or undefined when it is accepted. Without Force only a running or
 * failed mesh with no cluster attached or joining can be deleted; Force skips both checks.
 */
export function deleteRefusal(status: string, attachedClusters: readonly string[], force: boolean): "notRunning" | "clustersNotEmpty" | undefined {
  if (force) return undefined;
  if (status !== MeshState.running && status !== MeshState.failed) return "notRunning";
  return attachedClusters.length > 0 ? "clustersNotEmpty" : undefined;
}

/**
 * An accepted delete releases the mesh's clusters at once rather than when the deletion completes,
 * so a forced delete lets them join another mesh while this one is still `deleting`.
 */
export const DELETE_RELEASES_CLUSTERS_AT_ONCE = true;

/** A cluster cannot leave a mesh while a gateway still runs on it (Conflict.ClusterInUse). */
export const CLUSTER_REMOVAL_BLOCKED_BY_GATEWAYS = true;

/** RemoveClusterFromServiceMesh with ReserveNamespace leaves istio-system behind, which blocks the next add (ForbiddenFlag 4). */
export const RESERVED_NAMESPACE_BLOCKS_REJOIN = true;

/** Error codes and HTTP statuses we had to choose, grouped by status. Clients should treat the 409s as retryable. */
function withStatus<K extends string>(httpStatus: number, codes: Record<K, string>): Record<K, { code: string; httpStatus: number }> {
  return Object.fromEntries(Object.entries<string>(codes).map(([k, code]) => [k, { code, httpStatus }])) as Record<K, { code: string; httpStatus: number }>;
}
export const MODELLED_ERRORS = {
  ...withStatus(409, { meshNotRunning: "Conflict.MeshNotRunning", alreadyExists: "Conflict.AlreadyExists", clusterInUse: "Conflict.ClusterInUse", noUpgrade: "Conflict.NoUpgradeAvailable" }),
  ...withStatus(404, {
    clusterNotFound: "Cluster.NotFound", clusterNotAttached: "Cluster.NotInServiceMesh",
    gatewayNotFound: "IstioGateway.NotFound", secretNotFound: "GatewaySecret.NotFound", routeNotFound: "GatewayRoute.NotFound",
  }),
  ...withStatus(403, { clusterOtherVpc: "Forbidden.ClusterVpcMismatch", clusterInMesh: "Forbidden.ClusterInMesh", clusterHasIstioSystem: "Forbidden.IstioSystemExists" }),
  ...withStatus(400, {
    clustersNotEmpty: "ErrorPermitted.ClustersNotEmpty",
    // Strict parameters (below): the service is not known to answer these, so the codes are ours, shaped
    // like the gateway's own InvalidParameter.
    unknownParameter: "InvalidParameter.NotInAction", misplacedParameter: "InvalidParameter.WrongPlace",
    misencodedParameter: "InvalidParameter.WrongEncoding",
  }),
  ...withStatus(413, { bodyTooLarge: "RequestBodyTooLarge" }),
};

/**
 * Whether the service rejects a request parameter its action does not have, or one sent in the other
 * place (query or form body), which is what strict parameters do (emulator/http/paramCheck.ts). Neither is
 * documented, and the evidence says it does not: the API reference sends every parameter of every action
 * in a GET query while the official SDK sends most of them in a POST form body, so the gateway reads both
 * places alike; the reference documents parameters the SDK never had (CreateServiceMesh
 * GlobalRateLimitEnabled), so one of the two clients sends what the other lacks; and the Alibaba Cloud CLI
 * checks parameter names itself against its own metadata ("unknown parameter") and offers `--force` to
 * send names it does not know, which only makes sense if the service accepts them. So the CLI's default
 * is lenient (accept and warn); tests and the in-process emulator are strict, to catch client mistakes.
 */
export const SERVICE_REJECTS_UNCONTRACTED_PARAMETERS = false;

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

/**
 * Kiali (UpdateKialiConfiguration, DescribeKialiConfiguration; the facts we have are the Terraform
 * provider's, see contract/outsideSdk/SOURCE.md). Modelled, all of it undocumented:
 * - Kiali runs in each data-plane cluster (the provider's documentation calls it "data plane deployment
 *   mode"), so login tokens and, with IntegrateCLB, addresses are reported per attached cluster, as JSON
 *   maps from cluster id (DistributedKialiAccessTokens, DistributedKialiAddresses), both placeholders;
 *   AggregatedKialiAddress, the managed mode's, stays "", and so does KialiIstioIngressAddress.
 * - AuthStrategy reads `defaultAuthStrategy` until one is set (the provider treats it as computed: the
 *   service fills it in); token is the one strategy the data-plane mode allows without further settings.
 * - An update changes only what it sends; OpenIdConfig, RAMOAuthConfig and ServerConfig are each replaced
 *   as a whole and read back as last sent (an empty object before), with nothing filled in.
 * - An update puts the mesh in `updating` until the change is done, like UpdateMeshFeature (the provider
 *   waits for `running` after each call). UsePopulatedArmsPrometheus is false: ARMS is not modelled.
 */
export const KIALI = { defaultAuthStrategy: "token", port: 20001 } as const;

/**
 * The sidecar version DescribeASMSidecarExpectedVersion reports: the mesh's Istio version as
 * DescribeServiceMeshDetail spells it. That it follows the mesh's version once an upgrade completes is
 * documented (ASM API reference, DescribeNamespaceScopeSidecarConfig); the spelling is our choice.
 */
export const expectedSidecarVersion = (meshVersion: string): string => meshVersion;

/** Namespace a gateway lands in when its Body names none (the console's default); routes too. */
export const DEFAULT_GATEWAY_NAMESPACE = "istio-system";

/**
 * Spec keys whose defaults the IstioGateway CRD reference documents ("ASM gateway CRD reference":
 * externalTrafficPolicy Cluster, replicaCount 1). Whether the real control plane writes them into the
 * stored object is not documented, so the emulator fills them in only when asked
 * (RuntimeOptions.gatewayDefaults, `--gateway-defaults`, control setGatewayDefaults): clients must
 * cope with both.
 */
export const DOCUMENTED_GATEWAY_DEFAULTS: Readonly<Record<string, string | number>> = { externalTrafficPolicy: "Cluster", replicaCount: 1 };

/** Maximum accepted request body, bytes (the real gateway's limit is not documented). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * What DescribeServiceMeshDetail reports where the documentation gives only an example or a list of values
 * (the official SDK's model comments), used by operations/meshView.ts:
 * - Edition.IstiodImageTag / ProxyImageTag: the mesh's version, with "-pro" before "-aliyun" for a Pro mesh
 *   (the example is "v1.9.7.1-3-gb3f1ab3c9c-pro-aliyun");
 * - LocalityLB.Failover / Distribute: the LocalityLBConf object the mesh was given, under whichever of the two
 *   its key names (the SDK types both as maps, and its example of Failover is {"failover":[…]});
 * - Audit.AuditProjectStatus: "exist" once audit is on, "not exist" until then (the documented values).
 */
export const proImageTag = (version: string, edition: string): string => (edition === "Pro" ? version.replace(/-aliyun$/, "-pro-aliyun") : version);
export const auditProjectStatus = (auditEnabled: boolean): string => (auditEnabled ? "exist" : "not exist");

/** A kubeconfig's certificate expires this long after DescribeServiceMeshKubeconfig hands it out (undocumented; ACK's are three years). */
export const KUBECONFIG_VALIDITY_MS = 3 * 365 * 24 * 3600 * 1000;

/**
 * What a mesh reports for a field no parameter has set yet, where the documentation gives no default: log
 * retention 30 days (the SDK's example value), and Istio's own drain duration.
 */
export const UNDOCUMENTED_INITIAL_READS = {
  ControlPlaneLogTTLInDay: 30, AccessLogGatewayLifecycle: 30, AccessLogSidecarLifecycle: 30, TerminationDrainDuration: "5s",
} as const;

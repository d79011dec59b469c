// Public data shapes of the emulator's configuration and control surface. Kept apart from the
// implementation so tests, the CLI and the provider's test helpers can import them cheaply.

export type ProfileName = "instant" | "fast" | "realistic";
export const PROFILE_NAMES: readonly ProfileName[] = ["instant", "fast", "realistic"];

/** An ACK cluster the emulated account owns; only these can be added to a mesh. */
export interface ClusterSeed {
  clusterId: string;
  name: string;
  vpcId: string;
  regionId?: string;            // default "cn-hangzhou"
  state?: "running" | "starting" | "stopping" | "stopped" | "failed";  // default "running"
  clusterDomain?: string;       // default "cluster.local"
  clusterType?: string;         // default "ManagedKubernetes"
  version?: string;             // Kubernetes version, default "v1.30.1-aliyun.1"
  hasIstioSystem?: boolean;     // an istio-system namespace already exists (ForbiddenFlag 4)
}

/**
 * When a pending transition completes: after `afterReads` reads of the record, or `afterMs`
 * milliseconds after it started, whichever comes first. Neither set = on the next read.
 */
export interface TransitionRule {
  afterReads?: number;
  afterMs?: number;
}

export type FaultEffect =
  | { type: "throttle" }                                   // Throttling.User, HTTP 400
  | { type: "error"; code: string; httpStatus?: number; message?: string }
  | { type: "serverError"; httpStatus?: 500 | 502 | 503 }  // InternalError / ServiceUnavailable
  | { type: "latency"; ms: number }                        // delay, then handle normally
  | { type: "drop" }                                       // close the socket, change not applied
  | { type: "lostResponse" }                               // apply the change, then close the socket
  | { type: "failResource"; message?: string };            // apply, then the mesh goes `failed`

export interface FaultRule {
  id?: string;
  /**
   * Match on the action name and/or the resource kind (ServiceMesh, ClusterAttachment, ASMGateway, GatewaySecret,
   * GatewayRoute; "Kubernetes" for the meshes' Kubernetes API, whose actions are e.g. "get istiogateways").
   */
  match?: { action?: string; kind?: string };
  effect: FaultEffect;
  /** Fire with this probability (seeded RNG); default 1. */
  probability?: number;
  /** Fire for the first N matching calls only, then disarm. */
  times?: number;
}

export interface RateLimit {
  requestsPerSecond: number;
  burst?: number;
}

export interface RequestLogEntry {
  action: string;
  time: string;
  status: number;
  code?: string;
  meshId?: string;
}

export interface Credential {
  accessKeyId: string;
  accessKeySecret: string;
}

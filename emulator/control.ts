// The in-process control handle. The HTTP control API (http/controlApi.ts) calls the same object,
// so both surfaces always behave alike.
import { validateFaultRule } from "./faults/faultRules";
import { applyMutation } from "./mutations";
import type { Runtime } from "./runtime";
import { failMeshRecord } from "./state/meshLifecycle";
import { PROFILE_NAMES, type Credential, type FaultRule, type ProfileName, type RateLimit, type RequestLogEntry, type TransitionRule } from "./types";
import type { OptionValue } from "./state/records";
import type { CompletedTransition } from "./time/lifecycle";

/** Out-of-band changes for drift tests (what another user could do in the console). */
export interface EmulatorMutations {
  renameMesh(meshId: string, name: string): void;
  setFeature(meshId: string, key: string, value: OptionValue): void;
  setTag(meshId: string, key: string, value: string): void;
  detachCluster(meshId: string, clusterId: string): void;
  deleteMesh(meshId: string): void;
  patchGatewaySpec(meshId: string, namespace: string, name: string, spec: Record<string, unknown>): void;
  deleteGateway(meshId: string, namespace: string, name: string): void;
  deleteSecret(meshId: string, gateway: string, secretName: string): void;
  deleteRoute(meshId: string, gateway: string, routeName: string): void;
  setClusterState(clusterId: string, state: string): void;
}

export interface EmulatorControl {
  reset(): void;
  state(): unknown;
  setProfile(profile: ProfileName): void;
  setTransitions(kind: string, rule: TransitionRule): void;
  addFault(rule: FaultRule): string;
  removeFault(id: string): void;
  clearFaults(): void;
  faults(): FaultRule[];
  setRateLimit(limit: RateLimit | undefined): void;
  /** Whether gateways are stored with the documented spec defaults filled in (modelled.ts). */
  setGatewayDefaults(enabled: boolean): void;
  requests(): RequestLogEntry[];
  counts(): Record<string, number>;
  /** Requests to the meshes' Kubernetes API ("get istiogateways", "delete istiogateways", …). */
  kubeRequests(): RequestLogEntry[];
  kubeCounts(): Record<string, number>;
  /** Timed transitions seen complete (mesh changes, new objects becoming visible) with their real duration. */
  transitions(): CompletedTransition[];
  /** Clears both request logs and the transition log. */
  clearRequests(): void;
  failMesh(meshId: string, message: string): void;
  /** New secret for an access key (old one rejected from now on); returns the new key pair. */
  rotateKey(accessKeyId: string): Credential;
  mutate: EmulatorMutations;
}

function validateTransitionRule(kind: string, rule: TransitionRule): void {
  if (typeof kind !== "string" || kind === "") throw new Error('transition "kind" must be a non-empty string such as "ServiceMesh".');
  for (const key of ["afterReads", "afterMs"] as const) {
    const v = rule[key];
    if (v !== undefined && !(typeof v === "number" && v >= 0)) throw new Error(`transition ${key} must be a number ≥ 0.`);
  }
}

function createMutations(rt: Runtime): EmulatorMutations {
  const m = (name: string, args: Record<string, unknown>) => applyMutation(rt, name, args);
  return {
    renameMesh: (meshId, name) => m("renameMesh", { meshId, name }),
    setFeature: (meshId, key, value) => m("setFeature", { meshId, key, value }),
    setTag: (meshId, key, value) => m("setTag", { meshId, key, value }),
    detachCluster: (meshId, clusterId) => m("detachCluster", { meshId, clusterId }),
    deleteMesh: (meshId) => m("deleteMesh", { meshId }),
    patchGatewaySpec: (meshId, namespace, name, spec) => m("patchGatewaySpec", { meshId, namespace, name, spec }),
    deleteGateway: (meshId, namespace, name) => m("deleteGateway", { meshId, namespace, name }),
    deleteSecret: (meshId, gateway, secretName) => m("deleteSecret", { meshId, gateway, secretName }),
    deleteRoute: (meshId, gateway, routeName) => m("deleteRoute", { meshId, gateway, routeName }),
    setClusterState: (clusterId, state) => m("setClusterState", { clusterId, state }),
  };
}

export function createControl(rt: Runtime): EmulatorControl {
  return {
    reset: () => {
      rt.store.reset();
      rt.store.flush();
      rt.faults.clear();
      rt.log.clear();
      rt.kubeLog.clear();
      rt.rules.clearOverrides();
      rt.rules.clearCompleted();
      rt.gatewayDefaults = rt.initialGatewayDefaults;
      rt.resetCredentials();
    },
    state: () => rt.store.snapshot(),
    setProfile: (profile) => {
      if (!PROFILE_NAMES.includes(profile)) throw new Error(`profile must be one of ${PROFILE_NAMES.join(", ")}; got "${String(profile)}".`);
      rt.rules.setProfile(profile);
    },
    setTransitions: (kind, rule) => {
      validateTransitionRule(kind, rule);
      rt.rules.override(kind, rule);
    },
    addFault: (rule) => rt.faults.add(validateFaultRule(rule)),
    removeFault: (id) => {
      if (!rt.faults.remove(id)) throw new Error(`fault "${id}" does not exist.`);
    },
    clearFaults: () => rt.faults.clear(),
    faults: () => rt.faults.list(),
    setRateLimit: (limit) => rt.setRateLimit(limit),
    setGatewayDefaults: (enabled) => {
      if (typeof enabled !== "boolean") throw new Error(`gateway defaults "enabled" must be true or false; got ${JSON.stringify(enabled)}.`);
      rt.gatewayDefaults = enabled;
    },
    requests: () => rt.log.list(),
    counts: () => rt.log.counts(),
    kubeRequests: () => rt.kubeLog.list(),
    kubeCounts: () => rt.kubeLog.counts(),
    transitions: () => rt.rules.completedTransitions(),
    clearRequests: () => {
      rt.log.clear();
      rt.kubeLog.clear();
      rt.rules.clearCompleted();
    },
    failMesh: (meshId, message) => {
      const mesh = rt.store.mesh(meshId);
      if (!mesh) throw new Error(`mesh "${meshId}" does not exist.`);
      failMeshRecord(rt.store, mesh, message);
      rt.store.flush();
    },
    rotateKey: (accessKeyId) => rt.rotateKey(accessKeyId),
    mutate: createMutations(rt),
  };
}

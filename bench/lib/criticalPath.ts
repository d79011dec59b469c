// The emulator's critical path for the quickstart under a latency profile: the modelled transition
// times along the longest dependency chain (emulator/modelled.ts PROFILE_TRANSITIONS). The mesh
// accepts one change at a time, so the cluster attachments, although independent in the program,
// run one after the other in the emulator; secret and routes wait only for their own visibility
// and run side by side after the gateway.
import { PROFILE_TRANSITIONS, type CompletedTransition, type ProfileName } from "../../emulator";

export interface PathStep {
  step: string;
  ms: number;
}

const afterMs = (profile: ProfileName, key: keyof (typeof PROFILE_TRANSITIONS)["fast"]): number => {
  const ms = PROFILE_TRANSITIONS[profile][key].afterMs;
  if (ms === undefined) throw new Error(`profile ${profile}: ${key} is read-counted, not timed; the critical path needs a timed profile such as "fast"`);
  return ms;
};

/** The quickstart's chain: mesh create, the attachments one after the other, the gateway, then the slowest visibility. */
function chain(createMs: number, attachMs: readonly number[], visibilityMs: number): { totalMs: number; steps: PathStep[] } {
  const steps: PathStep[] = [
    { step: "ServiceMesh create (initial → running)", ms: createMs },
    ...attachMs.map((ms, i) => ({ step: `ClusterAttachment ${i} (updating → running, serialized by the mesh)`, ms })),
    { step: "ASMGateway create (no modelled transition)", ms: 0 },
    { step: "GatewaySecret / GatewayRoutes read-after-create visibility (in parallel; the longest)", ms: visibilityMs },
  ];
  return { totalMs: steps.reduce((n, s) => n + s.ms, 0), steps };
}

export function quickstartCriticalPath(profile: ProfileName, clusterCount: number): { totalMs: number; steps: PathStep[] } {
  const attach = afterMs(profile, "ServiceMesh:update");
  return chain(afterMs(profile, "ServiceMesh:create"), Array.from({ length: clusterCount }, () => attach), afterMs(profile, "Visibility"));
}

/**
 * The same path from the durations the emulator really used in one up (control.transitions(), cleared
 * before it), for runs with a transition spread: the mesh create, the first `clusterCount` mesh updates
 * (the attachments) and the longest visibility of an object created after them (the secret and routes).
 */
export function realizedCriticalPath(transitions: readonly CompletedTransition[], clusterCount: number): { totalMs: number; steps: PathStep[] } {
  const create = transitions.find((t) => t.key === "ServiceMesh:create");
  const updates = transitions.filter((t) => t.key === "ServiceMesh:update").sort((a, b) => a.since - b.since).slice(0, clusterCount);
  if (!create || updates.length < clusterCount) {
    throw new Error(`the emulator reported ${create ? 1 : 0} mesh create and ${updates.length} of ${clusterCount} attachment transitions; cannot build the critical path`);
  }
  const attachedAt = Math.max(...updates.map((u) => u.since + u.afterMs));
  const visible = transitions.filter((t) => t.key === "Visibility" && t.since >= attachedAt).map((t) => t.afterMs);
  if (visible.length === 0) throw new Error("the emulator reported no visibility transition after the attachments; cannot build the critical path");
  return chain(create.afterMs, updates.map((u) => u.afterMs), Math.max(...visible));
}

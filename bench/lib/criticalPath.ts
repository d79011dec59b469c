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

/** The transitions on that chain in one up (control.transitions(), cleared before it). */
function chainTransitions(transitions: readonly CompletedTransition[], clusterCount: number) {
  const create = transitions.find((t) => t.key === "ServiceMesh:create");
  const updates = transitions.filter((t) => t.key === "ServiceMesh:update").sort((a, b) => a.since - b.since).slice(0, clusterCount);
  if (!create || updates.length < clusterCount) {
    throw new Error(`the emulator reported ${create ? 1 : 0} mesh create and ${updates.length} of ${clusterCount} attachment transitions; cannot build the critical path`);
  }
  const attachedAt = Math.max(...updates.map(endOf));
  const visibilities = transitions.filter((t) => t.key === "Visibility" && t.since >= attachedAt);
  if (visibilities.length === 0) throw new Error("the emulator reported no visibility transition after the attachments; cannot build the critical path");
  return { create, updates, visibilities };
}

const endOf = (t: CompletedTransition): number => t.since + t.afterMs;

/**
 * The same path from the durations the emulator really used in one up, for runs with a transition
 * spread: the mesh create, the first `clusterCount` mesh updates (the attachments) and the longest
 * visibility of an object created after them (the secret and routes).
 */
export function realizedCriticalPath(transitions: readonly CompletedTransition[], clusterCount: number): { totalMs: number; steps: PathStep[] } {
  const { create, updates, visibilities } = chainTransitions(transitions, clusterCount);
  return chain(create.afterMs, updates.map((u) => u.afterMs), Math.max(...visibilities.map((t) => t.afterMs)));
}

/**
 * How late the up noticed each change on the chain: from the moment it completed in the emulator to
 * the first request that found it complete (seenAt). For the secret and routes, from the last of them
 * becoming visible to the last of them seen. These are the waits' own cost (their poll schedules);
 * what the up spends beyond the critical path, the baseline and these is the provider's and the engine's.
 */
export function detectionLags(transitions: readonly CompletedTransition[], clusterCount: number): { totalMs: number; steps: { step: string; lagMs: number }[] } {
  const { create, updates, visibilities } = chainTransitions(transitions, clusterCount);
  const steps = [
    { step: "ServiceMesh create", lagMs: create.seenAt - endOf(create) },
    ...updates.map((u, i) => ({ step: `ClusterAttachment ${i}`, lagMs: u.seenAt - endOf(u) })),
    { step: "GatewaySecret / GatewayRoutes visible", lagMs: Math.max(...visibilities.map((t) => t.seenAt)) - Math.max(...visibilities.map(endOf)) },
  ];
  return { totalMs: steps.reduce((n, s) => n + s.lagMs, 0), steps };
}

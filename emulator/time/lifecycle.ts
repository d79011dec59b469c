// Lazy lifecycles: a record carries the phase it is in and the state it is heading for; the phase
// completes when the record is read after the configured number of reads or elapsed time. Nothing
// runs on timers, so tests are deterministic and a persisted state resumes where it stopped.
import { PROFILE_TRANSITIONS, type TransitionKey } from "../modelled";
import type { ProfileName, TransitionRule } from "../types";

export interface Phase {
  status: string;
  /** The status this phase ends in; equal to `status` when settled. */
  target: string;
  key: TransitionKey;
  since: number;
  reads: number;
}

/** Resolves the rule in force for a transition: exact-key override, then kind override, then profile. */
export class TransitionRules {
  private readonly overrides = new Map<string, TransitionRule>();

  constructor(private profile: ProfileName) {}

  get profileName(): ProfileName {
    return this.profile;
  }

  setProfile(profile: ProfileName): void {
    this.profile = profile;
  }

  /** `kind` is a kind ("ServiceMesh") or an exact key ("ServiceMesh:delete"). */
  override(kind: string, rule: TransitionRule): void {
    this.overrides.set(kind, { ...rule });
  }

  clearOverrides(): void {
    this.overrides.clear();
  }

  ruleFor(key: TransitionKey): TransitionRule {
    return this.overrides.get(key) ?? this.overrides.get(key.split(":")[0]) ?? PROFILE_TRANSITIONS[this.profile][key];
  }

  isDue(key: TransitionKey, since: number, reads: number, now: number): boolean {
    const rule = this.ruleFor(key);
    if (rule.afterReads === undefined && rule.afterMs === undefined) return true;
    if (rule.afterReads !== undefined && reads >= rule.afterReads) return true;
    return rule.afterMs !== undefined && now - since >= rule.afterMs;
  }
}

export function settledPhase(status: string, key: TransitionKey, now: number): Phase {
  return { status, target: status, key, since: now, reads: 0 };
}

export function startPhase(status: string, target: string, key: TransitionKey, now: number): Phase {
  return { status, target, key, since: now, reads: 0 };
}

export const isSettled = (phase: Phase): boolean => phase.status === phase.target;

/**
 * Moves a phase forward if it is due. A counted read that does not complete the phase is recorded,
 * so with `afterReads: 1` exactly one read sees the transitional state. Returns true when the phase
 * completed on this call.
 */
export function advancePhase(phase: Phase, rules: TransitionRules, now: number, countRead: boolean): boolean {
  if (isSettled(phase)) return false;
  if (rules.isDue(phase.key, phase.since, phase.reads, now)) {
    phase.status = phase.target;
    return true;
  }
  if (countRead) phase.reads += 1;
  return false;
}

/** Read-after-create visibility: a new object is hidden until the "Visibility" rule is met. */
export interface Visibility {
  since: number;
  reads: number;
  visible: boolean;
}

export const newVisibility = (now: number): Visibility => ({ since: now, reads: 0, visible: false });

export function isVisible(v: Visibility, rules: TransitionRules, now: number): boolean {
  if (v.visible) return true;
  if (rules.isDue("Visibility", v.since, v.reads, now)) {
    v.visible = true;
    return true;
  }
  v.reads += 1;
  return false;
}

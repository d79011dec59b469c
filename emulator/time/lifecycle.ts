// Lazy lifecycles: a record carries the phase it is in and the state it is heading for; the phase
// completes when the record is read after the configured number of reads or elapsed time. Nothing
// runs on timers, so tests are deterministic and a persisted state resumes where it stopped.
import { SeededRandom } from "../faults/rng";
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

/** Largest accepted spread: a transition may take from half to one and a half times its nominal time. */
export const MAX_TRANSITION_SPREAD = 0.5;

/**
 * The factor a timed transition's nominal duration is multiplied by: drawn from [1 - spread, 1 + spread]
 * by a generator seeded with the emulator's seed, the transition and its start time, so one transition
 * always gets the same duration (state persists and reloads) and the same run replays.
 */
export function spreadFactor(spread: number, seed: number, key: string, since: number): number {
  if (spread === 0) return 1;
  let h = seed >>> 0;
  for (const ch of `${key}@${since}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return 1 + spread * (2 * new SeededRandom(h).next() - 1);
}

/** A timed transition that completed: when it started and how long it took (after any spread). */
export interface CompletedTransition {
  key: TransitionKey;
  since: number;
  afterMs: number;
  /**
   * When a request first found it complete (it completes on the first request after since + afterMs):
   * seenAt - (since + afterMs) is how late a client polling for it noticed.
   */
  seenAt: number;
}

/** Completed transitions kept for the control API; older ones are dropped past this many. */
const MAX_COMPLETED = 10_000;

/** Resolves the rule in force for a transition: exact-key override, then kind override, then profile. */
export class TransitionRules {
  private readonly overrides = new Map<string, TransitionRule>();
  private readonly completed = new Map<string, CompletedTransition>();
  private readonly spread: number;
  private readonly seed: number;

  /** `spread` (0 to MAX_TRANSITION_SPREAD) varies every timed transition's duration around the profile's. */
  constructor(private profile: ProfileName, opts: { spread?: number; seed?: number } = {}) {
    this.spread = opts.spread ?? 0;
    this.seed = opts.seed ?? 1;
    if (!(this.spread >= 0 && this.spread <= MAX_TRANSITION_SPREAD)) {
      throw new Error(`transition spread must be a number from 0 to ${MAX_TRANSITION_SPREAD}; got ${String(opts.spread)}.`);
    }
  }

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
    if (rule.afterMs === undefined) return false;
    const afterMs = Math.round(rule.afterMs * spreadFactor(this.spread, this.seed, key, since));
    if (now - since < afterMs) return false;
    this.recordCompleted({ key, since, afterMs, seenAt: now });
    return true;
  }

  /** Timed transitions seen complete since the last clear, oldest first. */
  completedTransitions(): CompletedTransition[] {
    return [...this.completed.values()];
  }

  clearCompleted(): void {
    this.completed.clear();
  }

  private recordCompleted(t: CompletedTransition): void {
    const id = `${t.key}@${t.since}`;
    if (this.completed.has(id)) return;
    this.completed.set(id, t);
    if (this.completed.size > MAX_COMPLETED) this.completed.delete(this.completed.keys().next().value as string);
  }
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

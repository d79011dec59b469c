// Fault rules are data: a match on action and/or kind, an effect, and when to fire (a seeded
// probability, the first N calls, or always). Checked after authentication, before the handler.
import type { FaultEffect, FaultRule } from "../types";
import { SeededRandom } from "./rng";

const EFFECT_TYPES = ["throttle", "error", "serverError", "latency", "drop", "lostResponse", "failResource"];

interface ArmedRule {
  id: string;
  rule: FaultRule;
  remaining: number;   // Infinity when `times` is absent
}

/** Validates a rule from untrusted JSON (control API, --faults file) and says what is wrong. */
export function validateFaultRule(input: unknown): FaultRule {
  const rule = input as FaultRule;
  if (typeof input !== "object" || input === null) throw new Error("a fault rule must be an object.");
  const effect = rule.effect as FaultEffect | undefined;
  if (!effect || !EFFECT_TYPES.includes(effect.type)) throw new Error(`fault effect.type must be one of ${EFFECT_TYPES.join(", ")}.`);
  if (effect.type === "error" && typeof effect.code !== "string") throw new Error('fault effect "error" needs a string "code".');
  if (effect.type === "latency" && !(typeof effect.ms === "number" && effect.ms >= 0)) throw new Error('fault effect "latency" needs "ms" ≥ 0.');
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) throw new Error("fault probability must be within 0..1.");
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) throw new Error("fault times must be a positive integer.");
  return rule;
}

export class FaultInjector {
  private rules: ArmedRule[] = [];
  private counter = 0;
  private rng: SeededRandom;

  constructor(private readonly seed: number) {
    this.rng = new SeededRandom(seed);
  }

  get size(): number {
    return this.rules.length;
  }

  add(rule: FaultRule): string {
    validateFaultRule(rule);
    this.counter += 1;
    const id = rule.id ?? `fault-${this.counter}`;
    this.rules = this.rules.filter((r) => r.id !== id);
    this.rules.push({ id, rule: { ...rule, id }, remaining: rule.times ?? Infinity });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
    this.rng = new SeededRandom(this.seed);
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule, ...(Number.isFinite(r.remaining) ? { times: r.remaining } : {}) }));
  }

  /** The effects that fire for this call, in rule order; disarms rules whose count ran out. */
  fire(action: string, kind: string): FaultEffect[] {
    if (this.rules.length === 0) return [];
    const fired: FaultEffect[] = [];
    for (const armed of this.rules) {
      const m = armed.rule.match ?? {};
      if ((m.action && m.action !== action) || (m.kind && m.kind !== kind)) continue;
      if (armed.rule.probability !== undefined && this.rng.next() >= armed.rule.probability) continue;
      armed.remaining -= 1;
      fired.push(armed.rule.effect);
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return fired;
  }
}

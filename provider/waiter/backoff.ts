// Exponential backoff with full jitter ("AWS architecture blog: exponential backoff and jitter"):
// delay = random(0, min(cap, base * 2^attempt)), floored at `minMs`. Shared by the waiter and the
// transport retry so both space their calls the same way.

export interface BackoffPolicy {
  /** Smallest delay between two attempts. */
  minMs: number;
  /** Largest delay between two attempts. */
  maxMs: number;
}

export type Random = () => number;

/** Delay before retry number `attempt` (0-based). `random` returns [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: Random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.minMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(policy.minMs, Math.min(policy.maxMs, jittered));
}

/** Multiplies a policy by a scale factor (ASM_WAIT_SCALE for tests and benches). */
export function scalePolicy(policy: BackoffPolicy, scale: number): BackoffPolicy {
  return { minMs: policy.minMs * scale, maxMs: policy.maxMs * scale };
}

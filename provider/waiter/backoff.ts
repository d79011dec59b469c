// Two ways to space attempts, both jittered:
// - retries (transport errors, throttling, "mesh busy"): exponential backoff with full jitter
//   ("AWS architecture blog: exponential backoff and jitter"), delay = random(0, min(cap, base * 2^attempt)),
//   floored at `minMs`, so many clients retrying at once spread out;
// - waits for a state (policies with `growth`): the delay grows with the time already waited,
//   delay = min(cap, minMs + growth * elapsed), less up to 10% jitter. A change is then noticed within about
//   growth × (its duration) of happening, whether it takes seconds or minutes, with few polls: pure doubling
//   either polls a long wait too often early or notices a short one late (bench/waiter.ts measures both).

export interface BackoffPolicy {
  /** Smallest delay between two attempts. */
  minMs: number;
  /** Largest delay between two attempts. */
  maxMs: number;
  /** For waits: each delay is minMs plus this fraction of the time waited so far (capped at maxMs). */
  growth?: number;
}

/** Share of a wait delay removed at random, so pollers started together drift apart. */
const WAIT_JITTER = 0.1;

/** Delay before the next poll of a wait that has lasted `elapsedMs`; exponential when the policy has no growth. */
export function pollDelay(policy: BackoffPolicy, attempt: number, elapsedMs: number, random: Random = Math.random): number {
  if (policy.growth === undefined) return backoffDelay(policy, attempt, random);
  const ceiling = Math.min(policy.maxMs, policy.minMs + policy.growth * Math.max(0, elapsedMs));
  return Math.max(0, Math.floor(ceiling * (1 - WAIT_JITTER * random())));
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
  return { ...policy, minMs: policy.minMs * scale, maxMs: policy.maxMs * scale };
}

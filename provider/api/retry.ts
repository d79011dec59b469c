// Transport-level retry: repeats one API call after throttling, 5xx or a network failure, with
// jittered exponential backoff and a cap on attempts. Whether a given failure may be retried is the
// caller's decision (reads always; writes only when a repeat cannot duplicate anything).
// Waiting for a resource to become ready is the waiter's job, not this one's.
import { BackoffPolicy, backoffDelay, Clock, Random, realClock, retryOutlastsWait } from "../waiter";

export interface RetryPolicy {
  /** Total attempts including the first; 1 disables retries. */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, backoff: { minMs: 500, maxMs: 8_000 } };

export interface RetryHooks {
  clock?: Clock;
  random?: Random;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
}

export async function withRetry<T>(
  attemptOnce: () => Promise<T>,
  mayRetry: (err: unknown) => boolean,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
  /** `read`: the call changes nothing, so inside a wait it is not retried past the wait's deadline (waiter/deadline.ts). */
  opts: { read?: boolean } = {},
): Promise<T> {
  const clock = hooks.clock ?? realClock;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (err) {
      if (attempt + 1 >= policy.maxAttempts || !mayRetry(err)) throw err;
      const delay = backoffDelay(policy.backoff, attempt, hooks.random);
      if (opts.read && retryOutlastsWait(delay)) throw err;
      hooks.onRetry?.(err, attempt + 1, delay);
      await clock.sleep(delay);
    }
  }
}

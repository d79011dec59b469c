// Token bucket: `burst` tokens, refilled at `requestsPerSecond`. Time comes from the injected clock.
import type { Clock } from "../time/clock";
import type { RateLimit } from "../types";

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(readonly limit: RateLimit, private readonly clock: Clock) {
    if (!(limit.requestsPerSecond > 0)) throw new Error(`rateLimit.requestsPerSecond must be a positive number, got ${limit.requestsPerSecond}.`);
    this.capacity = Math.max(1, limit.burst ?? limit.requestsPerSecond);
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  /** Takes one token; false when the bucket is empty. */
  tryTake(): boolean {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.limit.requestsPerSecond) / 1000);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

// Time as an injectable dependency. Everything that waits (the waiter, transport retries) takes a
// Clock so unit tests can run a fake clock and never really sleep. `realClock` is the only place in
// provider/ that calls setTimeout.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (a wait woken early frees its timer). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};

/** A manual clock for tests: `sleep` advances time at once and records each requested delay. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current = 0) {}
  now(): number {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += Math.max(0, ms);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

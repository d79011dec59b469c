// Time as an injectable dependency. Everything that waits (the waiter, transport retries) takes a
// Clock so unit tests can run a fake clock and never really sleep. `realClock` is the only place in
// provider/ that calls setTimeout.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
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

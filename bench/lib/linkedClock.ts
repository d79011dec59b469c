// One modelled timeline for both sides: the provider's waiter sleeps by advancing the emulator's
// ManualClock, so a 300 s transition is simulated in well under a second of real time while
// lifecycles, poll spacing and deadlines all see the same clock.
import type { ManualClock } from "../../emulator";
import type { Clock } from "../../provider/waiter";

export class LinkedClock implements Clock {
  /** Every delay the provider asked to sleep, in order. */
  readonly sleeps: number[] = [];

  constructor(private readonly emulatorClock: ManualClock) {}

  now(): number {
    return this.emulatorClock.now();
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.emulatorClock.advance(Math.max(0, ms));
  }
}


// The explorer's only source of randomness: the emulator's seeded generator (mulberry32), so a seed names a run
// and `npm run explore -- --seed N` replays its steps exactly.
import { SeededRandom } from "../../emulator/faults/rng";

export class Rng {
  private readonly source: SeededRandom;

  constructor(readonly seed: number) {
    this.source = new SeededRandom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.source.next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: no items to pick from");
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, each with probability proportional to its weight (weights > 0). */
  weighted<T>(items: readonly { item: T; weight: number }[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    if (items.length === 0 || total <= 0) throw new Error("Rng.weighted: nothing with a positive weight");
    let r = this.next() * total;
    for (const i of items) {
      r -= i.weight;
      if (r < 0) return i.item;
    }
    return items[items.length - 1].item;
  }
}

/** A fresh seed for a run that was given none; the only use of the clock's entropy, printed first. */
export function randomSeed(): number {
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}

// A wait's deadline, visible to the reads its polls make, the way a Go context carries one. Without it
// one read could outlive the wait by minutes: a client repeats a failing read up to 8 times, and an
// unanswered attempt waits 5 s (OpenAPI) or 30 s (the mesh's Kubernetes API), so a hung server kept a
// "1s" wait running for 40 s, and a "10m" one for minutes past ten. Inside a wait, a read is not
// retried past the deadline, and a Kubernetes read's timeout is cut to the time left, though never
// below FINAL_CALL_MS: the wait's last poll fires at its deadline and must get a chance to answer.
// Writes keep their retries and timeouts: cutting one short would only make its outcome unknown.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Clock } from "./clock";

interface Deadline {
  at: number;
  clock: Clock;
}

const current = new AsyncLocalStorage<Deadline>();

/** The least time a read made at or past its wait's deadline still gets. */
export const FINAL_CALL_MS = 5_000;

/** Runs `poll` with the wait's deadline visible to the reads it makes. */
export function withDeadline<T>(at: number, clock: Clock, poll: () => Promise<T>): Promise<T> {
  return current.run({ at, clock }, poll);
}

/** Milliseconds left before the current wait's deadline; undefined outside a wait. */
export function timeLeftMs(): number | undefined {
  const d = current.getStore();
  return d === undefined ? undefined : d.at - d.clock.now();
}

/** A read's per-attempt timeout: `defaultMs`, cut to the time the current wait has left, never below FINAL_CALL_MS. */
export function readTimeoutMs(defaultMs: number): number {
  const left = timeLeftMs();
  return left === undefined ? defaultMs : Math.min(defaultMs, Math.max(FINAL_CALL_MS, left));
}

/** True when a read's retry after `delayMs` would start at or past the current wait's deadline. */
export function retryOutlastsWait(delayMs: number): boolean {
  const left = timeLeftMs();
  return left !== undefined && delayMs >= left;
}

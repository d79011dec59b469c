// Work the provider process can do while it waits anyway. A wait sleeps for seconds between polls;
// loading a large module then (e.g. the Kubernetes client a later gateway step needs, ~0.2 s of
// synchronous work) keeps that cost off the step that needs it. Tasks run once, inside the first
// sleep long enough to hide them, and a failing task is dropped: the step that needs the module
// loads it again and reports the error there.

/** Sleeps shorter than this are not worth filling (and instant-profile tests never see the work). */
export const IDLE_WORK_MIN_SLEEP_MS = 500;

const pending: Array<() => void> = [];

export function whileWaiting(task: () => void): void {
  pending.push(task);
}

/** Runs the pending tasks if `sleepMs` is long enough; the waiter calls this as a sleep begins. */
export function runIdleWork(sleepMs: number): void {
  if (sleepMs < IDLE_WORK_MIN_SLEEP_MS) return;
  for (let task = pending.shift(); task; task = pending.shift()) {
    try {
      task();
    } catch {
      // Dropped on purpose: see the header.
    }
  }
}

// Errors the waiter throws. Each carries what was observed so the message explains itself:
// "timed out after 900s waiting for ServiceMesh c12 to reach running; last seen: initial;
// observed: initial×41, Throttling×3".
import { clause } from "../messages";

export interface WaitReport {
  /** What was being waited for, e.g. "ServiceMesh c12 to reach running". */
  what: string;
  elapsedMs: number;
  /** Label of the last poll result (a state or an error code). */
  lastSeen: string | undefined;
  /** How many polls returned each label, in first-seen order. */
  observed: Record<string, number>;
}

export function formatObserved(observed: Record<string, number>): string {
  return Object.entries(observed)
    .map(([label, n]) => `${label}×${n}`)
    .join(", ");
}

function summary(r: WaitReport): string {
  return `last seen: ${r.lastSeen ?? "nothing"}; observed: ${formatObserved(r.observed) || "no polls"}`;
}

export class WaiterTimeoutError extends Error {
  override readonly name = "WaiterTimeoutError";
  constructor(readonly report: WaitReport) {
    super(`timed out after ${Math.round(report.elapsedMs / 1000)}s waiting for ${report.what}; ${summary(report)}`);
  }
}

export class WaiterFailureError extends Error {
  override readonly name = "WaiterFailureError";
  constructor(
    readonly report: WaitReport,
    readonly reason: string,
    override readonly cause?: unknown,
  ) {
    super(`${report.what} failed after ${Math.round(report.elapsedMs / 1000)}s: ${clause(reason)} (${summary(report)})`);
  }
}

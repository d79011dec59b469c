// The one polling loop. Every "wait until ready / gone" in the provider goes through waitUntil:
//   - polls, classifies each result with acceptors (success / failure / retry),
//   - spaces polls by the policy: a delay growing with the time waited (policies with `growth`),
//     or exponential backoff with full jitter, capped,
//   - fires one last poll just before the deadline instead of sleeping past it,
//   - fails fast on a failure acceptor with the reason the caller extracts (e.g. ErrorMessage),
//   - reports each poll through onPoll (the framework rate-limits it into Pulumi's log).
// Clock and random are injected so unit tests never really sleep.
import { Acceptor, evaluate, PollResult, WaitState } from "./acceptors";
import { BackoffPolicy, pollDelay, Random } from "./backoff";
import { Clock, realClock } from "./clock";
import { WaiterFailureError, WaiterTimeoutError, WaitReport } from "./errors";

export interface Observation {
  attempt: number;
  elapsedMs: number;
  label: string;
  state: WaitState;
}

export interface WaitOptions<T> {
  /** What is awaited, for messages: "ServiceMesh c12 to reach running". */
  what: string;
  timeoutMs: number;
  policy: BackoffPolicy;
  /** A short label for a result: the state it shows or the error code. */
  label(result: PollResult<T>): string;
  /** Why a failure-state result failed, e.g. the API's ErrorMessage. */
  failureReason?(result: PollResult<T>): string;
  clock?: Clock;
  random?: Random;
  onPoll?(observation: Observation): void;
}

export function validateWaitOptions<T>(opts: WaitOptions<T>): void {
  const { minMs, maxMs } = opts.policy;
  if (!(opts.timeoutMs > 0)) throw new Error(`waiter: timeoutMs must be > 0, got ${opts.timeoutMs}`);
  if (!(minMs >= 0) || !(maxMs >= minMs)) {
    throw new Error(`waiter: need 0 <= minMs <= maxMs, got minMs=${minMs} maxMs=${maxMs}`);
  }
}

async function pollOnce<T>(poll: () => Promise<T>): Promise<PollResult<T>> {
  try {
    return { ok: await poll() };
  } catch (err) {
    return { err };
  }
}

function defaultReason<T>(result: PollResult<T>): string {
  if ("err" in result) return result.err instanceof Error ? result.err.message : String(result.err);
  return "reached a failure state";
}

export async function waitUntil<T>(
  poll: () => Promise<T>,
  acceptors: readonly Acceptor<T>[],
  opts: WaitOptions<T>,
): Promise<T> {
  validateWaitOptions(opts);
  const clock = opts.clock ?? realClock;
  const start = clock.now();
  const deadline = start + opts.timeoutMs;
  const report: WaitReport = { what: opts.what, elapsedMs: 0, lastSeen: undefined, observed: {} };
  for (let attempt = 0; ; attempt++) {
    const result = await pollOnce(poll);
    const state = evaluate(acceptors, result);
    const label = opts.label(result);
    report.lastSeen = label;
    report.observed[label] = (report.observed[label] ?? 0) + 1;
    report.elapsedMs = clock.now() - start;
    opts.onPoll?.({ attempt, elapsedMs: report.elapsedMs, label, state });
    if (state === "success") return (result as { ok: T }).ok;
    if (state === "failure") {
      const cause = "err" in result ? result.err : undefined;
      throw new WaiterFailureError(report, (opts.failureReason ?? defaultReason)(result), cause);
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw new WaiterTimeoutError(report);
    // The last sleep is cut short so one final poll lands just before the deadline.
    await clock.sleep(Math.min(pollDelay(opts.policy, attempt, clock.now() - start, opts.random), remaining));
  }
}

// The one polling loop. Every "wait until ready / gone" in the provider goes through waitUntil:
//   - polls, classifies each result with acceptors (success / failure / retry),
//   - spaces polls by the policy: a delay growing with the time waited (policies with `growth`),
//     or exponential backoff with full jitter, capped,
//   - fires one last poll just before the deadline instead of sleeping past it, and makes the deadline
//     visible to the reads a poll makes (deadline.ts), so none of them outlives the wait by much,
//   - fails fast on a failure acceptor with the reason the caller extracts (e.g. ErrorMessage),
//   - reports each poll through onPoll (the framework rate-limits it into Pulumi's log),
//   - optionally listens to a feed of results others polled (several resources waiting on one mesh):
//     each is judged like its own poll, so the first poller to see a change ends every wait it
//     settles, and a feed can ask for a poll at once instead of sleeping out the delay.
// Clock and random are injected so unit tests never really sleep.
import { Acceptor, evaluate, PollResult, WaitState } from "./acceptors";
import { BackoffPolicy, pollDelay, Random } from "./backoff";
import { Clock, realClock } from "./clock";
import { withDeadline } from "./deadline";
import { WaiterFailureError, WaiterTimeoutError, WaitReport } from "./errors";

export interface Observation {
  attempt: number;
  elapsedMs: number;
  label: string;
  state: WaitState;
}

/**
 * A result someone else polled; or a request to poll now (e.g. "the busy mesh is free again"); or word
 * that someone looked and saw nothing for this wait (its next poll can wait a full delay from now).
 */
export type FeedEvent<T> = PollResult<T> | { pollNow: true } | { seen: true };

export interface WaitFeed<T> {
  /** Starts delivering events; returns the unsubscribe function. */
  subscribe(listener: (event: FeedEvent<T>) => void): () => void;
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
  /** Called as each sleep begins, with its length; the next poll's time is already fixed. */
  onSleep?(ms: number): void;
  feed?: WaitFeed<T>;
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

/** Events from the feed, delivered one at a time to a waiter that is sleeping. */
class Inbox<T> {
  private readonly queue: FeedEvent<T>[] = [];
  private wake: (() => void) | undefined;
  readonly unsubscribe: () => void;

  constructor(feed: WaitFeed<T> | undefined) {
    this.unsubscribe = feed?.subscribe((event) => {
      this.queue.push(event);
      this.wake?.();
    }) ?? (() => undefined);
  }

  /** The next event, or undefined once `ms` have passed without one. */
  async next(clock: Clock, ms: number): Promise<FeedEvent<T> | undefined> {
    if (this.queue.length === 0) {
      const timer = new AbortController();
      const arrived = new Promise<void>((resolve) => (this.wake = resolve));
      await Promise.race([clock.sleep(ms, timer.signal), arrived]);
      this.wake = undefined;
      timer.abort();
    }
    return this.queue.shift();
  }
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
  const inbox = new Inbox(opts.feed);
  /** Judges one result, own or fed: the value on success, a throw on failure, undefined to go on. */
  const judge = (result: PollResult<T>, attempt: number): { value: T } | undefined => {
    const state = evaluate(acceptors, result);
    const label = opts.label(result);
    report.lastSeen = label;
    report.observed[label] = (report.observed[label] ?? 0) + 1;
    report.elapsedMs = clock.now() - start;
    opts.onPoll?.({ attempt, elapsedMs: report.elapsedMs, label, state });
    if (state === "success") return { value: (result as { ok: T }).ok };
    if (state === "failure") {
      const cause = "err" in result ? result.err : undefined;
      throw new WaiterFailureError(report, (opts.failureReason ?? defaultReason)(result), cause);
    }
    return undefined;
  };
  try {
    for (let attempt = 0; ; attempt++) {
      const done = judge(await pollOnce(() => withDeadline(deadline, clock, poll)), attempt);
      if (done) return done.value;
      if (deadline - clock.now() <= 0) throw new WaiterTimeoutError(report);
      // The last sleep is cut short so one final poll lands just before the deadline.
      const nextPoll = () => Math.min(clock.now() + pollDelay(opts.policy, attempt, clock.now() - start, opts.random), deadline);
      let pollAt = nextPoll();
      opts.onSleep?.(pollAt - clock.now());
      for (;;) {
        const event = await inbox.next(clock, pollAt - clock.now());
        if (event === undefined || "pollNow" in event) break;
        if (!("seen" in event)) {
          const fed = judge(event, attempt);
          if (fed) return fed.value;
        }
        // Someone else has just looked: this wait's own look can come a full delay later, so several
        // waits on one thing poll about as often as one.
        pollAt = nextPoll();
      }
    }
  } finally {
    inbox.unsubscribe();
  }
}

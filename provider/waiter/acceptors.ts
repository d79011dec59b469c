// Acceptors are data: each says which poll results mean success, failure or "keep polling".
// The waiter checks them in order and the first match wins. Resources export named acceptor lists
// (e.g. meshRunning, meshGone) built from these helpers.

export type WaitState = "success" | "failure" | "retry";

/** The outcome of one poll: the value read, or the error the read threw. */
export type PollResult<T> = { ok: T } | { err: unknown };

export interface Acceptor<T> {
  state: WaitState;
  matches(result: PollResult<T>): boolean;
}

/** Matches a successful read whose value satisfies `test`. */
export function whenValue<T>(test: (value: T) => boolean, state: WaitState): Acceptor<T> {
  return { state, matches: (r) => "ok" in r && test(r.ok) };
}

/** Matches a failed read whose error satisfies `test` (e.g. isNotFound, isRetryable). */
export function whenError<T>(test: (err: unknown) => boolean, state: WaitState): Acceptor<T> {
  return { state, matches: (r) => "err" in r && test(r.err) };
}

/** The first acceptor state that matches; unmatched values retry and unmatched errors fail. */
export function evaluate<T>(acceptors: readonly Acceptor<T>[], result: PollResult<T>): WaitState {
  for (const a of acceptors) if (a.matches(result)) return a.state;
  return "ok" in result ? "retry" : "failure";
}

import {
  FakeClock, WaiterFailureError, WaiterTimeoutError, backoffDelay, pollDelay, waitUntil, whenError, whenValue, type Acceptor,
  type FeedEvent, type WaitFeed,
} from "../../provider/waiter";
import { MESH_POLICY } from "../../provider/framework/meshLifecycle";

const policy = { minMs: 2_000, maxMs: 10_000 };
const stateLabel = (r: { ok: string } | { err: unknown }) => ("ok" in r ? r.ok : "error");
const runningAcceptors: Acceptor<string>[] = [
  whenValue((s) => s === "running", "success"),
  whenValue((s) => s === "failed", "failure"),
];

function sequence(...values: Array<string | Error>): () => Promise<string> {
  let i = 0;
  return async () => {
    const v = values[Math.min(i++, values.length - 1)];
    if (v instanceof Error) throw v;
    return v;
  };
}

describe("backoffDelay", () => {
  it("doubles the ceiling per attempt and applies full jitter within [min, cap]", () => {
    expect(backoffDelay(policy, 0, () => 0.999)).toBe(2_000);
    expect(backoffDelay(policy, 1, () => 0.5)).toBe(2_000);
    expect(backoffDelay(policy, 2, () => 0.75)).toBe(6_000);
    expect(backoffDelay(policy, 10, () => 0.999)).toBe(9_990);
    expect(backoffDelay(policy, 3, () => 0)).toBe(2_000);
  });
});

describe("waitUntil", () => {
  it("returns the value once a success acceptor matches, sleeping with the backoff between polls", async () => {
    const clock = new FakeClock();
    const value = await waitUntil(sequence("initial", "initial", "running"), runningAcceptors, {
      what: "mesh", timeoutMs: 60_000, policy, label: stateLabel, clock, random: () => 0.75,
    });
    expect(value).toBe("running");
    expect(clock.sleeps).toEqual([2_000, 3_000]);
  });

  it("fails fast on a failure state with the caller's reason and what was observed", async () => {
    const clock = new FakeClock();
    const run = waitUntil(sequence("initial", "failed"), runningAcceptors, {
      what: "ServiceMesh c1 to reach running", timeoutMs: 600_000, policy, label: stateLabel, clock, random: () => 0,
      failureReason: () => "quota exceeded",
    });
    await expect(run).rejects.toThrow(WaiterFailureError);
    await expect(
      waitUntil(sequence("failed"), runningAcceptors, { what: "m", timeoutMs: 1_000, policy, label: stateLabel, clock, failureReason: () => "quota exceeded" }),
    ).rejects.toThrow(/m failed after 0s: quota exceeded \(last seen: failed; observed: failed×1\)/);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it("times out after a last poll placed exactly at the deadline, reporting observed counts", async () => {
    const clock = new FakeClock();
    let polls = 0;
    const poll = async () => {
      polls++;
      return "initial";
    };
    const err = await waitUntil(poll, runningAcceptors, {
      what: "ServiceMesh c1 to reach running", timeoutMs: 9_000, policy, label: stateLabel, clock, random: () => 0.999,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    // Delays 2000, 3996 (ceiling 4000), then cut to the remaining 3004 ms so the final poll lands at 9000.
    expect(clock.sleeps).toEqual([2_000, 3_996, 3_004]);
    expect(clock.now()).toBe(9_000);
    expect(polls).toBe(4);
    expect((err as Error).message).toBe(
      "timed out after 9s waiting for ServiceMesh c1 to reach running; last seen: initial; observed: initial×4",
    );
  });

  it("keeps polling through errors an acceptor marks retry and counts them by label", async () => {
    const clock = new FakeClock();
    const throttled = Object.assign(new Error("slow down"), { code: "Throttling.User" });
    const value = await waitUntil(sequence(throttled, throttled, "running"), [...runningAcceptors, whenError((e) => (e as { code?: string }).code === "Throttling.User", "retry")], {
      what: "mesh", timeoutMs: 60_000, policy, clock, random: () => 0,
      label: (r) => ("ok" in r ? r.ok : (r.err as { code: string }).code),
    });
    expect(value).toBe("running");
    expect(clock.sleeps).toHaveLength(2);
  });

  it("rethrows as a failure an error no acceptor expects, carrying the original error", async () => {
    const denied = Object.assign(new Error("denied"), { code: "Forbidden.RAM" });
    const err = (await waitUntil(sequence(denied), runningAcceptors, {
      what: "mesh", timeoutMs: 60_000, policy, label: stateLabel, clock: new FakeClock(),
    }).catch((e: unknown) => e)) as WaiterFailureError;
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.cause).toBe(denied);
    expect(err.message).toContain("denied");
  });

  it("reports every poll to onPoll with attempt, label and elapsed time", async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    await waitUntil(sequence("initial", "running"), runningAcceptors, {
      what: "mesh", timeoutMs: 60_000, policy, label: stateLabel, clock, random: () => 0,
      onPoll: (o) => seen.push(`${o.attempt}:${o.label}:${o.state}:${o.elapsedMs}`),
    });
    expect(seen).toEqual(["0:initial:retry:0", "1:running:success:2000"]);
  });

  it("rejects invalid options before polling", async () => {
    const poll = jest.fn(async () => "running");
    await expect(
      waitUntil(poll, runningAcceptors, { what: "m", timeoutMs: 0, policy, label: stateLabel, clock: new FakeClock() }),
    ).rejects.toThrow(/timeoutMs must be > 0/);
    await expect(
      waitUntil(poll, runningAcceptors, { what: "m", timeoutMs: 5, policy: { minMs: 10, maxMs: 5 }, label: stateLabel, clock: new FakeClock() }),
    ).rejects.toThrow(/minMs <= maxMs/);
    expect(poll).not.toHaveBeenCalled();
  });
});

describe("waitUntil with a feed of results others polled", () => {
  /** A feed the test pushes into, recording subscriptions. */
  function manualFeed<T>() {
    const listeners = new Set<(e: FeedEvent<T>) => void>();
    return {
      feed: { subscribe: (l: (e: FeedEvent<T>) => void) => (listeners.add(l), () => listeners.delete(l)) } satisfies WaitFeed<T>,
      push: (e: FeedEvent<T>) => listeners.forEach((l) => l(e)),
      subscribers: () => listeners.size,
    };
  }

  it("ends the wait on a fed success without polling again, mid-sleep", async () => {
    const { feed, push, subscribers } = manualFeed<string>();
    let polls = 0;
    const poll = async () => {
      polls++;
      setTimeout(() => push({ ok: "running" }), 20); // someone else sees the change during our sleep
      return "updating";
    };
    const started = Date.now();
    const value = await waitUntil(poll, runningAcceptors, { what: "m", timeoutMs: 60_000, policy: { minMs: 5_000, maxMs: 5_000 }, label: stateLabel, feed });
    expect(value).toBe("running");
    expect(polls).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(subscribers()).toBe(0);
  });

  it("judges a fed result that says keep waiting without polling, and fails fast on a fed failure", async () => {
    const { feed, push } = manualFeed<string>();
    const clock = new FakeClock();
    let polls = 0;
    const poll = async () => {
      polls++;
      if (polls === 1) push({ ok: "updating" });
      if (polls === 2) push({ ok: "failed" });
      return "updating";
    };
    const err = await waitUntil(poll, runningAcceptors, {
      what: "m", timeoutMs: 60_000, policy, label: stateLabel, clock, random: () => 0, feed, failureReason: () => "broken",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect((err as Error).message).toMatch(/broken \(last seen: failed; observed: updating×3, failed×1\)/);
    // One full sleep after the fed "updating"; the fed "failed" was judged before the second sleep began.
    expect(polls).toBe(2);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it("waits a full delay after someone else's look before polling itself, so two waits poll about as often as one", async () => {
    const { feed, push } = manualFeed<string>();
    const pollTimes: number[] = [];
    const started = Date.now();
    const poll = async () => {
      pollTimes.push(Date.now() - started);
      if (pollTimes.length === 1) {
        setTimeout(() => push({ ok: "updating" }), 200); // another wait's read, judged: keep waiting
        setTimeout(() => push({ seen: true }), 400); // another look that says nothing about this wait
        return "updating";
      }
      return "running";
    };
    await waitUntil(poll, runningAcceptors, { what: "m", timeoutMs: 60_000, policy: { minMs: 300, maxMs: 300 }, label: stateLabel, feed });
    // Without the feed the second poll comes at ~300 ms; each fed look pushes it a full 300 ms on: ~700 ms.
    expect(pollTimes).toHaveLength(2);
    expect(pollTimes[1]).toBeGreaterThanOrEqual(650);
  });

  it("polls at once when the feed asks, instead of sleeping out the delay", async () => {
    const { feed, push } = manualFeed<string>();
    const states = ["busy", "running"];
    const poll = async () => {
      const s = states.shift()!;
      if (s === "busy") setTimeout(() => push({ pollNow: true }), 20);
      return s;
    };
    const started = Date.now();
    await expect(waitUntil(poll, runningAcceptors, { what: "m", timeoutMs: 60_000, policy: { minMs: 5_000, maxMs: 5_000 }, label: stateLabel, feed })).resolves.toBe("running");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("unsubscribes when the wait times out or its poll fails", async () => {
    const { feed, subscribers } = manualFeed<string>();
    const clock = new FakeClock();
    await expect(waitUntil(async () => "updating", runningAcceptors, { what: "m", timeoutMs: 3_000, policy, label: stateLabel, clock, feed })).rejects.toThrow(WaiterTimeoutError);
    await expect(waitUntil(sequence(new Error("denied")), runningAcceptors, { what: "m", timeoutMs: 3_000, policy, label: stateLabel, clock, feed })).rejects.toThrow(WaiterFailureError);
    expect(subscribers()).toBe(0);
  });

  it("tells onSleep how long each sleep will be, before it starts", async () => {
    const sleeps: number[] = [];
    const clock = new FakeClock();
    await waitUntil(sequence("initial", "initial", "running"), runningAcceptors, {
      what: "m", timeoutMs: 60_000, policy, label: stateLabel, clock, random: () => 0.75, onSleep: (ms) => sleeps.push(ms),
    });
    expect(sleeps).toEqual(clock.sleeps);
  });
});

describe("pollDelay for waits (policies with growth)", () => {
  const policy = MESH_POLICY;

  it("grows with the time waited and stops at the cap", () => {
    const noJitter = () => 0;
    expect(pollDelay(policy, 0, 0, noJitter)).toBe(1_800);
    expect(pollDelay(policy, 3, 10_000, noJitter)).toBe(4_800);
    expect(pollDelay(policy, 9, 200_000, noJitter)).toBe(12_000);
  });

  it("removes at most 10% at random so pollers started together drift apart", () => {
    expect(pollDelay(policy, 0, 10_000, () => 0.999)).toBe(Math.floor(4_800 * (1 - 0.0999)));
    expect(pollDelay(policy, 0, 10_000, () => 0.5)).toBe(Math.floor(4_800 * 0.95));
  });

  it("keeps exponential full-jitter backoff for policies without growth (retries)", () => {
    expect(pollDelay({ minMs: 500, maxMs: 8_000 }, 3, 99_999, () => 0.5)).toBe(2_000);
  });

  it("spends at most 12 polls on a 60 s change, even when jitter always shortens the delay", () => {
    let t = 0;
    let polls = 1; // the first poll is immediate
    while (t < 60_000) {
      t += pollDelay(policy, polls - 1, t, () => 0.999);
      polls += 1;
    }
    expect(polls).toBeLessThanOrEqual(12);
  });
});

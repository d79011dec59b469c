import { AsmApiError, AsmClient, type Transport } from "../../provider/api";
import {
  FakeClock, FINAL_CALL_MS, readTimeoutMs, retryOutlastsWait, timeLeftMs, waitUntil, whenError, whenValue, WaiterTimeoutError, withDeadline,
} from "../../provider/waiter";

const unavailable = () => new AsmApiError("X", "ServiceUnavailable", "try later", 503, "req-1", undefined);

/** A transport whose every call fails transiently, counting calls per action. */
function failingTransport() {
  const calls: Record<string, number> = {};
  const transport: Transport = {
    send: async (action) => {
      calls[action] = (calls[action] ?? 0) + 1;
      throw unavailable();
    },
  };
  return { transport, calls };
}

describe("a wait's deadline, as the reads its polls make see it", () => {
  it("is invisible outside a wait: reads keep their own timeout and retries", () => {
    expect(timeLeftMs()).toBeUndefined();
    expect(readTimeoutMs(30_000)).toBe(30_000);
    expect(retryOutlastsWait(60_000)).toBe(false);
  });

  it("cuts a read's timeout to the time left, but never below the final call's minimum", async () => {
    const clock = new FakeClock(1_000);
    await withDeadline(61_000, clock, async () => {
      expect(readTimeoutMs(30_000)).toBe(30_000);
      clock.advance(48_000);
      expect(readTimeoutMs(30_000)).toBe(12_000);
      clock.advance(11_000);
      expect(readTimeoutMs(30_000)).toBe(FINAL_CALL_MS);
      expect(retryOutlastsWait(999)).toBe(false);
      expect(retryOutlastsWait(1_000)).toBe(true);
    });
  });

  it("stays with the poll across awaits", async () => {
    const clock = new FakeClock(0);
    const seen = await withDeadline(10_000, clock, async () => {
      await new Promise((r) => setImmediate(r));
      return timeLeftMs();
    });
    expect(seen).toBe(10_000);
    expect(timeLeftMs()).toBeUndefined();
  });

  it("ends a wait whose server keeps failing at its deadline, not after the client's retries", async () => {
    const clock = new FakeClock(0);
    const { transport, calls } = failingTransport();
    const client = new AsmClient(transport, { clock, random: () => 0.99 });
    const started = clock.now();
    const wait = waitUntil(() => client.call("DescribeServiceMeshDetail", { ServiceMeshId: "m1" }), [whenValue(() => true, "success"), whenError(() => true, "retry")], {
      what: "ServiceMesh m1 to reach running",
      timeoutMs: 10_000,
      policy: { minMs: 1_000, maxMs: 5_000, growth: 0.3 },
      label: () => "ServiceUnavailable",
      clock,
      random: () => 0,
    });
    await expect(wait).rejects.toBeInstanceOf(WaiterTimeoutError);
    // The client alone would spend ~34 s of backoff on the first poll (8 attempts, delays up to 8 s).
    expect(clock.now() - started).toBeLessThanOrEqual(10_000);
    expect(calls.DescribeServiceMeshDetail).toBeLessThan(8);
  });

  it("lets a write inside a wait keep every retry the client allows", async () => {
    const clock = new FakeClock(0);
    const { transport, calls } = failingTransport();
    const client = new AsmClient(transport, { clock, random: () => 0.99 });
    const write = () => client.call("UpdateMeshFeature", { ServiceMeshId: "m1" } as never);
    await expect(withDeadline(1_000, clock, write)).rejects.toThrow("ServiceUnavailable");
    expect(calls.UpdateMeshFeature).toBe(8);
  });
});

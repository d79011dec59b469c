// The one loop for non-idempotent writes: live state, not a blind repeat, decides after an ambiguous failure.
import { AsmApiError } from "../../provider/api";
import { writeOnce, type ProviderContext } from "../../provider/framework";

const apiError = (code: string, status: number) => new AsmApiError("CreateThing", code, "test", status, "rid", undefined);

function fakeContext() {
  const logs: string[] = [];
  const sleeps: number[] = [];
  // Only the members writeOnce touches; the rest of a ProviderContext would need a live API client.
  const ctx = {
    logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) },
    clock: { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms) },
    settings: { waitScale: 1 },
  } as unknown as ProviderContext;
  return { ctx, logs, sleeps };
}

function scripted(outcomes: Array<string | Error>) {
  let calls = 0;
  return { write: async () => { const o = outcomes[Math.min(calls++, outcomes.length - 1)]; if (o instanceof Error) throw o; return o; }, calls: () => calls };
}

describe("writeOnce", () => {
  it("returns what live state shows after a lost response, without sending the write again", async () => {
    const { ctx, logs } = fakeContext();
    const w = scripted([apiError("InternalError", 500)]);
    const result = await writeOnce(ctx, { what: "CreateThing", write: w.write, landed: async () => ({ result: "thing-1" }), attempts: 3 });
    expect(result).toBe("thing-1");
    expect(w.calls()).toBe(1);
    expect(logs).toEqual(["CreateThing: the response was lost (InternalError); live state shows the change was applied: thing-1"]);
  });

  it("sends the write again, with a growing pause, when live state shows nothing happened", async () => {
    const { ctx, sleeps } = fakeContext();
    const w = scripted([apiError("ServiceUnavailable", 503), apiError("InternalError", 500), "thing-2"]);
    expect(await writeOnce(ctx, { what: "CreateThing", write: w.write, landed: async () => undefined, attempts: 3 })).toBe("thing-2");
    expect(w.calls()).toBe(3);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it("throws a plain rejection at once, without looking at live state", async () => {
    const { ctx } = fakeContext();
    let looked = 0;
    const w = scripted([apiError("InvalidParameter", 400)]);
    await expect(writeOnce(ctx, { what: "CreateThing", write: w.write, landed: async () => { looked++; return undefined; }, attempts: 3 })).rejects.toThrow(/InvalidParameter/);
    expect(looked).toBe(0);
  });

  it("treats a repeat's rejection as a collision with the earlier attempt when live state shows it landed", async () => {
    const { ctx } = fakeContext();
    const w = scripted([apiError("InternalError", 500), apiError("Conflict.AlreadyExists", 409)]);
    let looks = 0;
    const landed = async () => (++looks === 2 ? { result: "thing-3" } : undefined);
    expect(await writeOnce(ctx, { what: "CreateThing", write: w.write, landed, attempts: 3 })).toBe("thing-3");
  });

  it("gives up after the last attempt with the last error", async () => {
    const { ctx } = fakeContext();
    const w = scripted([apiError("InternalError", 500)]);
    await expect(writeOnce(ctx, { what: "CreateThing", write: w.write, landed: async () => undefined, attempts: 2 })).rejects.toThrow(/InternalError/);
    expect(w.calls()).toBe(2);
  });
});

import { meshFeed, meshListenerCount, observeMesh, type ProviderContext } from "../../provider/framework";
import type { ServiceMeshDetail } from "../../provider/api";
import type { FeedEvent, PollResult } from "../../provider/waiter";

type Detail = ServiceMeshDetail;

/** A context whose client answers DescribeServiceMeshDetail from `states`, one per call, when released. */
function scriptedContext(endpoint: string, states: string[]) {
  const gates: Array<() => void> = [];
  let calls = 0;
  const client = {
    call: async (_action: string, _req: unknown) => {
      calls++;
      const state = states.shift() ?? "running";
      await new Promise<void>((resolve) => gates.push(resolve));
      if (state === "NotFound") throw Object.assign(new Error("gone"), { code: "ServiceMesh.NotFound" });
      if (state === "Forbidden") throw Object.assign(new Error("denied"), { code: "Forbidden.RAM" });
      return { ServiceMesh: { ServiceMeshInfo: { State: state } } };
    },
  };
  const ctx = { client, settings: { endpoint } } as unknown as ProviderContext;
  return { ctx, releaseNext: () => gates.shift()?.(), calls: () => calls };
}

const tick = () => new Promise((r) => setImmediate(r));
const stateOf = (e: FeedEvent<Detail>) => ("ok" in e ? String(e.ok.ServiceMeshInfo.State) : "pollNow" in e ? "pollNow" : "error");

describe("meshObservations: waits on one mesh share its reads", () => {
  it("feeds another wait every read of the same mesh sent after it subscribed, translated", async () => {
    const { ctx, releaseNext } = scriptedContext("e1", ["updating", "running"]);
    const seen: string[] = [];
    const unsubscribe = meshFeed<Detail>(ctx, "m1", Symbol("waiter"), (r) => r).subscribe((e) => seen.push(stateOf(e)));
    const reads = [observeMesh(ctx, "m1"), observeMesh(ctx, "m1")];
    releaseNext();
    releaseNext();
    await Promise.all(reads);
    expect(seen).toEqual(["updating", "running"]);
    unsubscribe();
    expect(meshListenerCount()).toBe(0);
  });

  it("never feeds a wait a read that was already in flight when it subscribed", async () => {
    // That read may show the mesh as it was before the wait's own change: still "running".
    const { ctx, releaseNext } = scriptedContext("e1", ["running"]);
    const early = observeMesh(ctx, "m1");
    const seen: string[] = [];
    const unsubscribe = meshFeed<Detail>(ctx, "m1", Symbol("waiter"), (r) => r).subscribe((e) => seen.push(stateOf(e)));
    releaseNext();
    await early;
    expect(seen).toEqual([]);
    unsubscribe();
  });

  it("does not feed a wait its own reads, reads of other meshes, or reads against another endpoint", async () => {
    const self = Symbol("waiter");
    const a = scriptedContext("e1", ["running", "running"]);
    const b = scriptedContext("e2", ["running"]);
    const seen: string[] = [];
    const unsubscribe = meshFeed<Detail>(a.ctx, "m1", self, (r) => r).subscribe((e) => seen.push(stateOf(e)));
    const reads = [observeMesh(a.ctx, "m1", self), observeMesh(a.ctx, "m2"), observeMesh(b.ctx, "m1")];
    a.releaseNext();
    a.releaseNext();
    b.releaseNext();
    await Promise.all(reads);
    expect(seen).toEqual([]);
    unsubscribe();
  });

  it("feeds a mesh-gone error but no other error, and drops what the translation drops", async () => {
    const { ctx, releaseNext } = scriptedContext("e1", ["Forbidden", "NotFound", "updating", "running"]);
    const seen: string[] = [];
    const translate = (r: PollResult<Detail>): FeedEvent<Detail> | undefined =>
      "err" in r ? r : r.ok.ServiceMeshInfo.State === "running" ? { pollNow: true } : undefined;
    const unsubscribe = meshFeed<Detail>(ctx, "m1", Symbol("waiter"), translate).subscribe((e) => seen.push(stateOf(e)));
    const reads = [observeMesh(ctx, "m1").catch(() => undefined), observeMesh(ctx, "m1").catch(() => undefined), observeMesh(ctx, "m1"), observeMesh(ctx, "m1")];
    for (let i = 0; i < 4; i++) {
      releaseNext();
      await tick();
    }
    await Promise.all(reads);
    expect(seen).toEqual(["error", "pollNow"]);
    unsubscribe();
  });

  it("lets a wait whose poll falls due during another's read take that answer: one call, not fed to it twice", async () => {
    const { ctx, releaseNext, calls } = scriptedContext("e1", ["updating", "running"]);
    const a = Symbol("first wait");
    const b = Symbol("second wait");
    const seenByB: string[] = [];
    const unsubscribeA = meshFeed<Detail>(ctx, "m1", a, (r) => r).subscribe(() => undefined);
    const unsubscribeB = meshFeed<Detail>(ctx, "m1", b, (r) => r).subscribe((e) => seenByB.push(stateOf(e)));
    const readA = observeMesh(ctx, "m1", a);
    const readB = observeMesh(ctx, "m1", b);
    expect(calls()).toBe(1);
    releaseNext();
    expect([(await readA).ServiceMeshInfo.State, (await readB).ServiceMeshInfo.State]).toEqual(["updating", "updating"]);
    expect(seenByB).toEqual([]);
    const next = observeMesh(ctx, "m1", b);
    expect(calls()).toBe(2);
    releaseNext();
    expect((await next).ServiceMeshInfo.State).toBe("running");
    unsubscribeA();
    unsubscribeB();
  });

  it("never lets a wait take the answer of a read sent before it subscribed, nor a call outside any wait share one", async () => {
    const { ctx, releaseNext, calls } = scriptedContext("e1", ["running", "updating", "updating"]);
    const early = observeMesh(ctx, "m1");
    const self = Symbol("waiter");
    const unsubscribe = meshFeed<Detail>(ctx, "m1", self, (r) => r).subscribe(() => undefined);
    const own = observeMesh(ctx, "m1", self);
    const outside = observeMesh(ctx, "m1");
    expect(calls()).toBe(3);
    for (let i = 0; i < 3; i++) {
      releaseNext();
      await tick();
    }
    expect((await early).ServiceMeshInfo.State).toBe("running");
    expect((await own).ServiceMeshInfo.State).toBe("updating");
    await outside;
    unsubscribe();
  });
});

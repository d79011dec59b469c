import { abbreviateIds, progressReporter, ResourceInitError } from "../../provider/framework";
import { defineProvider } from "../../provider/framework/defineProvider";
import { f } from "../../provider/schema";

describe("progressReporter", () => {
  it("logs a state change at once and a repeated state only after the interval", () => {
    const lines: string[] = [];
    let now = 0;
    const report = progressReporter("ServiceMesh c1", { info: (m) => lines.push(m), warn: () => undefined }, { intervalMs: 30_000, now: () => now });
    const poll = (label: string, elapsedMs: number) => report({ attempt: 0, elapsedMs, label, state: "retry" });
    poll("initial", 0);
    now = 10_000;
    poll("initial", 10_000);
    now = 31_000;
    poll("initial", 31_000);
    now = 32_000;
    poll("running", 32_000);
    expect(lines).toEqual(["ServiceMesh c1: initial (0s elapsed)", "ServiceMesh c1: initial (31s elapsed)", "ServiceMesh c1: running (32s elapsed)"]);
  });
});

describe("defineProvider", () => {
  const spec = { kind: "Thing", fields: { size: f.int({ min: 1 }), zone: f.string({ createOnly: true }) }, outputs: ["state"] };
  const failing = defineProvider(spec, {
    create: async () => {
      throw new ResourceInitError("t-1", { size: 1 }, ["t-1: timed out"]);
    },
    read: async () => undefined,
    update: async () => ({}),
    delete: async () => undefined,
  });

  it("keeps __provider in the properties of a partial-state error so Pulumi can delete the object later", async () => {
    const err = (await failing.create({ size: 1, __provider: "shim" }).catch((e: unknown) => e)) as ResourceInitError;
    expect(err.id).toBe("t-1");
    expect(err.properties).toEqual({ size: 1, __provider: "shim" });
  });

  it("returns an empty id from read when the object is gone, so refresh drops it", async () => {
    expect((await failing.read!("t-1", { size: 1 })).id).toBeUndefined();
  });

  it("reports check failures and keeps the news unchanged when there are any", async () => {
    const res = await failing.check!({}, { size: 0 });
    expect(res.failures).toEqual([{ property: "size", reason: "0 is too small; the minimum is 1" }]);
  });

  it("diffs into in-place changes and replacements", async () => {
    expect(await failing.diff!("t-1", { size: 1, zone: "a" }, { size: 2, zone: "a" })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await failing.diff!("t-1", { size: 1, zone: "a" }, { size: 1, zone: "b" })).toEqual({ changes: true, replaces: ["zone"], deleteBeforeReplace: false });
  });
});

describe("abbreviateIds", () => {
  it("shortens mesh and cluster ids in progress lines and leaves other text alone", () => {
    expect(abbreviateIds("ClusterAttachment cb8eb241b0bdd8d69d702a36e01ee711f:c1b2c3d4e5f60718293a4b5c6d7e8f90a"))
      .toBe("ClusterAttachment cb8eb241…:c1b2c3d4…");
    expect(abbreviateIds("GatewayRoute ingressgateway/cart")).toBe("GatewayRoute ingressgateway/cart");
  });
});

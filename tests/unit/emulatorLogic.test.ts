import { FaultInjector, validateFaultRule } from "../../emulator/faults/faultRules";
import { matchesLabelSelector } from "../../emulator/kube/kubeApi";
import { TokenBucket } from "../../emulator/faults/rateLimiter";
import { unflatten } from "../../emulator/http/parseRpc";
import { acceptsChanges, deleteIsNoOp, deleteRefusal, MeshState } from "../../emulator/modelled";
import { Params } from "../../emulator/operations/params";
import { Store } from "../../emulator/state/store";
import { ManualClock } from "../../emulator/time/clock";
import { advancePhase, isVisible, newVisibility, spreadFactor, startPhase, TransitionRules } from "../../emulator/time/lifecycle";

describe("unflatten", () => {
  it("rebuilds Tag.N.Key lists, repeated ResourceId.N values and plain keys", () => {
    expect(unflatten({ "Tag.1.Key": "a", "Tag.1.Value": "1", "Tag.2.Key": "b", "ResourceId.1": "m1", "ResourceId.2": "m2", Name: "x" })).toEqual({
      Tag: [{ Key: "a", Value: "1" }, { Key: "b" }], ResourceId: ["m1", "m2"], Name: "x",
    });
  });

  it("drops holes from sparse indexes and ignores __proto__", () => {
    expect(unflatten({ "Tag.3.Key": "c", "__proto__.polluted": "yes" })).toEqual({ Tag: [{ Key: "c" }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("Params", () => {
  const p = new Params({ B: "true", I: "12", N: "1.5", S: "x", L: ["a", "b"], J: "[1]", Bad: "maybe" });
  it("reads typed values", () => {
    expect([p.bool("B"), p.int("I"), p.num("N"), p.str("S"), p.list("L"), p.json("J")]).toEqual([true, 12, 1.5, "x", ["a", "b"], [1]]);
  });
  it("names the parameter and the accepted form in errors", () => {
    expect(() => p.bool("Bad")).toThrow('The parameter "Bad" is invalid: expected a boolean (true or false), got "maybe".');
    expect(() => p.int("N")).toThrow(/"N" is invalid: expected an integer/);
    expect(() => p.reqStr("Missing")).toThrow('The input parameter "Missing" that is mandatory for processing this request is not supplied.');
    expect(() => p.oneOf("S", ["y", "z"])).toThrow('"x" is not one of y, z.');
  });
});

describe("lazy transitions", () => {
  it("with afterReads 1, exactly one counted read sees the transitional state", () => {
    const rules = new TransitionRules("instant");
    const phase = startPhase("initial", "running", "ServiceMesh:create", 0);
    expect(advancePhase(phase, rules, 0, true)).toBe(false);
    expect(phase.status).toBe("initial");
    expect(advancePhase(phase, rules, 0, true)).toBe(true);
    expect(phase.status).toBe("running");
  });

  it("uncounted accesses do not advance a read-based transition", () => {
    const rules = new TransitionRules("instant");
    const phase = startPhase("initial", "running", "ServiceMesh:create", 0);
    for (let i = 0; i < 5; i++) advancePhase(phase, rules, 0, false);
    expect(phase.status).toBe("initial");
  });

  it("completes a time-based transition when its time has passed", () => {
    const rules = new TransitionRules("fast");
    const phase = startPhase("updating", "running", "ServiceMesh:update", 1000);
    expect(advancePhase(phase, rules, 2499, true)).toBe(false);
    expect(advancePhase(phase, rules, 2500, true)).toBe(true);
  });

  it("prefers an exact-key override over a kind override over the profile", () => {
    const rules = new TransitionRules("realistic");
    expect(rules.ruleFor("ServiceMesh:delete")).toEqual({ afterMs: 90_000 });
    rules.override("ServiceMesh", { afterReads: 2 });
    expect(rules.ruleFor("ServiceMesh:delete")).toEqual({ afterReads: 2 });
    rules.override("ServiceMesh:delete", { afterMs: 1 });
    expect(rules.ruleFor("ServiceMesh:delete")).toEqual({ afterMs: 1 });
    expect(rules.ruleFor("IstioGateway:delete")).toEqual({ afterMs: 10_000 });
  });

  it("draws each transition's spread factor within ±spread, the same for the same transition and seed", () => {
    const factors = Array.from({ length: 500 }, (_, i) => spreadFactor(0.1, 1, "ServiceMesh:create", 1000 + i));
    expect(Math.min(...factors)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...factors)).toBeLessThanOrEqual(1.1);
    expect(Math.max(...factors) - Math.min(...factors)).toBeGreaterThan(0.15); // spread over the range, not stuck
    expect(spreadFactor(0.1, 1, "ServiceMesh:create", 1000)).toBe(factors[0]);
    expect(spreadFactor(0.1, 2, "ServiceMesh:create", 1000)).not.toBe(factors[0]);
    expect(spreadFactor(0, 1, "ServiceMesh:create", 1000)).toBe(1);
  });

  it("with a spread, completes a timed transition after its own varied duration and records it with when it was seen", () => {
    const rules = new TransitionRules("fast", { spread: 0.2, seed: 7 });
    const afterMs = Math.round(1500 * spreadFactor(0.2, 7, "ServiceMesh:update", 1000));
    const phase = startPhase("updating", "running", "ServiceMesh:update", 1000);
    expect(advancePhase(phase, rules, 1000 + afterMs - 1, true)).toBe(false);
    expect(rules.completedTransitions()).toEqual([]);
    expect(advancePhase(phase, rules, 1000 + afterMs + 20, true)).toBe(true);
    expect(rules.completedTransitions()).toEqual([{ key: "ServiceMesh:update", since: 1000, afterMs, seenAt: 1000 + afterMs + 20 }]);
    expect(() => new TransitionRules("fast", { spread: 0.6 })).toThrow("transition spread must be a number from 0 to 0.5; got 0.6.");
  });

  it("hides a new object until the visibility rule is met", () => {
    const rules = new TransitionRules("fast");
    const v = newVisibility(0);
    expect(isVisible(v, rules, 100)).toBe(false);
    expect(isVisible(v, rules, 250)).toBe(true);
    expect(isVisible(newVisibility(0), new TransitionRules("instant"), 0)).toBe(true);
  });
});

describe("fault rules", () => {
  it("fires a times-limited rule N times and then disarms it", () => {
    const f = new FaultInjector(1);
    f.add({ match: { action: "A" }, effect: { type: "throttle" }, times: 2 });
    expect([f.fire("A", "K").length, f.fire("B", "K").length, f.fire("A", "K").length, f.fire("A", "K").length]).toEqual([1, 0, 1, 0]);
    expect(f.size).toBe(0);
  });

  it("matches on kind and replays a probabilistic pattern for the same seed", () => {
    const pattern = (seed: number) => {
      const f = new FaultInjector(seed);
      f.add({ match: { kind: "GatewayRoute" }, effect: { type: "drop" }, probability: 0.3 });
      return Array.from({ length: 40 }, () => f.fire("X", "GatewayRoute").length).join("");
    };
    expect(pattern(5)).toBe(pattern(5));
    expect(pattern(5)).not.toBe(pattern(6));
    expect(pattern(5)).toMatch(/1/);
  });

  it("validates rules with specific messages", () => {
    expect(() => validateFaultRule({ effect: { type: "error" } })).toThrow('fault effect "error" needs a string "code".');
    expect(() => validateFaultRule({ effect: { type: "latency", ms: -1 } })).toThrow('fault effect "latency" needs "ms" ≥ 0.');
    expect(() => validateFaultRule({ effect: { type: "drop" }, times: 0 })).toThrow("fault times must be a positive integer.");
  });
});

describe("token bucket", () => {
  it("allows a burst, then refills at the configured rate", () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket({ requestsPerSecond: 2, burst: 3 }, clock);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    clock.advance(500);
    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([true, false]);
  });

  it("refuses a non-positive rate", () => {
    expect(() => new TokenBucket({ requestsPerSecond: 0 }, new ManualClock())).toThrow(/requestsPerSecond must be a positive number/);
  });
});

describe("Kubernetes label selectors", () => {
  it("supports =, ==, != and existence, all terms required", () => {
    const labels = { app: "gw", tier: "edge" };
    expect(matchesLabelSelector(labels, "")).toBe(true);
    expect(matchesLabelSelector(labels, "app=gw")).toBe(true);
    expect(matchesLabelSelector(labels, "app==gw,tier=edge")).toBe(true);
    expect(matchesLabelSelector(labels, "app=gw,tier!=edge")).toBe(false);
    expect(matchesLabelSelector(labels, "tier")).toBe(true);
    expect(matchesLabelSelector(labels, "missing")).toBe(false);
  });
});

describe("modelled mesh rules", () => {
  it("refuses a delete without Force from a busy state or with clusters attached; Force skips both", () => {
    expect(deleteRefusal(MeshState.updating, [], false)).toBe("notRunning");
    expect(deleteRefusal(MeshState.running, ["c1"], false)).toBe("clustersNotEmpty");
    expect([deleteRefusal(MeshState.running, [], false), deleteRefusal(MeshState.failed, [], false)]).toEqual([undefined, undefined]);
    expect(deleteRefusal(MeshState.upgrading, ["c1"], true)).toBeUndefined();
  });

  it("lets only a running mesh change, and treats a second delete while deleting as done", () => {
    expect(Object.values(MeshState).filter(acceptsChanges)).toEqual([MeshState.running]);
    expect(Object.values(MeshState).filter(deleteIsNoOp)).toEqual([MeshState.deleting]);
  });
});

describe("store mutators", () => {
  const saved: unknown[] = [];
  const persistence = { load: () => undefined, save: (d: unknown) => saved.push(structuredClone(d)) };
  const store = new Store({ seeds: [], seed: 1, clock: new ManualClock(0), persistence });

  it("persists at flush only what a mutator changed, once", () => {
    saved.length = 0;
    store.flush();
    expect(saved).toHaveLength(0);
    const id = store.newMeshId();
    store.flush();
    store.flush();
    expect(saved).toHaveLength(1);
    expect(store.mesh(id)).toBeUndefined();
  });

  it("refuses to change a mesh record that is no longer in the store", () => {
    const stale = { id: "c-gone" } as unknown as Parameters<Store["changeMesh"]>[0];
    expect(() => store.changeMesh(stale, () => undefined)).toThrow('mesh "c-gone" is no longer in the store.');
  });
});

import { createEmulator, ManualClock, type EmulatorHandle } from "../../emulator";
import { AsmTestClient } from "./client";
import { meshArgs, PRIMARY } from "./fixtures";

const state = async (c: AsmTestClient, id: string): Promise<string> => {
  try {
    const r = await c.call("DescribeServiceMeshDetail", { ServiceMeshId: id });
    return ((r.ServiceMesh as Record<string, Record<string, string>>).ServiceMeshInfo).State;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("lazy lifecycles and profiles", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock(Date.now());
    emu = await createEmulator({ clock });
    c = new AsmTestClient(emu);
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.control.reset();
    emu.control.setProfile("instant");
    clock.set(Date.now());
  });

  const create = async () => (await c.call("CreateServiceMesh", meshArgs())).ServiceMeshId as string;

  it("instant: initial on exactly one read, running from the second", async () => {
    const id = await create();
    expect([await state(c, id), await state(c, id), await state(c, id)]).toEqual(["initial", "running", "running"]);
  });

  it("an afterReads override makes the mesh stay initial for that many reads", async () => {
    emu.control.setTransitions("ServiceMesh", { afterReads: 3 });
    const id = await create();
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await state(c, id));
    expect(seen).toEqual(["initial", "initial", "initial", "running"]);
  });

  it("an exact-key override wins over the kind override", async () => {
    emu.control.setTransitions("ServiceMesh", { afterReads: 3 });
    emu.control.setTransitions("ServiceMesh:create", { afterReads: 0 });
    const id = await create();
    expect(await state(c, id)).toBe("running");
  });

  it("fast: create settles after 3 s of emulator time, not by reads", async () => {
    emu.control.setProfile("fast");
    const id = await create();
    clock.advance(300);   // past the read-after-create visibility window
    expect([await state(c, id), await state(c, id), await state(c, id)]).toEqual(["initial", "initial", "initial"]);
    clock.advance(2800);
    expect(await state(c, id)).toBe("running");
  });

  it("fast: a new mesh is invisible (ServiceMesh.NotFound) for its first 250 ms", async () => {
    emu.control.setProfile("fast");
    const id = await create();
    expect(await state(c, id)).toBe("ServiceMesh.NotFound");
    clock.advance(260);
    expect(await state(c, id)).toBe("initial");
  });

  it("realistic: create takes minutes; an afterMs override shortens it", async () => {
    emu.control.setProfile("realistic");
    const id = await create();
    clock.advance(2000);
    expect(await state(c, id)).toBe("initial");
    clock.advance(170_000);
    expect(await state(c, id)).toBe("initial");
    clock.advance(10_000);
    expect(await state(c, id)).toBe("running");
    emu.control.setTransitions("ServiceMesh", { afterMs: 5000 });
    await c.call("UpdateMeshFeature", { ServiceMeshId: id, Telemetry: true });
    expect(await state(c, id)).toBe("updating");
    clock.advance(5000);
    expect(await state(c, id)).toBe("running");
  });

  it("fast: deletion lingers as deleting, then ServiceMesh.NotFound", async () => {
    emu.control.setProfile("fast");
    const id = await create();
    clock.advance(3000);
    expect(await state(c, id)).toBe("running");
    await c.call("DeleteServiceMesh", { ServiceMeshId: id });
    clock.advance(1000);
    expect(await state(c, id)).toBe("deleting");
    clock.advance(1000);
    expect(await state(c, id)).toBe("ServiceMesh.NotFound");
  });

  it("a profile change applies to transitions already in flight", async () => {
    emu.control.setProfile("realistic");
    const id = await create();
    clock.advance(2000);
    expect(await state(c, id)).toBe("initial");
    emu.control.setProfile("instant");
    expect(await state(c, id)).toBe("running");
  });

  it("cluster add: the cluster appears when the update transition completes", async () => {
    emu.control.setProfile("fast");
    const id = await create();
    clock.advance(3000);
    await c.call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    const read = async () => ((await c.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh as Record<string, unknown>).Clusters;
    expect(await read()).toEqual([]);
    clock.advance(1500);
    expect(await read()).toEqual([PRIMARY]);
  });

  it("reports each completed transition with when a request first found it complete", async () => {
    emu.control.setProfile("fast");
    const id = (await c.call("CreateServiceMesh", meshArgs())).ServiceMeshId as string;
    const start = clock.now();
    clock.advance(3400);
    expect(await state(c, id)).toBe("running");
    clock.advance(600);
    expect(await state(c, id)).toBe("running");
    const creates = emu.control.transitions().filter((t) => t.key === "ServiceMesh:create");
    expect(creates).toEqual([{ key: "ServiceMesh:create", since: start, afterMs: 3000, seenAt: start + 3400 }]);
  });

  it("fast with a transition spread: each change takes its own time within ±spread, reported by transitions()", async () => {
    const spread = await createEmulator({ clock, profile: "fast", transitionSpread: 0.2, seed: 3 });
    try {
      const sc = new AsmTestClient(spread);
      const ids = [];
      for (let i = 0; i < 4; i++) {
        ids.push((await sc.call("CreateServiceMesh", meshArgs())).ServiceMeshId as string);
        clock.advance(1);
      }
      clock.advance(2400 - 4);   // earliest end: 0.8 × 3 s
      for (const id of ids) expect(await state(sc, id)).toBe("initial");
      clock.advance(1200);       // latest end: 1.2 × 3 s
      for (const id of ids) expect(await state(sc, id)).toBe("running");
      const creates = spread.control.transitions().filter((t) => t.key === "ServiceMesh:create").map((t) => t.afterMs);
      expect(creates).toHaveLength(4);
      for (const ms of creates) expect(ms >= 2400 && ms <= 3600).toBe(true);
      expect(new Set(creates).size).toBeGreaterThan(1);
      spread.control.clearRequests();
      expect(spread.control.transitions()).toEqual([]);
    } finally {
      await spread.close();
    }
  });

  /** What each kind of read says about the mesh's clusters at this moment. */
  const clusterViews = async (id: string): Promise<Record<string, unknown>> => {
    const detail = (await c.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh as Record<string, unknown>;
    const rows = (await c.call("DescribeServiceMeshes")).ServiceMeshes as Record<string, unknown>[];
    const inMesh = (await c.call("DescribeClustersInServiceMesh", { ServiceMeshId: id })).Clusters as Record<string, unknown>[];
    return {
      detail: detail.Clusters,
      list: rows.find((r) => (r.ServiceMeshInfo as Record<string, unknown>).ServiceMeshId === id)?.Clusters,
      clustersInMesh: inMesh.map((r) => r.ClusterId),
    };
  };

  it("instant: a client that polls only DescribeClustersInServiceMesh sees the cluster it added arrive", async () => {
    const id = await create();
    await c.call("DescribeServiceMeshes");   // any read completes the create: the list read counts as one
    expect(await state(c, id)).toBe("running");
    await c.call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    const polled = [];
    for (let i = 0; i < 3; i++) polled.push(((await c.call("DescribeClustersInServiceMesh", { ServiceMeshId: id })).Clusters as Record<string, unknown>[]).map((r) => r.ClusterId));
    expect(polled).toEqual([[], [PRIMARY], [PRIMARY]]);
  });

  it("instant: a create completes on a read of any kind (kubeconfig, upgrade version, gateway routes, secrets, tags)", async () => {
    for (const read of [
      (id: string) => c.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: id }),
      (id: string) => c.call("DescribeUpgradeVersion", { ServiceMeshId: id }),
      (id: string) => c.call("DescribeIstioGatewayRoutes", { ServiceMeshId: id }),
      (id: string) => c.call("DescribeGatewaySecretDetails", { ServiceMeshId: id }),
      (id: string) => c.call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id] }),
    ]) {
      const id = await create();
      await read(id);
      expect(await state(c, id)).toBe("running");
    }
  });

  it("fast: detail, list and clusters-in-mesh agree at every moment while a cluster joins, by time alone", async () => {
    emu.control.setProfile("fast");
    const id = await create();
    clock.advance(3000);
    await c.call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: PRIMARY });
    expect(await clusterViews(id)).toEqual({ detail: [], list: [], clustersInMesh: [] });
    clock.advance(1499);
    expect(await clusterViews(id)).toEqual({ detail: [], list: [], clustersInMesh: [] });
    clock.advance(1);
    // Nothing was read in between: the first read after the moment, of whatever kind, sees it joined.
    const inMesh = (await c.call("DescribeClustersInServiceMesh", { ServiceMeshId: id })).Clusters as Record<string, unknown>[];
    expect(inMesh.map((r) => r.ClusterId)).toEqual([PRIMARY]);
    expect(await clusterViews(id)).toEqual({ detail: [PRIMARY], list: [PRIMARY], clustersInMesh: [PRIMARY] });
  });

  it("rejects an invalid transition rule and an unknown profile", () => {
    expect(() => emu.control.setTransitions("ServiceMesh", { afterMs: -1 })).toThrow(/afterMs must be a number/);
    expect(() => emu.control.setProfile("slow" as never)).toThrow(/profile must be one of instant, fast, realistic/);
  });
});

import { createEmulator, type EmulatorHandle } from "../../emulator";
import { AsmTestClient } from "./client";
import { meshArgs, readUntil, runningMesh } from "./fixtures";

describe("fault injection and rate limiting", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  beforeAll(async () => {
    emu = await createEmulator({ seed: 7 });
    c = new AsmTestClient(emu);
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.control.reset();
    emu.control.setRateLimit(undefined);
  });

  it("throttles the first N matching calls with Throttling.User, then lets calls through", async () => {
    emu.control.addFault({ match: { action: "DescribeServiceMeshes" }, effect: { type: "throttle" }, times: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await c.fail("DescribeServiceMeshes");
      expect([e.code, e.statusCode]).toEqual(["Throttling.User", 400]);
    }
    expect((await c.call("DescribeServiceMeshes")).ServiceMeshes).toEqual([]);
    expect(emu.control.faults()).toEqual([]);
  });

  it("injects a 503 ServiceUnavailable and a 500 InternalError", async () => {
    emu.control.addFault({ match: { kind: "ServiceMesh" }, effect: { type: "serverError" }, times: 1 });
    const e503 = await c.fail("DescribeServiceMeshes");
    expect([e503.code, e503.statusCode]).toEqual(["ServiceUnavailable", 503]);
    emu.control.addFault({ effect: { type: "serverError", httpStatus: 500 }, times: 1 });
    const e500 = await c.fail("DescribeVersions");
    expect([e500.code, e500.statusCode]).toEqual(["InternalError", 500]);
  });

  it("injects a custom error code and status", async () => {
    emu.control.addFault({ match: { action: "CreateServiceMesh" }, effect: { type: "error", code: "ERR404", httpStatus: 404, message: "Not found" }, times: 1 });
    const e = await c.fail("CreateServiceMesh", meshArgs());
    expect([e.code, e.statusCode]).toEqual(["ERR404", 404]);
    expect((emu.control.state() as { meshes: object }).meshes).toEqual({});
  });

  it("adds latency", async () => {
    emu.control.addFault({ match: { action: "DescribeVersions" }, effect: { type: "latency", ms: 150 }, times: 1 });
    const started = Date.now();
    await c.call("DescribeVersions");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("drops the connection without applying the change", async () => {
    emu.control.addFault({ match: { action: "CreateServiceMesh" }, effect: { type: "drop" }, times: 1 });
    await expect(c.call("CreateServiceMesh", meshArgs())).rejects.toThrow();
    expect((emu.control.state() as { meshes: object }).meshes).toEqual({});
    expect(emu.control.requests().at(-1)).toMatchObject({ action: "CreateServiceMesh", status: 0, code: "DroppedConnection" });
  });

  it("applies the change but loses the response", async () => {
    emu.control.addFault({ match: { action: "CreateServiceMesh" }, effect: { type: "lostResponse" }, times: 1 });
    await expect(c.call("CreateServiceMesh", meshArgs({ Name: "lost" }))).rejects.toThrow();
    const meshes = (await c.call("DescribeServiceMeshes")).ServiceMeshes as { ServiceMeshInfo: { Name: string } }[];
    expect(meshes.map((m) => m.ServiceMeshInfo.Name)).toEqual(["lost"]);
  });

  it("makes the resource go failed after the change is applied", async () => {
    const id = await runningMesh(c);
    emu.control.addFault({ match: { action: "UpdateMeshFeature" }, effect: { type: "failResource", message: "istiod crashloop" }, times: 1 });
    await c.call("UpdateMeshFeature", { ServiceMeshId: id, Tracing: true });
    const mesh = await readUntil(c, id, "failed", 1);
    expect((mesh.ServiceMeshInfo as Record<string, unknown>).ErrorMessage).toBe("istiod crashloop");
  });

  it("fires a probabilistic rule reproducibly for the same seed", async () => {
    const run = async (): Promise<string> => {
      emu.control.reset();
      emu.control.addFault({ match: { action: "DescribeVersions" }, effect: { type: "throttle" }, probability: 0.5 });
      let pattern = "";
      for (let i = 0; i < 16; i++) pattern += await c.call("DescribeVersions").then(() => ".", () => "T");
      return pattern;
    };
    const first = await run();
    expect(first).toMatch(/T/);
    expect(first).toMatch(/\./);
    expect(await run()).toBe(first);
  });

  it("rate-limits with a token bucket answering Throttling.User", async () => {
    emu.control.setRateLimit({ requestsPerSecond: 1, burst: 3 });
    const results = await Promise.all(Array.from({ length: 6 }, () => c.call("DescribeVersions").then(() => "ok", (e: { code: string }) => e.code)));
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    expect(results.filter((r) => r === "Throttling.User")).toHaveLength(3);
  });

  it("counts requests per action and logs status and code", async () => {
    await c.call("DescribeVersions");
    await c.fail("DescribeServiceMeshDetail", { ServiceMeshId: "cmissing" });
    expect(emu.control.counts()).toEqual({ DescribeVersions: 1, DescribeServiceMeshDetail: 1 });
    expect(emu.control.requests()).toEqual([
      expect.objectContaining({ action: "DescribeVersions", status: 200 }),
      expect.objectContaining({ action: "DescribeServiceMeshDetail", status: 404, code: "ServiceMesh.NotFound", meshId: "cmissing" }),
    ]);
    emu.control.clearRequests();
    expect(emu.control.counts()).toEqual({});
  });

  it("rejects a malformed fault rule with a specific message", () => {
    expect(() => emu.control.addFault({ effect: { type: "explode" } } as never)).toThrow(/effect.type must be one of/);
    expect(() => emu.control.addFault({ effect: { type: "throttle" }, probability: 2 })).toThrow(/probability/);
  });

  it("keeps serving after a dropped connection", async () => {
    emu.control.addFault({ effect: { type: "drop" }, times: 1 });
    await expect(c.call("DescribeVersions")).rejects.toThrow();
    expect((await c.call("DescribeVersions")).VersionInfo).toBeDefined();
  });
});

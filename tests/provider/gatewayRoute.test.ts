// GatewayRoute's provider against the in-process emulator: round trip without drift, the two
// update paths, drift correction, many routes created in parallel, adoption.
import type * as pulumi from "@pulumi/pulumi";
import { AsmClient } from "../../provider/api";
import { isResourceInitError } from "../../provider/framework";
import { FINAL_CALL_MS } from "../../provider/waiter";
import { Props } from "../../provider/schema";
import { ingressGateway, rawClient, runningMesh } from "./helpers/gatewayStack";
import { startHarness, type Harness } from "./helpers/providerHarness";

let h: Harness;
let client: AsmClient;
let meshId: string;
let provider: pulumi.dynamic.ResourceProvider;
const GATEWAY = "ingressgateway";

async function checked(news: Props): Promise<Props> {
  const r = await provider.check!({}, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

const args = (routeName: string, extra: Props = {}): Props => ({
  meshId,
  gatewayName: GATEWAY,
  routeName,
  domains: ["demo.example.com"],
  match: { uri: { mode: "prefix", value: `/${routeName}` }, headers: [{ name: "x-canary", mode: "exact", value: "1" }] },
  destinations: [
    { host: "reviews.default.svc.cluster.local", subset: "v1", port: 9080, weight: 80 },
    { host: "reviews.default.svc.cluster.local", subset: "v2", port: 9080, weight: 20 },
  ],
  timeout: "5s",
  retries: { attempts: 3, perTryTimeout: "2s", retryOn: "5xx" },
  ...extra,
});

async function routeNames(): Promise<string[]> {
  const res = await client.call("DescribeIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
  return (res.ManagementRoutes ?? []).map((r) => r.RouteName ?? "").sort();
}

beforeAll(async () => {
  h = await startHarness();
  client = rawClient(h.emulator);
  provider = h.provider("GatewayRoute");
  meshId = await runningMesh(client);
  await ingressGateway(client, meshId, GATEWAY);
});
afterAll(() => h.stop());
beforeEach(() => {
  h.emulator.control.clearFaults();
  h.emulator.control.clearRequests();
});

describe("GatewayRoute round trip", () => {
  it("creates a route and reads back exactly the declared inputs", async () => {
    const inputs = await checked(args("r-create", { priority: 3, description: "canary" }));
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe(`${meshId}:${GATEWAY}:r-create`);
    const read = await provider.read!(id, outs);
    expect(read.inputs).toEqual(inputs);
    expect((await provider.diff!(id, read.props, inputs)).changes).toBe(false);
  });

  it("round-trips a TLS route with SNI matching and a raw VirtualService route", async () => {
    const tls = await checked({
      meshId, gatewayName: GATEWAY, routeName: "r-tls", routeType: "TLS", namespace: "default",
      match: { tls: [{ port: 443, sniHosts: ["demo.example.com"] }] }, destinations: [{ host: "tls-backend", port: 8443 }],
    });
    const raw = await checked({
      meshId, gatewayName: GATEWAY, routeName: "r-raw",
      rawVirtualServiceRoute: { name: "r-raw", route: [{ destination: { host: "raw-backend" } }] },
    });
    for (const inputs of [tls, raw]) {
      const { id, outs } = await provider.create(inputs);
      expect((await provider.read!(id, outs)).inputs).toEqual(inputs);
    }
  });

  it("waits for a new route that reads do not show yet", async () => {
    h.emulator.control.setTransitions("Visibility", { afterReads: 2 });
    try {
      const { id } = await provider.create(await checked(args("r-late")));
      expect(id).toBe(`${meshId}:${GATEWAY}:r-late`);
      expect(h.emulator.control.counts().DescribeIstioGatewayRouteDetail).toBeGreaterThanOrEqual(3);
    } finally {
      h.emulator.control.setTransitions("Visibility", { afterReads: 0 });
    }
  });
});

describe("GatewayRoute updates", () => {
  it("sends a priority/status/description-only change through UpdateIstioRouteAdditionalStatus", async () => {
    const inputs = await checked(args("r-status"));
    const { id, outs } = await provider.create(inputs);
    const news = await checked(args("r-status", { priority: 9, status: 1, description: "paused" }));
    await provider.update!(id, outs, news);
    expect(h.emulator.control.counts()).toMatchObject({ UpdateIstioRouteAdditionalStatus: 1 });
    expect(h.emulator.control.counts().UpdateIstioGatewayRoutes).toBeUndefined();
    expect((await provider.read!(id, news)).inputs).toMatchObject({ priority: 9, status: 1, description: "paused" });
  });

  it("sends any other change through UpdateIstioGatewayRoutes", async () => {
    const inputs = await checked(args("r-full"));
    const { id, outs } = await provider.create(inputs);
    const news = await checked(args("r-full", { destinations: [{ host: "ratings", weight: 100 }], priority: 2 }));
    await provider.update!(id, outs, news);
    expect(h.emulator.control.counts()).toMatchObject({ UpdateIstioGatewayRoutes: 1 });
    expect(h.emulator.control.counts().UpdateIstioRouteAdditionalStatus).toBeUndefined();
    expect((await provider.read!(id, news)).inputs).toEqual(news);
  });

  it("detects an out-of-band change on refresh and restores the declared route on update", async () => {
    const inputs = await checked(args("r-drift"));
    const { id, outs } = await provider.create(inputs);
    const changed = { RouteName: "r-drift", RouteType: "HTTP", RouteDestinations: [{ Weight: 100, Destination: { Host: "elsewhere" } }] };
    await client.call("UpdateIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, GatewayRoute: JSON.stringify(changed) });
    const read = await provider.read!(id, outs);
    expect(read.inputs.destinations).toEqual([{ host: "elsewhere", weight: 100 }]);
    expect(await provider.diff!(id, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    await provider.update!(id, read.props, inputs);
    expect((await provider.read!(id, inputs)).inputs).toEqual(inputs);
  });
});

describe("GatewayRoute delete, parallel creates and adoption", () => {
  it("deletes a route, and deleting it again succeeds", async () => {
    const { id, outs } = await provider.create(await checked(args("r-delete")));
    await provider.delete!(id, outs);
    expect((await provider.read!(id, outs)).id).toBeFalsy();
    await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
  });

  it("creates many routes on one gateway in parallel, all succeeding, even while the mesh is sometimes busy", async () => {
    h.emulator.control.addFault({ match: { action: "CreateIstioGatewayRoutes" }, effect: { type: "error", code: "Conflict.MeshNotRunning", httpStatus: 409 }, times: 8 });
    const names = Array.from({ length: 24 }, (_, i) => `r-par-${i}`);
    const created = await Promise.all(names.map(async (n) => provider.create(await checked(args(n)))));
    expect(created.map((c) => c.id)).toEqual(names.map((n) => `${meshId}:${GATEWAY}:${n}`));
    expect((await routeNames()).filter((n) => n.startsWith("r-par-"))).toEqual([...names].sort());
    expect(h.emulator.control.counts().CreateIstioGatewayRoutes).toBe(24 + 8);
  });

  it("recognises a create whose response was lost as done, without creating twice", async () => {
    h.emulator.control.addFault({ match: { action: "CreateIstioGatewayRoutes" }, effect: { type: "lostResponse" }, times: 1 });
    const { id } = await provider.create(await checked(args("r-lost")));
    expect(id).toBe(`${meshId}:${GATEWAY}:r-lost`);
    expect(h.emulator.control.counts().CreateIstioGatewayRoutes).toBe(1);
  });

  it("refuses a duplicate route name with a hint, then adopts it and applies the declared definition", async () => {
    await provider.create(await checked(args("r-adopt")));
    await expect(provider.create(await checked(args("r-adopt")))).rejects.toThrow(/already exists.*set adopt: true/);
    const adopted = await checked(args("r-adopt", { timeout: "9s", adopt: true }));
    const { id, outs } = await provider.create(adopted);
    expect((await provider.read!(id, outs)).inputs).toMatchObject({ timeout: "9s" });
  });

  it("refuses a route name the API answers with a NameExist code as already taken, with the adopt hint", async () => {
    h.emulator.control.addFault({ match: { action: "CreateIstioGatewayRoutes" }, effect: { type: "error", code: "IstioGatewayRoute.NameExist", httpStatus: 400 }, times: 1 });
    await expect(provider.create(await checked(args("r-name-exist")))).rejects.toThrow(/NameExist.*set adopt: true/);
  });

  it("fails adoption of a route that does not exist", async () => {
    await expect(provider.create(await checked(args("r-missing", { adopt: true })))).rejects.toThrow(
      `adopt: gateway ${GATEWAY} of mesh ${meshId} has no route r-missing; remove adopt to create it`,
    );
  });

  it("gives up a read the server does not answer soon after the create's deadline, keeping the created route in state", async () => {
    // A hung read used to get the transport's 30 s timeout and up to 8 attempts, whatever the timeout.
    const HELD_MS = FINAL_CALL_MS + 4_000;
    h.emulator.control.addFault({ match: { action: "DescribeIstioGatewayRouteDetail" }, effect: { type: "latency", ms: HELD_MS } });
    const started = Date.now();
    const err: unknown = await provider.create(await checked({ ...args("r-held"), timeouts: { create: "1s" } })).then(() => undefined, (e: unknown) => e);
    const elapsedMs = Date.now() - started;
    h.emulator.control.clearFaults();
    expect(isResourceInitError(err) && err.id).toBe(`${meshId}:${GATEWAY}:r-held`);
    expect(String((err as Error).message)).toMatch(/GatewayRoute ingressgateway\/r-held to be visible failed after [0-9]+s: DescribeIstioGatewayRouteDetail failed/);
    expect(elapsedMs).toBeLessThan(HELD_MS - 1_000);
    expect(await routeNames()).toContain("r-held");
    // Let the emulator answer the read it holds before the next test changes its state.
    await new Promise((r) => setTimeout(r, Math.max(0, started + HELD_MS + 200 - Date.now())));
  });
});

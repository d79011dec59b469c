// Transient API faults through the provider and the real engine: a throttling burst under a low
// rate limit, 20% random 5xx answers, 20% dropped connections. One stack; each step changes it
// under faults and then checks, with the faults cleared, that it converged with no orphan and no
// duplicate in the emulator, and that no secret reached the state or the CLI output.
import {
  expectConverged, expectFullStackOnce, expectNothingLeft, expectNoSecretsLeaked, inventory, startRelStack, type RelStack,
} from "./helpers/relStack";

let env: RelStack;

/** Codes the emulator answered with since the last clear (OpenAPI, or the meshes' Kubernetes API), with their counts. */
function answeredCodes(api: "openapi" | "kube" = "openapi"): Record<string, number> {
  const codes: Record<string, number> = {};
  const log = api === "kube" ? env.emulator.control.kubeRequests() : env.emulator.control.requests();
  for (const r of log) if (r.code) codes[r.code] = (codes[r.code] ?? 0) + 1;
  return codes;
}

function underFaults(...rules: Parameters<RelStack["emulator"]["control"]["addFault"]>[0][]): void {
  env.emulator.control.clearFaults();
  env.emulator.control.clearRequests();
  for (const rule of rules) env.emulator.control.addFault(rule);
}

function withoutFaults(): void {
  env.emulator.control.clearFaults();
  env.emulator.control.setRateLimit(undefined);
}

beforeAll(async () => {
  env = await startRelStack("transient");
});

afterAll(async () => {
  withoutFaults();
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("transient API faults", () => {
  it("up under a throttling burst and a low rate limit creates every resource exactly once", async () => {
    // Five calls in a row throttled, then 10 requests per second: within the client's retry budget.
    underFaults({ effect: { type: "throttle" }, times: 5 });
    env.emulator.control.setRateLimit({ requestsPerSecond: 10, burst: 5 });
    await env.stack.up();
    expect(answeredCodes()["Throttling.User"]).toBeGreaterThanOrEqual(5);
    withoutFaults();
    expectFullStackOnce(env);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });

  it("with 20% of calls answered 5xx, removing and re-adding the gateway, secret and route converges", async () => {
    // InternalError (500, ambiguous: the change may or may not have been applied) on a random 20% of
    // all calls, OpenAPI and the mesh's Kubernetes API alike, and for certain on the first attempt of each
    // non-idempotent create and of the gateway's Kubernetes delete and reads.
    const firstCalls = ["CreateASMGateway", "CreateGatewaySecret", "CreateIstioGatewayRoutes", "delete istiogateways", "get istiogateways"].map((action) => ({
      match: { action }, effect: { type: "serverError" as const, httpStatus: 500 as const }, times: 1,
    }));
    underFaults({ effect: { type: "serverError", httpStatus: 500 }, probability: 0.2 }, ...firstCalls);
    await env.stack.setConfig({ "rel:withGateway": "false" });
    await env.stack.up();
    const removed = inventory(env);
    expect([removed.gateways, removed.secrets, removed.routes]).toEqual([[], [], []]);
    await env.stack.setConfig({ "rel:withGateway": "true" });
    await env.stack.up();
    expect(answeredCodes()).toHaveProperty("InternalError");
    expect(answeredCodes("kube")).toHaveProperty("InternalError");
    // The gateway's delete met its certain 500 first, was repeated (more 500s may come at random) and then went through.
    const deletes = env.emulator.control.kubeRequests().filter((r) => r.action === "delete istiogateways").map((r) => r.status);
    expect([deletes[0], deletes[deletes.length - 1], deletes.length >= 2]).toEqual([500, 200, true]);
    withoutFaults();
    expectFullStackOnce(env);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });

  it("with 20% of connections dropped, an in-place update and then destroy converge and leave nothing", async () => {
    // Random drops, and for certain the first attempt of the route update and of each teardown call.
    const firstCalls = ["UpdateIstioGatewayRoutes", "DeleteGatewayRoute", "RemoveClusterFromServiceMesh", "DeleteServiceMesh", "delete istiogateways"].map((action) => ({
      match: { action }, effect: { type: "drop" as const }, times: 1,
    }));
    underFaults({ effect: { type: "drop" }, probability: 0.2 }, ...firstCalls);
    await env.stack.setConfig({ "rel:canaryWeight": "30" });
    await env.stack.up();
    const meshId = expectFullStackOnce(env);
    const { RouteDetail } = await env.api.call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: meshId, IstioGatewayName: "ingressgateway", RouteName: "reviews" });
    expect(JSON.stringify(RouteDetail)).toMatch(/"Weight":30\b/);
    await env.stack.destroy();
    const counts = env.emulator.control.counts();
    for (const action of ["UpdateIstioGatewayRoutes", "DeleteGatewayRoute", "RemoveClusterFromServiceMesh", "DeleteServiceMesh"]) {
      expect({ action, sentAgain: counts[action] >= 2 }).toEqual({ action, sentAgain: true });
    }
    expect(env.emulator.control.kubeCounts()["delete istiogateways"]).toBeGreaterThanOrEqual(2);
    expect(answeredCodes("kube")).toHaveProperty("DroppedConnection");
    withoutFaults();
    expectNothingLeft(env);
    await expectNoSecretsLeaked(env);
  });
});

// Writes whose outcome the provider cannot see, and changes it did not make, through the real
// engine: creates and deletes whose responses are lost after the change was applied, resources
// deleted out of band, and a mesh that fails while it is being created. One stack; every step ends
// with the emulator holding each declared object exactly once (or nothing after destroy), a
// converged stack, and no secret in the state or the CLI output.
import { plannedChanges } from "../../cli/previewSteps";
import {
  expectConverged, expectFullStackOnce, expectNothingLeft, expectNoSecretsLeaked, inventory, noteTokens, startRelStack, type RelStack,
} from "./helpers/relStack";

const CREATES = ["CreateServiceMesh", "AddClusterIntoServiceMesh", "CreateASMGateway", "CreateGatewaySecret", "CreateIstioGatewayRoutes"];
const DELETES = ["DeleteGatewayRoute", "DeleteGatewaySecret", "RemoveClusterFromServiceMesh", "DeleteServiceMesh"];

let env: RelStack;

function loseFirstResponseOf(actions: string[]): void {
  env.emulator.control.clearFaults();
  env.emulator.control.clearRequests();
  for (const action of actions) env.emulator.control.addFault({ match: { action }, effect: { type: "lostResponse" }, times: 1 });
}

/** Each action answered at least once with the response lost, i.e. the fault really fired. */
function expectResponsesLost(actions: string[]): void {
  expect(env.emulator.control.faults()).toEqual([]);
  const counts = env.emulator.control.counts();
  for (const action of actions) expect({ action, called: (counts[action] ?? 0) >= 1 }).toEqual({ action, called: true });
}

beforeAll(async () => {
  env = await startRelStack("ambiguous");
});

afterAll(async () => {
  env?.emulator.control.clearFaults();
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("writes with unseen outcomes and out-of-band changes", () => {
  it("up creates each resource exactly once when every create's response is lost after it was applied", async () => {
    loseFirstResponseOf(CREATES);
    await env.stack.up();
    expectResponsesLost(CREATES);
    const counts = env.emulator.control.counts();
    // Reconciled against live state, never sent blindly again.
    expect(CREATES.map((a) => counts[a])).toEqual(CREATES.map(() => 1));
    expectFullStackOnce(env);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });

  it("refresh drops a gateway, secret and route deleted out of band, and up recreates them once", async () => {
    const meshId = expectFullStackOnce(env);
    env.emulator.control.mutate.deleteRoute(meshId, "ingressgateway", "reviews");
    env.emulator.control.mutate.deleteSecret(meshId, "ingressgateway", "rel-tls");
    env.emulator.control.mutate.deleteGateway(meshId, "istio-system", "ingressgateway");
    await env.stack.refresh();
    const state = await env.stack.exportState();
    const kinds = (state.deployment.resources ?? []).map((r) => r.type.replace("pulumi-nodejs:dynamic/asm:", "")).filter((t) => !t.includes(":"));
    expect(kinds.sort()).toEqual(["ClusterAttachment", "ServiceMesh"]);
    await env.stack.up();
    expect(expectFullStackOnce(env)).toBe(meshId);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });

  it("refresh drops a mesh deleted out of band with everything on it, and up builds one new mesh", async () => {
    const oldMesh = expectFullStackOnce(env);
    await noteTokens(env);
    env.emulator.control.mutate.deleteMesh(oldMesh);
    await env.stack.refresh();
    await env.stack.up();
    const newMesh = expectFullStackOnce(env);
    expect(newMesh).not.toBe(oldMesh);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });

  it("destroy removes everything when every delete's response is lost after it was applied", async () => {
    loseFirstResponseOf(DELETES);
    await env.stack.destroy();
    expectResponsesLost(DELETES);
    expectNothingLeft(env);
    await expectNoSecretsLeaked(env);
  });

  it("a mesh that fails during create is kept in state with its error, and the next up replaces it", async () => {
    env.emulator.control.clearRequests();
    env.emulator.control.addFault({ match: { action: "CreateServiceMesh" }, effect: { type: "failResource", message: "quota exceeded for SLB" }, times: 1 });
    const failed = await env.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    expect(failed.code).not.toBe(0);
    const [failedMesh] = inventory(env).meshes;
    expect(failed.stdout).toContain(`${failedMesh}: ServiceMesh ${failedMesh} to reach running failed after`);
    expect(failed.stdout).toContain("mesh state is failed: quota exceeded for SLB");
    // Recorded, not orphaned: the failed mesh is in state under its id and is the only one.
    const state = await env.stack.exportState();
    const recorded = (state.deployment.resources ?? []).find((r) => r.type.endsWith("asm:ServiceMesh"));
    expect(recorded?.id).toBe(failedMesh);
    expect(inventory(env).meshes).toEqual([failedMesh]);
    expect(recorded?.outputs?.createFailed).toBe(true);
    // The next plain up replaces the failed mesh: a new one is created, then the failed one deleted.
    const preview = await env.stack.previewJson();
    expect(plannedChanges(preview).find((c) => c.type.endsWith("asm:ServiceMesh"))).toMatchObject({ op: "replace", replaceReasons: ["state"] });
    await env.stack.up();
    const replacement = expectFullStackOnce(env);
    expect(replacement).not.toBe(failedMesh);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });
});

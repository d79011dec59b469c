// A whole mesh lifecycle under a storm: about a third of all calls throttled and a tenth answered
// with a 5xx, across every action. Everything must still converge, and nothing may be created twice.
import { EMULATOR_CLUSTERS } from "../../emulator";
import { meshInputs } from "./helpers/fixtures";
import { startHarness, type Harness } from "./helpers/providerHarness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ seed: 7 });
});
afterAll(() => h.stop());

it("creates, attaches in parallel, updates, detaches and deletes through a throttling and 5xx storm", async () => {
  h.emulator.control.addFault({ effect: { type: "throttle" }, probability: 0.33 });
  h.emulator.control.addFault({ effect: { type: "serverError", httpStatus: 503 }, probability: 0.1 });
  const mesh = h.provider("ServiceMesh");
  const attachments = h.provider("ClusterAttachment");

  const inputs = (await mesh.check!({}, meshInputs())).inputs;
  const created = await mesh.create(inputs);
  const clusterIds = [EMULATOR_CLUSTERS.primary.clusterId, EMULATOR_CLUSTERS.secondary.clusterId];
  const attached = await Promise.all(clusterIds.map((clusterId) => attachments.create({ meshId: created.id, clusterId })));
  const updated = await mesh.update!(created.id, created.outs, { ...inputs, tracing: { enabled: true } });
  await Promise.all(attached.map((a) => attachments.delete!(a.id, a.outs)));
  await mesh.delete!(created.id, updated.outs);

  const requests = h.emulator.control.requests();
  const injected = requests.filter((r) => r.code === "Throttling.User" || r.code === "ServiceUnavailable");
  expect(injected.length).toBeGreaterThan(10);
  const accepted = (action: string) => requests.filter((r) => r.action === action && r.status === 200).length;
  expect(accepted("CreateServiceMesh")).toBe(1);
  expect(accepted("AddClusterIntoServiceMesh")).toBe(2);
  h.emulator.control.clearFaults();
  expect((await mesh.read!(created.id, updated.outs ?? {})).id).toBeFalsy();
});

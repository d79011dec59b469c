// ServiceMesh and ClusterAttachment through the real Pulumi engine (tools/bin/pulumi) and the provider
// process it starts, against the in-process emulator. The steps build on each other, as a user's
// successive commands on one stack do.
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, OTHER_VPC } from "../../emulator";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { changedFields, parseUrn, plannedChanges } from "../../cli/previewSteps";
import { resourceSteps, type PreviewJson, type PreviewStep } from "./harness/pulumiCli";

const [PRIMARY, SECONDARY] = [EMULATOR_CLUSTERS.primary.clusterId, EMULATOR_CLUSTERS.secondary.clusterId];

let env: EmulatorStack;
let meshId: string;

async function liveMesh() {
  return (await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId })).ServiceMesh;
}

/** The step that changes `name` (refresh steps of a refreshing preview are skipped), or its "same" step. */
function step(steps: PreviewStep[], name: string): PreviewStep {
  const mine = steps.filter((s) => parseUrn(s.urn).name === name && s.op !== "refresh");
  if (mine.length !== 1) throw new Error(`expected one step for ${name}: ${JSON.stringify(steps.map((s) => [parseUrn(s.urn).name, s.op]))}`);
  return mine[0];
}

const changes = (p: PreviewJson) => plannedChanges(p).map((c) => `${c.name}:${c.op}`).sort();

beforeAll(async () => {
  env = await emulatorStack({
    program: "mesh-attachments",
    config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterIds": JSON.stringify([PRIMARY, SECONDARY]) },
  });
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("a stack with one mesh and two cluster attachments", () => {
  it("up creates a running mesh with both clusters attached", async () => {
    await env.stack.up();
    const outputs = await env.stack.outputs();
    meshId = String(outputs.meshId);
    expect(outputs.meshState).toBe("running");
    expect(outputs.attachments).toEqual([`${meshId}:${PRIMARY}`, `${meshId}:${SECONDARY}`]);
    const mesh = await liveMesh();
    expect(mesh.ServiceMeshInfo.State).toBe("running");
    expect([...mesh.Clusters!].sort()).toEqual([PRIMARY, SECONDARY].sort());
  });

  it("a preview right after up shows no changes", async () => {
    const r = await env.stack.preview(["--expect-no-changes"]);
    expect(r.code).toBe(0);
    const preview = await env.stack.previewJson();
    expect(changes(preview)).toEqual([]);
    // The stack, the mesh and both attachments; the JSON lists no step for unchanged resources.
    expect(preview.changeSummary).toEqual({ same: 4 });
  });

  it("keeps the state file free of the access key secret and the serialized provider small", async () => {
    expect(env.stack.backendText()).not.toContain(env.emulator.credentials.accessKeySecret);
    const state = await env.stack.exportState();
    const ours = (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/asm:"));
    expect(ours.map((r) => r.type).sort()).toEqual([
      "pulumi-nodejs:dynamic/asm:ClusterAttachment", "pulumi-nodejs:dynamic/asm:ClusterAttachment", "pulumi-nodejs:dynamic/asm:ServiceMesh",
    ]);
    for (const r of ours) {
      const provider = String(r.outputs?.__provider ?? "");
      // The shim loads the implementation by package name: no API client, waiter or schema code in state.
      expect(provider).toContain('require("asm-pulumi/runtime")');
      expect(provider).not.toContain("DescribeServiceMeshDetail");
      expect(provider.length).toBeLessThan(4096);
    }
  });

  it("a feature flag change previews as an in-place update and applies", async () => {
    await env.stack.setConfig({ "e2e:tracing": "true" });
    const preview = await env.stack.previewJson();
    // The attachments reference the mesh by id, which stays known during an in-place update.
    expect(changes(preview)).toEqual(["mesh:update"]);
    const mesh = step(resourceSteps(preview), "mesh");
    expect(mesh.replaceReasons ?? []).toEqual([]);
    expect(changedFields(mesh)).toEqual(["tracing.enabled"]);
    await env.stack.up();
    expect((await liveMesh()).Spec?.MeshConfig?.Tracing).toBe(true);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("a VPC change previews as a replacement of the mesh and its attachments", async () => {
    await env.stack.setConfig({ "e2e:vpcId": OTHER_VPC });
    const preview = await env.stack.previewJson();
    expect(changes(preview)).toEqual(["cluster-0:replace", "cluster-1:replace", "mesh:replace"]);
    expect(step(resourceSteps(preview), "mesh").replaceReasons).toEqual(["network"]);
    await env.stack.setConfig({ "e2e:vpcId": DEFAULT_VPC });
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("reports an out-of-band rename in preview --refresh and puts the name back on up", async () => {
    env.emulator.control.mutate.renameMesh(meshId, "renamed-in-console");
    const preview = await env.stack.previewJson(["--refresh"]);
    expect(changes(preview)).toEqual(["mesh:update"]);
    expect(changedFields(step(resourceSteps(preview), "mesh"))).toEqual(["name"]);
    // preview --refresh must not have written the refreshed state.
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
    await env.stack.up(["--refresh"]);
    expect((await liveMesh()).ServiceMeshInfo.Name).toBe("e2e-mesh");
  });

  it("drops a cluster detached out of band on refresh and re-attaches it on the next up", async () => {
    env.emulator.control.mutate.detachCluster(meshId, SECONDARY);
    await env.stack.refresh();
    expect(changes(await env.stack.previewJson())).toEqual(["cluster-1:create"]);
    await env.stack.up();
    expect((await liveMesh()).Clusters).toContain(SECONDARY);
  });

  it("destroy detaches the clusters and leaves no mesh in the emulator", async () => {
    await env.stack.destroy();
    const { ServiceMeshes } = await env.api.call("DescribeServiceMeshes", {});
    expect(ServiceMeshes ?? []).toEqual([]);
  });
});

// The native plugin pulumi-resource-asm through the real Pulumi engine: a program registers the kinds by
// type token (asm:index:*), the engine finds the plugin on PATH (tools/bin, linked by scripts/bootstrap) and
// configures it with the stack's asm:* keys. The steps build on each other, as a user's commands on one stack do.
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, OTHER_VPC } from "../../emulator";
import { parseUrn, UNKNOWN } from "../../cli/previewSteps";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { PulumiStack, REPO_ROOT, resourceSteps, type PreviewStep } from "./harness/pulumiCli";

const CLUSTER = EMULATOR_CLUSTERS.primary.clusterId;

let env: EmulatorStack;
let meshId: string;

/** The plugin's settings: the engine hands a plugin only its own package's (asm:*) config. */
async function configurePlugin(stack: PulumiStack, e: EmulatorStack, keys: Record<string, string>): Promise<void> {
  await stack.setConfig({ "asm:endpoint": e.emulator.endpoint, "asm:protocol": "HTTP", "asm:region": DEFAULT_REGION });
  await stack.setConfig(keys, { secret: true });
}

function step(steps: PreviewStep[], name: string): PreviewStep {
  const mine = steps.filter((s) => parseUrn(s.urn).name === name);
  if (mine.length !== 1) throw new Error(`expected one step for ${name}: ${JSON.stringify(steps.map((s) => [parseUrn(s.urn).name, s.op]))}`);
  return mine[0];
}

beforeAll(async () => {
  env = await emulatorStack({
    nativePlugin: true,
    program: "native-mesh",
    stackName: "native",
    config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER },
  });
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("a program using the native plugin's type tokens", () => {
  it("previews a new stack as two creates, the attachment's meshId still unknown", async () => {
    const preview = await env.stack.previewJson();
    const steps = resourceSteps(preview);
    expect([step(steps, "mesh").op, step(steps, "cluster").op]).toEqual(["create", "create"]);
    expect(step(steps, "cluster").newState?.inputs?.meshId).toBe(UNKNOWN);
  });

  it("up creates a running mesh and attaches the cluster, recorded under asm:index types", async () => {
    const r = await env.stack.up();
    const outputs = await env.stack.outputs();
    meshId = String(outputs.meshId);
    expect(outputs.meshState).toBe("running");
    expect(outputs.attachmentId).toBe(`${meshId}:${CLUSTER}`);
    const live = await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
    expect(live.ServiceMesh.Clusters).toEqual([CLUSTER]);
    const types = ((await env.stack.exportState()).deployment.resources ?? []).map((res) => res.type).sort();
    expect(types).toEqual(["asm:index:ClusterAttachment", "asm:index:ServiceMesh", "pulumi:providers:asm", "pulumi:pulumi:Stack"]);
    console.log(`native plugin: up of a mesh and an attachment took ${r.ms} ms`);
  });

  it("a preview right after up shows no changes", async () => {
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("a tracing change previews as an in-place update whose detailed diff names tracing.enabled", async () => {
    await env.stack.setConfig({ "e2e:tracing": "true" });
    const preview = await env.stack.previewJson();
    const mesh = step(resourceSteps(preview), "mesh");
    expect(mesh.op).toBe("update");
    expect(mesh.detailedDiff).toEqual({ "tracing.enabled": { kind: "update", inputDiff: true } });
    expect(mesh.diffReasons).toEqual(["tracing"]);
    const text = (await env.stack.preview(["--diff"])).stdout;
    expect(text).toMatch(/~ tracing\s*:\s*\{\s*~ enabled\s*:\s*false => true/);
  });

  it("applies the update and previews no changes after it", async () => {
    await env.stack.up();
    const live = await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
    expect(live.ServiceMesh.Spec?.MeshConfig?.Tracing).toBe(true);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("a VPC change previews as a replacement, named by the detailed diff as update-replace of network.vpcId", async () => {
    await env.stack.setConfig({ "e2e:vpcId": OTHER_VPC });
    const preview = await env.stack.previewJson();
    const mesh = step(resourceSteps(preview), "mesh");
    expect(mesh.op).toBe("replace");
    expect(mesh.replaceReasons).toEqual(["network"]);
    expect(mesh.detailedDiff).toEqual({ "network.vpcId": { kind: "update-replace", inputDiff: true } });
    // The attachment's meshId is unknown until the new mesh exists; meshId is create-only.
    expect(step(resourceSteps(preview), "cluster").op).toBe("replace");
    await env.stack.setConfig({ "e2e:vpcId": DEFAULT_VPC });
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("keeps the access key secret and the mesh kubeconfig out of the state in clear, the kubeconfig a secret output", async () => {
    const { Kubeconfig } = await env.api.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId });
    expect(Kubeconfig).toBeTruthy();
    const backend = env.stack.backendText();
    expect(backend).not.toContain(env.emulator.credentials.accessKeySecret);
    expect(backend).not.toContain(String(Kubeconfig));
    const mesh = ((await env.stack.exportState()).deployment.resources ?? []).find((r) => r.type === "asm:index:ServiceMesh");
    expect(mesh?.outputs?.kubeconfig).toEqual(expect.objectContaining({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) }));
  });
});

describe("a secret the program makes of an ordinary input", () => {
  const TAG = "owner-tag-kept-secret-7f3a";

  it("stays secret in the inputs and in the outputs the plugin answers with", async () => {
    await env.stack.setConfig({ "e2e:ownerTag": TAG }, { secret: true });
    await env.stack.up();
    const { TagResources } = await env.api.call("ListTagResources", { RegionId: DEFAULT_REGION, ResourceType: "servicemesh", ResourceId: [meshId] });
    expect((TagResources ?? []).map((t) => `${t.TagKey}=${t.TagValue}`)).toContain(`owner=${TAG}`);
    expect(env.stack.backendText()).not.toContain(TAG);
    const mesh = ((await env.stack.exportState()).deployment.resources ?? []).find((r) => r.type === "asm:index:ServiceMesh");
    const secretShape = expect.objectContaining({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
    expect(mesh?.inputs?.tags).toEqual(secretShape);
    expect(mesh?.outputs?.tags).toEqual(secretShape);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });
});

describe("the native plugin's configuration errors", () => {
  it("a secretKey without accessKey fails the preview naming asm:accessKey", async () => {
    const stack = await PulumiStack.create({ programDir: env.stack.programDir, stackName: "native-halfkeys", env: { ASM_WAIT_SCALE: "0.1" } });
    try {
      await stack.setConfig({ "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER });
      await configurePlugin(stack, env, { "asm:secretKey": env.emulator.credentials.accessKeySecret });
      const r = await stack.preview().catch((e: { result: { stdout: string; stderr: string; code: number } }) => e.result);
      expect(r.code).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain("asm:accessKey is not set while asm:secretKey is");
    } finally {
      await stack.dispose();
    }
  });

  it("a plain-text access key fails the preview naming asm:accessKey, as the state would record it in clear", async () => {
    const stack = await PulumiStack.create({ programDir: env.stack.programDir, stackName: "native-plainkeys", env: { ASM_WAIT_SCALE: "0.1" } });
    try {
      await stack.setConfig({ "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER });
      await configurePlugin(stack, env, { "asm:secretKey": env.emulator.credentials.accessKeySecret });
      await stack.setConfig({ "asm:accessKey": env.emulator.credentials.accessKeyId });
      const r = await stack.run(["preview", "--non-interactive"], { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(r.stdout).toContain("asm:accessKey is set as plain text");
    } finally {
      await stack.dispose();
    }
  });

  it("no credentials anywhere fails the up naming the asm:accessKey and asm:secretKey config keys", async () => {
    const stack = await PulumiStack.create({ programDir: env.stack.programDir, stackName: "native-nokeys", env: { ASM_WAIT_SCALE: "0.1" } });
    try {
      await stack.setConfig({ "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER });
      await configurePlugin(stack, env, {});
      const r = await stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(r.stdout).toContain("no Alibaba Cloud credentials found: set asm:accessKey and asm:secretKey");
      expect(r.stdout).not.toContain("alicloud:accessKey");
    } finally {
      await stack.run(["stack", "rm", "--yes", "--force"], { allowFailure: true });
      await stack.dispose();
    }
  });
});

describe("the engine's customTimeouts through the native plugin", () => {
  it("a create timeout shorter than the mesh takes fails the up on that deadline and keeps the mesh in the state", async () => {
    // The realistic profile takes minutes to create a mesh; the deadline is two seconds.
    const slow = await emulatorStack({
      nativePlugin: true,
      program: "native-mesh",
      stackName: "native-timeout",
      emulator: { profile: "realistic" },
      env: { ASM_WAIT_SCALE: "0.01" },
      config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER, "e2e:createTimeout": "2s" },
    });
    try {
      const r = await slow.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(r.ms).toBeLessThan(60_000);
      expect(r.stdout).toMatch(/timed out after [23]s waiting for ServiceMesh/);
      const { ServiceMeshes } = await slow.api.call("DescribeServiceMeshes", {});
      const made = (ServiceMeshes ?? []).map((m) => m.ServiceMeshInfo.ServiceMeshId);
      expect(made).toHaveLength(1);
      // The partial-state answer (ErrorResourceInitFailed) recorded the mesh the API accepted.
      const recorded = ((await slow.stack.exportState()).deployment.resources ?? []).find((res) => res.type === "asm:index:ServiceMesh");
      expect(recorded?.id).toBe(made[0]);
    } finally {
      await slow.stack.run(["stack", "rm", "--yes", "--force"], { allowFailure: true });
      await slow.dispose();
    }
  });
});

describe("the native plugin's package schema", () => {
  it("pulumi package get-schema gets schema.json from the plugin's GetSchema", async () => {
    const r = await env.stack.run(["package", "get-schema", path.join(REPO_ROOT, "bin", "pulumi-resource-asm")], { stackFlag: false });
    const committed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as unknown;
    // The CLI writes the schema back in its own key order.
    expect(JSON.parse(r.stdout)).toEqual(committed);
  });
});

// A create-only change of a mesh that has clusters, a gateway, a secret and a route, applied through the
// real CLI. A cluster belongs to one mesh at a time and can leave it only once no gateway runs on it, so the
// only order that works is: the old mesh's routes, secret, gateway and attachments go first, then the old
// mesh, then everything is created on the new one. The mesh's diff asks for delete-before-replace, and the
// engine deletes the dependents before it (issue: "A mesh replacement cannot be applied on a stack with
// attachments and a gateway").
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { plannedChanges, type PreviewJson } from "../../cli/previewSteps";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";
import { inventory } from "../reliability/helpers/relStack";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { REPO_ROOT } from "./harness/pulumiCli";

const [PRIMARY, SECONDARY] = [EMULATOR_CLUSTERS.primary.clusterId, EMULATOR_CLUSTERS.secondary.clusterId];
const tls = issueCertificate({ commonName: "replace.example.com" });
const changes = (p: PreviewJson) => plannedChanges(p).map((c) => `${c.name}:${c.op}`).sort();

/** Exactly one mesh, holding both clusters, the gateway, the secret and the route once. */
function expectOneFullMesh(env: EmulatorStack, routes: string[]): string {
  const inv = inventory(env);
  expect(inv.meshes).toHaveLength(1);
  expect({ ...inv, meshes: [] }).toEqual({
    meshes: [], clusters: [PRIMARY, SECONDARY].sort(), gateways: ["istio-system/ingressgateway"], secrets: expect.any(Array), routes,
  });
  expect(inv.secrets).toHaveLength(1);
  return inv.meshes[0];
}

describe("a mesh replacement on a stack with attachments, a gateway, a secret and a route", () => {
  let env: EmulatorStack;

  beforeAll(async () => {
    env = await emulatorStack({
      program: "mesh-replace",
      config: {
        "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterIds": JSON.stringify([PRIMARY, SECONDARY]),
        "e2e:tlsCert": tls.certPem,
      },
    });
    await env.stack.setConfig({ "e2e:tlsKey": tls.keyPem }, { secret: true });
    await env.stack.up();
  });

  afterAll(async () => {
    await env?.stack.destroy().catch(() => undefined);
    await env?.dispose();
  });

  it("previews edition Pro → Default as a replacement of the mesh and of everything on it", async () => {
    await env.stack.setConfig({ "e2e:edition": "Default" });
    const preview = await env.stack.previewJson();
    expect(changes(preview)).toEqual(["attach-0:replace", "attach-1:replace", "ingress:replace", "mesh:replace", "tls:replace", "web:replace"]);
  });

  it("applies edition Pro → Default in one up: one new mesh with both clusters, then no changes", async () => {
    const before = expectOneFullMesh(env, ["ingressgateway/web"]);
    await env.stack.up();
    const after = expectOneFullMesh(env, ["ingressgateway/web"]);
    expect(after).not.toBe(before);
    const { ServiceMesh } = await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: after });
    expect(ServiceMesh.ServiceMeshInfo.Profile).toBe("Default");
    expect(String((await env.stack.outputs()).meshId)).toBe(after);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("applies a vSwitch change (another replacement) the same way, and a revert the same way again", async () => {
    for (const vsw of ["vsw-emu-default-b", DEFAULT_VSWITCH]) {
      const before = expectOneFullMesh(env, ["ingressgateway/web"]);
      await env.stack.setConfig({ "e2e:vSwitchId": vsw });
      await env.stack.up();
      const after = expectOneFullMesh(env, ["ingressgateway/web"]);
      expect(after).not.toBe(before);
      expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
    }
  });

  it("replaces one attachment whose cluster runs the gateway (discoveryOnly) in one up: the gateway leaves the cluster first", async () => {
    const before = expectOneFullMesh(env, ["ingressgateway/web"]);
    await env.stack.setConfig({ "e2e:discoveryOnly0": "true" });
    const preview = await env.stack.previewJson();
    // The gateway runs on the clusters the attachments report: the engine replaces it with the attachment.
    expect(changes(preview)).toEqual(["attach-0:replace", "ingress:replace", "tls:replace", "web:replace"]);
    await env.stack.up();
    expect(expectOneFullMesh(env, ["ingressgateway/web"])).toBe(before);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("destroy leaves nothing behind", async () => {
    await env.stack.destroy();
    expect(inventory(env)).toEqual({ meshes: [], clusters: [], gateways: [], secrets: [], routes: [] });
  });
});

describe("the quickstart stack with edition changed to Default after a first up", () => {
  let env: EmulatorStack;
  let programDir: string;

  beforeAll(async () => {
    // A copy of the quickstart with its own Pulumi.yaml, as a user who edits the example would have it.
    programDir = fs.mkdtempSync(path.join(os.tmpdir(), "asm-quickstart-"));
    const source = fs.readFileSync(path.join(REPO_ROOT, "examples", "quickstart", "index.ts"), "utf8");
    fs.writeFileSync(path.join(programDir, "index.ts"), source);
    fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), "name: asm-quickstart\nruntime: nodejs\nmain: index.ts\n");
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(programDir, "node_modules"));
    const qtls = issueCertificate({ commonName: "shop.example.com" });
    env = await emulatorStack({
      programDir,
      config: {
        "quickstart:vpcId": DEFAULT_VPC, "quickstart:vSwitchId": DEFAULT_VSWITCH,
        "quickstart:clusterIds": JSON.stringify([PRIMARY, SECONDARY]), "quickstart:tlsCert": qtls.certPem,
      },
    });
    await env.stack.setConfig({ "quickstart:tlsKey": qtls.keyPem }, { secret: true });
    await env.stack.up();
  });

  afterAll(async () => {
    await env?.stack.destroy().catch(() => undefined);
    await env?.dispose();
    fs.rmSync(programDir, { recursive: true, force: true });
  });

  it("replaces the mesh in one up and converges, with every object exactly once", async () => {
    const routes = ["ingressgateway/cart", "ingressgateway/legacy-redirect", "ingressgateway/storefront"];
    const before = inventory(env);
    expect(before.routes).toEqual(routes);
    const index = path.join(programDir, "index.ts");
    fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace('edition: "Pro"', 'edition: "Default"'));
    await env.stack.up();
    const after = inventory(env);
    expect(after.meshes).toHaveLength(1);
    expect(after.meshes[0]).not.toBe(before.meshes[0]);
    // The secret's name derives from its URN and certificate (namePrefix), so it carries over too.
    expect({ ...after, meshes: [] }).toEqual({ ...before, meshes: [] });
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });
});

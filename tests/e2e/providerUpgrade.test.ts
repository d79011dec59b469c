// The serialized provider is a shim that loads the implementation by package name when a method runs
// (provider/shim.ts). This proves what that buys under the real engine: a resource created with one version
// of the package is deleted by the code of the version installed at destroy time, with no `up` in between
// (Pulumi otherwise runs the delete code serialized at the last update, pulumi/pulumi#6238).
//
// The test installs a copy of the built package into a scratch project, deploys a mesh, then "upgrades" the
// installed copy (its runtime entry point now records every delete it performs) and destroys the stack.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createEmulator, DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, type EmulatorHandle } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "./harness/pulumiCli";

let scratch: string;
let emulator: EmulatorHandle;
let stack: PulumiStack;

function installPackageCopy(into: string): string {
  const pkg = path.join(into, "asm-pulumi-copy");
  fs.mkdirSync(pkg, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, "package.json"), path.join(pkg, "package.json"));
  fs.cpSync(path.join(REPO_ROOT, "dist"), path.join(pkg, "dist"), { recursive: true });
  // The copy's own dependencies (openapi-client, @pulumi/pulumi, ...) resolve from the repo's install.
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(pkg, "node_modules"));
  return pkg;
}

function writeProgram(dir: string, pkg: string): void {
  fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(pkg, path.join(dir, "node_modules", "asm-pulumi"));
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: e2e-provider-upgrade\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
  fs.writeFileSync(path.join(dir, "index.js"), [
    'const { ServiceMesh } = require("asm-pulumi");',
    `const mesh = new ServiceMesh("mesh", { name: "upgrade-mesh", network: { vpcId: "${DEFAULT_VPC}", vSwitchIds: ["${DEFAULT_VSWITCH}"] } });`,
    "exports.meshId = mesh.id;",
  ].join("\n"));
}

/** "Upgrades" the installed package: its runtime entry now records each delete before doing it. */
function upgradeInstalledPackage(pkg: string): void {
  const runtime = path.join(pkg, "dist", "provider", "runtime.js");
  fs.appendFileSync(runtime, `
const __previous = exports.implementationFor;
exports.implementationFor = (kind) => {
  const impl = __previous(kind);
  return { ...impl, delete: async (id, props) => {
    require("fs").appendFileSync(process.env.E2E_DELETE_MARKER, "delete " + kind + " " + id + "\\n");
    return impl.delete(id, props);
  } };
};
`);
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "asm-upgrade-"));
  const pkg = installPackageCopy(scratch);
  const programDir = path.join(scratch, "program");
  writeProgram(programDir, pkg);
  emulator = await createEmulator({ profile: "instant" });
  stack = await PulumiStack.create({
    programDir,
    env: { ASM_WAIT_SCALE: "0.1", E2E_DELETE_MARKER: path.join(scratch, "deletes.log") },
  });
  await stack.setConfig({
    "asm:endpoint": emulator.endpoint, "asm:protocol": "HTTP", "alicloud:region": DEFAULT_REGION,
  });
  await stack.setConfig(
    { "alicloud:accessKey": emulator.credentials.accessKeyId, "alicloud:secretKey": emulator.credentials.accessKeySecret },
    { secret: true },
  );
});

afterAll(async () => {
  await stack?.dispose();
  await emulator?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

it("deletes a resource with the code of the package installed now, not the code serialized at creation", async () => {
  await stack.up();
  const meshId = String((await stack.outputs()).meshId);
  const marker = path.join(scratch, "deletes.log");
  expect(fs.existsSync(marker)).toBe(false);

  upgradeInstalledPackage(path.join(scratch, "asm-pulumi-copy"));
  await stack.destroy();

  expect(fs.readFileSync(marker, "utf8")).toBe(`delete ServiceMesh ${meshId}\n`);
  const meshes = emulator.control.counts();
  expect(meshes.DeleteServiceMesh).toBe(1);
});

// The native plugin as a user without this repository gets it: the archive `npm run plugin-archive` writes,
// installed with `pulumi plugin install resource asm <version> --file <archive>`, or unpacked and named by
// `plugins.providers` in Pulumi.yaml. Ambient plugins are ignored (PULUMI_IGNORE_AMBIENT_PLUGINS, which the
// engine's plugin lookup honours: workspace.getPluginInfoAndPath skips its $PATH search), so tools/bin's
// pulumi-resource-asm cannot stand in; the installed copy lives outside the repository, so it also cannot
// borrow the repository's node_modules.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { parseUrn } from "../../cli/previewSteps";
import { buildPluginArchive, currentPlatform, pluginArchiveName } from "../../scripts/lib/pluginArchive";
import { emulatorStack, PROGRAMS, type EmulatorStack } from "./harness/emulatorStack";
import { REPO_ROOT, resourceSteps, type PulumiStack } from "./harness/pulumiCli";

const CLUSTER = EMULATOR_CLUSTERS.primary.clusterId;
const NO_AMBIENT = { PULUMI_IGNORE_AMBIENT_PLUGINS: "true" };

let scratch: string;
let archive: string;
let version: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "asm-plugin-e2e-"));
  const built = buildPluginArchive({ outDir: path.join(scratch, "out") });
  [archive] = built.archives;
  version = built.version;
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** A copy of tests/e2e/programs/native-mesh with its own Pulumi.yaml, outside the repository. */
function nativeProgram(name: string, pulumiYamlTail = ""): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(PROGRAMS, "native-mesh", "index.ts"), path.join(dir, "index.ts"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.ts\n${pulumiYamlTail}`);
  // The program needs @pulumi/pulumi; the plugin resolves nothing through this link (it runs from its own folder).
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

async function nativeStack(programDir: string, stackName: string, extraEnv: Record<string, string> = {}): Promise<EmulatorStack> {
  const env = await emulatorStack({
    nativePlugin: true,
    programDir,
    stackName,
    config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": CLUSTER },
    env: { ...NO_AMBIENT, ...extraEnv },
  });
  return env;
}

async function installedPlugins(stack: PulumiStack): Promise<Array<{ name: string; kind: string; version: string }>> {
  const r = await stack.run(["plugin", "ls", "--json"], { stackFlag: false });
  return (JSON.parse(r.stdout) as Array<{ name: string; kind: string; version: string }> | null) ?? [];
}

/** Preview (two creates), up (a running mesh, the cluster attached), then a preview with no changes. */
async function deploysTheMesh(env: EmulatorStack): Promise<void> {
  const ops = resourceSteps(await env.stack.previewJson()).map((s) => [parseUrn(s.urn).name, s.op]).sort();
  expect(ops).toEqual([["cluster", "create"], ["mesh", "create"]]);
  await env.stack.up();
  const outputs = await env.stack.outputs();
  expect(outputs.meshState).toBe("running");
  const live = await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: String(outputs.meshId) });
  expect(live.ServiceMesh.Clusters).toEqual([CLUSTER]);
  expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
}

describe("the plugin archive npm run plugin-archive writes", () => {
  it("is named as Pulumi asks a pluginDownloadURL for and holds, at its root, the executable, the packed package and its production dependencies", () => {
    expect(path.basename(archive)).toBe(pluginArchiveName(version, currentPlatform()));
    expect(path.basename(archive)).toMatch(/^pulumi-resource-asm-v\d+\.\d+\.\d+-(linux|darwin)-(amd64|arm64)\.tar\.gz$/);
    const listing = spawnSync("tar", ["-tvzf", archive], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(listing.status).toBe(0);
    const lines = listing.stdout.trim().split("\n");
    const entries = lines.map((l) => l.split(/\s+/).slice(5).join(" ").replace(/^\.\//, ""));
    for (const f of [
      "pulumi-resource-asm", "package.json", "bin/pulumi-resource-asm", "dist/provider/plugin/main.js",
      "dist/emulator/contract/index.json", "node_modules/@grpc/grpc-js/package.json", "node_modules/@pulumi/pulumi/package.json",
    ]) expect(entries).toContain(f);
    // Pulumi unpacks the archive as it is: nothing may sit under npm's package/ prefix.
    expect(entries.filter((e) => e.startsWith("package/"))).toEqual([]);
    expect(entries.filter((e) => /^(tests|scripts|bench|examples)\//.test(e))).toEqual([]);
    // Development dependencies stay out.
    expect(entries.filter((e) => /^node_modules\/(jest|eslint|ts-jest)\//.test(e))).toEqual([]);
    // The CLI's extractor takes files, folders and links inside the archive, not hard links.
    expect([...new Set(lines.map((l) => l[0]))].sort()).toEqual(["-", "d"]);
    const root = lines.find((l) => / (\.\/)?pulumi-resource-asm$/.test(l)) ?? "";
    expect(root).toMatch(/^-rwx/);
  });
});

describe("the plugin installed with pulumi plugin install --file, ambient plugins ignored", () => {
  let env: EmulatorStack;

  beforeAll(async () => {
    env = await nativeStack(nativeProgram("archive-install"), "archive-install");
  });

  afterAll(async () => {
    await env?.stack.destroy().catch(() => undefined);
    await env?.dispose();
  });

  it("before the install, the preview fails for want of the asm plugin: tools/bin's is not taken", async () => {
    const r = await env.stack.run(["preview", "--non-interactive"], { allowFailure: true });
    expect(r.code).not.toBe(0);
    // With the $PATH search off, the engine's message leaves out its "or on your $PATH".
    expect(`${r.stdout}${r.stderr}`).toMatch(/no resource plugin 'pulumi-resource-asm' found in the workspace(?! or on your \$PATH)/);
  });

  it("installs from the archive into the stack's PULUMI_HOME, listed by pulumi plugin ls", async () => {
    await env.stack.run(["plugin", "install", "resource", "asm", version, "--file", archive], { stackFlag: false });
    expect(await installedPlugins(env.stack)).toEqual([expect.objectContaining({ name: "asm", kind: "resource", version })]);
    const dir = path.join(env.stack.homeDir, "plugins", `resource-asm-v${version}`);
    expect(fs.statSync(path.join(dir, "pulumi-resource-asm")).mode & 0o100).toBe(0o100);
  });

  it("previews and ups a mesh and its attachment through the installed plugin", async () => {
    await deploysTheMesh(env);
  });
});

describe("the unpacked archive named by plugins.providers in Pulumi.yaml", () => {
  let env: EmulatorStack;

  beforeAll(async () => {
    const pluginDir = path.join(scratch, "unpacked");
    fs.mkdirSync(pluginDir);
    expect(spawnSync("tar", ["-xzf", archive, "-C", pluginDir]).status).toBe(0);
    const dir = nativeProgram("archive-path", `plugins:\n  providers:\n    - name: asm\n      path: ${JSON.stringify(pluginDir)}\n`);
    env = await nativeStack(dir, "archive-path");
  });

  afterAll(async () => {
    await env?.stack.destroy().catch(() => undefined);
    await env?.dispose();
  });

  it("previews and ups a mesh and its attachment through the plugin at that path, none installed", async () => {
    expect(await installedPlugins(env.stack)).toEqual([]);
    await deploysTheMesh(env);
  });
});

describe("the package's own bin/ folder named by plugins.providers, as a project with asm-pulumi installed has it", () => {
  let env: EmulatorStack;

  beforeAll(async () => {
    // The program folder's node_modules is the repository's, where asm-pulumi is the package itself.
    const dir = nativeProgram("package-bin", "plugins:\n  providers:\n    - name: asm\n      path: node_modules/asm-pulumi/bin\n");
    env = await nativeStack(dir, "package-bin");
  });

  afterAll(async () => {
    await env?.dispose();
  });

  it("previews the mesh and its attachment through bin/pulumi-resource-asm, none installed", async () => {
    expect(await installedPlugins(env.stack)).toEqual([]);
    const ops = resourceSteps(await env.stack.previewJson()).map((s) => [parseUrn(s.urn).name, s.op]).sort();
    expect(ops).toEqual([["cluster", "create"], ["mesh", "create"]]);
  });
});

describe("the archive served at a pluginDownloadURL the program names", () => {
  let env: EmulatorStack;
  let server: http.Server;
  const requested: string[] = [];

  beforeAll(async () => {
    // A plugin server is a folder of archives: the engine asks for <url>/pulumi-resource-asm-v<version>-<os>-<arch>.tar.gz.
    server = http.createServer((req, res) => {
      requested.push(req.url ?? "");
      if (req.url !== `/asm/${path.basename(archive)}`) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/gzip", "content-length": fs.statSync(archive).size });
      fs.createReadStream(archive).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/asm`;
    // The harness turns automatic plugin acquisition off for every other stack; this one relies on it.
    env = await nativeStack(nativeProgram("download-url"), "download-url", { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false" });
    await env.stack.setConfig({ "e2e:pluginDownloadURL": url, "e2e:pluginVersion": version });
  });

  afterAll(async () => {
    await env?.stack.destroy().catch(() => undefined);
    await env?.dispose();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("the first preview downloads the plugin once into the plugin cache; preview and up run through it", async () => {
    expect(await installedPlugins(env.stack)).toEqual([]);
    await deploysTheMesh(env);
    expect(requested).toEqual([`/asm/${path.basename(archive)}`]);
    expect(await installedPlugins(env.stack)).toEqual([expect.objectContaining({ name: "asm", kind: "resource", version })]);
  });
});

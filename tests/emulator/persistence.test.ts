import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createEmulator } from "../../emulator";
import { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, readUntil, runningMesh } from "./fixtures";

const ROOT = path.join(__dirname, "../..");

/** Starts the CLI from source and resolves with its endpoint once it prints it. */
function startCli(args: string[]): Promise<{ child: ChildProcess; endpoint: string; output: () => string }> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(ROOT, "emulator/cli.ts"), "--strict-params", "on", ...args], {
    cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 20_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /endpoint=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, endpoint: m[1], output: () => out });
      }
    });
    child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on("exit", () => resolve())));

describe("persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "asm-emu-state-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("restores meshes, clusters, gateways and in-flight lifecycles after a restart in process", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await createEmulator({ stateFile });
    const c1 = new AsmTestClient(first);
    const id = await runningMesh(c1, [PRIMARY]);
    await c1.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    await c1.call("UpdateMeshFeature", { ServiceMeshId: id, Tracing: true });
    await first.close();

    const second = await createEmulator({ stateFile });
    try {
      const c2 = new AsmTestClient(second);
      const mesh = await readUntil(c2, id, "updating", 1);
      expect(mesh.Clusters).toEqual([PRIMARY]);
      expect(((await readUntil(c2, id, "running", 1)).Spec as Record<string, Record<string, unknown>>).MeshConfig.Tracing).toBe(true);
      const fresh = (await c2.call("CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["v"]' })).ServiceMeshId;
      expect(fresh).not.toBe(id);
    } finally {
      await second.close();
    }
  });

  it("writes the state file atomically and leaves no temporary file behind", async () => {
    const stateFile = path.join(dir, "state.json");
    const emu = await createEmulator({ stateFile });
    try {
      await runningMesh(new AsmTestClient(emu));
      expect(fs.readdirSync(dir)).toEqual(["state.json"]);
      expect(JSON.parse(fs.readFileSync(stateFile, "utf8"))).toMatchObject({ formatVersion: 2, meshes: expect.any(Object) });
    } finally {
      await emu.close();
    }
  });

  it("refuses a state file that is not an emulator state file", async () => {
    const stateFile = path.join(dir, "other.json");
    fs.writeFileSync(stateFile, JSON.stringify({ hello: 1 }));
    await expect(createEmulator({ stateFile })).rejects.toThrow(/not an asm-emulator state file/);
  });

  it("migrates a format-1 state file: a deletion under way still completes, and the file is rewritten as format 2", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await createEmulator({ stateFile });
    const c1 = new AsmTestClient(first);
    const id = await runningMesh(c1);
    await c1.call("DeleteServiceMesh", { ServiceMeshId: id });
    await first.close();
    // Format 1 marked the end of a deletion with "__deleted".
    const saved = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { formatVersion: number; meshes: Record<string, { phase: { target: string } }> };
    saved.formatVersion = 1;
    saved.meshes[id].phase.target = "__deleted";
    fs.writeFileSync(stateFile, JSON.stringify(saved));

    const second = await createEmulator({ stateFile });
    try {
      const c2 = new AsmTestClient(second);
      await readUntil(c2, id, "deleting", 1);
      expect(JSON.parse(fs.readFileSync(stateFile, "utf8")).formatVersion).toBe(2);
      await expect(c2.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).rejects.toMatchObject({ code: "ServiceMesh.NotFound" });
    } finally {
      await second.close();
    }
  });

  it("refuses a state file of a newer format, naming the file and what to do", async () => {
    const stateFile = path.join(dir, "state.json");
    fs.writeFileSync(stateFile, JSON.stringify({ formatVersion: 99, idCounter: 0, meshes: {}, clusters: {} }));
    await expect(createEmulator({ stateFile })).rejects.toThrow(
      `State file ${stateFile} was written by a newer asm-emulator (format 99; this one reads formats 1 to 2); upgrade asm-pulumi to use it, or move it away or delete it`,
    );
  });

  it("refuses a state file that is not JSON or whose records are damaged, naming the file, the part and what to do", async () => {
    const garbage = path.join(dir, "garbage.json");
    fs.writeFileSync(garbage, "\u0000{not json");
    await expect(createEmulator({ stateFile: garbage })).rejects.toThrow(new RegExp(`^State file ${garbage} is not JSON \\(.+\\); move it away or delete it`));
    const damaged = path.join(dir, "damaged.json");
    fs.writeFileSync(damaged, JSON.stringify({ formatVersion: 2, idCounter: 3, clusters: {}, meshes: { c1: { id: "c1", clusters: [], phase: "running" } } }));
    await expect(createEmulator({ stateFile: damaged })).rejects.toThrow(`State file ${damaged} is damaged: "meshes.c1.phase" is missing or not of the expected type (format 2); move it away`);
  });

  it("the CLI refuses an unusable state file with its message and exit code 1, not a stack trace", async () => {
    const stateFile = path.join(dir, "state.json");
    fs.writeFileSync(stateFile, "garbage");
    await expect(startCli(["--port", "0", "--state-file", stateFile])).rejects.toThrow(
      new RegExp(`^CLI exited with 1: asm-emulator: State file ${stateFile} is not JSON .*; move it away or delete it`),
    );
  });

  it("survives kill -9 of the CLI: a restarted process serves the acknowledged mesh", async () => {
    const stateFile = path.join(dir, "state.json");
    const run1 = await startCli(["--port", "0", "--profile", "instant", "--state-file", stateFile]);
    expect(run1.output()).toMatch(/ASM emulator listening on http:\/\/127\.0\.0\.1:\d+\nendpoint=127\.0\.0\.1:\d+\naccessKeyId=LTAI5tEmulatorDemoKey\naccessKeySecret=emulator-demo-secret-not-real/);
    const creds = { accessKeyId: "LTAI5tEmulatorDemoKey", accessKeySecret: "emulator-demo-secret-not-real" };
    const id = await runningMesh(new AsmTestClient({ endpoint: run1.endpoint, credentials: creds }), [PRIMARY]);
    run1.child.kill("SIGKILL");
    await exited(run1.child);

    const run2 = await startCli(["--port", "0", "--profile", "instant", "--state-file", stateFile]);
    try {
      const mesh = await readUntil(new AsmTestClient({ endpoint: run2.endpoint, credentials: creds }), id, "running", 1);
      expect(mesh.Clusters).toEqual([PRIMARY]);
    } finally {
      run2.child.kill("SIGTERM");
      await exited(run2.child);
    }
    expect(run2.output()).toContain("SIGTERM, stopping");
  });

  it("prints usage for --help and a specific error for a bad option", async () => {
    const { parseArgs } = await import("../../emulator/cli");
    expect(parseArgs(["--help"])).toBe("help");
    expect(() => parseArgs(["--profile", "slow"])).toThrow(/--profile must be one of instant, fast, realistic/);
    expect(() => parseArgs(["--port", "99999"])).toThrow(/--port must be an integer from 0 to 65535/);
    expect(parseArgs(["--rate-limit", "50:10", "--seed", "3"])).toMatchObject({ rateLimit: { requestsPerSecond: 50, burst: 10 }, seed: 3 });
  });
});

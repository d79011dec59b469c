// `npm run demo` is a new user's first command: it must work on a fresh clone and converge when run again.
// This runs the real script (bootstrap, background emulator, stack config, pulumi up, drift check) in its own
// folder, stack and port, so a developer's own demo is left alone.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./harness/pulumiCli";

const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), "asm-demo-"));
const STACK = "demo-e2e";
let port = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
    srv.on("error", reject);
  });
}

function demo(...args: string[]): Promise<{ code: number; out: string; ms: number }> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(REPO_ROOT, "scripts", "demo"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ASM_DEMO_DIR: demoDir, ASM_DEMO_STACK: STACK, ASM_DEMO_PORT: String(port), NO_COLOR: "1", ASM_EMULATOR_STRICT_PARAMS: "on" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out, ms: Date.now() - start }));
  });
}

beforeAll(async () => {
  port = await freePort();
});

afterAll(async () => {
  await demo("destroy");
  await demo("stop");
  fs.rmSync(path.join(REPO_ROOT, `Pulumi.${STACK}.yaml`), { force: true });
  fs.rmSync(demoDir, { recursive: true, force: true });
});

describe("npm run demo", () => {
  it("deploys the quickstart stack against a fresh emulator and finds no drift", async () => {
    const first = await demo();
    expect(first.out).toContain(`started the emulator at http://127.0.0.1:${port}`);
    expect(first.out).toMatch(/\+ 9 created/);
    expect(first.out).toMatch(/no drift/i);
    expect(first.out).toContain("npm run demo -- destroy");
    expect(first.code).toBe(0);
    // The whole run, bootstrap included, is printed for the closing note of the demo issue.
    console.log(`demo first run: ${first.ms} ms`);
  });

  it("converges when run a second time: the same emulator, nothing to change", async () => {
    const second = await demo();
    expect(second.code).toBe(0);
    expect(second.out).toContain("reusing the emulator");
    expect(second.out).toMatch(/9 unchanged/);
    console.log(`demo second run: ${second.ms} ms`);
  });

  it("picks its state up again after the emulator is stopped", async () => {
    expect((await demo("stop")).out).toContain("stopped the demo emulator");
    const again = await demo();
    expect(again.code).toBe(0);
    expect(again.out).toContain("started the emulator");
    expect(again.out).toMatch(/9 unchanged/);
  });
});

// The drift check (scripts/drift) against a live stack: no drift right after up; after out-of-band
// changes in the emulator (mesh renamed, gateway replicas patched, a route deleted) it names each
// resource and field and exits 1; the stack's state files are byte-identical before and after; a
// missing stack exits 2. RECORD_PREVIEW_FIXTURES=1 records the drift inputs in tests/fixtures/preview/.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { runDrift, type PulumiRunner } from "../../cli/driftCli";
import { SECRET_SIG } from "../../cli/drift";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { PASSPHRASE, REPO_ROOT, TOOLS_BIN } from "./harness/pulumiCli";

const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures", "preview");
const GATEWAY = "ingressgateway";
let env: EmulatorStack;
let meshId: string;

/** The stack's own CLI environment, as a user's shell would have it. */
function cliEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env, PATH: `${TOOLS_BIN}${path.delimiter}${process.env.PATH ?? ""}`, NO_COLOR: "1", ASM_WAIT_SCALE: "0.1",
    PULUMI_BACKEND_URL: `file://${env.stack.backendDir}`, PULUMI_HOME: env.stack.homeDir, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
}

function driftScript(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, "scripts", "drift"), args, { env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Every file of the backend by relative path: the stack's state as stored. */
function backendFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files[path.relative(env.stack.backendDir, p)] = fs.readFileSync(p, "utf8");
    }
  };
  walk(env.stack.backendDir);
  return files;
}

/** Ciphertext replaced, so a recorded state holds no decryptable secret. */
function redact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redact);
  if (typeof v !== "object" || v === null) return v;
  if (SECRET_SIG in v) return { [SECRET_SIG]: (v as Record<string, unknown>)[SECRET_SIG], ciphertext: "REDACTED" };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redact(x)]));
}

/** Runs runDrift in-process, recording what pulumi printed when asked. */
async function driftInProcess(): Promise<{ code: number; out: string }> {
  const record: PulumiRunner = async (args) => {
    const r = await env.stack.run(args, { allowFailure: true });
    if (process.env.RECORD_PREVIEW_FIXTURES === "1" && r.code === 0) {
      const name = args[0] === "stack" ? "drift-stored-state" : "drift-refresh-preview";
      fs.writeFileSync(path.join(FIXTURES, `${name}.json`), `${JSON.stringify(redact(JSON.parse(r.stdout)), null, 4)}\n`);
    }
    return r;
  };
  let out = "";
  const code = await runDrift([], (s) => (out += s), (s) => (out += s), record);
  return { code, out };
}

beforeAll(async () => {
  env = await emulatorStack({
    program: "gateway-preview",
    // The control plane writes the gateway CRD's documented defaults: they must not count as drift.
    emulator: { gatewayDefaults: true },
    config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": EMULATOR_CLUSTERS.primary.clusterId },
  });
  await env.stack.setConfig({ "e2e:tlsCert": tlsFixture("chain-a.pem"), "e2e:tlsKey": tlsFixture("leaf-a.key") }, { secret: true });
  await env.stack.up();
  meshId = String((await env.stack.outputs()).meshId);
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("drift check against a live stack", () => {
  it("finds no drift right after up and exits 0", async () => {
    const r = await driftScript(["--stack", "e2e", "--cwd", env.stack.programDir]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("No drift in stack e2e: 6 resources match the stack's state.\n");
    expect(r.code).toBe(0);
  });

  it("names the drifted resources and fields after out-of-band changes, exits 1 and leaves state untouched", async () => {
    env.emulator.control.mutate.renameMesh(meshId, "renamed-in-console");
    env.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", GATEWAY, { replicaCount: 3 });
    env.emulator.control.mutate.deleteRoute(meshId, GATEWAY, "ratings");
    const before = backendFiles();
    const r = await driftScript(["--stack", "e2e", "--cwd", env.stack.programDir, "--json"]);
    expect(backendFiles()).toEqual(before);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { drifted: boolean; resources: { kind: string; name: string; drift: string; fields: unknown[] }[] };
    expect(report.drifted).toBe(true);
    expect(report.resources.map((d) => [d.kind, d.name, d.drift, d.fields])).toEqual([
      ["ServiceMesh", "mesh", "changed", [{ path: "name", stored: "preview-mesh", live: "renamed-in-console" }]],
      ["ASMGateway", "ingress", "changed", [{ path: "replicaCount", stored: 1, live: 3 }]],
      ["GatewayRoute", "ratings", "deleted", []],
    ]);
  });

  it("prints the same drift as text from the library entry point", async () => {
    const r = await driftInProcess();
    expect(r.code).toBe(1);
    expect(r.out).toContain("Drift in stack e2e: 3 of 6 resources differ from the stack's state.");
    expect(r.out).toContain(`  ASMGateway ingress (${meshId}:istio-system:${GATEWAY}): changed\n    replicaCount: 1 in state, 3 live`);
    expect(r.out).toContain(`  GatewayRoute ratings (${meshId}:${GATEWAY}:ratings): deleted out of band`);
  });

  it("exits 2 with pulumi's reason for a stack that does not exist", async () => {
    const r = await driftScript(["--stack", "no-such-stack", "--cwd", env.stack.programDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^drift: pulumi stack export failed \(exit \d+\):\n.*no-such-stack/s);
  });
});

// Progress of the native plugin through the real Pulumi CLI: the lines the shared waiter writes while a slow
// mesh create runs reach the engine attached to the mesh's URN (the plugin's Log RPC), as status lines, not
// as stray plugin output with no resource.
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";

/** A diagnostic among the engine's events (`pulumi up --json` streams one apitype.EngineEvent per line). */
interface DiagnosticEvent {
  urn?: string;
  message: string;
  severity: string;
  ephemeral?: boolean;
}

let env: EmulatorStack;

beforeAll(async () => {
  env = await emulatorStack({
    nativePlugin: true,
    program: "native-mesh",
    stackName: "progress",
    config: { "e2e:vpcId": DEFAULT_VPC, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": EMULATOR_CLUSTERS.primary.clusterId, "e2e:meshName": "slow-mesh" },
  });
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("a slow mesh create through the native plugin", () => {
  it("shows the waiter's progress under the mesh's URN in the engine's events", async () => {
    // The control API a user would call: a create takes four seconds of real time.
    const slowed = await fetch(`http://${env.emulator.endpoint}/_emulator/transitions`, {
      method: "POST", body: JSON.stringify({ kind: "ServiceMesh:create", afterMs: 4000 }),
    });
    expect(slowed.ok).toBe(true);
    const r = await env.stack.up(["--json"]);
    const mesh = ((await env.stack.exportState()).deployment.resources ?? []).find((res) => res.type === "asm:index:ServiceMesh");
    expect(mesh?.urn).toMatch(/::asm:index:ServiceMesh::mesh$/);
    const diagnostics = r.stdout.split("\n").filter((l) => l.trim().startsWith("{"))
      .map((l) => (JSON.parse(l) as { diagnosticEvent?: DiagnosticEvent }).diagnosticEvent)
      .filter((d): d is DiagnosticEvent => d !== undefined);
    const progress = diagnostics.filter((d) => /ServiceMesh c\S+: initial \(\d+s elapsed\)/.test(d.message));
    console.log(`native progress: up with a 4 s mesh create took ${r.ms} ms, ${progress.length} progress line(s) under the mesh`);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.map((d) => [d.urn, d.ephemeral, d.severity])).toEqual(progress.map(() => [mesh?.urn, true, "info"]));
    // No line of the waiter's goes out without a resource, as the plugin's stdout would.
    expect(diagnostics.filter((d) => (d.urn ?? "") === "" && /elapsed\)/.test(d.message))).toEqual([]);
    expect(r.stdout).not.toContain(env.emulator.credentials.accessKeySecret);
  });
});

// An interrupted `pulumi up`: the CLI (and the plugins it started) is killed with SIGKILL right
// after the emulator received CreateServiceMesh, while the provider waits for the mesh to run. The
// checkpoint then holds a pending create for a mesh that exists, and the dead CLI's lock. The
// recovery a user follows: `pulumi cancel` removes the lock; `pulumi refresh --clear-pending-creates`
// drops the pending create; the mesh's id (here from the emulator, as one would read it in the ASM
// console) goes into the program's adoptId, and `up` takes that mesh over and completes the stack.
// Measured with Pulumi v3.274.1: `refresh --import-pending-creates URN ID` turned the pending create
// into a pending import that the next checkpoint dropped, recording nothing, so it is not used here.
import type { ChildProcess } from "node:child_process";
import { alive, descendants, until } from "../e2e/harness/processes";
import {
  expectConverged, expectFullStackOnce, expectNoSecretsLeaked, inventory, startRelStack, type RelStack,
} from "./helpers/relStack";

let env: RelStack;

/** SIGKILLs the CLI and every process it started, as a crashed CI runner would; returns their pids. */
async function killCli(child: ChildProcess, output: string[]): Promise<number[]> {
  const plugins = descendants(child.pid!);
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  process.kill(-child.pid!, "SIGKILL");
  for (const pid of plugins) if (alive(pid)) process.kill(pid, "SIGKILL");
  await exited;
  env.transcript.push(`$ pulumi up (killed)\n${output.join("")}`);
  return [child.pid!, ...plugins];
}

const received = (action: string) => () => env.emulator.control.requests().some((r) => r.action === action && r.status === 200);

beforeAll(async () => {
  env = await startRelStack("interrupted");
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("a pulumi up killed mid-create", () => {
  let meshId: string;
  let meshUrn: string;

  it("leaves one mesh in the emulator and a pending create in the checkpoint", async () => {
    // Long enough a create that the kill surely lands while the provider is waiting for `running`.
    env.emulator.control.setTransitions("ServiceMesh:create", { afterReads: 1_000, afterMs: 4_000 });
    const child = env.stack.start(["up", "--yes", "--skip-preview", "--non-interactive"]);
    const output: string[] = [];
    child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    await until("CreateServiceMesh", received("CreateServiceMesh"), 60_000);
    const killed = await killCli(child, output);
    expect(killed.length).toBeGreaterThanOrEqual(3); // the CLI, the language host, the provider
    await until("every killed process to be gone", () => !killed.some(alive), 5_000);
    const meshes = inventory(env).meshes;
    expect(meshes).toHaveLength(1);
    meshId = meshes[0];
    const pending = (await env.stack.exportState()) as unknown as { deployment: { pending_operations?: { resource: { urn: string; type: string }; type: string }[] } };
    const creates = (pending.deployment.pending_operations ?? []).filter((op) => op.type === "creating" && op.resource.type.endsWith("asm:ServiceMesh"));
    expect(creates).toHaveLength(1);
    meshUrn = creates[0].resource.urn;
  });

  it("the killed CLI's lock blocks the stack until pulumi cancel removes it", async () => {
    const blocked = await env.stack.run(["refresh", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain("the stack is currently locked");
    await env.stack.run(["cancel", "--yes"]);
  });

  it("refresh --clear-pending-creates and up with adoptId converge on that one mesh", async () => {
    await env.stack.refresh(["--clear-pending-creates"]);
    const cleared = (await env.stack.exportState()) as unknown as { deployment: { pending_operations?: unknown[] } };
    expect(cleared.deployment.pending_operations ?? []).toEqual([]);
    await env.stack.setConfig({ "rel:adoptMeshId": meshId });
    await env.stack.up();
    const state = await env.stack.exportState();
    expect((state.deployment.resources ?? []).find((r) => r.urn === meshUrn)?.id).toBe(meshId);
    expect(expectFullStackOnce(env)).toBe(meshId);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });
});

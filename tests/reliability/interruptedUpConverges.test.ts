// An interrupted `pulumi up` is finished by the next plain `pulumi up`: the CLI is killed (SIGKILL of the
// CLI and its plugins, or two SIGINTs) while the provider waits for the new mesh to run. The checkpoint
// holds a pending create; the next `up` (after `pulumi cancel` when the dead CLI left its lock) warns of
// it, sends the create again, and the provider finds the mesh the first create made by its ownership
// tag instead of making a second one (framework/ownership.ts, docs/adoption.md "Interrupted creates").
import type { ChildProcess } from "node:child_process";
import { alive, descendants, until } from "../e2e/harness/processes";
import {
  expectConverged, expectFullStackOnce, expectNoSecretsLeaked, inventory, startRelStack, type RelStack,
} from "./helpers/relStack";

type Interrupt = "SIGKILL" | "two SIGINTs";

/** Starts `up` with a slow mesh create and interrupts it once CreateServiceMesh was accepted. */
async function interruptedUp(env: RelStack, how: Interrupt): Promise<string> {
  env.emulator.control.setTransitions("ServiceMesh:create", { afterReads: 1_000, afterMs: 25_000 });
  const child: ChildProcess = env.stack.start(["up", "--yes", "--skip-preview", "--non-interactive"]);
  const output: string[] = [];
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const accepted = () => env.emulator.control.requests().some((r) => r.action === "CreateServiceMesh" && r.status === 200);
  await until("CreateServiceMesh", accepted, 60_000);
  const plugins = descendants(child.pid!);
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  if (how === "SIGKILL") {
    process.kill(-child.pid!, "SIGKILL");
    for (const pid of plugins) if (alive(pid)) process.kill(pid, "SIGKILL");
  } else {
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGINT");
  }
  await exited;
  await until("every process of the interrupted up to be gone", () => !plugins.some(alive), 15_000);
  env.transcript.push(`$ pulumi up (interrupted: ${how})\n${output.join("")}`);
  // The rest of the run must not wait 25 s per mesh.
  env.emulator.control.setTransitions("ServiceMesh:create", { afterReads: 1 });
  const meshes = inventory(env).meshes;
  expect(meshes).toHaveLength(1);
  return meshes[0];
}

describe.each<Interrupt>(["SIGKILL", "two SIGINTs"])("a pulumi up interrupted mid-create by %s", (how) => {
  let env: RelStack;
  beforeAll(async () => {
    env = await startRelStack(how === "SIGKILL" ? "interrupted-kill" : "interrupted-sigint");
  });
  afterAll(async () => {
    await env?.stack.destroy().catch(() => undefined);
    await env?.dispose();
  });

  it("is finished by the next plain up (after pulumi cancel if locked) with exactly one mesh and the full stack once", async () => {
    const meshId = await interruptedUp(env, how);
    const creates = env.emulator.control.counts().CreateServiceMesh;
    const first = await env.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    let result = first;
    if (first.code !== 0 && /currently locked/.test(first.stderr)) {
      await env.stack.run(["cancel", "--yes"]);
      result = await env.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    }
    expect(result.stderr + result.stdout).not.toMatch(/error:/);
    expect(result.code).toBe(0);
    expect(env.emulator.control.counts().CreateServiceMesh).toBe(creates);
    expect(expectFullStackOnce(env)).toBe(meshId);
    await expectConverged(env);
    await expectNoSecretsLeaked(env);
  });
});

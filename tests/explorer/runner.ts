// Runs a planned explorer run (generator.ts) through the real Pulumi CLI against an in-process
// emulator with a state file: per step, the out-of-band change or restart, the program change, `pulumi
// up` (interrupted and recovered where the step says), then every invariant. Stops at the first
// failing step and reports the seed, the steps so far and the invariant, with the line that replays it.
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createEmulator, type EmulatorHandle } from "../../emulator";
import { emulatorStack, type EmulatorStack } from "../e2e/harness/emulatorStack";
import { descendants } from "../e2e/harness/processes";
import { CliError, type CliResult } from "../e2e/harness/pulumiCli";
import { gatewayBody, readUntil } from "../emulator/fixtures";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";
import type { OutOfBand, Signal, Step } from "./catalogue";
import { generate, MIXES, type PlannedStep } from "./generator";
import { HarnessClient } from "./harnessClient";
import { recoverWith, type Repair } from "./recovery";
import { emulatorInventory, emulatorMatchesModel, inventoryMatches, secretsLeaked, stateInventory, stateMatchesModel } from "./invariants";
import type { Model } from "./model";
import { CLUSTERS, MESH_FLAGS, NETWORKS } from "./world";

export const PROGRAM_DIR = path.join(__dirname, "program");
const TLS = { A: { cert: tlsFixture("leaf-a.crt"), key: tlsFixture("leaf-a.key") }, B: { cert: tlsFixture("leaf-b.crt"), key: tlsFixture("leaf-b.key") } };

export interface RunOptions {
  seed: number;
  steps: number;
  /** Wall-clock budget; the run stops before a step that would start after it. */
  budgetMs: number;
  /** A name from MIXES (default "defects"). */
  mix?: string;
  log?: (line: string) => void;
}

export interface StepResult { index: number; label: string; ms: number; failures: string[]; phases: string[] }

export interface RunResult {
  seed: number;
  planned: number;
  results: StepResult[];
  ms: number;
  stoppedByBudget: boolean;
  /** The first failing step's report, with the reproduction line. */
  failure?: string;
}

export function reproduction(seed: number, steps: number, mixName = "defects"): string {
  return `npm run explore -- --seed ${seed} --steps ${steps}${mixName === "defects" ? "" : ` --mix ${mixName}`}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isWrite = (action: string) => !/^(Describe|List|get |list )/.test(action);

class Explorer {
  transcript: string[] = [];
  tokens = new Set<string>();
  /** Repairs a recovery made beyond `pulumi up`, shown with the step so they are never silent. */
  recoveries: string[] = [];
  private constructor(readonly env: EmulatorStack, readonly stateFile: string, private readonly port: number, private readonly seed: number) {}

  static async start(seed: number): Promise<Explorer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "asm-explorer-"));
    const stateFile = path.join(dir, "emulator-state.json");
    const env = await emulatorStack({ programDir: PROGRAM_DIR, stackName: `explore-${process.pid}`, emulator: { stateFile, seed } });
    await env.stack.setConfig({ "explorer:certA": TLS.A.cert, "explorer:keyA": TLS.A.key, "explorer:certB": TLS.B.cert, "explorer:keyB": TLS.B.key }, { secret: true });
    const ex = new Explorer(env, stateFile, Number(env.emulator.endpoint.split(":").pop()), seed);
    const run = env.stack.run.bind(env.stack);
    env.stack.run = async (args, opts = {}) => {
      const result: CliResult = await run(args, { ...opts, allowFailure: true });
      if (!args.includes("--show-secrets")) ex.transcript.push(`$ pulumi ${args.join(" ")}\n${result.stdout}\n${result.stderr}`);
      if (result.code !== 0 && !opts.allowFailure) throw new CliError(args, result);
      return result;
    };
    return ex;
  }

  get emulator(): EmulatorHandle {
    return this.env.emulator;
  }

  /** A restart as after a crash of the emulator's host: same port, state from the file. */
  async restartEmulator(): Promise<void> {
    await this.env.emulator.close();
    this.env.emulator = await createEmulator({ profile: "instant", strictParams: true, stateFile: this.stateFile, seed: this.seed, port: this.port });
  }

  private meshId(): string {
    const ids = Object.keys((this.emulator.control.state() as { meshes: Record<string, unknown> }).meshes);
    if (ids.length !== 1) throw new Error(`out-of-band change: expected one mesh in the emulator, found ${ids.length}`);
    return ids[0];
  }

  async outOfBand(change: OutOfBand, model: Model): Promise<void> {
    const mutate = this.emulator.control.mutate;
    const client = new HarnessClient(this.emulator);
    switch (change.action) {
      case "deleteRoute": { const r = model.routes[change.route]; mutate.deleteRoute(this.meshId(), r.gateway, r.name); return; }
      case "deleteSecret": mutate.deleteSecret(this.meshId(), model.secrets[change.secret].gateway, change.secret); return;
      case "setFeature": mutate.setFeature(this.meshId(), MESH_FLAGS[change.flag], change.value); return;
      case "detachCluster": mutate.detachCluster(this.meshId(), CLUSTERS[change.role].clusterId); return;
      case "patchGateway": mutate.patchGatewaySpec(this.meshId(), "istio-system", change.gateway, { replicaCount: change.replicaCount }); return;
      case "renameMesh": mutate.renameMesh(this.meshId(), change.name); return;
      case "createMesh": {
        const n = NETWORKS[change.network];
        const r = await client.call("CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: n.vpcId, VSwitches: JSON.stringify(n.vSwitchIds), Name: change.name });
        // Adopted once the console shows it running, as a user would: adoption, not a race with the create.
        await readUntil(client, String(r.ServiceMeshId), "running", 20);
        await this.env.stack.setConfig({ "explorer:adoptMeshId": String(r.ServiceMeshId) });
        return;
      }
      case "attachCluster": {
        const meshId = this.meshId();
        await client.call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: CLUSTERS[change.role].clusterId });
        await readUntil(client, meshId, "running", 20);
        return;
      }
      case "createGateway": {
        const clusterIds = change.clusters.map((r) => CLUSTERS[r].clusterId);
        await client.call("CreateASMGateway", { ServiceMeshId: this.meshId(), IstioGatewayName: change.gateway, Body: gatewayBody(change.gateway, clusterIds) });
        return;
      }
    }
  }

  /** `pulumi up` interrupted once the emulator has accepted `afterWrites` writes (or it ended first). */
  async interruptedUp(signal: Signal, afterWrites: number): Promise<string> {
    const writes = () => this.emulator.control.requests().filter((r) => r.status === 200 && isWrite(r.action)).length
      + this.emulator.control.kubeRequests().filter((r) => r.status < 300 && isWrite(r.action)).length;
    const before = writes();
    const child = this.env.stack.start(["up", "--yes", "--skip-preview", "--non-interactive"]);
    const output: string[] = [];
    child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    let done = false;
    const exited = new Promise<void>((resolve) => child.on("close", () => { done = true; resolve(); }));
    while (!done && writes() - before < afterWrites) await sleep(20);
    let what = "the up ended before the interrupt";
    if (!done) {
      what = `${signal} after ${writes() - before} write(s)`;
      await this.signal(child, signal, () => done);
    }
    // A graceful cancel that never ends is itself a finding; after a minute it is killed like a hung CI job.
    const hung = await Promise.race([exited.then(() => false), sleep(60_000).then(() => true)]);
    if (hung) {
      await this.signal(child, "SIGKILL", () => done);
      await exited;
      what += "; the CLI was still running 60 s later and was killed";
    }
    this.transcript.push(`$ pulumi up (${what})\n${output.join("")}`);
    return what;
  }

  private async signal(child: ChildProcess, signal: Signal, done: () => boolean): Promise<void> {
    if (signal === "SIGKILL") {
      const plugins = descendants(child.pid!);
      process.kill(-child.pid!, "SIGKILL");
      for (const pid of plugins) { try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ } }
      return;
    }
    child.kill("SIGINT");
    if (signal === "SIGINTx2") {
      await sleep(300);
      if (!done()) child.kill("SIGINT");
    }
  }

  /**
   * What a user does after an interrupted up (docs/adoption.md, "Interrupted creates"): `pulumi cancel`
   * when the stack is locked; the empty checkpoint attributes file a SIGKILL can leave deleted; then up
   * again, as often as a failed up still names one of them (recovery.ts).
   */
  async recover(): Promise<CliResult> {
    const up = () => this.env.stack.up().catch((e: unknown) => (e instanceof CliError ? e.result : Promise.reject(e)));
    const repairs: Repair[] = [
      {
        matches: /currently locked/,
        apply: async () => {
          await this.env.stack.run(["cancel", "--yes"]);
          this.transcript.push("$ pulumi cancel --yes  # the lock left by the interrupted up");
          return "pulumi cancel (the stack was locked)";
        },
      },
      {
        matches: /failed to load checkpoint: EOF/,
        apply: async () => {
          const removed = removeEmptyAttrs(this.env.stack.backendDir);
          if (removed.length === 0) return undefined;
          this.transcript.push(`$ rm ${removed.join(" ")}  # empty checkpoint attributes left by the kill`);
          return `removed ${removed.length} empty checkpoint attributes file(s)`;
        },
      },
    ];
    return recoverWith(up, repairs, this.recoveries);
  }

  async noteTokens(): Promise<void> {
    const client = new HarnessClient(this.emulator);
    for (const id of emulatorInventory(this.emulator).meshes) {
      const r = await client.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: id }).catch(() => undefined);
      const token = /token:\s*"?([^\s"]+)/.exec(String(r?.Kubeconfig ?? ""))?.[1];
      if (token) this.tokens.add(token);
    }
  }

  async dispose(): Promise<void> {
    await this.env.stack.destroy().catch(() => undefined);
    // Not env.dispose(): that closes the emulator the stack started with, which a restart replaced.
    await this.env.stack.dispose();
    await this.env.emulator.close();
    fs.rmSync(path.dirname(this.stateFile), { recursive: true, force: true });
  }
}

/** The command's error lines (every one: a resource's error can stand far above the summary), then its last lines. */
function cliFailure(what: string, r: CliResult): string {
  const lines = `${r.stdout}\n${r.stderr}`.split("\n").map((l) => l.trimEnd());
  const errors = [...new Set(lines.filter((l) => /\berror:/.test(l) && !/error: update failed/.test(l)).map((l) => l.trim()))];
  const tail = (r.stderr.trim() || r.stdout.trim()).split("\n").slice(-12);
  return `${what} exited ${r.code}:\n    ${[...errors, "--- last lines:", ...tail].join("\n    ")}`;
}

/**
 * The file backend's blob store (gocloud fileblob) writes `<stack>.json.attrs` in place before it renames
 * the new checkpoint over the old one, so a SIGKILL in between leaves that file empty, and every later
 * command fails with "failed to load checkpoint: EOF" (its JSON decoder meets an empty file). A missing
 * attributes file is read as defaults, so deleting the empty one is the whole repair.
 */
function removeEmptyAttrs(backendDir: string): string[] {
  const dir = path.join(backendDir, ".pulumi", "stacks");
  const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]) : []);
  const empty = walk(dir).filter((f) => f.endsWith(".attrs") && fs.statSync(f).size === 0);
  for (const f of empty) fs.rmSync(f);
  return empty.map((f) => path.relative(backendDir, f));
}

/**
 * The backend's stack files, each with its size and whether it parses: after an interrupted up the
 * checkpoint itself may be what fails to load (seed 775405 step 333: "failed to load checkpoint: EOF").
 * Sizes and shape only, never content: the state may hold ciphertext.
 */
function stateFiles(backendDir: string): string {
  const dir = path.join(backendDir, ".pulumi", "stacks");
  const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]) : []);
  const shape = (file: string): string => {
    // A report of the failure must not fail itself: a file gone since the walk is said as such.
    let bytes: Buffer;
    try { bytes = fs.readFileSync(file); } catch { return "gone"; }
    if (!file.endsWith(".json") && !file.endsWith(".bak")) return `${bytes.length} bytes`;
    try { JSON.parse(bytes.toString("utf8")); return `${bytes.length} bytes, valid JSON`; } catch { return `${bytes.length} bytes, not JSON`; }
  };
  const files = walk(dir).map((f) => `${path.relative(dir, f)} (${shape(f)})`);
  return files.length > 0 ? files.join("; ") : "none";
}

async function runStep(ex: Explorer, planned: PlannedStep, before: Model, phases: string[]): Promise<string[]> {
  const s: Step = planned.step;
  const timed = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try { return await f(); } finally { phases.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`); }
  };
  if (s.restart) await ex.restartEmulator();
  if (s.outOfBand) await ex.outOfBand(s.outOfBand, before);
  await ex.env.stack.setConfig({ "explorer:model": JSON.stringify(planned.model) });
  const failures: string[] = [];
  const asResult = (e: unknown) => (e instanceof CliError ? e.result : Promise.reject(e));
  let up: CliResult;
  if (s.interrupt) {
    await timed("interrupted up", () => ex.interruptedUp(s.interrupt!.signal, s.interrupt!.afterWrites));
    up = await timed("recovery", () => ex.recover());
    phases.push(...ex.recoveries.splice(0));
  } else {
    // Drift made out of band is what `up --refresh` is for (docs/drift.md); adoption needs no refresh.
    const drift = s.outOfBand !== undefined && !s.entry.startsWith("adopt.");
    up = await timed("up", () => ex.env.stack.up(drift ? ["--refresh"] : []).catch(asResult));
  }
  if (up.code !== 0) return [`${cliFailure("converges: pulumi up", up)}\n    --- state files: ${stateFiles(ex.env.stack.backendDir)}`];
  const preview = await timed("preview", () => ex.env.stack.preview(["--refresh", "--expect-no-changes"]).catch(asResult));
  if (preview.code !== 0) failures.push(cliFailure("no changes after up: pulumi preview --refresh --expect-no-changes", preview));
  const state = await ex.env.stack.exportState();
  failures.push(...inventoryMatches(emulatorInventory(ex.emulator), stateInventory(state)).map((f) => `emulator = state: ${f}`));
  failures.push(...stateMatchesModel(planned.model, state).map((f) => `state = program: ${f}`));
  failures.push(...emulatorMatchesModel(planned.model, ex.emulator).map((f) => `emulator = program: ${f}`));
  await ex.noteTokens();
  const leaks = secretsLeaked({ "the state backend": ex.env.stack.backendText(), "the CLI output": ex.transcript.join("\n") }, {
    accessKeySecret: ex.emulator.credentials.accessKeySecret, tlsKeys: [TLS.A.key, TLS.B.key], tokens: ex.tokens,
  });
  failures.push(...leaks.map((f) => `no secret in clear: ${f}`));
  return failures;
}

export async function runExplorer(opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const mixName = opts.mix ?? "defects";
  const mix = MIXES[mixName];
  if (!mix) throw new Error(`--mix: unknown mix "${mixName}"; known: ${Object.keys(MIXES).join(", ")}`);
  const plan = generate(opts.seed, opts.steps, mix);
  const results: StepResult[] = [];
  let stoppedByBudget = false;
  let failure: string | undefined;
  const ex = await Explorer.start(opts.seed);
  try {
    let model: Model = { attachments: {}, gateways: {}, secrets: {}, routes: {} };
    for (const planned of plan) {
      if (Date.now() - started > opts.budgetMs) { stoppedByBudget = true; break; }
      const t0 = Date.now();
      let failures: string[];
      const phases: string[] = [];
      try {
        failures = await runStep(ex, planned, model, phases);
      } catch (err) {
        failures = [`the step could not run: ${(err as Error).message.split("\n").slice(0, 12).join("\n    ")}`];
      }
      const r = { index: planned.index, label: planned.step.label, ms: Date.now() - t0, failures, phases };
      results.push(r);
      log(`step ${r.index + 1}/${plan.length} [${planned.step.entry}] ${r.label}: ${failures.length === 0 ? "ok" : "FAILED"} (${(r.ms / 1000).toFixed(1)} s: ${phases.join(", ")})`);
      model = planned.model;
      if (failures.length > 0) {
        failure = [
          `explorer: seed ${opts.seed}, step ${r.index + 1} failed: ${r.label}`,
          ...failures.map((f) => `  invariant: ${f}`),
          "  steps so far:",
          ...plan.slice(0, r.index + 1).map((p) => `    ${p.index + 1}. [${p.step.entry}] ${p.step.label}`),
          `  reproduce: ${reproduction(opts.seed, r.index + 1, mixName)}`,
        ].join("\n");
        break;
      }
    }
  } finally {
    await ex.dispose();
  }
  return { seed: opts.seed, planned: plan.length, results, ms: Date.now() - started, stoppedByBudget, failure };
}

// Drives the real Pulumi CLI (tools/bin/pulumi, built by scripts/bootstrap) against a file:// backend in a
// temporary folder: no network, no Pulumi Cloud, a fixed passphrase. Every call is asynchronous so the
// emulator, which usually runs inside the jest process, keeps answering while the CLI works.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PreviewJson, PreviewStep } from "../../../cli/previewSteps";

export type { PreviewJson, PreviewStep };

export const REPO_ROOT = path.resolve(__dirname, "../../..");
export const TOOLS_BIN = path.join(REPO_ROOT, "tools", "bin");
export const PULUMI = path.join(TOOLS_BIN, "pulumi");
export const PASSPHRASE = "asm-pulumi-e2e-passphrase";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the command in milliseconds. */
  ms: number;
}

export class CliError extends Error {
  constructor(readonly args: string[], readonly result: CliResult) {
    super(`pulumi ${args.join(" ")} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
}

export interface StackOptions {
  /** Folder holding Pulumi.yaml and the program. */
  programDir: string;
  stackName?: string;
  /** Extra environment for the CLI (and so for the provider process it starts). */
  env?: Record<string, string>;
}

/** One stack of one program, with its own backend, PULUMI_HOME and stack config file. */
export class PulumiStack {
  readonly stackName: string;
  readonly backendDir: string;
  readonly homeDir: string;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(readonly programDir: string, opts: StackOptions) {
    this.stackName = opts.stackName ?? "e2e";
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "asm-e2e-"));
    this.backendDir = path.join(scratch, "backend");
    this.homeDir = path.join(scratch, "home");
    fs.mkdirSync(this.backendDir);
    fs.mkdirSync(this.homeDir);
    this.env = {
      ...process.env,
      PATH: `${TOOLS_BIN}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_HOME: this.homeDir,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      // Programs are type-checked by `tsc --noEmit` in npm test; the engine only needs to run them.
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
      NO_COLOR: "1",
      ...opts.env,
    };
  }

  static async create(opts: StackOptions): Promise<PulumiStack> {
    const stack = new PulumiStack(opts.programDir, opts);
    // A run killed before dispose() leaves its stack config file in the program folder, and `stack init`
    // would take its values (a step's config from the last run) as this stack's starting config.
    fs.rmSync(stack.configFile, { force: true });
    await stack.run(["stack", "init", stack.stackName], { stackFlag: false });
    return stack;
  }

  /** The stack's config file; removed by dispose() so the program folder stays clean. */
  get configFile(): string {
    return path.join(this.programDir, `Pulumi.${this.stackName}.yaml`);
  }

  async setConfig(values: Record<string, string>, opts: { secret?: boolean } = {}): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      // The value goes through stdin so it never appears in a process listing.
      await this.run(["config", "set", key, ...(opts.secret ? ["--secret"] : ["--plaintext"])], { input: value });
    }
  }

  async up(extra: string[] = []): Promise<CliResult> {
    return this.run(["up", "--yes", "--skip-preview", "--non-interactive", ...extra]);
  }

  async preview(extra: string[] = []): Promise<CliResult> {
    return this.run(["preview", "--non-interactive", ...extra]);
  }

  /** `pulumi preview --json`, parsed; steps list what the engine would do. */
  async previewJson(extra: string[] = []): Promise<PreviewJson> {
    const r = await this.run(["preview", "--json", "--non-interactive", ...extra]);
    return JSON.parse(r.stdout) as PreviewJson;
  }

  async refresh(extra: string[] = []): Promise<CliResult> {
    return this.run(["refresh", "--yes", "--skip-preview", "--non-interactive", ...extra]);
  }

  async destroy(extra: string[] = []): Promise<CliResult> {
    return this.run(["destroy", "--yes", "--skip-preview", "--non-interactive", ...extra]);
  }

  async outputs(): Promise<Record<string, unknown>> {
    const r = await this.run(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  /** The raw checkpoint, as `pulumi stack export` writes it (secrets stay encrypted). */
  async exportState(): Promise<StateExport> {
    const r = await this.run(["stack", "export"]);
    return JSON.parse(r.stdout) as StateExport;
  }

  /** Every file of the backend, concatenated: what an attacker with the state bucket would see. */
  backendText(): string {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(fs.readFileSync(p, "utf8"));
      }
    };
    walk(this.backendDir);
    return out.join("\n");
  }

  async dispose(): Promise<void> {
    fs.rmSync(this.configFile, { force: true });
    fs.rmSync(path.dirname(this.backendDir), { recursive: true, force: true });
  }

  /**
   * Starts `pulumi <args>` without waiting, in its own process group, for tests that interrupt the
   * CLI. The CLI starts each plugin in a process group of its own: to stop everything, kill the
   * CLI's descendants too, not only `-child.pid` (see tests/reliability/interruptedUp.test.ts).
   */
  start(args: string[]): ChildProcess {
    return spawn(PULUMI, [...args, "--stack", this.stackName], { cwd: this.programDir, env: this.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  }

  /** Runs `pulumi <args>` in the program folder; rejects with CliError on a non-zero exit unless allowFailure. */
  run(args: string[], opts: { input?: string; allowFailure?: boolean; stackFlag?: boolean } = {}): Promise<CliResult> {
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const full = opts.stackFlag === false ? args : [...args, "--stack", this.stackName];
      const child = spawn(PULUMI, full, {
        cwd: this.programDir,
        env: this.env,
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.stdin.end(opts.input ?? "");
      child.on("error", reject);
      child.on("close", (code) => {
        const result = { code: code ?? -1, stdout, stderr, ms: Date.now() - start };
        if (result.code !== 0 && !opts.allowFailure) reject(new CliError(args, result));
        else resolve(result);
      });
    });
  }
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StateExport {
  version: number;
  deployment: { resources?: StateResource[] };
}

/** Resource steps of a preview, without the stack and the default provider. */
export function resourceSteps(preview: PreviewJson): PreviewStep[] {
  return (preview.steps ?? []).filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::") && !s.urn.includes("pulumi:providers:"));
}

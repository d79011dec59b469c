// Command line of the drift check (`asm-drift` when installed; `npm run drift -- --stack NAME` in this
// repo): exports the stack's state, runs `pulumi preview --refresh --run-program --json` (which refreshes in memory
// only and writes nothing) and reports the difference. Exit codes: 0 no drift, 1 drift, 2 error (bad
// arguments, pulumi failed, unreadable output).
import { spawn } from "node:child_process";
import * as path from "node:path";
import type { PreviewJson } from "./previewSteps";
import { detectDrift, type StoredState } from "./drift";
import { formatDriftJson, formatDriftText } from "./driftFormat";

export const DRIFT_USAGE = `usage: drift [--stack NAME] [--cwd DIR] [--json]
  --stack NAME  the stack to check (default: the currently selected stack)
  --cwd DIR     the Pulumi project folder (default: the current folder)
  --json        print the report as JSON
exit codes: 0 no drift, 1 drift, 2 error`;

export interface DriftArgs {
  stack?: string;
  cwd?: string;
  json: boolean;
  help: boolean;
}

export class DriftError extends Error {}

function valueOf(argv: string[], i: number, flag: string, example: string): string {
  const v = argv[i];
  if (!v || v.startsWith("--")) throw new DriftError(`${flag} needs a value, e.g. ${flag} ${example}`);
  return v;
}

export function parseDriftArgs(argv: string[]): DriftArgs {
  const args: DriftArgs = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--json") args.json = true;
    else if (a === "--stack") args.stack = valueOf(argv, ++i, a, "dev");
    else if (a === "--cwd") args.cwd = valueOf(argv, ++i, a, "examples/quickstart");
    else throw new DriftError(`unknown argument ${a}; allowed: --stack NAME, --cwd DIR, --json, --help`);
  }
  return args;
}

export interface PulumiRunner {
  (args: string[], cwd: string | undefined): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Runs the `pulumi` on PATH (or $PULUMI_BIN) with the caller's environment: backend, passphrase, ... */
export const runPulumi: PulumiRunner = (args, cwd) => new Promise((resolve, reject) => {
  const child = spawn(process.env.PULUMI_BIN ?? "pulumi", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.on("error", (e) => reject(new DriftError(`cannot run pulumi: ${e.message}`)));
  child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
});

function lastLines(text: string, n = 15): string {
  return text.trim().split("\n").slice(-n).join("\n");
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DriftError(`${what} did not print JSON`);
  }
}

async function storedState(run: PulumiRunner, stackArgs: string[], cwd?: string): Promise<StoredState> {
  const r = await run(["stack", "export", ...stackArgs], cwd);
  if (r.code !== 0) throw new DriftError(`pulumi stack export failed (exit ${r.code}):\n${lastLines(r.stderr || r.stdout)}`);
  return parseJson<StoredState>(r.stdout, "pulumi stack export");
}

async function refreshingPreview(run: PulumiRunner, stackArgs: string[], cwd?: string): Promise<PreviewJson> {
  // --run-program: without it the engine refreshes with the provider configuration recorded at the last
  // update (credentials included), so a key rotated since then would not be used (docs/configuration.md).
  const r = await run(["preview", "--refresh", "--run-program", "--json", "--non-interactive", ...stackArgs], cwd);
  const preview = r.stdout.trim().startsWith("{") ? parseJson<PreviewJson>(r.stdout, "pulumi preview --refresh --json") : undefined;
  if (r.code === 0 && preview) return preview;
  const errors = (preview?.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => d.message.trim());
  const detail = errors.length > 0 ? errors.join("\n") : lastLines(r.stderr || r.stdout);
  throw new DriftError(`pulumi preview --refresh failed (exit ${r.code}):\n${detail}`);
}

/**
 * The folder to run pulumi in. `npm run drift` starts in the package root, so a relative --cwd (or none)
 * is taken from the folder npm was invoked in (INIT_CWD), as the user typed it.
 */
export function projectDir(cwd: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = env.npm_lifecycle_event === "drift" ? env.INIT_CWD : undefined;
  if (base === undefined) return cwd;
  return path.resolve(base, cwd ?? ".");
}

/** Runs the drift check; returns the exit code. */
export async function runDrift(argv: string[], out: (s: string) => void, err: (s: string) => void, run: PulumiRunner = runPulumi): Promise<number> {
  try {
    const args = parseDriftArgs(argv);
    if (args.help) {
      out(`${DRIFT_USAGE}\n`);
      return 0;
    }
    const stackArgs = args.stack ? ["--stack", args.stack] : [];
    const cwd = projectDir(args.cwd);
    const stored = await storedState(run, stackArgs, cwd);
    const preview = await refreshingPreview(run, stackArgs, cwd);
    const stack = args.stack ?? /^urn:pulumi:([^:]+)::/.exec(preview.steps?.[0]?.urn ?? "")?.[1] ?? "";
    const report = detectDrift(stored, preview, stack);
    out(args.json ? formatDriftJson(report) : formatDriftText(report));
    return report.resources.length > 0 ? 1 : 0;
  } catch (e) {
    if (!(e instanceof DriftError)) throw e;
    err(`drift: ${e.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  runDrift(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s))
    .then((code) => (process.exitCode = code))
    .catch((e: unknown) => {
      process.stderr.write(`drift: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    });
}

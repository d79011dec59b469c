// The demo's long-lived emulator: one background process per clone, its state persisted in .demo/ so the
// stack and the emulator agree across runs (and across a machine restart: the state file is reloaded).
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEMO_CREDENTIALS, EMULATOR_CLUSTERS } from "../../emulator/defaults";

const ROOT = path.resolve(__dirname, "..", "..");
/** Where the demo keeps its emulator state, backend and certificate (ASM_DEMO_DIR moves it, e.g. for tests). */
export const DEMO = path.resolve(process.env.ASM_DEMO_DIR ?? path.join(ROOT, ".demo"));
const PID_FILE = path.join(DEMO, "emulator.pid");
const LOG_FILE = path.join(DEMO, "emulator.log");
const STATE_FILE = path.join(DEMO, "emulator-state.json");
const PORT = Number(process.env.ASM_DEMO_PORT ?? 18080);

/** The environment every demo `pulumi` call runs with: a local backend, a fixed demo passphrase. */
export function demoEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(ROOT, "tools", "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${path.join(DEMO, "backend")}`,
    // Protects only the demo stack's config secrets, which are demo credentials and a demo key.
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "asm-pulumi-demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
  };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${endpoint}/_emulator/counts`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

function ourPid(): number | undefined {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export interface DemoEmulator {
  endpoint: string;
  started: boolean;
  credentials: { accessKeyId: string; accessKeySecret: string };
  clusterIds: string[];
}

export async function ensureEmulator(): Promise<DemoEmulator> {
  const endpoint = `127.0.0.1:${PORT}`;
  fs.mkdirSync(path.join(DEMO, "backend"), { recursive: true });
  const info = { endpoint, credentials: DEMO_CREDENTIALS, clusterIds: [EMULATOR_CLUSTERS.primary.clusterId, EMULATOR_CLUSTERS.secondary.clusterId] };
  if (ourPid() !== undefined && (await answers(endpoint))) return { ...info, started: false };
  if (await answers(endpoint)) {
    throw new Error(`port ${PORT} already serves something that is not this clone's emulator; set ASM_DEMO_PORT to a free port`);
  }
  const log = fs.openSync(LOG_FILE, "a");
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "asm-emulator"), "--port", String(PORT), "--profile", "fast", "--state-file", STATE_FILE], {
    cwd: ROOT, detached: true, stdio: ["ignore", log, log],
  });
  child.unref();
  fs.writeFileSync(PID_FILE, String(child.pid));
  // Up to 30 s: on a busy machine loading the emulator alone can take several seconds.
  for (let i = 0; i < 300; i++) {
    if (await answers(endpoint)) return { ...info, started: true };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the emulator did not start on port ${PORT}; see .demo/emulator.log`);
}

/** Whether `pid` is gone within `ms`. */
async function exited(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

export async function stopEmulator(): Promise<void> {
  const pid = ourPid();
  if (pid === undefined) {
    console.log("the demo emulator is not running");
    return;
  }
  process.kill(pid, "SIGTERM");
  // Wait until it is gone, so a start right after this finds the port free (it saves its state on SIGTERM).
  if (!(await exited(pid, 10_000))) {
    process.kill(pid, "SIGKILL");
    await exited(pid, 5_000);
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`stopped the demo emulator (pid ${pid}); its state stays in .demo/emulator-state.json`);
}

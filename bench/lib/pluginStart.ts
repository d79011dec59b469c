// A resource provider plugin's start as the engine sees it: spawn the executable, read the port from the first
// line of stdout (the engine's handshake, sdk/go/common/resource/plugin/plugin.go), then make the first call,
// GetPluginInfo, over gRPC. Each start is a fresh process, killed afterwards.
import { spawn } from "node:child_process";
import { credentials } from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";

export interface StartFigures {
  /** From spawn to the port line, ms. */
  portMs: number;
  /** From spawn to GetPluginInfo's answer, ms. */
  infoMs: number;
  /** What GetPluginInfo answered ("" for a plugin that reports no version). */
  version: string;
}

const START_TIMEOUT_MS = 60_000;

/** One start of `executable args…`; rejects if the port line does not come within a minute. */
export function timePluginStart(executable: string, args: string[], cwd: string): Promise<StartFigures> {
  const start = performance.now();
  // A group of its own: a shell-script plugin (pulumi-resource-pulumi-nodejs) runs node as its child, and
  // killing the shell alone would leave that node running.
  const child = spawn(executable, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = new Promise<number>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`${executable}: no port line within ${START_TIMEOUT_MS} ms\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      const nl = stdout.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      const n = Number(stdout.slice(0, nl).trim());
      if (Number.isInteger(n) && n > 0) resolve(n);
      else reject(new Error(`${executable}: first stdout line is not a port: ${stdout.slice(0, nl)}`));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${executable} exited ${code} before printing its port\n${stderr}`));
    });
  });
  const measured = (async () => {
    const p = await port;
    const portMs = performance.now() - start;
    const client = new ResourceProviderClient(`127.0.0.1:${p}`, credentials.createInsecure());
    try {
      const version = await new Promise<string>((resolve, reject) =>
        client.getPluginInfo(new Empty(), (err, info) => (err ? reject(err) : resolve(info?.getVersion() ?? ""))));
      return { portMs, infoMs: performance.now() - start, version };
    } finally {
      client.close();
    }
  })();
  return measured.finally(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  });
}

// Benchmark: requests per second and p50/p99 latency of DescribeServiceMeshDetail against the
// emulator on loopback, with ACS3-HMAC-SHA256 signature verification on every request. The
// emulator runs in its own process (one Node.js event loop = one core); this process signs with
// @alicloud/openapi-util and drives keep-alive connections. Prints the figures and writes
// bench/out/emulator.json.
//   npx ts-node --transpile-only bench/emulatorBench.ts [--seconds 5] [--concurrency 16]
import * as $tea from "@alicloud/tea-typescript";
import OpenApiUtil from "@alicloud/openapi-util";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import { DEMO_CREDENTIALS } from "../emulator/defaults";

const ROOT = path.join(__dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

function startEmulator(): Promise<{ child: ChildProcess; endpoint: string; pinned: boolean }> {
  const cmd = [process.execPath, "-r", "ts-node/register/transpile-only", path.join(ROOT, "emulator/cli.ts"), "--port", "0", "--profile", "instant"];
  // Pin the emulator to one CPU when taskset exists, so the figure is a one-core figure.
  const pinned = fs.existsSync("/usr/bin/taskset") ? ["/usr/bin/taskset", "-c", "0", ...cmd] : cmd;
  const child = spawn(pinned[0], pinned.slice(1), { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /endpoint=(\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1], pinned: pinned !== cmd });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const EMPTY_SHA = createHash("sha256").update("").digest("hex");

function call(endpoint: string, action: string, body: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = new URLSearchParams(body).toString();
  const headers: Record<string, string> = {
    host: endpoint, "x-acs-action": action, "x-acs-version": "2020-01-11",
    "x-acs-date": new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), "x-acs-signature-nonce": randomBytes(16).toString("hex"),
    "x-acs-content-sha256": form ? createHash("sha256").update(form).digest("hex") : EMPTY_SHA,
    "content-type": "application/x-www-form-urlencoded",
  };
  const req = new $tea.Request();
  req.pathname = "/";
  req.method = "POST";
  req.query = {};
  req.headers = headers;
  headers.authorization = OpenApiUtil.getAuthorization(req, "ACS3-HMAC-SHA256", headers["x-acs-content-sha256"], DEMO_CREDENTIALS.accessKeyId, DEMO_CREDENTIALS.accessKeySecret);
  const [host, port] = endpoint.split(":");
  return new Promise((resolve, reject) => {
    const r = http.request({ host, port: Number(port), method: "POST", path: "/", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown> }));
    });
    r.on("error", reject);
    r.end(form);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function load(endpoint: string, meshId: string, seconds: number, concurrency: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await call(endpoint, "DescribeServiceMeshDetail", { ServiceMeshId: meshId });
      latencies.push(performance.now() - t0);
      if (res.status !== 200) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds: elapsed, latencies };
}

async function main(): Promise<void> {
  const seconds = arg("seconds", 5);
  const concurrency = arg("concurrency", 16);
  const { child, endpoint, pinned } = await startEmulator();
  try {
    const created = await call(endpoint, "CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["vsw-emu-default-a"]' });
    const meshId = created.json.ServiceMeshId as string;
    await load(endpoint, meshId, 1, concurrency);   // warm-up (JIT, connections)
    const run = await load(endpoint, meshId, seconds, concurrency);
    const result = {
      benchmark: "DescribeServiceMeshDetail, ACS3-HMAC-SHA256 verified, loopback, emulator in its own process",
      node: process.version, emulatorPinnedToOneCpu: pinned, concurrency, seconds: Number(run.seconds.toFixed(2)), requests: run.requests, errors: run.errors,
      requestsPerSecond: Math.round(run.requests / run.seconds),
      p50Ms: Number(percentile(run.latencies, 50).toFixed(3)), p99Ms: Number(percentile(run.latencies, 99).toFixed(3)),
      targetRequestsPerSecond: 2000, date: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    fs.mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "bench/out/emulator.json"), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    child.kill("SIGTERM");
    agent.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

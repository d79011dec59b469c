// `npm run bench` runs every benchmark, one after another, each in its own process (they install
// process-wide overrides and drive the CLI, so they must not share one); `npm run bench -- <name>
// [options]` runs one with its options. Benchmarks never run in `npm test`.
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const BENCHES: Record<string, { file: string; about: string }> = {
  emulator: { file: "emulatorBench.ts", about: "emulator requests/s of DescribeServiceMeshDetail (one core)" },
  waiter: { file: "waiter.ts", about: "polls per wait and detection lag for 10 s / 60 s / 300 s mesh transitions" },
  schedules: { file: "schedules.ts", about: "wait policies of MESH_POLICY's form that meet the waiter targets, ranked (simulation)" },
  quickstart: { file: "quickstart.ts", about: "quickstart `pulumi up` vs critical path + engine baseline (fast profile; --profile realistic, --spread 0.1)" },
  routes: { file: "routes.ts", about: "200 routes, 20 req/s rate limit: up / no-change preview / refresh / destroy" },
  native: { file: "nativePlugin.ts", about: "native plugin start time; quickstart `pulumi up` through the native plugin beside the dynamic classes (fast profile)" },
};

function runOne(name: string, args: string[]): number {
  const bench = BENCHES[name];
  process.stdout.write(`\n=== bench ${name}: ${bench.about}\n`);
  const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, bench.file), ...args], {
    cwd: path.join(__dirname, ".."),
    stdio: "inherit",
    env: { ...process.env, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" },
  });
  return r.status ?? 1;
}

function main(argv: string[]): number {
  const [name, ...args] = argv;
  if (name !== undefined && !name.startsWith("-")) {
    if (!(name in BENCHES)) {
      process.stderr.write(`unknown benchmark "${name}"; choose one of: ${Object.keys(BENCHES).join(", ")}\n`);
      return 2;
    }
    return runOne(name, args);
  }
  const failed = Object.keys(BENCHES).filter((n) => runOne(n, []) !== 0);
  process.stdout.write(`\nbenchmarks done; ${failed.length === 0 ? "all completed" : `failed: ${failed.join(", ")}`}\n`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

// Benchmark 2: 200 GatewayRoutes on one gateway through the real Pulumi CLI, with the emulator
// rate-limited to 20 requests/s (token bucket, burst 20) and the real retry and poll delays.
// Measures `up`, a no-change `preview` (must make zero API calls), `refresh` and `destroy`: wall
// time, API calls per action (emulator request log), throttled responses, and failures (any
// non-zero CLI exit, or the emulator not holding exactly the declared routes afterwards).
//   npm run bench -- routes [--routes 200] [--rps 20]
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, type EmulatorControl } from "../emulator";
import { emulatorStack, type EmulatorStack } from "../tests/e2e/harness/emulatorStack";
import type { CliResult } from "../tests/e2e/harness/pulumiCli";
import { formatPerAction, measureCalls, type CallSummary } from "./lib/apiCalls";
import { numberArg } from "./lib/args";
import { printTable, runMain, seconds, writeResult } from "./lib/report";

interface ActionFigures {
  action: string;
  ms: number;
  exitCode: number;
  calls: CallSummary;
  check: { expected: string; actual: string; ok: boolean };
}

const routesHeld = (control: EmulatorControl): number =>
  Object.values((control.state() as { meshes: Record<string, { routes: Record<string, unknown> }> }).meshes)
    .reduce((n, m) => n + Object.keys(m.routes).length, 0);

const meshesHeld = (control: EmulatorControl): number => Object.keys((control.state() as { meshes: object }).meshes).length;

async function action(
  env: EmulatorStack, name: string, run: () => Promise<CliResult>, check: () => { expected: string; actual: string; ok: boolean },
): Promise<ActionFigures> {
  const measured = await measureCalls(env.emulator.control, run);
  const figures = { action: name, ms: measured.result.ms, exitCode: measured.result.code, calls: measured.calls, check: check() };
  if (measured.result.code !== 0) process.stderr.write(`${name} failed:\n${measured.result.stdout.slice(-4000)}\n${measured.result.stderr.slice(-4000)}\n`);
  return figures;
}

async function runActions(env: EmulatorStack, routes: number): Promise<ActionFigures[]> {
  const { control } = env.emulator;
  const cli = (args: string[]) => () => env.stack.run(args, { allowFailure: true });
  const holds = (n: number) => () => ({ expected: `${n} routes held`, actual: `${routesHeld(control)} routes held`, ok: routesHeld(control) === n });
  const out: ActionFigures[] = [];
  out.push(await action(env, "up", cli(["up", "--yes", "--skip-preview", "--non-interactive"]), holds(routes)));
  out.push(await action(env, "preview (no change)", cli(["preview", "--non-interactive", "--expect-no-changes"]), () => {
    const calls = control.requests().length + control.kubeRequests().length;
    return { expected: "0 API calls (OpenAPI and Kubernetes)", actual: `${calls} API calls`, ok: calls === 0 };
  }));
  out.push(await action(env, "refresh", cli(["refresh", "--yes", "--skip-preview", "--non-interactive"]), holds(routes)));
  out.push(await action(env, "destroy", cli(["destroy", "--yes", "--skip-preview", "--non-interactive"]), () => {
    const left = meshesHeld(control);
    return { expected: "0 meshes held", actual: `${left} meshes held`, ok: left === 0 };
  }));
  return out;
}

async function main(): Promise<void> {
  const routes = numberArg("routes", 200);
  const rps = numberArg("rps", 20);
  const env = await emulatorStack({
    program: "bench-routes",
    emulator: { profile: "instant" },
    env: { ASM_WAIT_SCALE: "1" }, // real retry and poll delays: throttling is what is measured
    config: {
      "bench:vpcId": DEFAULT_VPC, "bench:vSwitchId": DEFAULT_VSWITCH,
      "bench:clusterId": EMULATOR_CLUSTERS.primary.clusterId, "bench:routeCount": String(routes),
    },
  });
  try {
    env.emulator.control.setRateLimit({ requestsPerSecond: rps, burst: rps });
    const figures = await runActions(env, routes);
    const failures = figures.filter((f) => f.exitCode !== 0 || !f.check.ok).map((f) => f.action);
    printTable(`${routes} GatewayRoutes on one gateway, emulator rate limit ${rps} req/s, real delays`, figures.map((f) => ({
      action: f.action, seconds: seconds(f.ms), apiCalls: f.calls.total, throttled: f.calls.throttled, kubeCalls: f.calls.kube?.total ?? 0,
      exit: f.exitCode, check: `${f.check.actual}${f.check.ok ? "" : ` (expected ${f.check.expected})`}`,
    })));
    for (const f of figures) {
      const kube = formatPerAction(f.calls.kube?.perAction ?? {});
      process.stdout.write(`  ${f.action}: ${formatPerAction(f.calls.perAction) || "no calls"}${kube ? `; Kubernetes API: ${kube}` : ""}\n`);
    }
    process.stdout.write(`failed actions: ${failures.length === 0 ? "none" : failures.join(", ")}\n`);
    writeResult("routes", { routes, rateLimit: { requestsPerSecond: rps, burst: rps }, profile: "instant", actions: figures, failures });
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await env.stack.destroy().catch(() => undefined);
    await env.dispose();
  }
}

runMain(main);

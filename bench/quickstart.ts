// Benchmark 1: the quickstart's `pulumi up` (the root stack) against the emulator's fast profile, with the real
// poll delays (no ASM_WAIT_SCALE). Each run, on one emulator and the same stacks:
//   baseline   `pulumi up` of tests/e2e/programs/bench-noop (the quickstart's eight resources and
//              dependencies as trivial dynamic resources: the engine's own cost, nothing waits)
//   up         `pulumi up` of the quickstart (creates everything)
//   no-change  `pulumi up` again (a second, cheaper baseline: check/diff only)
//   destroy    `pulumi destroy`
// ratio = up / (critical path + baseline). Prints a table, writes bench/out/quickstart.json.
//   npm run bench -- quickstart [--runs 5] [--profile fast|realistic] [--spread 0.1]
// The target is stated for the fast profile; `--profile realistic` (minutes per change, 40 ms per response,
// written to bench/out/quickstart-realistic.json) shows the same waits at a real mesh's time scale.
// `--spread F` makes every emulator transition take its own time within ±F of the profile's (as real changes
// vary; written to quickstart[-realistic]-spread.json); each run's critical path then comes from the
// durations the emulator really used (control.transitions()).
import * as path from "node:path";
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../emulator";
import { issueCertificate } from "../scripts/lib/selfSignedCert";
import { emulatorStack, PROGRAMS, type EmulatorStack } from "../tests/e2e/harness/emulatorStack";
import { PulumiStack, REPO_ROOT } from "../tests/e2e/harness/pulumiCli";
import { formatPerAction, measureCalls, type CallSummary } from "./lib/apiCalls";
import { choiceArg, fractionArg, median, numberArg } from "./lib/args";
import { detectionLags, quickstartCriticalPath, realizedCriticalPath } from "./lib/criticalPath";
import { printTable, runMain, seconds, writeResult } from "./lib/report";

const CLUSTERS = [EMULATOR_CLUSTERS.primary.clusterId, EMULATOR_CLUSTERS.secondary.clusterId];
const TARGET_RATIO = 1.15;

/** The root quickstart stack (Pulumi.yaml → examples/quickstart), as stack "bench" so its config file never clashes with a test's. */
async function quickstartStack(profile: "fast" | "realistic", spread: number): Promise<EmulatorStack> {
  const env = await emulatorStack({
    programDir: REPO_ROOT,
    stackName: "bench",
    emulator: { profile, transitionSpread: spread },
    env: { ASM_WAIT_SCALE: "1" }, // real poll delays: this measures the waiter
    config: {
      "quickstart:vpcId": DEFAULT_VPC, "quickstart:vSwitchId": DEFAULT_VSWITCH,
      "quickstart:clusterIds": JSON.stringify(CLUSTERS), "quickstart:domain": "demo.example.com",
    },
  });
  const tls = issueCertificate({ commonName: "demo.example.com" });
  await env.stack.setConfig({ "quickstart:tlsCert": tls.certPem });
  await env.stack.setConfig({ "quickstart:tlsKey": tls.keyPem }, { secret: true });
  return env;
}

interface RunFigures {
  /** This run's critical path: the profile's, or with a spread the durations the emulator used. */
  criticalMs: number;
  baselineMs: number;
  upMs: number;
  /** How late the up's waits noticed each change on the critical path (lib/criticalPath.ts detectionLags). */
  lag: ReturnType<typeof detectionLags>;
  noChangeMs: number;
  destroyMs: number;
  calls: { up: CallSummary; noChange: CallSummary; destroy: CallSummary };
}

async function runOnce(env: EmulatorStack, noop: PulumiStack, nominalCriticalMs: number, spread: number): Promise<RunFigures> {
  env.emulator.control.reset();
  const baseline = await noop.up();
  await noop.destroy();
  const up = await measureCalls(env.emulator.control, () => env.stack.up(), { timeline: true });
  const transitions = env.emulator.control.transitions();
  const criticalMs = spread > 0 ? realizedCriticalPath(transitions, CLUSTERS.length).totalMs : nominalCriticalMs;
  const lag = detectionLags(transitions, CLUSTERS.length);
  const noChange = await measureCalls(env.emulator.control, () => env.stack.up());
  const destroy = await measureCalls(env.emulator.control, () => env.stack.destroy());
  return {
    criticalMs, baselineMs: baseline.ms, upMs: up.result.ms, lag, noChangeMs: noChange.result.ms, destroyMs: destroy.result.ms,
    calls: { up: up.calls, noChange: noChange.calls, destroy: destroy.calls },
  };
}

function summarize(runs: RunFigures[]) {
  const m = (pick: (r: RunFigures) => number) => median(runs.map(pick));
  const criticalMs = m((r) => r.criticalMs);
  const upMs = m((r) => r.upMs);
  const baselineMs = m((r) => r.baselineMs);
  const noChangeMs = m((r) => r.noChangeMs);
  return {
    upMs, baselineMs, noChangeMs, destroyMs: m((r) => r.destroyMs), criticalMs,
    // Where up's time goes: start-up before the first API call, then the span of API activity.
    upFirstCallAfterMs: m((r) => r.calls.up.firstCallAfterMs ?? 0), upApiSpanMs: m((r) => r.calls.up.apiSpanMs ?? 0),
    ratio: Number((upMs / (criticalMs + baselineMs)).toFixed(3)),
    ratioAgainstNoChangeUp: Number((upMs / (criticalMs + noChangeMs)).toFixed(3)),
    perRunRatios: runs.map((r) => Number((r.upMs / (r.criticalMs + r.baselineMs)).toFixed(3))),
    perRunCriticalMs: runs.map((r) => r.criticalMs),
    // Where the rest goes: the waits' detection lag on the critical path, and everything else (provider
    // and engine steps, start-up beyond the baseline's).
    waitLagMs: m((r) => r.lag.totalMs),
    waitLagStepsMs: runs[0].lag.steps.map(({ step }, i) => ({ step, lagMs: m((r) => r.lag.steps[i].lagMs) })),
    otherMs: m((r) => r.upMs - r.criticalMs - r.baselineMs - r.lag.totalMs),
    /** The ratio had every wait seen its change the moment it happened. */
    ratioWithoutWaitLag: Number(m((r) => (r.upMs - r.lag.totalMs) / (r.criticalMs + r.baselineMs)).toFixed(3)),
    /** The ratio had the provider and engine added nothing but the waits' lag. */
    ratioWithWaitLagOnly: Number(m((r) => (r.criticalMs + r.baselineMs + r.lag.totalMs) / (r.criticalMs + r.baselineMs)).toFixed(3)),
  };
}

function print(s: ReturnType<typeof summarize>, last: RunFigures, runs: number, profile: string, spread: number): void {
  const kube = (c: CallSummary) => c.kube?.total ?? 0;
  const varied = spread > 0 ? `, transitions ±${Math.round(spread * 100)}%` : "";
  printTable(`Quickstart, ${profile} profile${varied}, real poll delays (median of ${runs} runs)`, [
    { figure: "emulator critical path", seconds: seconds(s.criticalMs), apiCalls: "", kubeCalls: "" },
    { figure: "baseline: up of trivial resources", seconds: seconds(s.baselineMs), apiCalls: 0, kubeCalls: 0 },
    { figure: "quickstart up", seconds: seconds(s.upMs), apiCalls: last.calls.up.total, kubeCalls: kube(last.calls.up) },
    { figure: "no-change up", seconds: seconds(s.noChangeMs), apiCalls: last.calls.noChange.total, kubeCalls: kube(last.calls.noChange) },
    { figure: "destroy", seconds: seconds(s.destroyMs), apiCalls: last.calls.destroy.total, kubeCalls: kube(last.calls.destroy) },
  ]);
  const verdict = s.ratio <= TARGET_RATIO ? "meets" : "MISSES";
  process.stdout.write(`ratio up / (critical path + baseline) = ${s.ratio} (${verdict} target ≤ ${TARGET_RATIO}); per run: ${s.perRunRatios.join(", ")}\n`);
  if (spread > 0) process.stdout.write(`critical path per run (from the durations the emulator used): ${s.perRunCriticalMs.map((ms) => seconds(ms)).join(", ")} s\n`);
  process.stdout.write(`ratio against the no-change-up baseline = ${s.ratioAgainstNoChangeUp}\n`);
  const lagSteps = s.waitLagStepsMs.map((l) => `${l.step} ${seconds(l.lagMs)}`).join(", ");
  process.stdout.write(`up beyond critical path + baseline: waits' detection lag ${seconds(s.waitLagMs)} s (${lagSteps}), provider and engine ${seconds(s.otherMs)} s (medians)\n`);
  process.stdout.write(`ratio if every wait saw its change at once = ${s.ratioWithoutWaitLag}; if nothing but the waits' lag were added = ${s.ratioWithWaitLagOnly}\n`);
  process.stdout.write(`up: first API call after ${seconds(s.upFirstCallAfterMs)} s; API activity spans ${seconds(s.upApiSpanMs)} s against a critical path of ${seconds(s.criticalMs)} s\n`);
  for (const [action, calls] of Object.entries(last.calls)) {
    const errors = formatPerAction(calls.errors);
    const kubeCalls = formatPerAction(calls.kube?.perAction ?? {});
    process.stdout.write(`  ${action} calls (last run): ${formatPerAction(calls.perAction) || "none"}${errors ? `; error responses: ${errors}` : ""}${kubeCalls ? `; Kubernetes API: ${kubeCalls}` : ""}\n`);
  }
}

async function main(): Promise<void> {
  const profile = choiceArg("profile", ["fast", "realistic"] as const, "fast");
  const runs = numberArg("runs", profile === "fast" ? 5 : 1);
  const spread = fractionArg("spread", 0, 0.5);
  const critical = quickstartCriticalPath(profile, CLUSTERS.length);
  const env = await quickstartStack(profile, spread);
  const noop = await PulumiStack.create({ programDir: path.join(PROGRAMS, "bench-noop"), stackName: "bench" });
  try {
    const figures: RunFigures[] = [];
    for (let i = 0; i < runs; i++) figures.push(await runOnce(env, noop, critical.totalMs, spread));
    const s = summarize(figures);
    print(s, figures[figures.length - 1], runs, profile, spread);
    const name = `quickstart${profile === "fast" ? "" : `-${profile}`}${spread > 0 ? "-spread" : ""}`;
    writeResult(name, { program: "Pulumi.yaml (examples/quickstart/index.ts)", profile, transitionSpread: spread, runs, nominalCriticalPath: critical, summary: s, targetRatio: TARGET_RATIO, meetsTarget: s.ratio <= TARGET_RATIO, perRun: figures });
  } finally {
    await env.stack.destroy().catch(() => undefined);
    await noop.dispose();
    await env.dispose();
  }
}

runMain(main);

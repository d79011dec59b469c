// Benchmark 3: waiter efficiency. The real ServiceMesh create (provider/resources/serviceMesh →
// CreateServiceMesh, then the shared waiter with the mesh readiness acceptors and MESH_POLICY)
// against the in-process emulator, with the mesh's create transition set to afterMs 10 s, 60 s and
// 300 s. Provider and emulator share one ManualClock (bench/lib/linkedClock.ts), so no trial really
// waits; the waiter's jitter comes from a seeded generator, one sequence per trial.
//   polls per wait  DescribeServiceMeshDetail calls during the create
//   detection lag   time of the poll that first saw `running` − (create time + transition)
// Each nominal duration runs twice: exactly (every trial's transition is, say, 60.000 s, so the lag mostly
// shows where the poll schedule happens to fall around that instant) and spread (each trial's transition
// drawn from ±10% of the nominal, as real changes vary: the lag a user can expect). Both are reported.
//   npm run bench -- waiter [--trials 100]
import { createEmulator, DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, ManualClock, type EmulatorHandle } from "../emulator";
import { SeededRandom } from "../emulator/faults/rng";
import { setStackConfig } from "../provider/config";
import { overrideContext } from "../provider/framework";
import { MESH_POLICY } from "../provider/framework/meshLifecycle";
import { serviceMeshProvider } from "../provider/resources/serviceMesh/lifecycle";
import { median, numberArg } from "./lib/args";
import { LinkedClock } from "./lib/linkedClock";
import { printTable, runMain, writeResult } from "./lib/report";

const TRANSITIONS_MS = [10_000, 60_000, 300_000];
const MAX_POLLS_FOR_60S = 12;
const lagTargetMs = (transitionMs: number) => 0.1 * transitionMs + 1000;

interface Trial {
  polls: number;
  lagMs: number;
}

async function oneTrial(emu: EmulatorHandle, clock: ManualClock, transitionMs: number, seed: number): Promise<Trial> {
  transitionMs = Math.round(transitionMs);
  emu.control.reset();
  emu.control.setTransitions("ServiceMesh:create", { afterMs: transitionMs });
  // Real wall time keeps the request signatures inside the emulator's 15-minute skew window.
  clock.set(Date.now());
  const rng = new SeededRandom(seed);
  overrideContext({ clock: new LinkedClock(clock), random: () => rng.next(), logger: { info: () => undefined, warn: () => undefined } });
  const inputs = { name: `waiter-${seed}`, network: { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] } };
  const checked = await serviceMeshProvider.check!({}, inputs);
  if (checked.failures?.length) throw new Error(`ServiceMesh inputs rejected: ${JSON.stringify(checked.failures)}`);
  await serviceMeshProvider.create!(checked.inputs);
  const log = emu.control.requests();
  const created = log.find((e) => e.action === "CreateServiceMesh");
  const polls = log.filter((e) => e.action === "DescribeServiceMeshDetail");
  if (!created || polls.length === 0) throw new Error("the emulator logged no CreateServiceMesh or no DescribeServiceMeshDetail");
  const detectedAt = Date.parse(polls[polls.length - 1].time);
  return { polls: polls.length, lagMs: detectedAt - (Date.parse(created.time) + transitionMs) };
}

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function stats(values: readonly number[]) {
  const mean = values.reduce((n, v) => n + v, 0) / values.length;
  return { mean: Number(mean.toFixed(2)), p50: median(values), p95: percentile(values, 95), max: Math.max(...values), min: Math.min(...values) };
}

function summarize(transitionMs: number, spread: boolean, trials: Trial[]) {
  const polls = stats(trials.map((t) => t.polls));
  const lagMs = stats(trials.map((t) => t.lagMs));
  const lagTarget = lagTargetMs(transitionMs);
  return {
    transitionMs, spread, trials: trials.length, polls, lagMs, lagTargetMs: lagTarget,
    lagTargetHolds: { mean: lagMs.mean <= lagTarget, p95: lagMs.p95 <= lagTarget, max: lagMs.max <= lagTarget },
    pollTargetHolds: transitionMs === 60_000 ? { mean: polls.mean <= MAX_POLLS_FOR_60S, p95: polls.p95 <= MAX_POLLS_FOR_60S, max: polls.max <= MAX_POLLS_FOR_60S } : undefined,
  };
}

type Summary = ReturnType<typeof summarize>;

function print(rows: Summary[]): void {
  const verdict = (h: { mean: boolean; p95: boolean; max: boolean } | undefined) =>
    h === undefined ? "-" : h.max ? "yes (all)" : h.p95 ? "p95 yes, max no" : h.mean ? "mean only" : "no";
  const shape = `${MESH_POLICY.minMs} ms + ${(MESH_POLICY.growth ?? 0) * 100}% of elapsed, cap ${MESH_POLICY.maxMs} ms, -10% jitter`;
  printTable(`Waiter: ServiceMesh create, MESH_POLICY ${shape}, ${rows[0].trials} seeded trials each`, rows.map((r) => ({
    transition: `${r.transitionMs / 1000} s${r.spread ? " ±10%" : ""}`,
    "polls mean": r.polls.mean, "polls p95": r.polls.p95, "polls max": r.polls.max,
    "lag mean s": Number((r.lagMs.mean / 1000).toFixed(2)), "lag p95 s": r.lagMs.p95 / 1000, "lag max s": r.lagMs.max / 1000,
    "lag target s": r.lagTargetMs / 1000, "lag ok": verdict(r.lagTargetHolds), "≤12 polls ok": verdict(r.pollTargetHolds),
  })));
}

async function main(): Promise<void> {
  const trials = numberArg("trials", 100);
  // The bench measures the real poll delays; a scale inherited from a test shell would distort them.
  delete process.env.ASM_WAIT_SCALE;
  const clock = new ManualClock(Date.now());
  const emu = await createEmulator({ profile: "instant", clock });
  setStackConfig((key) => ({
    "asm:endpoint": emu.endpoint, "asm:protocol": "HTTP", "alicloud:region": DEFAULT_REGION,
    "alicloud:accessKey": emu.credentials.accessKeyId, "alicloud:secretKey": emu.credentials.accessKeySecret,
  })[key]);
  try {
    const rows: Summary[] = [];
    for (const spread of [false, true]) {
      for (const transitionMs of TRANSITIONS_MS) {
        const draw = new SeededRandom(transitionMs);
        const results: Trial[] = [];
        for (let seed = 1; seed <= trials; seed++) {
          const actual = spread ? transitionMs * (0.9 + 0.2 * draw.next()) : transitionMs;
          results.push(await oneTrial(emu, clock, actual, seed));
        }
        rows.push(summarize(transitionMs, spread, results));
      }
    }
    print(rows);
    writeResult("waiter", { policy: MESH_POLICY, seeds: `1..${trials}`, maxPollsFor60s: MAX_POLLS_FOR_60S, results: rows });
  } finally {
    overrideContext({});
    setStackConfig(undefined);
    await emu.close();
  }
}

runMain(main);

// Benchmark: the native plugin beside the dynamic classes. In one run:
//   start      the plugin's start, spawn → port line → GetPluginInfo answered, median of --starts fresh
//              processes, for pulumi-resource-asm (bin/, what tools/bin links) and, beside it, the dynamic
//              provider host pulumi-resource-pulumi-nodejs
//   quickstart the quickstart's `pulumi up` (then a no-change up and the destroy) on one emulator (fast profile,
//              real poll delays) through the dynamic classes (examples/quickstart, the root Pulumi.yaml) and
//              through the native plugin (tests/e2e/programs/bench-native-quickstart: the same resources by
//              type token), alternating which goes first, median of --runs
// Prints both tables, writes bench/out/native-plugin.json.
//   npm run bench -- native [--runs 3] [--starts 7]
import * as path from "node:path";
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../emulator";
import { issueCertificate } from "../scripts/lib/selfSignedCert";
import { emulatorStack, PROGRAMS, type EmulatorStack } from "../tests/e2e/harness/emulatorStack";
import { PulumiStack, REPO_ROOT, TOOLS_BIN } from "../tests/e2e/harness/pulumiCli";
import { measureCalls } from "./lib/apiCalls";
import { median, numberArg } from "./lib/args";
import { timePluginStart, type StartFigures } from "./lib/pluginStart";
import { printTable, runMain, seconds, writeResult } from "./lib/report";

const CLUSTERS = [EMULATOR_CLUSTERS.primary.clusterId, EMULATOR_CLUSTERS.secondary.clusterId];
const DOMAIN = "demo.example.com";

type Host = "dynamic" | "native";

async function startTimes(starts: number) {
  const plugins: Record<Host, { executable: string; args: string[] }> = {
    native: { executable: path.join(REPO_ROOT, "bin", "pulumi-resource-asm"), args: [] },
    // The dynamic host requires the engine's address as its argument; it connects only when a call needs it.
    dynamic: { executable: path.join(TOOLS_BIN, "pulumi-resource-pulumi-nodejs"), args: ["127.0.0.1:1"] },
  };
  const out = {} as Record<Host, { runs: StartFigures[]; portMs: number; infoMs: number; version: string }>;
  for (const host of ["native", "dynamic"] as const) {
    const runs: StartFigures[] = [];
    for (let i = 0; i < starts; i++) runs.push(await timePluginStart(plugins[host].executable, plugins[host].args, REPO_ROOT));
    out[host] = { runs, portMs: median(runs.map((r) => r.portMs)), infoMs: median(runs.map((r) => r.infoMs)), version: runs[0].version };
  }
  return out;
}

/** The dynamic quickstart (root Pulumi.yaml) on a new emulator, as stack bench-native so no other bench's config file is touched. */
async function dynamicStack(): Promise<EmulatorStack> {
  return emulatorStack({
    programDir: REPO_ROOT,
    stackName: "bench-native",
    emulator: { profile: "fast" },
    env: { ASM_WAIT_SCALE: "1" }, // real poll delays, as bench/quickstart.ts
    config: {
      "quickstart:vpcId": DEFAULT_VPC, "quickstart:vSwitchId": DEFAULT_VSWITCH,
      "quickstart:clusterIds": JSON.stringify(CLUSTERS), "quickstart:domain": DOMAIN,
    },
  });
}

/** The native quickstart against the same emulator, configured with the plugin's asm:* keys. */
async function nativeStack(dyn: EmulatorStack): Promise<PulumiStack> {
  const stack = await PulumiStack.create({ programDir: path.join(PROGRAMS, "bench-native-quickstart"), stackName: "bench-native", env: { ASM_WAIT_SCALE: "1" } });
  await stack.setConfig({
    "asm:endpoint": dyn.emulator.endpoint, "asm:protocol": "HTTP", "asm:region": DEFAULT_REGION,
    "quickstart:vpcId": DEFAULT_VPC, "quickstart:vSwitchId": DEFAULT_VSWITCH,
    "quickstart:clusterIds": JSON.stringify(CLUSTERS), "quickstart:domain": DOMAIN,
  });
  const { accessKeyId, accessKeySecret } = dyn.emulator.credentials;
  await stack.setConfig({ "asm:accessKey": accessKeyId, "asm:secretKey": accessKeySecret }, { secret: true });
  return stack;
}

interface StackFigures {
  upMs: number;
  noChangeMs: number;
  destroyMs: number;
  upCalls: number;
  destroyCalls: number;
}

async function timeStack(env: EmulatorStack, stack: PulumiStack): Promise<StackFigures> {
  env.emulator.control.reset();
  const up = await measureCalls(env.emulator.control, () => stack.up());
  const noChange = await stack.up();
  const destroy = await measureCalls(env.emulator.control, () => stack.destroy());
  return { upMs: up.result.ms, noChangeMs: noChange.ms, destroyMs: destroy.result.ms, upCalls: up.calls.total, destroyCalls: destroy.calls.total };
}

async function main(): Promise<void> {
  const runs = numberArg("runs", 3);
  const starts = numberArg("starts", 7);
  const start = await startTimes(starts);
  printTable(`Plugin start, median of ${starts} fresh processes`, (["native", "dynamic"] as const).map((h) => ({
    plugin: h === "native" ? "pulumi-resource-asm (native)" : "pulumi-resource-pulumi-nodejs (dynamic host)",
    "port line s": seconds(start[h].portMs),
    "GetPluginInfo answered s": seconds(start[h].infoMs),
    "each start, port line s": start[h].runs.map((r) => seconds(r.portMs)).join(" "),
  })));

  const env = await dynamicStack();
  const tls = issueCertificate({ commonName: DOMAIN });
  const native = await nativeStack(env);
  try {
    for (const stack of [env.stack, native]) {
      await stack.setConfig({ "quickstart:tlsCert": tls.certPem });
      await stack.setConfig({ "quickstart:tlsKey": tls.keyPem }, { secret: true });
    }
    const figures: Record<Host, StackFigures[]> = { dynamic: [], native: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate the order so a machine getting busier or quieter does not favour one host.
      const order: Host[] = i % 2 === 0 ? ["dynamic", "native"] : ["native", "dynamic"];
      for (const host of order) figures[host].push(await timeStack(env, host === "dynamic" ? env.stack : native));
    }
    const m = (host: Host, pick: (f: StackFigures) => number) => median(figures[host].map(pick));
    const row = (figure: string, pick: (f: StackFigures) => number, toSeconds = true) => ({
      figure,
      dynamic: toSeconds ? seconds(m("dynamic", pick)) : m("dynamic", pick),
      native: toSeconds ? seconds(m("native", pick)) : m("native", pick),
    });
    printTable(`Quickstart through each host, fast profile, real poll delays, one emulator (median of ${runs} runs)`, [
      row("up s", (f) => f.upMs),
      row("no-change up s", (f) => f.noChangeMs),
      row("destroy s", (f) => f.destroyMs),
      row("up API calls", (f) => f.upCalls, false),
      row("destroy API calls", (f) => f.destroyCalls, false),
    ]);
    process.stdout.write(`up per run, dynamic: ${figures.dynamic.map((f) => seconds(f.upMs)).join(", ")} s; native: ${figures.native.map((f) => seconds(f.upMs)).join(", ")} s\n`);
    writeResult("native-plugin", {
      programs: { dynamic: "Pulumi.yaml (examples/quickstart/index.ts)", native: "tests/e2e/programs/bench-native-quickstart" },
      profile: "fast", runs, starts,
      start: Object.fromEntries((["native", "dynamic"] as const).map((h) => [h, { portMs: start[h].portMs, infoMs: start[h].infoMs, version: start[h].version, perStart: start[h].runs }])),
      quickstart: figures,
    });
  } finally {
    await env.stack.destroy().catch(() => undefined);
    await native.destroy().catch(() => undefined);
    await native.dispose();
    await env.dispose();
  }
}

runMain(main);

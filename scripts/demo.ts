// npm run demo [-- up|preview|refresh|drift|destroy|stop|env]
//
// Deploys the quickstart stack (root Pulumi.yaml → examples/quickstart) against the local ASM emulator:
// starts the emulator in the background (fast profile, state persisted in .demo/), points the "demo" stack
// at it with demo credentials, generates a self-signed certificate once, runs `pulumi up`, prints the
// outputs, checks for drift, and says what to run next. Running it again converges: the emulator and its
// state survive between runs, and an unchanged stack previews as no change.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { demoEnv, DEMO, ensureEmulator, stopEmulator } from "./lib/demoEmulator";
import { issueCertificate } from "./lib/selfSignedCert";

const ROOT = path.resolve(__dirname, "..");
/** ASM_DEMO_STACK, ASM_DEMO_DIR and ASM_DEMO_PORT let a test run the demo beside a user's own demo. */
const STACK = process.env.ASM_DEMO_STACK ?? "demo";
const DOMAIN = "shop.example.com";

function banner(text: string): void {
  console.log(`\n== ${text} ${"=".repeat(Math.max(0, 74 - text.length))}`);
}

/** Runs a command with the demo environment, streaming its output; resolves to its exit code. */
function run(cmd: string, args: string[], opts: { input?: string; quiet?: boolean } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: demoEnv(), stdio: [opts.input === undefined ? "ignore" : "pipe", opts.quiet ? "ignore" : "inherit", "inherit"] });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function pulumi(args: string[], opts: { input?: string; quiet?: boolean } = {}): Promise<void> {
  const code = await run("pulumi", args, opts);
  if (code !== 0) throw new Error(`pulumi ${args[0]} failed (exit ${code}); see the output above`);
}

function tlsMaterial(): { cert: string; key: string } {
  const dir = path.join(DEMO, "tls");
  const certFile = path.join(dir, "tls.crt");
  const keyFile = path.join(dir, "tls.key");
  if (!fs.existsSync(certFile)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { certPem, keyPem } = issueCertificate({ commonName: DOMAIN, dnsNames: [DOMAIN, `*.${DOMAIN}`] });
    fs.writeFileSync(keyFile, keyPem, { mode: 0o600 });
    fs.writeFileSync(certFile, certPem);
    console.log(`generated a self-signed certificate for ${DOMAIN} in ${path.relative(ROOT, dir)}/`);
  }
  return { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8") };
}

async function configureStack(endpoint: string, creds: { accessKeyId: string; accessKeySecret: string }, clusterIds: string[]): Promise<void> {
  const exists = spawnSync("pulumi", ["stack", "select", STACK], { cwd: ROOT, env: demoEnv(), stdio: "ignore" }).status === 0;
  if (!exists) await pulumi(["stack", "init", STACK], { quiet: true });
  const { cert, key } = tlsMaterial();
  const plain: Record<string, string> = {
    "asm:endpoint": endpoint,
    "asm:protocol": "HTTP",
    // The engine prints provider progress lines behind a 75-column prefix; the demo stays within 80
    // columns without them (waits here take seconds, and each resource still reports "created").
    "asm:progress": "off",
    "alicloud:region": "cn-hangzhou",
    "quickstart:vpcId": "vpc-emu-default",
    "quickstart:vSwitchId": "vsw-emu-default-a",
    "quickstart:clusterIds": JSON.stringify(clusterIds),
    "quickstart:tlsCert": cert,
  };
  for (const [k, v] of Object.entries(plain)) await pulumi(["config", "set", "--stack", STACK, "--plaintext", k], { input: v, quiet: true });
  // Credentials as secrets: plain-text ones would be stored in the state in clear, so the package refuses them.
  const secret = { "alicloud:accessKey": creds.accessKeyId, "alicloud:secretKey": creds.accessKeySecret, "quickstart:tlsKey": key };
  for (const [k, v] of Object.entries(secret)) {
    await pulumi(["config", "set", "--stack", STACK, "--secret", k], { input: v, quiet: true });
  }
}

function nextSteps(): void {
  banner("Next");
  console.log([
    "  npm run demo -- preview    preview changes (edit examples/quickstart/index.ts)",
    "  npm run demo -- refresh    read the emulator's state into the stack",
    "  npm run demo -- drift      report what changed outside Pulumi (exit 1 = drift)",
    "  npm run demo -- destroy    delete everything the stack created",
    "  npm run demo -- stop       stop the emulator (its state stays in .demo/)",
    "  npm run demo -- env        print the variables to run `pulumi` yourself",
  ].join("\n"));
}

async function up(): Promise<void> {
  banner("Local ASM emulator");
  const emu = await ensureEmulator();
  console.log(`${emu.started ? "started" : "reusing"} the emulator at http://${emu.endpoint} (fast profile, state in ${path.relative(ROOT, DEMO)}/)`);
  banner("Stack configuration");
  await configureStack(emu.endpoint, emu.credentials, emu.clusterIds);
  console.log(`stack "${STACK}": mesh in vpc-emu-default, clusters ${emu.clusterIds.map((c) => c.slice(0, 10) + "…").join(", ")}`);
  banner("pulumi up");
  await pulumi(["up", "--yes", "--skip-preview", "--stack", STACK]);
  await drift();
  nextSteps();
}

async function drift(): Promise<number> {
  banner("Drift check");
  const code = await run("bash", [path.join(ROOT, "scripts", "drift"), "--stack", STACK]);
  if (code > 1) throw new Error(`the drift check failed (exit ${code})`);
  return code;
}

async function main(command: string): Promise<void> {
  switch (command) {
    case "up": return up();
    case "preview": await ensureEmulator(); return pulumi(["preview", "--stack", STACK]);
    case "refresh": await ensureEmulator(); return pulumi(["refresh", "--yes", "--stack", STACK]);
    case "drift": await ensureEmulator(); process.exitCode = await drift(); return;
    case "destroy": await ensureEmulator(); return pulumi(["destroy", "--yes", "--skip-preview", "--stack", STACK]);
    case "stop": return stopEmulator();
    case "env": {
      const env = demoEnv();
      for (const k of ["PATH", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_SKIP_UPDATE_CHECK"]) console.log(`export ${k}=${JSON.stringify(env[k])}`);
      return;
    }
    default: throw new Error(`unknown demo command "${command}"; use up, preview, refresh, drift, destroy, stop or env`);
  }
}

main(process.argv[2] ?? "up").catch((err: Error) => {
  console.error(`\ndemo: ${err.message}`);
  process.exit(2);
});

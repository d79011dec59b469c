// The reliability scenarios' stack: the rel-stack program (mesh, attachment, gateway, TLS secret,
// route) on an in-process emulator, configured as a user would, plus what every scenario asserts:
// what the emulator holds (no orphan, no duplicate), that the stack converged, and that no secret
// reached the state or any CLI output. Every CLI transcript is kept for that last check.
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, type EmulatorOptions } from "../../../emulator";
import { tlsFixture } from "../../fixtures/tls/tlsFixtures";
import { emulatorStack, type EmulatorStack } from "../../e2e/harness/emulatorStack";
import { CliError, type CliResult } from "../../e2e/harness/pulumiCli";

export const PRIMARY = EMULATOR_CLUSTERS.primary.clusterId;
export const TLS_CERT = tlsFixture("leaf-a.crt");
export const TLS_KEY = tlsFixture("leaf-a.key");

export interface RelStack extends EmulatorStack {
  /** stdout and stderr of every CLI command run so far (except `--show-secrets` ones). */
  transcript: string[];
  /** Kubeconfig tokens of every mesh seen so far; the mesh may be gone, its token must still never leak. */
  tokens: Set<string>;
}

/** Records each CLI run; a failing run still rejects unless the caller allowed failure. */
function recordTranscript(env: EmulatorStack, transcript: string[]): void {
  const run = env.stack.run.bind(env.stack);
  env.stack.run = async (args, opts = {}) => {
    const result: CliResult = await run(args, { ...opts, allowFailure: true });
    if (!args.includes("--show-secrets")) transcript.push(`$ pulumi ${args.join(" ")}\n${result.stdout}\n${result.stderr}`);
    if (result.code !== 0 && !opts.allowFailure) throw new CliError(args, result);
    return result;
  };
}

/** `stackName` must differ per test file: the stack's config file lives in the shared program folder. */
export async function startRelStack(stackName: string, opts: { emulator?: EmulatorOptions; config?: Record<string, string> } = {}): Promise<RelStack> {
  const env = await emulatorStack({
    program: "rel-stack",
    stackName,
    emulator: opts.emulator,
    config: { "rel:vpcId": DEFAULT_VPC, "rel:vSwitchId": DEFAULT_VSWITCH, "rel:clusterId": PRIMARY, ...opts.config },
  });
  await env.stack.setConfig({ "rel:tlsCert": TLS_CERT, "rel:tlsKey": TLS_KEY }, { secret: true });
  const transcript: string[] = [];
  recordTranscript(env, transcript);
  return Object.assign(env, { transcript, tokens: new Set<string>() });
}

export interface Inventory {
  meshes: string[];
  clusters: string[];
  gateways: string[];
  secrets: string[];
  routes: string[];
}

interface MeshDump {
  clusters: string[];
  gateways: Record<string, { deletion?: unknown }>;
  secrets: Record<string, unknown>;
  routes: Record<string, unknown>;
}

/** Everything the emulator holds, by kind, each list sorted; a gateway that is being deleted no longer counts. */
export function inventory(env: EmulatorStack): Inventory {
  const meshes = (env.emulator.control.state() as { meshes: Record<string, MeshDump> }).meshes;
  const all = Object.values(meshes);
  // Each list is a set: attachments and routes are created in parallel, so the emulator's order is the
  // order the engine's steps happened to finish in and says nothing.
  const set = (items: string[]) => [...items].sort();
  return {
    meshes: set(Object.keys(meshes)),
    clusters: set(all.flatMap((m) => m.clusters)),
    gateways: set(all.flatMap((m) => Object.entries(m.gateways).filter(([, g]) => !g.deletion).map(([k]) => k))),
    secrets: set(all.flatMap((m) => Object.keys(m.secrets))),
    routes: set(all.flatMap((m) => Object.keys(m.routes))),
  };
}

/** The full stack, exactly once: one mesh with the primary cluster, one gateway, secret and route. */
export const FULL_STACK: Inventory = {
  meshes: ["<one>"],
  clusters: [PRIMARY],
  gateways: ["istio-system/ingressgateway"],
  secrets: ["ingressgateway/rel-tls"],
  routes: ["ingressgateway/reviews"],
};

export function expectFullStackOnce(env: EmulatorStack): string {
  const inv = inventory(env);
  expect(inv.meshes).toHaveLength(1);
  expect({ ...inv, meshes: ["<one>"] }).toEqual(FULL_STACK);
  return inv.meshes[0];
}

export function expectNothingLeft(env: EmulatorStack): void {
  expect(inventory(env)).toEqual({ meshes: [], clusters: [], gateways: [], secrets: [], routes: [] });
}

/** Converged: a refresh finds no drift and a preview plans no change. */
export async function expectConverged(env: EmulatorStack): Promise<void> {
  await env.stack.refresh();
  expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
}

/** The bearer token in a mesh kubeconfig. */
async function kubeconfigToken(env: EmulatorStack, meshId: string): Promise<string | undefined> {
  const { Kubeconfig } = await env.api.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId });
  return /token:\s*"?([^\s"]+)/.exec(Kubeconfig ?? "")?.[1];
}

/** Remembers the kubeconfig tokens of the meshes that exist now. */
export async function noteTokens(env: RelStack): Promise<void> {
  for (const id of inventory(env).meshes) {
    const token = await kubeconfigToken(env, id);
    if (!token) throw new Error(`the kubeconfig of mesh ${id} has no token`);
    env.tokens.add(token);
  }
}

/** No access key secret, private key or kubeconfig token in the state backend or any CLI output. */
export async function expectNoSecretsLeaked(env: RelStack): Promise<void> {
  await noteTokens(env);
  const keyLines = TLS_KEY.split("\n").map((l) => l.trim()).filter((l) => l.length >= 16 && !l.startsWith("-----"));
  const secrets = [env.emulator.credentials.accessKeySecret, ...keyLines, ...env.tokens];
  const texts = { state: env.stack.backendText(), cli: env.transcript.join("\n") };
  for (const [where, text] of Object.entries(texts)) {
    expect({ where, privateKeyHeader: text.includes("PRIVATE KEY") }).toEqual({ where, privateKeyHeader: false });
    for (const s of secrets) expect({ where, leaked: text.includes(s) }).toEqual({ where, leaked: false });
  }
}

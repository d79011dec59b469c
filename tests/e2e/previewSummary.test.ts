// The PR preview summary on live previews: a stack with a mesh, an attachment, a gateway, a TLS secret
// and two routes, previewed after config changes that update, replace, delete and rotate. Each step
// restores the config afterwards, so every preview is taken against the same deployed stack.
// RECORD_PREVIEW_FIXTURES=1 writes each preview's JSON to tests/fixtures/preview/ (the unit tests read them).
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS, OTHER_VPC } from "../../emulator";
import { renderMarkdown } from "../../cli/previewMarkdown";
import { summarizePreview, type PreviewSummary } from "../../cli/previewSummary";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { REPO_ROOT, type PreviewJson } from "./harness/pulumiCli";

const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures", "preview");
const DEFAULTS: Record<string, string> = { "e2e:replicas": "1", "e2e:canaryWeight": "10", "e2e:vpcId": DEFAULT_VPC, "e2e:withRatings": "true", "e2e:withSecret": "true", "e2e:gatewayName": "ingressgateway" };
const CERT_A = { "e2e:tlsCert": tlsFixture("chain-a.pem"), "e2e:tlsKey": tlsFixture("leaf-a.key") };

let env: EmulatorStack;

/** Previews with the given config, records the JSON when asked, and puts the config back. */
async function previewWith(fixture: string, config: Record<string, string>, secrets: Record<string, string> = {}): Promise<{ json: PreviewJson; text: string }> {
  await env.stack.setConfig(config);
  await env.stack.setConfig(secrets, { secret: true });
  const r = await env.stack.run(["preview", "--json", "--non-interactive"]);
  if (process.env.RECORD_PREVIEW_FIXTURES === "1") fs.writeFileSync(path.join(FIXTURES, `${fixture}.json`), r.stdout);
  await env.stack.setConfig(Object.fromEntries(Object.keys(config).map((k) => [k, DEFAULTS[k]])));
  if (Object.keys(secrets).length > 0) await env.stack.setConfig(CERT_A, { secret: true });
  return { json: JSON.parse(r.stdout) as PreviewJson, text: r.stdout };
}

const rows = (s: PreviewSummary) => s.changes.map((c) => `${c.disruptive ? "!" : ""}${c.name}:${c.op}`);

function runSummaryCli(input: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, "scripts", "preview-summary"), args, { stdio: ["pipe", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  fs.mkdirSync(FIXTURES, { recursive: true });
  env = await emulatorStack({
    program: "gateway-preview",
    config: { ...DEFAULTS, "e2e:vSwitchId": DEFAULT_VSWITCH, "e2e:clusterId": EMULATOR_CLUSTERS.primary.clusterId },
  });
  await env.stack.setConfig(CERT_A, { secret: true });
  await env.stack.up();
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("preview summary of a live stack with a mesh, gateway, secret and routes", () => {
  it("says there are no changes right after up", async () => {
    const { json } = await previewWith("no-change", {});
    expect(renderMarkdown(summarizePreview(json))).toContain("No changes. 7 unchanged.");
  });

  it("lists an in-place gateway and route update with the changed values, nothing disruptive", async () => {
    const { json } = await previewWith("update", { "e2e:replicas": "2", "e2e:canaryWeight": "30" });
    const summary = summarizePreview(json);
    expect(rows(summary)).toEqual(["ingress:update", "reviews:update"]);
    const md = renderMarkdown(summary);
    expect(md).toContain("`replicaCount`: `1` → `2`");
    expect(md).toContain("`destinations[1].weight`: `10` → `30`");
    expect(md).not.toContain("Disruptive");
  });

  it("puts the mesh, gateway and secret first when a VPC change replaces everything", async () => {
    const { json } = await previewWith("replace-mesh", { "e2e:vpcId": OTHER_VPC });
    const summary = summarizePreview(json);
    expect(rows(summary)).toEqual(["!mesh:replace", "!ingress:replace", "!tls:replace", "cluster:replace", "ratings:replace", "reviews:replace"]);
    const md = renderMarkdown(summary);
    expect(md).toContain(`\`network.vpcId\`: \`"${DEFAULT_VPC}"\` → \`"${OTHER_VPC}"\` _(forces replacement)_`);
    expect(md).toContain("→ _(known after apply)_");
    expect(md.indexOf("Disruptive changes (3)")).toBeLessThan(md.indexOf("Other changes (3)"));
  });

  it("marks the secret's deletion disruptive and the route's not", async () => {
    const { json } = await previewWith("delete", { "e2e:withRatings": "false", "e2e:withSecret": "false" });
    expect(rows(summarizePreview(json))).toEqual(["!tls:delete", "ratings:delete"]);
  });

  it("shows a gateway rename as a replacement of the gateway, its secret and its routes", async () => {
    const { json } = await previewWith("replace-gateway", { "e2e:gatewayName": "ingressgateway2" });
    expect(rows(summarizePreview(json))).toEqual(["!ingress:replace", "!tls:replace", "ratings:replace", "reviews:replace"]);
  });

  it("names the rotated certificate and key without printing them, and the CLI exits 3 on request", async () => {
    const { text } = await previewWith("secret-rotation", {}, { "e2e:tlsCert": tlsFixture("leaf-b.crt"), "e2e:tlsKey": tlsFixture("leaf-b.key") });
    expect(text).not.toContain("PRIVATE KEY");
    expect(text).not.toContain(env.emulator.credentials.accessKeySecret);
    const r = await runSummaryCli(text, ["--fail-on-disruptive", "--stack", "e2e"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("| ⚠️ | `tls` | GatewaySecret | **replace** | `cert` (secret value changed) _(forces replacement)_<br>`key` (secret value changed) _(forces replacement)_ |");
    expect(r.stdout).not.toContain("BEGIN");
  });
});

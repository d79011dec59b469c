// Security through the real engine: what the state holds and the CLI prints after a full stack
// (access key secret, TLS private key, kubeconfig token: never in clear; kubeconfig, cert and key:
// Pulumi secrets), what a wrong secret key produces (a credentials hint, never the key), and that the
// emulator refuses forged and replayed requests the way the ASM gateway does.
import { acs3, newNonce } from "../emulator/rawRpc";
import type { StateResource } from "../e2e/harness/pulumiCli";
import { expectFullStackOnce, expectNoSecretsLeaked, startRelStack, type RelStack } from "./helpers/relStack";

/** The marker Pulumi puts on an encrypted value in `stack export`. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

let env: RelStack;

function resourceOf(resources: StateResource[], kind: string): StateResource {
  const found = resources.filter((r) => r.type === `pulumi-nodejs:dynamic/asm:${kind}`);
  expect(found).toHaveLength(1);
  return found[0];
}

function expectEncrypted(value: unknown): void {
  expect(value).toEqual({ [SECRET_SIG]: SECRET_SIG_VALUE, ciphertext: expect.stringMatching(/^v1:/) });
}

beforeAll(async () => {
  env = await startRelStack("security");
  await env.stack.up();
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

describe("secrets in state and output", () => {
  it("stack export holds the kubeconfig, the certificate and the private key only as ciphertext", async () => {
    expectFullStackOnce(env);
    const resources = (await env.stack.exportState()).deployment.resources ?? [];
    expectEncrypted(resourceOf(resources, "ServiceMesh").outputs?.kubeconfig);
    const tls = resourceOf(resources, "GatewaySecret");
    for (const field of ["cert", "key"]) {
      expectEncrypted(tls.inputs?.[field]);
      expectEncrypted(tls.outputs?.[field]);
    }
    const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    expectEncrypted((stack?.outputs as Record<string, unknown> | undefined)?.kubeconfig);
  });

  it("stack output without --show-secrets prints [secret] for the kubeconfig", async () => {
    const r = await env.stack.run(["stack", "output", "kubeconfig"]);
    expect(r.stdout.trim()).toBe("[secret]");
    const all = await env.stack.run(["stack", "output", "--json"]);
    expect((JSON.parse(all.stdout) as Record<string, unknown>).kubeconfig).toBe("[secret]");
  });

  it("no access key secret, private key or kubeconfig token appears in the state or any CLI output", async () => {
    await expectNoSecretsLeaked(env);
  });

  it("a wrong secret key fails refresh with a credentials hint that never echoes either key", async () => {
    const wrong = "wrong-secret-Q7x9Zp2Lm4Vb8Nc1";
    await env.stack.setConfig({ "alicloud:secretKey": wrong }, { secret: true });
    // --run-program: without it refresh uses the provider configuration recorded at the last update.
    const r = await env.stack.run(["refresh", "--run-program", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    await env.stack.setConfig({ "alicloud:secretKey": env.emulator.credentials.accessKeySecret }, { secret: true });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("SignatureDoesNotMatch");
    expect(r.stdout).toContain("Check the credentials (alicloud:accessKey / alicloud:secretKey");
    for (const key of [wrong, env.emulator.credentials.accessKeySecret]) expect(`${r.stdout}${r.stderr}${env.stack.backendText()}`).not.toContain(key);
    // That refresh recorded the wrong key as the provider's configuration: record the right one again.
    await env.stack.refresh(["--run-program"]);
  });
});

describe("request authentication at the emulator", () => {
  it("rejects a request signed with another secret", async () => {
    const r = await acs3(env.emulator, "DescribeServiceMeshes", { accessKeySecret: "not-the-secret" });
    expect([r.status, r.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("rejects a request whose body was changed after signing", async () => {
    const r = await acs3(env.emulator, "DeleteServiceMesh", { body: { ServiceMeshId: "c-original" }, tamperBody: { ServiceMeshId: "c-victim" } });
    expect([r.status, r.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("accepts a signed request once and rejects the same request replayed", async () => {
    const nonce = newNonce();
    const date = new Date();
    expect((await acs3(env.emulator, "DescribeServiceMeshes", { nonce, date })).status).toBe(200);
    const replay = await acs3(env.emulator, "DescribeServiceMeshes", { nonce, date });
    expect([replay.status, replay.body.Code]).toEqual([400, "SignatureNonceUsed"]);
  });
});

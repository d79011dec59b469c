// A TypeScript program on the generated Node.js SDK (@asm-pulumi/asm, through the native plugin) keeps the
// mesh kubeconfig's bearer token out of what the CLI prints and logs. @pulumi/pulumi logs every
// RegisterResource response at debug level ("RegisterResource RPC finished: ..."), secret outputs in clear
// inside their secret marker; `pulumi up --json` streams that line as a debug event and `-v=9` writes it to
// the log. The generated SDK carries the same redaction the dynamic package installs (provider/sdkOverlays).
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_VPC, DEFAULT_VSWITCH } from "../../emulator";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import { nodeSdkName, programWithGeneratedSdk, schemaOf } from "./harness/generatedNodeSdk";

let env: EmulatorStack;
let programDir: string;

beforeAll(async () => {
  programDir = programWithGeneratedSdk("sdk-secrets");
  fs.writeFileSync(path.join(programDir, "index.ts"), [
    `import * as asm from "${nodeSdkName(schemaOf())}";`,
    `const mesh = new asm.ServiceMesh("mesh", { name: "sdk-secrets", network: { vpcId: "${DEFAULT_VPC}", vSwitchIds: ["${DEFAULT_VSWITCH}"] } });`,
    `export const kubeconfig = mesh.kubeconfig;`,
    "",
  ].join("\n"));
  env = await emulatorStack({ nativePlugin: true, programDir, stackName: "sdk-secrets" });
});

afterAll(async () => {
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
  if (programDir) fs.rmSync(path.dirname(programDir), { recursive: true, force: true });
});

async function meshToken(): Promise<string> {
  const { ServiceMeshes } = await env.api.call("DescribeServiceMeshes", {});
  const id = (ServiceMeshes ?? [])[0]?.ServiceMeshInfo.ServiceMeshId;
  const { Kubeconfig } = await env.api.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: id });
  const token = /token:\s*"?([^\s"]+)/.exec(String(Kubeconfig ?? ""))?.[1];
  if (!token) throw new Error(`the kubeconfig of mesh ${id} has no token`);
  return token;
}

describe("a program on the generated Node.js SDK", () => {
  it("prints no kubeconfig token in the debug events of up --json, nor in the -v=9 log of a refresh", async () => {
    const up = await env.stack.up(["--json"]);
    const refresh = await env.stack.run(["refresh", "--yes", "--skip-preview", "--non-interactive", "-v=9", "--logtostderr", "--logflow"]);
    const text = `${up.stdout}\n${up.stderr}\n${refresh.stdout}\n${refresh.stderr}`;
    // The SDK's line is there (so the check looks where the token was), without the token.
    expect(up.stdout).toContain("RegisterResource RPC finished: resource:mesh");
    expect(refresh.stderr).toContain('"v":9');
    const token = await meshToken();
    expect(text.includes(token)).toBe(false);
    expect(text.includes(env.emulator.credentials.accessKeySecret)).toBe(false);
    // The program still sees the kubeconfig itself: only the log line's text is redacted.
    expect((await env.stack.outputs()).kubeconfig).toContain(token);
  });
});

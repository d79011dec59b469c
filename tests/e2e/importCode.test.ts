// `pulumi import asm:index:<Kind> <name> <id>` with code generation, for every kind: the CLI asks the
// language host (scripts/langhost GenerateProgram) for the TypeScript of what it imported and writes it to
// --out. Pasted into the program as printed, it previews with no changes. GatewaySecret's cert and key
// cannot be read back (the API never returns key material): the printed code lacks them, and the user
// declares them, as the import's warning says, with the certificate that is deployed.
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { emulatorStack, type EmulatorStack } from "./harness/emulatorStack";
import type { StateResource } from "./harness/pulumiCli";
import { nodeSdkName, pasted, programWithGeneratedSdk, schemaOf } from "./harness/generatedNodeSdk";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";

const CLUSTER = EMULATOR_CLUSTERS.primary.clusterId;
const GATEWAY = "ingressgateway";

let env: EmulatorStack;
let programDir: string;
let meshId: string;
/** What each import printed, in import order. */
const printed: string[] = [];

/** `pulumi import` with code generation; returns the printed program and the CLI's output. */
async function importWithCode(type: string, name: string, id: string): Promise<{ code: string; stdout: string }> {
  const out = path.join(programDir, `imported-${name}.ts`);
  const r = await env.stack.run(["import", type, name, id, "--yes", "--non-interactive", "--out", out]);
  expect(r.stdout).toContain("1 imported");
  const code = fs.readFileSync(out, "utf8");
  fs.rmSync(out);
  printed.push(code);
  return { code, stdout: r.stdout };
}

async function imported(type: string): Promise<StateResource> {
  const found = ((await env.stack.exportState()).deployment.resources ?? []).find((r) => r.type === type);
  if (!found) throw new Error(`no ${type} in the state`);
  return found;
}

async function attached(id: string): Promise<boolean> {
  const { ServiceMesh } = await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: id });
  return (ServiceMesh.Clusters ?? []).includes(CLUSTER);
}

function paste(code: string): void {
  fs.writeFileSync(path.join(programDir, "index.ts"), code);
}

beforeAll(async () => {
  programDir = programWithGeneratedSdk("import-code");
  env = await emulatorStack({ nativePlugin: true, programDir, stackName: "import-code" });
});

afterAll(async () => {
  // Imported resources are protected: the stack goes, the objects stay in the emulator, which closes with the test.
  await env?.stack.run(["stack", "rm", "--yes", "--force"], { allowFailure: true });
  await env?.dispose();
  if (programDir) fs.rmSync(path.dirname(programDir), { recursive: true, force: true });
});

describe("pulumi import prints code that previews with no changes", () => {
  it("prints a mesh as a protected asm.ServiceMesh with its name and network, importing the SDK the schema names", async () => {
    ({ ServiceMeshId: meshId } = await env.api.call("CreateServiceMesh", {
      RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Name: "made-elsewhere",
    }));
    const { code } = await importWithCode("asm:index:ServiceMesh", "imported", meshId);
    expect(code).toContain(`import * as asm from "${nodeSdkName(schemaOf())}";`);
    expect(code).toContain(`const imported = new asm.ServiceMesh("imported", {`);
    expect(code).toContain(`name: "made-elsewhere",`);
    expect(code).toContain(`vpcId: "${DEFAULT_VPC}",`);
    expect(code).toMatch(/protect: true/);
    paste(pasted(printed));
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("prints a cluster attachment by its <meshId>:<clusterId> id", async () => {
    await env.api.call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: CLUSTER });
    for (let i = 0; i < 100 && !(await attached(meshId)); i++) await new Promise((r) => setTimeout(r, 100));
    const { code } = await importWithCode("asm:index:ClusterAttachment", "attached", `${meshId}:${CLUSTER}`);
    expect(code).toContain(`new asm.ClusterAttachment("attached", {`);
    expect(code).toContain(`clusterId: "${CLUSTER}",`);
    paste(pasted(printed));
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("prints a gateway written without serviceType with the service type it runs with, and a route on it", async () => {
    // An API client that leaves serviceType out (the console always writes one).
    const spec = { gatewayType: "ingress", clusterIds: [CLUSTER] };
    const body = { apiVersion: "istio.alibabacloud.com/v1beta1", kind: "IstioGateway", metadata: { name: GATEWAY, namespace: "istio-system" }, spec };
    await env.api.call("CreateASMGateway", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, Body: JSON.stringify(body) });
    const route = { RouteName: "reviews", Namespace: "shop", Domains: ["demo.example.com"], RouteDestinations: [{ Destination: { Host: "reviews.shop.svc.cluster.local" } }] };
    await env.api.call("CreateIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, GatewayRoute: JSON.stringify(route) });
    const gateway = await importWithCode("asm:index:ASMGateway", "gateway", `${meshId}:istio-system:${GATEWAY}`);
    expect(gateway.code).toContain(`new asm.ASMGateway("gateway", {`);
    expect(gateway.code).toContain(`serviceType: asm.ASMGatewayServiceType.LoadBalancer,`);
    expect((await imported("asm:index:ASMGateway")).inputs).toEqual(expect.objectContaining({ serviceType: "LoadBalancer" }));
    const routeCode = await importWithCode("asm:index:GatewayRoute", "route", `${meshId}:${GATEWAY}:reviews`);
    expect(routeCode.code).toContain(`new asm.GatewayRoute("route", {`);
    expect(routeCode.code).toContain(`domains: ["demo.example.com"],`);
    paste(pasted(printed));
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("prints a gateway secret with empty cert and key, which the program declares with the deployed certificate", async () => {
    const [cert, key] = [tlsFixture("leaf-b.crt"), tlsFixture("leaf-b.key")];
    await env.api.call("CreateGatewaySecret", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, SecretName: "tls", Cert: cert, Key: key });
    const { code, stdout } = await importWithCode("asm:index:GatewaySecret", "tls", `${meshId}:${GATEWAY}:tls`);
    expect(stdout).toMatch(/property cert value .* has a problem: required/);
    expect(stdout).toMatch(/property key value .* has a problem: required/);
    expect(code).toContain(`new asm.GatewaySecret("tls", {`);
    // The CLI prints required inputs the read could not give as empty strings.
    expect(code).toContain(`cert: "",`);
    expect(code).toContain(`key: "",`);
    expect(env.stack.backendText()).not.toContain(key.split("\n")[1]);
    // As the warning asks: the deployed certificate and its key, from secret config.
    await env.stack.setConfig({ tlsCert: cert, tlsKey: key }, { secret: true });
    const declared = printed.map((c) => (c !== code ? c : c
      .replace(`cert: "",`, `cert: new pulumi.Config().requireSecret("tlsCert"),`)
      .replace(`key: "",`, `key: new pulumi.Config().requireSecret("tlsKey"),`)));
    paste(pasted(declared));
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  it("takes a declared certificate that is not the deployed one as a replacement of the secret, which protect refuses", async () => {
    await env.stack.setConfig({ otherCert: tlsFixture("leaf-a.crt"), otherKey: tlsFixture("leaf-a.key") }, { secret: true });
    const declared = printed.map((c) => (!c.includes("asm.GatewaySecret") ? c : c
      .replace(`cert: "",`, `cert: new pulumi.Config().requireSecret("otherCert"),`)
      .replace(`key: "",`, `key: new pulumi.Config().requireSecret("otherKey"),`)));
    paste(pasted(declared));
    const r = await env.stack.run(["preview", "--non-interactive"], { allowFailure: true });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/GatewaySecret tls replace \[diff: \+cert,key\]/);
    expect(r.stdout).toMatch(/unable to replace resource .* as it is currently marked for protection/s);
  });
});

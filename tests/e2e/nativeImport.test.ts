// `pulumi import` of objects made outside Pulumi, through the native plugin (dynamic resources cannot be
// imported: pulumi/pulumi#16175). The engine reads each object by id and the plugin answers with its inputs;
// declared as the program with those inputs, the stack previews with no changes. This test checks the
// recorded state and declares it by type token; tests/e2e/importCode.test.ts pastes the code the CLI prints.
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, EMULATOR_CLUSTERS } from "../../emulator";
import { emulatorStack, PROGRAMS, type EmulatorStack } from "./harness/emulatorStack";
import type { CliResult, StateResource } from "./harness/pulumiCli";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";

const GENERATED = path.join(PROGRAMS, "native-import", "generated");
const CLUSTER = EMULATOR_CLUSTERS.primary.clusterId;
const GATEWAY = "ingressgateway";

let env: EmulatorStack;

async function imported(type: string): Promise<StateResource> {
  const found = ((await env.stack.exportState()).deployment.resources ?? []).find((r) => r.type === type);
  if (!found) throw new Error(`no ${type} in the state`);
  return found;
}

async function attached(meshId: string): Promise<boolean> {
  const { ServiceMesh } = await env.api.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId });
  return (ServiceMesh.Clusters ?? []).includes(CLUSTER);
}

/** `pulumi import`; fails the test on the engine's warning that the read inputs do not pass check. */
async function pulumiImport(type: string, name: string, id: string): Promise<void> {
  const r = await importCommand(type, name, id);
  expect(r.stdout).not.toContain("failed to validate");
}

async function importCommand(type: string, name: string, id: string): Promise<CliResult> {
  const r = await env.stack.run(["import", type, name, id, "--yes", "--non-interactive", "--generate-code=false"]);
  expect(r.stdout).toContain("1 imported");
  return r;
}

/** The program: each imported resource declared with the inputs the import recorded. */
async function declareImported(names: Array<[string, string]>): Promise<void> {
  const declared = await Promise.all(names.map(async ([type, name]) => ({ type, name, inputs: (await imported(type)).inputs ?? {} })));
  fs.writeFileSync(path.join(GENERATED, "resources.json"), JSON.stringify(declared, null, 2));
}

beforeAll(async () => {
  fs.rmSync(GENERATED, { recursive: true, force: true });
  fs.mkdirSync(GENERATED);
  env = await emulatorStack({ nativePlugin: true, program: "native-import", stackName: "native-import" });
});

afterAll(async () => {
  fs.rmSync(GENERATED, { recursive: true, force: true });
  // Imported resources are protected: the stack goes, the objects stay in the emulator, which closes with the test.
  await env?.stack.run(["stack", "rm", "--yes", "--force"], { allowFailure: true });
  await env?.dispose();
});

describe("pulumi import through the native plugin", () => {
  let meshId: string;

  it("imports a mesh created directly in the emulator with every input it reports", async () => {
    ({ ServiceMeshId: meshId } = await env.api.call("CreateServiceMesh", {
      RegionId: DEFAULT_REGION, VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Name: "made-elsewhere",
    }));
    await pulumiImport("asm:index:ServiceMesh", "imported", meshId);
    const mesh = await imported("asm:index:ServiceMesh");
    expect(mesh.id).toBe(meshId);
    expect(mesh.inputs).toEqual(expect.objectContaining({ name: "made-elsewhere", network: expect.objectContaining({ vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] }) }));
    expect(mesh.outputs).toEqual(expect.objectContaining({ state: "running" }));
  });

  it("imports a cluster attachment made directly in the emulator by its <meshId>:<clusterId> id", async () => {
    await env.api.call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: CLUSTER });
    // The add is asynchronous: the cluster is listed once the mesh has taken it in.
    for (let i = 0; i < 100 && !(await attached(meshId)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await attached(meshId)).toBe(true);
    await pulumiImport("asm:index:ClusterAttachment", "attached", `${meshId}:${CLUSTER}`);
    expect((await imported("asm:index:ClusterAttachment")).inputs).toEqual(expect.objectContaining({ meshId, clusterId: CLUSTER }));
  });

  it("imports an ingress gateway and a route on it, made directly in the emulator, by their ids", async () => {
    // As the console writes one: the service type is always in the spec.
    const spec = { gatewayType: "ingress", serviceType: "LoadBalancer", clusterIds: [CLUSTER] };
    const body = { apiVersion: "istio.alibabacloud.com/v1beta1", kind: "IstioGateway", metadata: { name: GATEWAY, namespace: "istio-system" }, spec };
    await env.api.call("CreateASMGateway", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, Body: JSON.stringify(body) });
    const route = { RouteName: "reviews", Namespace: "shop", Domains: ["demo.example.com"], RouteDestinations: [{ Destination: { Host: "reviews.shop.svc.cluster.local" } }] };
    await env.api.call("CreateIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, GatewayRoute: JSON.stringify(route) });
    await pulumiImport("asm:index:ASMGateway", "gateway", `${meshId}:istio-system:${GATEWAY}`);
    expect((await imported("asm:index:ASMGateway")).inputs).toEqual(expect.objectContaining({ meshId, namespace: "istio-system", name: GATEWAY, gatewayType: "ingress" }));
    await pulumiImport("asm:index:GatewayRoute", "route", `${meshId}:${GATEWAY}:reviews`);
    expect((await imported("asm:index:GatewayRoute")).inputs).toEqual(expect.objectContaining({ meshId, gatewayName: GATEWAY, routeName: "reviews", domains: ["demo.example.com"] }));
  });

  it("imports a gateway secret by its id, warning that cert and key must be declared: the API never returns key material", async () => {
    const [cert, key] = [tlsFixture("leaf-b.crt"), tlsFixture("leaf-b.key")];
    await env.api.call("CreateGatewaySecret", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, SecretName: "tls", Cert: cert, Key: key });
    const r = await importCommand("asm:index:GatewaySecret", "tls", `${meshId}:${GATEWAY}:tls`);
    expect(r.stdout).toContain("failed to validate");
    expect(r.stdout).toMatch(/property cert value .* has a problem: required/);
    expect(r.stdout).toMatch(/property key value .* has a problem: required/);
    expect((await imported("asm:index:GatewaySecret")).inputs).toEqual(expect.objectContaining({ meshId, gatewayName: GATEWAY, secretName: "tls" }));
    expect(env.stack.backendText()).not.toContain(key.split("\n")[1]);
    // Out of the program again: a program without cert and key could not declare it.
    await env.stack.run(["state", "unprotect", (await imported("asm:index:GatewaySecret")).urn, "--yes"]);
    await env.stack.run(["state", "delete", (await imported("asm:index:GatewaySecret")).urn, "--yes"]);
  });

  it("previews with no changes once the program declares the imported resources with those inputs", async () => {
    await declareImported([
      ["asm:index:ServiceMesh", "imported"], ["asm:index:ClusterAttachment", "attached"], ["asm:index:ASMGateway", "gateway"], ["asm:index:GatewayRoute", "route"],
    ]);
    expect((await env.stack.preview(["--expect-no-changes"])).code).toBe(0);
  });
});

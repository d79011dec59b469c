// A create the engine forgot (an `up` killed or cancelled while the create was in flight) is sent again by
// the next `up` with the same inputs, the same owner key (the resource's URN, `__owner`) and no state. Per
// kind: the repeat finds the object the first create made instead of making a second one, and an object
// that is not this resource's is still refused or left alone (framework/ownership.ts).
import type * as pulumi from "@pulumi/pulumi";
import { AsmClient } from "../../provider/api";
import { OWNER_LABEL, OWNER_TAG, ownerMark } from "../../provider/framework";
import { istioGatewayApi } from "../../provider/kube";
import { Props } from "../../provider/schema";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";
import { meshInputs } from "./helpers/fixtures";
import { ingressGateway, PRIMARY, rawClient, runningMesh } from "./helpers/gatewayStack";
import { startHarness, type Harness } from "./helpers/providerHarness";

let h: Harness;
let client: AsmClient;
const urn = (kind: string, name: string) => `urn:pulumi:dev::interrupted::pulumi-nodejs:dynamic/asm:${kind}::${name}`;

beforeAll(async () => {
  h = await startHarness();
  client = rawClient(h.emulator);
});
afterAll(() => h.stop());

async function checked(p: pulumi.dynamic.ResourceProvider, news: Props, olds: Props = {}): Promise<Props> {
  const r = await p.check!(olds, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

async function meshTags(id: string): Promise<Record<string, string>> {
  const res = await client.call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id] });
  return Object.fromEntries((res.TagResources ?? []).map((r) => [r.TagKey, r.TagValue ?? ""]));
}

describe("ServiceMesh create forgotten by the engine", () => {
  let mesh: pulumi.dynamic.ResourceProvider;
  beforeAll(() => {
    mesh = h.provider("ServiceMesh");
  });
  beforeEach(() => h.reset());

  it("a create repeated with the same owner key finds the first mesh instead of creating a second", async () => {
    const owner = urn("ServiceMesh", "prod");
    const inputs = await checked(mesh, { ...meshInputs({ tags: { team: "a" } }), __owner: owner });
    const first = await mesh.create(inputs);
    const again = await mesh.create(await checked(mesh, { ...meshInputs({ name: inputs.name, tags: { team: "a" } }), __owner: owner }));
    expect(again.id).toBe(first.id);
    expect(h.emulator.control.counts().CreateServiceMesh).toBe(1);
    expect((await client.call("DescribeServiceMeshes", {})).ServiceMeshes).toHaveLength(1);
    expect(await meshTags(first.id)).toEqual({ team: "a", [OWNER_TAG]: ownerMark(owner) });
  });

  it("finds a mesh that is still being created and waits for it", async () => {
    const owner = urn("ServiceMesh", "slow");
    h.emulator.control.setTransitions("ServiceMesh:create", { afterReads: 6 });
    const inputs = await checked(mesh, { ...meshInputs(), __owner: owner });
    const { ServiceMeshId } = await client.call("CreateServiceMesh", { ...toRaw(inputs), Tag: [{ Key: OWNER_TAG, Value: ownerMark(owner) }] });
    const { id, outs } = await mesh.create(inputs);
    expect(id).toBe(ServiceMeshId);
    expect(outs).toMatchObject({ state: "running" });
    expect(h.emulator.control.counts().CreateServiceMesh).toBe(1);
  });

  it("keeps the owner tag out of the declared tags and through a tag update", async () => {
    const owner = urn("ServiceMesh", "tagged");
    const inputs = await checked(mesh, { ...meshInputs({ tags: { team: "a" } }), __owner: owner });
    const { id, outs } = await mesh.create(inputs);
    const read = await mesh.read!(id, outs as Props);
    expect(read.inputs?.tags).toEqual({ team: "a" });
    expect((await mesh.diff!(id, read.props, inputs)).changes).toBe(false);
    const news = await checked(mesh, { ...inputs, tags: {} }, inputs);
    const updated = (await mesh.update!(id, read.props, news)).outs as Props;
    expect(await meshTags(id)).toEqual({ [OWNER_TAG]: ownerMark(owner) });
    expect((await mesh.read!(id, updated)).inputs?.tags).toEqual({});
  });

  it("does not take a mesh of another owner or one with other create-only settings (a replacement's old mesh)", async () => {
    const owner = urn("ServiceMesh", "replaced");
    const first = await mesh.create(await checked(mesh, { ...meshInputs({ edition: "Pro" }), __owner: owner }));
    const other = await mesh.create(await checked(mesh, { ...meshInputs(), __owner: urn("ServiceMesh", "someone-else") }));
    const replacement = await mesh.create(await checked(mesh, { ...meshInputs({ edition: "Default" }), __owner: owner }));
    expect(new Set([first.id, other.id, replacement.id]).size).toBe(3);
    expect(h.emulator.control.counts().CreateServiceMesh).toBe(3);
  });

  it("after a check that saw the resource in state, create makes a new mesh (a --replace never takes its old mesh)", async () => {
    const owner = urn("ServiceMesh", "in-state");
    const fresh = await checked(mesh, { ...meshInputs(), __owner: owner });
    expect(fresh.__owner).toBe(owner);
    const first = await mesh.create(fresh);
    const inState = await checked(mesh, { ...meshInputs({ name: fresh.name }), __owner: owner }, fresh);
    const replacement = await mesh.create(inState);
    expect(replacement.id).not.toBe(first.id);
    expect(h.emulator.control.counts().CreateServiceMesh).toBe(2);
  });

  it("keeps the owner key through a refresh (read returns it in inputs and outputs) and an update", async () => {
    const owner = urn("ServiceMesh", "refreshed");
    const inputs = await checked(mesh, { ...meshInputs(), __owner: owner });
    const { id, outs } = await mesh.create(inputs);
    expect((outs as Props).__owner).toBe(owner);
    const read = await mesh.read!(id, outs as Props);
    expect({ inputs: read.inputs?.__owner, props: (read.props as Props).__owner }).toEqual({ inputs: owner, props: owner });
    const news = await checked(mesh, { ...inputs, tags: { team: "b" } }, read.inputs as Props);
    expect(((await mesh.update!(id, read.props, news)).outs as Props).__owner).toBe(owner);
  });

  it("keeps the recorded owner key in the inputs of a resource in state, so no update previews a change of it", async () => {
    const owner = urn("ServiceMesh", "recorded");
    const fresh = await checked(mesh, { ...meshInputs(), __owner: owner });
    expect((await checked(mesh, { ...fresh, __owner: owner }, fresh)).__owner).toBe(owner);
    // A state from before owner keys has none, and an existing resource does not gain one.
    const { __owner: _none, ...legacy } = fresh;
    expect((await checked(mesh, { ...fresh, __owner: owner }, legacy)).__owner).toBeUndefined();
  });
});

/** The create request a check's inputs turn into, for an out-of-band create with the same settings. */
function toRaw(inputs: Props): { RegionId: string; Name: string; VpcId: string; VSwitches: string } {
  const network = inputs.network as { vpcId: string; vSwitchIds: string[] };
  return { RegionId: "cn-hangzhou", Name: String(inputs.name), VpcId: network.vpcId, VSwitches: JSON.stringify(network.vSwitchIds) };
}

describe("ClusterAttachment create forgotten by the engine", () => {
  // Found by the explorer (seed 1201, step 40: SIGKILL right after AddClusterIntoServiceMesh, then up).
  it("a repeated create finds the cluster it attached by its mesh tag, and a cluster attached by anyone else still needs adopt", async () => {
    h.reset();
    const attachments = h.provider("ClusterAttachment");
    const meshId = await runningMesh(client, []);
    const args = (clusterId: string, name: string): Props => ({ meshId, clusterId, __owner: urn("ClusterAttachment", name) });
    const first = await attachments.create(await checked(attachments, args(PRIMARY, "primary")));
    const again = await attachments.create(await checked(attachments, args(PRIMARY, "primary")));
    expect(again.id).toBe(first.id);
    expect(h.emulator.control.requests().filter((r) => r.action === "AddClusterIntoServiceMesh" && r.status === 200)).toHaveLength(1);
    // The mark is no user tag, and the detach takes it away.
    const mesh = h.provider("ServiceMesh");
    expect((await mesh.read!(meshId, {})).inputs?.tags ?? {}).toEqual({});
    await attachments.delete!(first.id, first.outs);
    expect(Object.keys(await meshTags(meshId)).filter((k) => k.startsWith("asm-pulumi:"))).toEqual([]);
    await client.call("AddClusterIntoServiceMesh", { ServiceMeshId: meshId, ClusterId: PRIMARY });
    await expect(attachments.create(await checked(attachments, args(PRIMARY, "primary")))).rejects.toThrow(/already attached.*set adopt: true/);
  });
});

describe("gateway family creates forgotten by the engine", () => {
  let meshId: string;
  const GATEWAY = "ingressgateway";
  beforeAll(async () => {
    h.reset();
    meshId = await runningMesh(client);
    await ingressGateway(client, meshId, GATEWAY);
  });
  beforeEach(() => h.emulator.control.clearRequests());

  it("ASMGateway: a repeated create finds the gateway it labelled, and still refuses one it did not make", async () => {
    const gw = h.provider("ASMGateway");
    const owner = urn("ASMGateway", "edge");
    const args = { meshId, name: "edge", clusterIds: [PRIMARY], replicaCount: 2 };
    const first = await gw.create(await checked(gw, { ...args, __owner: owner }));
    const again = await gw.create(await checked(gw, { ...args, __owner: owner }));
    expect(again.id).toBe(first.id);
    expect(h.emulator.control.counts().CreateASMGateway).toBe(1);
    const { Kubeconfig } = await client.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId });
    const live = await istioGatewayApi(Kubeconfig!).get("istio-system", "edge");
    expect(live?.metadata.labels).toMatchObject({ [OWNER_LABEL]: ownerMark(owner) });
    await expect(gw.create(await checked(gw, { ...args, __owner: urn("ASMGateway", "other") }))).rejects.toThrow(/already exists.*adopt: true/s);
    await expect(gw.create(await checked(gw, { meshId, name: GATEWAY, clusterIds: [PRIMARY], __owner: owner }))).rejects.toThrow(/adopt: true/);
  });

  it("GatewaySecret: namePrefix gives '<prefix>-<suffix>' derived from the owner and certificate, so a repeat finds the secret", async () => {
    const secret = h.provider("GatewaySecret");
    const owner = urn("GatewaySecret", "shop-tls");
    const args = { meshId, gatewayName: GATEWAY, namePrefix: "shop-tls", cert: tlsFixture("leaf-a.crt"), key: tlsFixture("leaf-a.key"), __owner: owner };
    const inputs = await checked(secret, args);
    expect(inputs.secretName).toMatch(/^shop-tls-[0-9a-f]{8}$/);
    const first = await secret.create(inputs);
    const again = await secret.create(await checked(secret, args));
    expect(again.id).toBe(first.id);
    const res = await client.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect((res.GatewaySecretDetails ?? []).filter((d) => d.SecretName?.startsWith("shop-tls"))).toHaveLength(1);
    const rotated = await checked(secret, { ...args, cert: tlsFixture("leaf-b.crt"), key: tlsFixture("leaf-b.key") });
    expect(rotated.secretName).not.toBe(inputs.secretName);
    const otherOwner = await checked(secret, { ...args, __owner: urn("GatewaySecret", "other") });
    expect(otherOwner.secretName).not.toBe(inputs.secretName);
  });

  it("GatewaySecret: a prefix that ends in '-' or '.' gets no second separator, and an existing state keeps its name", async () => {
    const secret = h.provider("GatewaySecret");
    const args = { meshId, gatewayName: GATEWAY, namePrefix: "demo-tls-", cert: tlsFixture("leaf-a.crt"), key: tlsFixture("leaf-a.key"), __owner: urn("GatewaySecret", "demo") };
    expect((await checked(secret, args)).secretName).toMatch(/^demo-tls-[0-9a-f]{8}$/);
    const old = { ...args, secretName: "demo-tls-3f9a01c2" };
    expect((await checked(secret, args, old)).secretName).toBe("demo-tls-3f9a01c2");
  });

  it("GatewaySecret with a fixed name: a repeated create finds the secret holding the declared certificate, and refuses one holding another", async () => {
    // Found by the explorer (seed 1201, step 21: the full stack created, SIGKILL after 4 writes, then up).
    const secret = h.provider("GatewaySecret");
    const args = (name: string, leaf: "a" | "b"): Props => ({
      meshId, gatewayName: GATEWAY, secretName: name, cert: tlsFixture(`leaf-${leaf}.crt`), key: tlsFixture(`leaf-${leaf}.key`), __owner: urn("GatewaySecret", name),
    });
    const first = await secret.create(await checked(secret, args("fixed-tls", "a")));
    const again = await secret.create(await checked(secret, args("fixed-tls", "a")));
    expect(again.id).toBe(first.id);
    const res = await client.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect((res.GatewaySecretDetails ?? []).filter((d) => d.SecretName === "fixed-tls")).toHaveLength(1);
    await expect(secret.create(await checked(secret, args("fixed-tls", "b")))).rejects.toThrow(/already exists.*adopt: true/s);
  });

  it("GatewayRoute: a repeated create takes the route of that name when it matches the declared spec, and refuses one that differs", async () => {
    const route = h.provider("GatewayRoute");
    const args = (routeName: string, host: string): Props => ({
      meshId, gatewayName: GATEWAY, routeName, domains: ["shop.example.com"], match: { uri: { mode: "prefix", value: "/" } },
      destinations: [{ host, port: 8080 }], __owner: urn("GatewayRoute", routeName),
    });
    const first = await route.create(await checked(route, args("shop", "shop.default.svc.cluster.local")));
    const again = await route.create(await checked(route, args("shop", "shop.default.svc.cluster.local")));
    expect(again.id).toBe(first.id);
    const listed = await client.call("DescribeIstioGatewayRoutes", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY });
    expect((listed.ManagementRoutes ?? []).filter((r) => r.RouteName === "shop")).toHaveLength(1);
    await expect(route.create(await checked(route, args("shop", "other.default.svc.cluster.local")))).rejects.toThrow(/already exists.*differs.*adopt: true/s);
  });
});

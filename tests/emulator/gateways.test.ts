import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { type EmulatorHandle } from "../../emulator";
import { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, runningMesh, SECONDARY, useEmulator } from "./fixtures";

const G = "istio.alibabacloud.com";
const V = "v1beta1";
const NS = "istio-system";
const P = "istiogateways";

type KubeObject = { metadata: Record<string, unknown>; spec: Record<string, unknown> };

async function kubeStatus(promise: Promise<unknown>): Promise<{ statusCode?: number; body?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (e) {
    return e as { statusCode?: number; body?: Record<string, unknown> };
  }
  throw new Error("the Kubernetes call succeeded but an error was expected");
}

describe("ASMGateway actions and the mesh's Kubernetes API", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  useEmulator((e, client) => {
    emu = e;
    c = client;
  });

  async function kubeFor(meshId: string): Promise<CustomObjectsApi> {
    const kc = new KubeConfig();
    kc.loadFromString((await c.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId })).Kubeconfig as string);
    return kc.makeApiClient(CustomObjectsApi);
  }

  it("creates a gateway from a JSON Body and serves it as an IstioGateway object", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", Body: gatewayBody("ingressgateway", [PRIMARY]) });
    const kube = await kubeFor(id);
    const { body } = await kube.getNamespacedCustomObject(G, V, NS, P, "ingressgateway");
    const obj = body as KubeObject & { kind: string; apiVersion: string };
    expect(obj.kind).toBe("IstioGateway");
    expect(obj.apiVersion).toBe(`${G}/${V}`);
    expect(obj.metadata).toMatchObject({ name: "ingressgateway", namespace: NS, generation: 1, uid: expect.any(String), resourceVersion: expect.any(String), creationTimestamp: expect.any(String) });
    expect(obj.spec).toMatchObject({ clusterIds: [PRIMARY], replicaCount: 1 });
  });

  it("accepts a YAML Body and replaces the spec on UpdateASMGateway, bumping generation", async () => {
    const id = await runningMesh(c, [PRIMARY, SECONDARY]);
    const yaml = `apiVersion: ${G}/${V}\nkind: IstioGateway\nmetadata:\n  name: gw\nspec:\n  clusterIds: ["${PRIMARY}"]\n  ports:\n    - {name: http, port: 80}\n`;
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: yaml });
    await c.call("UpdateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY, SECONDARY], { replicaCount: 3 }) });
    const { body } = await (await kubeFor(id)).getNamespacedCustomObject(G, V, NS, P, "gw");
    const obj = body as KubeObject;
    expect(obj.metadata.generation).toBe(2);
    expect(obj.spec).toMatchObject({ clusterIds: [PRIMARY, SECONDARY], replicaCount: 3 });
  });

  it.each([
    ["Body is not JSON or YAML", "{not: [valid", "Body"],
    ["kind is wrong", JSON.stringify({ apiVersion: `${G}/${V}`, kind: "Gateway", spec: {} }), "Body.kind"],
    ["a cluster is not in the mesh", gatewayBody("gw", ["cnotinmesh"]), "Body.spec.clusterIds[0]"],
    ["a port is out of range", gatewayBody("gw", [PRIMARY], { ports: [{ name: "x", port: 70000 }] }), "Body.spec.ports[0].port"],
    ["metadata.name differs", gatewayBody("other", [PRIMARY]), "Body.metadata.name"],
  ])("rejects a Body where %s, naming the field", async (_name, body, field) => {
    const id = await runningMesh(c, [PRIMARY]);
    const e = await c.fail("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: body });
    expect([e.code, e.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(e.message).toContain(`"${field}"`);
  });

  it("refuses a duplicate gateway and an update of a missing one", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    const dup = await c.fail("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    expect([dup.code, dup.statusCode]).toEqual(["Conflict.AlreadyExists", 409]);
    const missing = await c.fail("UpdateASMGateway", { ServiceMeshId: id, IstioGatewayName: "nope", Body: gatewayBody("nope", [PRIMARY]) });
    expect([missing.code, missing.statusCode]).toEqual(["IstioGateway.NotFound", 404]);
  });

  it("lists gateways per namespace", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "a", Body: gatewayBody("a", [PRIMARY]) });
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "b", Body: gatewayBody("b", [PRIMARY]) });
    const { body } = await (await kubeFor(id)).listNamespacedCustomObject(G, V, NS, P);
    const list = body as { kind: string; items: KubeObject[] };
    expect(list.kind).toBe("IstioGatewayList");
    expect(list.items.map((i) => i.metadata.name).sort()).toEqual(["a", "b"]);
    const other = (await (await kubeFor(id)).listNamespacedCustomObject(G, V, "default", P)).body as { items: unknown[] };
    expect(other.items).toEqual([]);
  });

  it("deletes through Kubernetes: the object lingers with deletionTimestamp for one read, then 404 NotFound", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    const kube = await kubeFor(id);
    const deleted = (await kube.deleteNamespacedCustomObject(G, V, NS, P, "gw")).body as KubeObject;
    expect(deleted.metadata.deletionTimestamp).toEqual(expect.any(String));
    const lingering = (await kube.getNamespacedCustomObject(G, V, NS, P, "gw")).body as KubeObject;
    expect(lingering.metadata.deletionTimestamp).toEqual(expect.any(String));
    const gone = await kubeStatus(kube.getNamespacedCustomObject(G, V, NS, P, "gw"));
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404 });
    const again = await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    expect(again.RequestId).toEqual(expect.any(String));
  });

  it("answers 401 to a token of another mesh", async () => {
    const a = await runningMesh(c);
    const b = await runningMesh(c);
    const kc = new KubeConfig();
    const kubeconfigB = (await c.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: b })).Kubeconfig as string;
    kc.loadFromString(kubeconfigB.replace(`/k8s/${b}`, `/k8s/${a}`));
    const res = await kubeStatus(kc.makeApiClient(CustomObjectsApi).listNamespacedCustomObject(G, V, NS, P));
    expect(res.statusCode).toBe(401);
    expect(res.body).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
  });

  it("refuses CreateASMGateway while the mesh is updating", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("UpdateMeshFeature", { ServiceMeshId: id, Tracing: true });
    const e = await c.fail("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    expect([e.code, e.statusCode]).toEqual(["Conflict.MeshNotRunning", 409]);
  });

  it("shows an out-of-band spec patch to Kubernetes readers (drift)", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    emu.control.mutate.patchGatewaySpec(id, NS, "gw", { replicaCount: 5 });
    const obj = (await (await kubeFor(id)).getNamespacedCustomObject(G, V, NS, P, "gw")).body as KubeObject;
    expect(obj.spec.replicaCount).toBe(5);
    expect(obj.metadata.generation).toBe(2);
  });

  it("stores the spec as sent unless gateway defaults are on, then fills the documented defaults the Body leaves out", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    const spec = async (name: string, mesh = id) => ((await (await kubeFor(mesh)).getNamespacedCustomObject(G, V, NS, P, name)).body as KubeObject).spec;
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "plain", Body: gatewayBody("plain", [PRIMARY]) });
    expect(await spec("plain")).not.toHaveProperty("externalTrafficPolicy");

    emu.control.setGatewayDefaults(true);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY], { replicaCount: 3 }) });
    expect(await spec("gw")).toMatchObject({ externalTrafficPolicy: "Cluster", replicaCount: 3 });
    const withoutCount = JSON.parse(gatewayBody("gw", [PRIMARY], { externalTrafficPolicy: "Local" })) as { spec: Record<string, unknown> };
    delete withoutCount.spec.replicaCount;
    await c.call("UpdateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: JSON.stringify(withoutCount) });
    expect(await spec("gw")).toMatchObject({ externalTrafficPolicy: "Local", replicaCount: 1 });

    emu.control.reset();
    const id2 = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id2, IstioGatewayName: "after-reset", Body: gatewayBody("after-reset", [PRIMARY]) });
    expect(await spec("after-reset", id2)).not.toHaveProperty("externalTrafficPolicy");
  });

  it("logs every Kubernetes request with its status apart from the OpenAPI log, and clears both together", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    const kube = await kubeFor(id);
    emu.control.clearRequests();
    await kube.getNamespacedCustomObject(G, V, NS, P, "gw");
    await kube.listNamespacedCustomObject(G, V, NS, P);
    expect((await kubeStatus(kube.getNamespacedCustomObject(G, V, NS, P, "missing"))).statusCode).toBe(404);
    await kube.deleteNamespacedCustomObject(G, V, NS, P, "gw");
    expect(emu.control.kubeRequests().map((e) => [e.action, e.status, e.meshId])).toEqual([
      ["get istiogateways", 200, id], ["list istiogateways", 200, id], ["get istiogateways", 404, id], ["delete istiogateways", 200, id],
    ]);
    expect(emu.control.kubeCounts()).toEqual({ "get istiogateways": 2, "list istiogateways": 1, "delete istiogateways": 1 });
    expect(emu.control.requests()).toEqual([]);
    emu.control.clearRequests();
    expect(emu.control.kubeRequests()).toEqual([]);
  });

  it("answers fault rules on the Kubernetes API with the API server's Status: 429, 5xx, a lost delete that still applies, a drop", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    const kube = await kubeFor(id);
    emu.control.clearRequests();
    emu.control.addFault({ match: { kind: "Kubernetes", action: "get istiogateways" }, effect: { type: "throttle" }, times: 1 });
    emu.control.addFault({ match: { kind: "Kubernetes", action: "list istiogateways" }, effect: { type: "serverError", httpStatus: 503 }, times: 1 });
    emu.control.addFault({ match: { action: "delete istiogateways" }, effect: { type: "lostResponse" }, times: 1 });
    const throttled = await kubeStatus(kube.getNamespacedCustomObject(G, V, NS, P, "gw"));
    expect([throttled.statusCode, throttled.body?.reason]).toEqual([429, "TooManyRequests"]);
    const unavailable = await kubeStatus(kube.listNamespacedCustomObject(G, V, NS, P));
    expect([unavailable.statusCode, unavailable.body?.reason]).toEqual([503, "ServiceUnavailable"]);
    await expect(kube.deleteNamespacedCustomObject(G, V, NS, P, "gw")).rejects.toThrow();
    const lingering = (await kube.getNamespacedCustomObject(G, V, NS, P, "gw")).body as KubeObject;
    expect(lingering.metadata.deletionTimestamp).toBeDefined();

    emu.control.addFault({ match: { kind: "Kubernetes" }, effect: { type: "drop" }, times: 1 });
    await expect(kube.getNamespacedCustomObject(G, V, NS, P, "gw")).rejects.toThrow();
    // An OpenAPI-only rule never touches the Kubernetes API.
    emu.control.addFault({ match: { kind: "ASMGateway" }, effect: { type: "throttle" } });
    await kube.listNamespacedCustomObject(G, V, NS, P);
    expect(emu.control.kubeRequests().map((e) => [e.action, e.status, e.code])).toEqual([
      ["get istiogateways", 429, "TooManyRequests"], ["list istiogateways", 503, "ServiceUnavailable"],
      ["delete istiogateways", 0, "ResponseLost"], ["get istiogateways", 200, undefined],
      ["get istiogateways", 0, "DroppedConnection"], ["list istiogateways", 200, undefined],
    ]);
  });

  it("filters a list by label selector", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    const labelled = `apiVersion: ${G}/${V}\nkind: IstioGateway\nmetadata:\n  name: edge\n  labels: {tier: edge}\nspec:\n  clusterIds: ["${PRIMARY}"]\n`;
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "edge", Body: labelled });
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "plain", Body: gatewayBody("plain", [PRIMARY]) });
    const kube = await kubeFor(id);
    const { body } = await kube.listNamespacedCustomObject(G, V, NS, P, undefined, undefined, undefined, undefined, "tier=edge");
    expect((body as { items: KubeObject[] }).items.map((i) => i.metadata.name)).toEqual(["edge"]);
  });

  it("reports each gateway in DescribeServiceMeshUpgradeStatus while the mesh upgrades", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    await c.call("UpgradeMeshVersion", { ServiceMeshId: id });
    const detail = (await c.call("DescribeServiceMeshUpgradeStatus", { ServiceMeshId: id, AllIstioGatewayFullNames: `${NS}:gw` })).UpgradeDetail;
    expect(detail).toEqual({
      MeshStatus: "upgrading", TotalGatewaysNum: 1, FinishedGatewaysNum: 0,
      GatewayStatusRecord: { gw: { Status: "upgrading", Message: "", Version: expect.any(String) } },
    });
  });
});

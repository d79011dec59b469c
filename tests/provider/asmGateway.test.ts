// ASMGateway's provider against the in-process emulator: create/read/update/delete through
// CreateASMGateway/UpdateASMGateway and the mesh's Kubernetes API, drift, adoption, a busy mesh.
import type * as pulumi from "@pulumi/pulumi";
import { AsmClient } from "../../provider/api";
import { isResourceInitError, MESH_POLICY } from "../../provider/framework";
import { FINAL_CALL_MS } from "../../provider/waiter";
import { Props } from "../../provider/schema";
import { liveGatewaySpec, PRIMARY, rawClient, runningMesh } from "./helpers/gatewayStack";
import { startHarness, type Harness } from "./helpers/providerHarness";

let h: Harness;
let client: AsmClient;
let meshId: string;
let provider: pulumi.dynamic.ResourceProvider;
const CLUSTER = PRIMARY;

const liveSpec = (name: string) => liveGatewaySpec(client, meshId, name);

async function checked(news: Props): Promise<Props> {
  const r = await provider.check!({}, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

const args = (name: string): Props => ({
  meshId,
  name,
  clusterIds: [CLUSTER],
  ports: [{ name: "http-0", port: 80, targetPort: 80, protocol: "TCP" }],
  replicaCount: 2,
  serviceAnnotations: { "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec": "slb.s1.small" },
});

beforeAll(async () => {
  h = await startHarness();
  client = rawClient(h.emulator);
  provider = h.provider("ASMGateway");
  meshId = await runningMesh(client);
});
afterAll(() => h.stop());
beforeEach(() => {
  h.emulator.control.clearFaults();
  h.emulator.control.clearRequests();
});

describe("ASMGateway provider", () => {
  it("creates the IstioGateway with the declared spec and an id of mesh:namespace:name", async () => {
    const inputs = await checked(args("gw-create"));
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe(`${meshId}:istio-system:gw-create`);
    expect(outs).toMatchObject({ fullName: "istio-system:gw-create", replicaCount: 2 });
    expect(await liveSpec("gw-create")).toEqual({
      gatewayType: "ingress",
      clusterIds: [CLUSTER],
      ports: [{ name: "http-0", port: 80, targetPort: 80, protocol: "TCP" }],
      serviceType: "LoadBalancer",
      serviceAnnotations: { "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec": "slb.s1.small" },
      replicaCount: 2,
    });
  });

  it("reads back exactly the declared inputs, so a refresh without drift previews no change", async () => {
    const inputs = await checked({ ...args("gw-read"), extraSpec: { rollingMaxSurge: "100%" } });
    const { id, outs } = await provider.create(inputs);
    const read = await provider.read!(id, outs);
    expect(read.inputs).toEqual(inputs);
    expect((await provider.diff!(id, read.props, inputs)).changes).toBe(false);
  });

  it("reads a gateway another client wrote without gatewayType and serviceType at their documented defaults, so the checked program is no change", async () => {
    const body = { apiVersion: "istio.alibabacloud.com/v1beta1", kind: "IstioGateway", metadata: { name: "gw-bare", namespace: "istio-system" }, spec: { clusterIds: [CLUSTER] } };
    await client.call("CreateASMGateway", { ServiceMeshId: meshId, IstioGatewayName: "gw-bare", Body: JSON.stringify(body) });
    expect(await liveSpec("gw-bare")).not.toHaveProperty("serviceType");
    // What `pulumi import` asks: the id, no recorded props.
    const read = await provider.read!(`${meshId}:istio-system:gw-bare`, {});
    expect(read.inputs).toMatchObject({ gatewayType: "ingress", serviceType: "LoadBalancer", clusterIds: [CLUSTER] });
    const program = await checked({ meshId, name: "gw-bare", clusterIds: [CLUSTER] });
    expect((await provider.diff!(read.id!, read.props, program)).changes).toBe(false);
  });

  it("detects an out-of-band spec change on refresh and restores the declared spec on update", async () => {
    const inputs = await checked(args("gw-drift"));
    const { id, outs } = await provider.create(inputs);
    h.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", "gw-drift", { replicaCount: 7, hostNetwork: true });
    const read = await provider.read!(id, outs);
    expect(read.inputs).toMatchObject({ replicaCount: 7, extraSpec: { hostNetwork: true } });
    const diff = await provider.diff!(id, read.props, inputs);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    await provider.update!(id, read.props, inputs);
    expect(await liveSpec("gw-drift")).toMatchObject({ replicaCount: 2 });
    expect(await liveSpec("gw-drift")).not.toHaveProperty("hostNetwork");
  });

  describe("when the control plane fills in spec defaults", () => {
    beforeEach(() => h.emulator.control.setGatewayDefaults(true));
    afterEach(() => h.emulator.control.setGatewayDefaults(false));
    const withoutCount = (name: string): Props => {
      const { replicaCount: _dropped, ...rest } = args(name);
      return rest;
    };

    it("records the keys it filled in and leaves them out of refresh, so an undeclared default never shows as drift", async () => {
      const inputs = await checked(withoutCount("gw-defaults"));
      const { id, outs } = await provider.create(inputs);
      expect(outs.serverSpec).toEqual({ externalTrafficPolicy: "Cluster", replicaCount: 1 });
      expect(await liveSpec("gw-defaults")).toMatchObject({ externalTrafficPolicy: "Cluster", replicaCount: 1 });
      const read = await provider.read!(id, outs);
      expect(read.inputs).toEqual(inputs);
      expect(read.props).toMatchObject({ serverSpec: { externalTrafficPolicy: "Cluster", replicaCount: 1 } });
      expect((await provider.diff!(id, read.props!, inputs)).changes).toBe(false);
    });

    it("still shows a key added out of band and a declared key changed out of band", async () => {
      const inputs = await checked(args("gw-defaults-drift"));
      const { id, outs } = await provider.create(inputs);
      expect(outs.serverSpec).toEqual({ externalTrafficPolicy: "Cluster" });
      h.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", "gw-defaults-drift", { replicaCount: 4, hostNetwork: true });
      const read = await provider.read!(id, outs);
      expect(read.inputs).toMatchObject({ replicaCount: 4, extraSpec: { hostNetwork: true } });
      expect(read.inputs).not.toHaveProperty("extraSpec.externalTrafficPolicy");
      expect((await provider.diff!(id, read.props!, inputs)).changes).toBe(true);
    });

    it("hands a key the program stops declaring to the control plane, and takes one back once it is declared", async () => {
      const inputs = await checked(args("gw-defaults-update"));
      const { id, outs } = await provider.create(inputs);
      const dropped = await checked(withoutCount("gw-defaults-update"));
      const afterDrop = await provider.update!(id, outs, dropped);
      expect(afterDrop.outs?.serverSpec).toEqual({ externalTrafficPolicy: "Cluster", replicaCount: 1 });
      const read = await provider.read!(id, afterDrop.outs!);
      expect(read.inputs).toEqual(dropped);

      const declared = await checked({ ...withoutCount("gw-defaults-update"), extraSpec: { externalTrafficPolicy: "Local" } });
      const afterDeclare = await provider.update!(id, read.props!, declared);
      expect(afterDeclare.outs?.serverSpec).toEqual({ replicaCount: 1 });
      h.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", "gw-defaults-update", { externalTrafficPolicy: "Cluster" });
      const drifted = await provider.read!(id, afterDeclare.outs!);
      expect(drifted.inputs).toMatchObject({ extraSpec: { externalTrafficPolicy: "Cluster" } });
      expect((await provider.diff!(id, drifted.props!, declared)).changes).toBe(true);
    });

    it("shows a default the control plane filled in once it is changed out of band, and the next update hands it back", async () => {
      const inputs = await checked(withoutCount("gw-defaults-changed"));
      const { id, outs } = await provider.create(inputs);
      h.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", "gw-defaults-changed", { replicaCount: 5 });
      const read = await provider.read!(id, outs);
      expect(read.inputs).toEqual({ ...inputs, replicaCount: 5 });
      expect(read.inputs).not.toHaveProperty("extraSpec.externalTrafficPolicy");
      expect(read.props).toMatchObject({ serverSpec: { externalTrafficPolicy: "Cluster", replicaCount: 1 } });
      expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      const updated = await provider.update!(id, read.props!, inputs);
      expect(await liveSpec("gw-defaults-changed")).toMatchObject({ replicaCount: 1 });
      expect(updated.outs?.serverSpec).toEqual({ externalTrafficPolicy: "Cluster", replicaCount: 1 });
      expect((await provider.read!(id, updated.outs!)).inputs).toEqual(inputs);
    });

    /** A gateway created with the defaults filled in, and its state as a version that recorded no values would have it. */
    async function createdWithoutValues(name: string) {
      const inputs = await checked(withoutCount(name));
      const { id, outs } = await provider.create(inputs);
      const { serverSpec: _values, ...state } = outs;
      return { inputs, id, state };
    }

    it("shows every live key of a state recorded before the control plane's keys were, and records them on the next update", async () => {
      const { inputs, id, state: oldState } = await createdWithoutValues("gw-defaults-old");
      const read = await provider.read!(id, oldState);
      expect(read.inputs).toMatchObject({ replicaCount: 1, extraSpec: { externalTrafficPolicy: "Cluster" } });
      const updated = await provider.update!(id, read.props!, inputs);
      expect(updated.outs?.serverSpec).toEqual({ externalTrafficPolicy: "Cluster", replicaCount: 1 });
      expect((await provider.read!(id, updated.outs!)).inputs).toEqual(inputs);
    });

    it("keeps leaving out the keys a state recorded without their values, until the next write records the values", async () => {
      const { inputs, id, state } = await createdWithoutValues("gw-defaults-keys");
      const keysOnly = { ...state, serverSpecKeys: ["externalTrafficPolicy", "replicaCount"] };
      h.emulator.control.mutate.patchGatewaySpec(meshId, "istio-system", "gw-defaults-keys", { replicaCount: 3 });
      const read = await provider.read!(id, keysOnly);
      expect(read.inputs).toEqual(inputs);
      expect(read.props).toMatchObject({ serverSpec: {}, serverSpecKeys: ["externalTrafficPolicy", "replicaCount"] });
      const changed = await checked({ ...withoutCount("gw-defaults-keys"), maxReplicas: 6 });
      const updated = await provider.update!(id, read.props!, changed);
      expect(updated.outs).not.toHaveProperty("serverSpecKeys");
      expect(updated.outs?.serverSpec).toEqual({ externalTrafficPolicy: "Cluster", replicaCount: 1 });
    });
  });

  it("updates spec changes in place through UpdateASMGateway", async () => {
    const inputs = await checked(args("gw-update"));
    const { id, outs } = await provider.create(inputs);
    const news = await checked({ ...args("gw-update"), replicaCount: 3, maxReplicas: 5 });
    const diff = await provider.diff!(id, outs, news);
    expect(diff.replaces).toEqual([]);
    await provider.update!(id, outs, news);
    expect(h.emulator.control.counts()).toMatchObject({ UpdateASMGateway: 1 });
    expect(await liveSpec("gw-update")).toMatchObject({ replicaCount: 3, maxReplicas: 5 });
  });

  it("makes no API call when only timeouts change", async () => {
    const inputs = await checked(args("gw-noop"));
    const { id, outs } = await provider.create(inputs);
    h.emulator.control.clearRequests();
    await provider.update!(id, outs, { ...inputs, timeouts: { update: "2m" } });
    expect(h.emulator.control.requests()).toEqual([]);
    expect(h.emulator.control.kubeRequests()).toEqual([]);
  });

  it("deletes through the Kubernetes API and waits until the custom resource is gone", async () => {
    const inputs = await checked(args("gw-delete"));
    const { id, outs } = await provider.create(inputs);
    await provider.delete!(id, outs);
    expect(await liveSpec("gw-delete")).toBeUndefined();
    expect(await provider.read!(id, outs)).toEqual({ id: undefined, props: {} });
  });

  it("treats a gateway deleted out of band as already deleted", async () => {
    const inputs = await checked(args("gw-gone"));
    const { id, outs } = await provider.create(inputs);
    h.emulator.control.mutate.deleteGateway(meshId, "istio-system", "gw-gone");
    await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
  });

  it("refuses to create over an existing gateway, then adopts it with adopt: true", async () => {
    const inputs = await checked(args("gw-adopt"));
    await provider.create(inputs);
    await expect(provider.create(inputs)).rejects.toThrow(/already exists.*set adopt: true/);
    const adopted = await provider.create(await checked({ ...args("gw-adopt"), replicaCount: 4, adopt: true }));
    expect(adopted.id).toBe(`${meshId}:istio-system:gw-adopt`);
    expect(await liveSpec("gw-adopt")).toMatchObject({ replicaCount: 4 });
    expect(h.emulator.control.counts()).toMatchObject({ UpdateASMGateway: 1 });
  });

  it("fails adoption of a gateway that does not exist", async () => {
    await expect(provider.create(await checked({ ...args("gw-missing"), adopt: true }))).rejects.toThrow(
      `adopt: mesh ${meshId} has no IstioGateway istio-system/gw-missing; remove adopt to create it`,
    );
  });

  it("waits out a busy mesh instead of failing the create", async () => {
    h.emulator.control.addFault({ match: { action: "CreateASMGateway" }, effect: { type: "error", code: "Conflict.MeshNotRunning", httpStatus: 409 }, times: 2 });
    const { id } = await provider.create(await checked(args("gw-busy")));
    expect(id).toBe(`${meshId}:istio-system:gw-busy`);
    expect(h.emulator.control.counts().CreateASMGateway).toBe(3);
  });

  it("sends a write the busy mesh refused again only after the mesh's poll delay and a look at the mesh, not at once", async () => {
    // Long enough delays that a resend at once (a few ms) cannot pass for one sent on the schedule.
    const scale = 0.1;
    const saved = process.env.ASM_WAIT_SCALE;
    process.env.ASM_WAIT_SCALE = String(scale);
    try {
      h.emulator.control.addFault({ match: { action: "CreateASMGateway" }, effect: { type: "error", code: "Conflict.MeshNotRunning", httpStatus: 409 }, times: 1 });
      await provider.create(await checked(args("gw-busy-once")));
    } finally {
      process.env.ASM_WAIT_SCALE = saved;
    }
    const log = h.emulator.control.requests();
    const writes = log.filter((r) => r.action === "CreateASMGateway");
    expect(writes.map((r) => r.status)).toEqual([409, 200]);
    // The mesh's first delay, less its largest jitter (10%).
    expect(Date.parse(writes[1].time) - Date.parse(writes[0].time)).toBeGreaterThanOrEqual(Math.floor(MESH_POLICY.minMs * scale * 0.9));
    const between = log.slice(log.indexOf(writes[0]) + 1, log.indexOf(writes[1]));
    expect(between.map((r) => r.action)).toContain("DescribeServiceMeshDetail");
  });

  it("recognises a create whose response was lost as done, without creating twice", async () => {
    h.emulator.control.addFault({ match: { action: "CreateASMGateway" }, effect: { type: "lostResponse" }, times: 1 });
    const { id } = await provider.create(await checked(args("gw-lost")));
    expect(id).toBe(`${meshId}:istio-system:gw-lost`);
    expect(h.emulator.control.counts().CreateASMGateway).toBe(1);
  });

  it("sends a create again when live state shows the dropped request was never applied", async () => {
    h.emulator.control.addFault({ match: { action: "CreateASMGateway" }, effect: { type: "drop" }, times: 1 });
    const { id } = await provider.create(await checked(args("gw-dropped")));
    expect(id).toBe(`${meshId}:istio-system:gw-dropped`);
    expect(h.emulator.control.counts().CreateASMGateway).toBe(2);
    expect(await liveSpec("gw-dropped")).toBeDefined();
  });

  it("gives up on a create that keeps failing with a 5xx, leaving no gateway", async () => {
    h.emulator.control.addFault({ match: { action: "CreateASMGateway" }, effect: { type: "serverError", httpStatus: 500 } });
    await expect(provider.create(await checked(args("gw-failing")))).rejects.toThrow(/CreateASMGateway failed: InternalError/);
    h.emulator.control.clearFaults();
    expect(h.emulator.control.counts().CreateASMGateway).toBe(5);
    expect(await liveSpec("gw-failing")).toBeUndefined();
  });

  it("rides out throttling, 5xx answers and lost responses of the Kubernetes API on create, refresh and delete", async () => {
    const kubeFault = (action: string, effect: Parameters<typeof h.emulator.control.addFault>[0]["effect"], times: number) =>
      h.emulator.control.addFault({ match: { kind: "Kubernetes", action }, effect, times });
    const inputs = await checked(args("gw-kube-faults"));
    kubeFault("get istiogateways", { type: "throttle" }, 2);
    const { id, outs } = await provider.create(inputs);
    kubeFault("get istiogateways", { type: "serverError", httpStatus: 503 }, 2);
    const read = await provider.read!(id, outs);
    expect(read.inputs).toEqual(inputs);
    // The delete lands but its answer is lost; the first look at the terminating object is cut off too.
    kubeFault("delete istiogateways", { type: "lostResponse" }, 1);
    kubeFault("get istiogateways", { type: "drop" }, 1);
    await provider.delete!(id, outs);
    expect(await liveSpec("gw-kube-faults")).toBeUndefined();
    const faulted = h.emulator.control.kubeRequests().map((e) => e.code).filter((c) => c !== undefined && c !== "NotFound");
    expect(faulted).toEqual(["TooManyRequests", "TooManyRequests", "ServiceUnavailable", "ServiceUnavailable", "ResponseLost", "DroppedConnection"]);
  });

  it("cuts a Kubernetes read the API server holds to the create's deadline, not its own 30 s, keeping the gateway in state", async () => {
    const HELD_MS = FINAL_CALL_MS + 4_000;
    h.emulator.control.addFault({ match: { kind: "Kubernetes", action: "get istiogateways" }, effect: { type: "latency", ms: HELD_MS } });
    const started = Date.now();
    const err: unknown = await provider.create(await checked({ ...args("gw-held"), timeouts: { create: "1s" } })).then(() => undefined, (e: unknown) => e);
    const elapsedMs = Date.now() - started;
    h.emulator.control.clearFaults();
    expect(isResourceInitError(err) && err.id).toBe(`${meshId}:istio-system:gw-held`);
    expect(String((err as Error).message)).toMatch(/timed out after [0-9]+s waiting for IstioGateway istio-system\/gw-held to show the declared spec; last seen: unreachable/);
    expect(elapsedMs).toBeLessThan(HELD_MS - 1_000);
    // Let the emulator answer the read it holds before the next test changes its state.
    await new Promise((r) => setTimeout(r, Math.max(0, started + HELD_MS + 200 - Date.now())));
    expect(await liveSpec("gw-held")).toMatchObject({ replicaCount: 2 });
  });

  it("reports an emulator-side validation error with the field path", async () => {
    await expect(provider.create(await checked({ ...args("gw-bad"), clusterIds: ["c-not-attached"] }))).rejects.toThrow(/spec\.clusterIds\[0\]/);
  });
});

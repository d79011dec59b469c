import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type EmulatorHandle } from "../../emulator";
import { parseArgs } from "../../emulator/cli";
import { AsmTestClient } from "./client";
import { acs3 } from "./rawRpc";
import { gatewayBody, PRIMARY, readUntil, runningMesh, useEmulator } from "./fixtures";

describe("control API over HTTP", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  useEmulator((e, client) => {
    emu = e;
    c = client;
  });

  const ctl = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/_emulator/${route}`, {
      method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it("dumps state and resets it", async () => {
    const id = await runningMesh(c);
    const dump = (await ctl("GET", "state")).body as { meshes: Record<string, unknown>; clusters: Record<string, unknown> };
    expect(Object.keys(dump.meshes)).toEqual([id]);
    expect(Object.keys(dump.clusters)).toContain(PRIMARY);
    expect((await ctl("POST", "reset")).status).toBe(200);
    expect(((await ctl("GET", "state")).body as { meshes: object }).meshes).toEqual({});
  });

  it("adds, lists and removes faults", async () => {
    const added = (await ctl("POST", "faults", { match: { action: "DescribeVersions" }, effect: { type: "throttle" } })).body as { id: string };
    expect((await c.fail("DescribeVersions")).code).toBe("Throttling.User");
    expect(((await ctl("GET", "faults")).body as unknown[]).length).toBe(1);
    expect((await ctl("DELETE", `faults/${added.id}`)).status).toBe(200);
    expect((await c.call("DescribeVersions")).VersionInfo).toBeDefined();
    expect((await ctl("DELETE", "faults/nope")).status).toBe(400);
  });

  it("sets transitions and the profile", async () => {
    await ctl("POST", "transitions", { kind: "ServiceMesh", afterReads: 2 });
    const id = (await c.call("CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["v"]' })).ServiceMeshId as string;
    await readUntil(c, id, "initial", 1);
    await readUntil(c, id, "initial", 1);
    await readUntil(c, id, "running", 1);
    expect((await ctl("POST", "profile", { profile: "turbo" })).status).toBe(400);
    expect((await ctl("POST", "profile", { profile: "instant" })).status).toBe(200);
  });

  it("sets and clears the rate limit", async () => {
    await ctl("POST", "ratelimit", { requestsPerSecond: 1, burst: 1 });
    await c.call("DescribeVersions");
    expect((await c.fail("DescribeVersions")).code).toBe("Throttling.User");
    await ctl("POST", "ratelimit", {});
    await c.call("DescribeVersions");
  });

  it("serves the request log and counts, and clears them", async () => {
    await c.call("DescribeVersions");
    expect((await ctl("GET", "counts")).body).toEqual({ DescribeVersions: 1 });
    expect((await ctl("GET", "requests")).body).toEqual([expect.objectContaining({ action: "DescribeVersions", status: 200 })]);
    await ctl("DELETE", "requests");
    expect((await ctl("GET", "counts")).body).toEqual({});
  });

  it("fails a mesh and applies named mutations", async () => {
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    expect((await ctl("POST", "mutate/renameMesh", { meshId: id, name: "console-renamed" })).status).toBe(200);
    expect((await ctl("POST", "mutate/setFeature", { meshId: id, key: "Tracing", value: true })).status).toBe(200);
    const mesh = await readUntil(c, id, "running", 1) as { ServiceMeshInfo: { Name: string }; Spec: { MeshConfig: { Tracing: boolean } } };
    expect([mesh.ServiceMeshInfo.Name, mesh.Spec.MeshConfig.Tracing]).toEqual(["console-renamed", true]);
    await ctl("POST", "mutate/detachCluster", { meshId: id, clusterId: PRIMARY });
    expect((await readUntil(c, id, "running", 1) as { Clusters: string[] }).Clusters).toEqual([]);
    const bad = await ctl("POST", "mutate/renameMesh", { meshId: id });
    expect([bad.status, (bad.body as { error: string }).error]).toEqual([400, 'mutation argument "name" must be a non-empty string.']);
    expect((await ctl("POST", "mutate/explode", {})).status).toBe(400);
    await ctl("POST", "fail-mesh", { meshId: id, message: "broken on purpose" });
    expect(((await readUntil(c, id, "failed", 1)).ServiceMeshInfo as Record<string, unknown>).ErrorMessage).toBe("broken on purpose");
  });

  it("turns gateway spec defaults on over HTTP and from --gateway-defaults, refusing anything but a boolean or on/off", async () => {
    expect((await ctl("POST", "gateway-defaults", { enabled: "yes" })).body).toEqual({ error: 'gateway defaults "enabled" must be true or false; got "yes".' });
    expect((await ctl("POST", "gateway-defaults", { enabled: true })).status).toBe(200);
    const id = await runningMesh(c, [PRIMARY]);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "gw", Body: gatewayBody("gw", [PRIMARY]) });
    const dump = (await ctl("GET", "state")).body as { meshes: Record<string, { gateways: Record<string, { spec: Record<string, unknown> }> }> };
    expect(dump.meshes[id].gateways["istio-system/gw"].spec.externalTrafficPolicy).toBe("Cluster");
    expect(parseArgs(["--gateway-defaults", "on"])).toMatchObject({ gatewayDefaults: true });
    expect(() => parseArgs(["--gateway-defaults", "yes"])).toThrow('--gateway-defaults must be on or off, got "yes".');
  });

  it("serves completed transitions over HTTP and parses --transition-spread, refusing one outside 0..0.5", async () => {
    // Timed transitions of 0 ms: due at the first read, and recorded then.
    await ctl("POST", "transitions", { kind: "ServiceMesh:create", afterMs: 0 });
    await ctl("POST", "transitions", { kind: "Visibility", afterMs: 0 });
    const id = (await c.call("CreateServiceMesh", { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["v"]' })).ServiceMeshId as string;
    await readUntil(c, id, "running", 1);
    const seen = (await ctl("GET", "transitions")).body as { key: string; afterMs: number }[];
    expect(seen.map((t) => [t.key, t.afterMs]).sort()).toEqual([["ServiceMesh:create", 0], ["Visibility", 0]]);
    expect(parseArgs(["--transition-spread", "0.1"])).toMatchObject({ transitionSpread: 0.1 });
    expect(() => parseArgs(["--transition-spread", "2"])).toThrow('--transition-spread must be a number from 0 to 0.5, got "2".');
  });

  it("rotates an access key: the old secret is refused with SignatureDoesNotMatch, the new one accepted", async () => {
    const { accessKeyId, accessKeySecret: old } = emu.credentials;
    const rotated = (await ctl("POST", "rotate-key", { accessKeyId })).body as { accessKeyId: string; accessKeySecret: string };
    expect(rotated.accessKeyId).toBe(accessKeyId);
    expect(rotated.accessKeySecret).not.toBe(old);
    expect(emu.credentials.accessKeySecret).toBe(rotated.accessKeySecret);
    expect((await acs3(emu, "DescribeServiceMeshes", { accessKeySecret: old })).body.Code).toBe("SignatureDoesNotMatch");
    expect((await acs3(emu, "DescribeServiceMeshes", { accessKeySecret: rotated.accessKeySecret })).status).toBe(200);
    expect((await ctl("POST", "rotate-key", { accessKeyId: "LTAInope" })).body).toEqual({ error: expect.stringContaining('access key "LTAInope" does not exist') });
  });

  it("answers 404 for an unknown control route and 400 for a body that is not JSON", async () => {
    expect((await ctl("GET", "nothing")).status).toBe(404);
    const res = await fetch(`${emu.url}/_emulator/faults`, { method: "POST", body: "{" });
    expect(res.status).toBe(400);
  });

  it("loads fault rules from a --faults file and names a broken rule", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "asm-emu-faults-"));
    try {
      const good = path.join(dir, "good.json");
      fs.writeFileSync(good, JSON.stringify([{ match: { action: "CreateServiceMesh" }, effect: { type: "throttle" }, times: 1 }]));
      expect(parseArgs(["--faults", good])).toMatchObject({ faults: [{ effect: { type: "throttle" } }] });
      const broken = path.join(dir, "broken.json");
      fs.writeFileSync(broken, JSON.stringify([{ effect: { type: "meteor" } }]));
      expect(() => parseArgs(["--faults", broken])).toThrow(/rule 0: fault effect.type must be one of/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import type { Config } from "@jest/types";
import { createEmulator, ManualClock, type EmulatorHandle } from "../../emulator";
import { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, runningMesh, SECONDARY, selfSigned, type TlsPair } from "./fixtures";

const DAY = 86_400_000;
/** Everything but Date stays real, so sockets and timers work while the wall clock jumps. */
const REAL_TIMERS: Config.FakeableAPI[] = [
  "hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate",
  "setInterval", "clearInterval", "setTimeout", "clearTimeout",
];

describe("GatewaySecret actions", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  let clock: ManualClock;
  let tls: TlsPair;
  let otherTls: TlsPair;
  beforeAll(async () => {
    clock = new ManualClock(Date.now());
    emu = await createEmulator({ clock });
    c = new AsmTestClient(emu);
    tls = selfSigned("shop.example.com", 30);
    otherTls = selfSigned("other.example.com", 30);
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.control.reset();
    clock.set(Date.now());
  });

  async function meshWithGateway(clusters = [PRIMARY, SECONDARY]): Promise<string> {
    const id = await runningMesh(c, clusters);
    await c.call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", Body: gatewayBody("ingressgateway", clusters) });
    return id;
  }

  const create = (id: string, name: string, pair: { cert: string; key: string }) =>
    c.call("CreateGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: name, Cert: pair.cert, Key: pair.key });

  const details = async (id: string) =>
    (await c.call("DescribeGatewaySecretDetails", { ServiceMeshId: id, IstioGatewayName: "ingressgateway" })).GatewaySecretDetails as Record<string, unknown>[];

  it("creates a secret with one success record per data-plane cluster of the gateway", async () => {
    const id = await meshWithGateway();
    const res = await create(id, "shop-cert", tls);
    expect(res.SecretCreateRecord).toEqual({
      [PRIMARY]: { State: "success", ClusterId: PRIMARY, Message: "" },
      [SECONDARY]: { State: "success", ClusterId: SECONDARY, Message: "" },
    });
  });

  it("reports SNI, IssueTime and ExpiredTime from the certificate, and state normal", async () => {
    const id = await meshWithGateway();
    await create(id, "shop-cert", tls);
    const [detail] = await details(id);
    expect(detail).toMatchObject({ SecretName: "shop-cert", GatewayName: "ingressgateway", SNI: "shop.example.com", State: "normal", Message: "" });
    expect(detail.IssueTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const days = (Date.parse(`${String(detail.ExpiredTime).replace(" ", "T")}:00Z`) - Date.parse(`${String(detail.IssueTime).replace(" ", "T")}:00Z`)) / DAY;
    expect(Math.round(days)).toBe(30);
    expect(JSON.stringify(detail)).not.toContain("PRIVATE KEY");
  });

  it("marks a key that does not match the certificate abnormal", async () => {
    const id = await meshWithGateway();
    await create(id, "mismatch", { cert: tls.cert, key: otherTls.key });
    const [detail] = await details(id);
    expect(detail).toMatchObject({ State: "abnormal", Message: "tls.key does not match tls.crt" });
  });

  it("marks a certificate abnormal once the emulator clock passes its expiry", async () => {
    const id = await meshWithGateway();
    await create(id, "shop-cert", tls);
    // The client signs with Date, the emulator checks skew against its clock: move both.
    clock.advance(31 * DAY);
    jest.useFakeTimers({ now: clock.now(), doNotFake: REAL_TIMERS });
    let detail: Record<string, unknown>;
    try {
      [detail] = await details(id);
    } finally {
      jest.useRealTimers();
    }
    expect(detail.State).toBe("abnormal");
    expect(detail.Message).toMatch(/^certificate expired at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("accepts base64-encoded PEM", async () => {
    const id = await meshWithGateway();
    const b64 = { cert: Buffer.from(tls.cert).toString("base64"), key: Buffer.from(tls.key).toString("base64") };
    await create(id, "b64", b64);
    expect((await details(id))[0].State).toBe("normal");
  });

  it.each([
    ["Cert", { cert: "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----", key: "" }],
    ["Key", { cert: "", key: "not a key" }],
  ])("rejects an unreadable %s, naming it", async (field, broken) => {
    const id = await meshWithGateway();
    const pair = { cert: broken.cert || tls.cert, key: broken.key || tls.key };
    const e = await c.fail("CreateGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: "s", Cert: pair.cert, Key: pair.key });
    expect([e.code, e.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(e.message).toContain(`"${field}"`);
  });

  it("refuses a duplicate name, a missing gateway and a missing SecretName", async () => {
    const id = await meshWithGateway();
    await create(id, "dup", tls);
    const dup = await c.fail("CreateGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: "dup", Cert: tls.cert, Key: tls.key });
    expect([dup.code, dup.statusCode]).toEqual(["Conflict.AlreadyExists", 409]);
    const noGw = await c.fail("CreateGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "nope", SecretName: "x", Cert: tls.cert, Key: tls.key });
    expect([noGw.code, noGw.statusCode]).toEqual(["IstioGateway.NotFound", 404]);
    expect(noGw.message).toContain('"nope"');
    const noName = await c.fail("CreateGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", Cert: tls.cert, Key: tls.key });
    expect([noName.code, noName.message]).toEqual(["MissingParameter", expect.stringContaining('"SecretName"')]);
  });

  it("records a failure for a data-plane cluster that is not running", async () => {
    const id = await meshWithGateway();
    emu.control.mutate.setClusterState(SECONDARY, "stopped");
    const res = (await create(id, "partial", tls)).SecretCreateRecord as Record<string, Record<string, string>>;
    expect(res[PRIMARY].State).toBe("success");
    expect(res[SECONDARY]).toEqual({ State: "fail", ClusterId: SECONDARY, Message: "timeout" });
  });

  it("deletes a secret with per-cluster records, then reports GatewaySecret.NotFound", async () => {
    const id = await meshWithGateway();
    await create(id, "gone", tls);
    const res = await c.call("DeleteGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: "gone" });
    expect(Object.keys(res.SecretDeleteRecord as object).sort()).toEqual([PRIMARY, SECONDARY].sort());
    expect(await details(id)).toEqual([]);
    const again = await c.fail("DeleteGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: "gone" });
    expect([again.code, again.statusCode]).toEqual(["GatewaySecret.NotFound", 404]);
  });

  it("hides a new secret from reads for the fast profile's visibility window", async () => {
    const id = await meshWithGateway();
    emu.control.setProfile("fast");
    try {
      await create(id, "lagging", tls);
      expect(await details(id)).toEqual([]);
      clock.advance(300);
      expect((await details(id)).map((d) => d.SecretName)).toEqual(["lagging"]);
    } finally {
      emu.control.setProfile("instant");
    }
  });
});

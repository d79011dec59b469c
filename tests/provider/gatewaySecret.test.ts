// GatewaySecret's provider against the in-process emulator: per-cluster results, cleanup after a
// partial failure, drift by expiry, adoption, and zero-downtime rotation with namePrefix.
import type * as pulumi from "@pulumi/pulumi";
import { X509Certificate } from "node:crypto";
import { AsmClient, Transport } from "../../provider/api";
import { overrideContext, ResourceInitError } from "../../provider/framework";
import { Props } from "../../provider/schema";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";
import { ingressGateway, PRIMARY, rawClient, runningMesh, SECONDARY } from "./helpers/gatewayStack";
import { startHarness, type Harness } from "./helpers/providerHarness";

let h: Harness;
let client: AsmClient;
let meshId: string;
let provider: pulumi.dynamic.ResourceProvider;
const GATEWAY = "ingressgateway";
const TWO_CLUSTER_GATEWAY = "gw-two";
const certA = tlsFixture("leaf-a.crt");
const keyA = tlsFixture("leaf-a.key");
const certB = tlsFixture("leaf-b.crt");
const keyB = tlsFixture("leaf-b.key");
const keyBody = (pem: string) => pem.split("\n")[1];

async function checked(news: Props, olds: Props = {}): Promise<Props> {
  const r = await provider.check!(olds, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

const args = (naming: Props, gatewayName = GATEWAY): Props => ({ meshId, gatewayName, cert: certA, key: keyA, ...naming });

async function listed(gateway = GATEWAY): Promise<Record<string, string>> {
  const res = await client.call("DescribeGatewaySecretDetails", { ServiceMeshId: meshId, IstioGatewayName: gateway });
  return Object.fromEntries((res.GatewaySecretDetails ?? []).map((d) => [d.SecretName ?? "", d.State ?? ""]));
}

beforeAll(async () => {
  h = await startHarness();
  client = rawClient(h.emulator);
  provider = h.provider("GatewaySecret");
  meshId = await runningMesh(client, [PRIMARY, SECONDARY]);
  await ingressGateway(client, meshId, GATEWAY);
  await ingressGateway(client, meshId, TWO_CLUSTER_GATEWAY, [PRIMARY, SECONDARY]);
});
afterAll(() => h.stop());
beforeEach(() => {
  h.emulator.control.clearFaults();
  h.emulator.control.clearRequests();
});

describe("GatewaySecret create and read", () => {
  it("creates the secret, waits until it is normal and reports SNI, expiry and per-cluster results", async () => {
    const { id, outs } = await provider.create(await checked(args({ secretName: "demo-create" })));
    expect(id).toBe(`${meshId}:${GATEWAY}:demo-create`);
    const notAfter = new Date(new X509Certificate(certA).validTo);
    expect(outs).toMatchObject({
      secretName: "demo-create",
      state: "normal",
      sni: "demo.example.com",
      expiredTime: notAfter.toISOString().slice(0, 16).replace("T", " "),
      certNotAfter: notAfter.toISOString(),
      clusters: [{ clusterId: PRIMARY, state: "success", message: "" }],
    });
    expect(await listed()).toMatchObject({ "demo-create": "normal" });
  });

  it("reads back the declared inputs, so a refresh without drift previews no change", async () => {
    const inputs = await checked(args({ namePrefix: "demo-read-" }));
    const { id, outs } = await provider.create(inputs);
    const read = await provider.read!(id, outs);
    expect(read.inputs).toEqual(inputs);
    expect((await provider.diff!(id, read.props, inputs)).changes).toBe(false);
  });

  it("detects a secret replaced out of band by its expiry and replaces it on the next up", async () => {
    const inputs = await checked(args({ secretName: "demo-drift" }));
    const { id, outs } = await provider.create(inputs);
    h.emulator.control.mutate.deleteSecret(meshId, GATEWAY, "demo-drift");
    await client.call("CreateGatewaySecret", { ServiceMeshId: meshId, IstioGatewayName: GATEWAY, SecretName: "demo-drift", Cert: certB, Key: keyB });
    const read = await provider.read!(id, outs);
    expect(read.inputs.cert).toMatch(/^drifted: the deployed certificate expires /);
    // "Unknown" changes: the engine then names the changed secret keys itself (see gatewaySecret.ts diff).
    expect(await provider.diff!(id, read.props, inputs)).toEqual({ changes: undefined, replaces: ["cert"], deleteBeforeReplace: true });
  });

  it("drops a secret deleted out of band from state on refresh and deletes it idempotently", async () => {
    const { id, outs } = await provider.create(await checked(args({ secretName: "demo-gone" })));
    h.emulator.control.mutate.deleteSecret(meshId, GATEWAY, "demo-gone");
    expect((await provider.read!(id, outs)).id).toBeFalsy();
    await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
  });
});

describe("GatewaySecret check against the real clock", () => {
  const DAY = 86_400_000;

  it("warns when the certificate expires within 30 days, and still accepts it", async () => {
    const soon = issueCertificate({ commonName: "demo.example.com", dnsNames: ["demo.example.com"], notAfter: new Date(Date.now() + 10.5 * DAY) });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const r = await provider.check!({}, args({ secretName: "demo-soon", cert: soon.certPem, key: soon.keyPem }));
      expect(r.failures ?? []).toEqual([]);
      expect(warn.mock.calls.flat().join("\n")).toMatch(/cert: the certificate expires at .* in 10 day\(s\); plan a rotation/);
      expect(warn.mock.calls.flat().join("\n")).not.toContain(keyBody(soon.keyPem));
    } finally {
      warn.mockRestore();
    }
  });

  it("rejects an expired certificate before calling the API", async () => {
    const old = issueCertificate({ commonName: "demo.example.com", notBefore: new Date(Date.now() - 90 * DAY), notAfter: new Date(Date.now() - DAY) });
    const r = await provider.check!({}, args({ secretName: "demo-old", cert: old.certPem, key: old.keyPem }));
    expect(r.failures).toEqual([{ property: "cert", reason: expect.stringMatching(/^the certificate expired at .*; provide a certificate that is still valid$/) }]);
    expect(h.emulator.control.counts().CreateGatewaySecret).toBeUndefined();
  });
});

describe("GatewaySecret abnormal after create", () => {
  it("fails fast with a partial-state error that carries the id, so Pulumi keeps the secret in state", async () => {
    // check() would refuse this certificate; create() is driven directly to reach the API's abnormal state.
    const future = issueCertificate({ commonName: "demo.example.com", notBefore: new Date(Date.now() + 86_400_000) });
    const inputs = { ...args({ secretName: "demo-abnormal" }), cert: future.certPem, key: future.keyPem, adopt: false };
    const err = (await provider.create(inputs).catch((e: unknown) => e)) as ResourceInitError;
    expect(err).toBeInstanceOf(ResourceInitError);
    expect(err.id).toBe(`${meshId}:${GATEWAY}:demo-abnormal`);
    expect(err.message).toMatch(/the secret is abnormal: certificate is not valid before/);
    expect(err.message).not.toContain(keyBody(future.keyPem));
  });
});

describe("GatewaySecret lost responses", () => {
  it("recognises a create whose response was lost as done, then waits until the secret is normal", async () => {
    h.emulator.control.addFault({ match: { action: "CreateGatewaySecret" }, effect: { type: "lostResponse" }, times: 1 });
    const { outs } = await provider.create(await checked(args({ secretName: "demo-lost" })));
    expect(outs).toMatchObject({ secretName: "demo-lost", state: "normal", clusters: [] });
    expect(h.emulator.control.counts().CreateGatewaySecret).toBe(1);
  });
});

describe("GatewaySecret per-cluster failures", () => {
  afterEach(() => h.emulator.control.mutate.setClusterState(SECONDARY, "running"));

  it("fails the create naming each failing cluster and removes what was created elsewhere", async () => {
    h.emulator.control.mutate.setClusterState(SECONDARY, "stopped");
    const err = (await provider.create(await checked(args({ secretName: "demo-partial" }, TWO_CLUSTER_GATEWAY))).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `CreateGatewaySecret demo-partial failed on 1 of 2 cluster(s): ${SECONDARY}: timeout; the secret was removed from the other clusters`,
    );
    expect(err.message).not.toContain(keyBody(keyA));
    expect(await listed(TWO_CLUSTER_GATEWAY)).not.toHaveProperty("demo-partial");
    expect(h.emulator.control.counts()).toMatchObject({ CreateGatewaySecret: 1, DeleteGatewaySecret: 1 });
  });

  it("fails the delete when a cluster reports fail, naming it", async () => {
    const { id, outs } = await provider.create(await checked(args({ secretName: "demo-delete-fail" })));
    const failing: Transport = {
      send: async () => ({ SecretDeleteRecord: { x: { State: "fail", ClusterId: PRIMARY, Message: "apiserver unavailable" } } }),
    };
    // The harness's own overrides (log capture), restored afterwards.
    const harnessOverrides = { logger: { info: (m: string) => h.logs.push(m), warn: (m: string) => h.logs.push(`warn: ${m}`) }, progressIntervalMs: 0 };
    overrideContext({ ...harnessOverrides, transport: failing });
    try {
      await expect(provider.delete!(id, outs)).rejects.toThrow(
        `DeleteGatewaySecret demo-delete-fail failed on ${PRIMARY}: apiserver unavailable; run the deletion again to retry`,
      );
    } finally {
      overrideContext(harnessOverrides);
    }
    await provider.delete!(id, outs);
    expect(await listed()).not.toHaveProperty("demo-delete-fail");
  });
});

describe("GatewaySecret rotation", () => {
  it("rotates with zero downtime: the new secret exists before the old one is deleted", async () => {
    const v1 = await checked(args({ namePrefix: "demo-rotate-" }));
    const first = await provider.create(v1);
    const v2 = await checked(args({ namePrefix: "demo-rotate-", cert: certB, key: keyB }), v1);
    expect(v2.secretName).not.toBe(v1.secretName);
    expect(await provider.diff!(first.id, first.outs, v2)).toEqual({ changes: undefined, replaces: ["secretName", "cert", "key"], deleteBeforeReplace: false });

    // The engine's order for a create-before-delete replacement: create new, (dependents), delete old.
    const second = await provider.create(v2);
    expect(await listed()).toMatchObject({ [v1.secretName as string]: "normal", [v2.secretName as string]: "normal" });
    await provider.delete!(first.id, first.outs);
    const after = await listed();
    expect(after).not.toHaveProperty(v1.secretName as string);
    expect(after).toMatchObject({ [v2.secretName as string]: "normal" });
    expect(second.outs).toMatchObject({ sni: "demo.example.com", certNotAfter: new Date(new X509Certificate(certB).validTo).toISOString() });
    const order = h.emulator.control.requests().map((r) => r.action).filter((a) => a.endsWith("GatewaySecret"));
    expect(order).toEqual(["CreateGatewaySecret", "CreateGatewaySecret", "DeleteGatewaySecret"]);
  });

  it("asks to delete first when a fixed secretName is kept across the rotation", async () => {
    const v1 = await checked(args({ secretName: "demo-fixed" }));
    const { id, outs } = await provider.create(v1);
    const v2 = await checked(args({ secretName: "demo-fixed", cert: certB, key: keyB }), v1);
    expect(await provider.diff!(id, outs, v2)).toEqual({ changes: undefined, replaces: ["cert", "key"], deleteBeforeReplace: true });
  });
});

describe("GatewaySecret adoption", () => {
  it("refuses a duplicate name with a hint, then adopts the existing secret without creating it", async () => {
    const inputs = await checked(args({ secretName: "demo-adopt" }));
    await provider.create(inputs);
    await expect(provider.create(inputs)).rejects.toThrow(/already exists.*Set adopt: true/);
    h.emulator.control.clearRequests();
    const adopted = await provider.create(await checked(args({ secretName: "demo-adopt", adopt: true })));
    expect(adopted.outs).toMatchObject({ state: "normal", secretName: "demo-adopt" });
    expect(h.emulator.control.counts().CreateGatewaySecret).toBeUndefined();
  });

  it("refuses to adopt a secret that holds a different certificate", async () => {
    await provider.create(await checked(args({ secretName: "demo-adopt-other", cert: certB, key: keyB })));
    await expect(provider.create(await checked(args({ secretName: "demo-adopt-other", adopt: true })))).rejects.toThrow(
      /adopt: secret demo-adopt-other holds a certificate expiring .*, not the declared one/,
    );
  });
});

import { X509Certificate } from "node:crypto";
import { describeGatewaySecret } from "../../provider/resources/gatewaySecret/description";
import { certAsRead, clusterResults, describeFailures, failedClusters, generateSecretName, parseSecretId, secretId } from "../../provider/resources/gatewaySecret/wire";
import { gatewaySecretProvider } from "../../provider/resources/gatewaySecret/lifecycle";
import { checkResource, UNKNOWN, type Props } from "../../provider/schema";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";

const certA = tlsFixture("leaf-a.crt");
const keyA = tlsFixture("leaf-a.key");
const notAfterA = new Date(new X509Certificate(certA).validTo);
// Inside the validity of both leaf-a and leaf-b (the rotated certificate).
const now = new Date(new Date(new X509Certificate(tlsFixture("leaf-b.crt")).validFrom).getTime() + 86_400_000);
const base = { meshId: "c123456789", gatewayName: "ingressgateway", cert: certA, key: keyA };
const seq = (values: number[]) => () => values.shift() ?? 0;

// The kind's description through the one engine every kind uses (the kind has no check or diff of its own).
const checkSecret = (olds: Props, news: Props, now: Date, random?: () => number) => checkResource(describeGatewaySecret(() => now, random), olds, news);

describe("checkSecret", () => {
  it("accepts a valid pair with a fixed name and applies defaults", () => {
    const r = checkSecret({}, { ...base, secretName: "demo-tls" }, now);
    expect(r.failures).toEqual([]);
    expect(r.inputs).toMatchObject({ secretName: "demo-tls", adopt: false });
  });

  it("generates a name from namePrefix", () => {
    const r = checkSecret({}, { ...base, namePrefix: "demo-tls-" }, now, seq([0, 0.5, 0.99, 0.1, 0.2, 0.3, 0.4, 0.6]));
    expect(r.inputs.secretName).toBe("demo-tls-08f13469");
  });

  it("keeps the generated name while prefix, cert and key are unchanged", () => {
    const olds = { ...checkSecret({}, { ...base, namePrefix: "demo-tls-" }, now).inputs, secretName: "demo-tls-aaaaaaaa" };
    expect(checkSecret(olds, { ...base, namePrefix: "demo-tls-" }, now).inputs.secretName).toBe("demo-tls-aaaaaaaa");
  });

  it("generates a new name when the certificate rotates", () => {
    const olds = { ...checkSecret({}, { ...base, namePrefix: "demo-tls-" }, now).inputs, secretName: "demo-tls-aaaaaaaa" };
    const news = { ...base, namePrefix: "demo-tls-", cert: tlsFixture("leaf-b.crt"), key: tlsFixture("leaf-b.key") };
    const name = checkSecret(olds, news, now).inputs.secretName as string;
    expect(name).toMatch(/^demo-tls-[0-9a-f]{8}$/);
    expect(name).not.toBe("demo-tls-aaaaaaaa");
  });

  it("requires one of secretName and namePrefix", () => {
    expect(checkSecret({}, base, now).failures).toEqual([
      { property: "secretName", reason: "required; give secretName, or namePrefix for zero-downtime rotation (docs/rotation.md)" },
    ]);
    expect(checkSecret({}, { ...base, secretName: "a", namePrefix: "b-" }, now).failures[0].property).toBe("namePrefix");
  });

  it("refuses to adopt by prefix", () => {
    expect(checkSecret({}, { ...base, namePrefix: "p-", adopt: true }, now).failures).toEqual([
      { property: "adopt", reason: "adopting needs the existing secret's secretName, not a namePrefix" },
    ]);
  });

  it("reports a key that does not match, without quoting key material", () => {
    const other = tlsFixture("other.key");
    const r = checkSecret({}, { ...base, secretName: "s", key: other }, now);
    expect(r.failures.map((f) => f.property)).toEqual(["key"]);
    expect(JSON.stringify(r.failures)).not.toContain(other.split("\n")[1]);
  });

  it("fails an expired certificate and warns on one that expires within 30 days", () => {
    const expired = checkSecret({}, { ...base, secretName: "s" }, new Date(notAfterA.getTime() + 60_000));
    expect(expired.failures[0]).toMatchObject({ property: "cert", reason: expect.stringMatching(/expired/) });
    const soon = checkSecret({}, { ...base, secretName: "s" }, new Date(notAfterA.getTime() - 5 * 86_400_000));
    expect(soon.failures).toEqual([]);
    expect(soon.warnings).toEqual([expect.stringMatching(/in 5 day\(s\)/)]);
  });

  it("skips TLS checks while cert or key are unknown during preview", () => {
    const r = checkSecret({}, { ...base, secretName: "s", cert: UNKNOWN }, now);
    expect(r.failures).toEqual([]);
  });

  it("rejects an invalid name with the allowed form", () => {
    const r = checkSecret({}, { ...base, secretName: "Bad_Name" }, now);
    expect(r.failures[0]).toMatchObject({ property: "secretName", reason: expect.stringMatching(/lowercase letters/) });
  });
});

describe("GatewaySecret diff", () => {
  const olds = { ...base, secretName: "s1", namePrefix: "s", adopt: false };
  it("replaces on a new certificate, creating the new generated name first", async () => {
    const d = await gatewaySecretProvider.diff!("id", olds, { ...olds, secretName: "s2", cert: "x" });
    // `changes` is left to the engine when the cert or key changed, so the preview names them (gatewaySecret.ts).
    expect(d).toEqual({ changes: undefined, replaces: expect.arrayContaining(["secretName", "cert"]), deleteBeforeReplace: false });
  });

  it("deletes first when a fixed name is kept across the replacement", async () => {
    const d = await gatewaySecretProvider.diff!("id", olds, { ...olds, key: "y" });
    expect(d).toEqual({ changes: undefined, replaces: ["key"], deleteBeforeReplace: true });
  });

  it("reports no change for identical inputs", async () => {
    expect(await gatewaySecretProvider.diff!("id", olds, { ...olds })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
});

describe("GatewaySecret diff of an imported secret (its state has no cert and key: ASM never returns them)", () => {
  // As ASM reports a certificate's validity: "YYYY-MM-DD HH:mm".
  const asAsm = (t: string) => new Date(t).toISOString().slice(0, 16).replace("T", " ");
  const leafA = new X509Certificate(certA);
  const imported = { meshId: base.meshId, gatewayName: base.gatewayName, secretName: "tls", adopt: false, issueTime: asAsm(leafA.validFrom), expiredTime: asAsm(leafA.validTo) };
  const declared = { meshId: base.meshId, gatewayName: base.gatewayName, secretName: "tls", adopt: false, cert: certA, key: keyA };

  it("takes a declared certificate whose validity is the deployed one's, with its key, as no change", async () => {
    expect(await gatewaySecretProvider.diff!("id", imported, declared)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces the secret when the declared certificate is another one", async () => {
    const other = { ...declared, cert: tlsFixture("leaf-b.crt"), key: tlsFixture("leaf-b.key") };
    expect(await gatewaySecretProvider.diff!("id", imported, other)).toEqual({ changes: undefined, replaces: ["cert", "key"], deleteBeforeReplace: true });
  });

  it("replaces it when the state records no validity to compare", async () => {
    const { issueTime: _i, expiredTime: _e, ...unknownValidity } = imported;
    expect((await gatewaySecretProvider.diff!("id", unknownValidity, declared)).replaces).toEqual(["cert", "key"]);
  });

  it("leaves a state that records a cert to the ordinary diff: another key still replaces", async () => {
    const created = { ...imported, cert: certA, key: tlsFixture("other.key") };
    expect((await gatewaySecretProvider.diff!("id", created, declared)).replaces).toEqual(["key"]);
  });
});

describe("per-cluster records", () => {
  const records = {
    k1: { State: "success", ClusterId: "c-b", Message: "" },
    k2: { State: "fail", ClusterId: "c-a", Message: "timeout" },
    "c-c": { State: "fail", Message: "" },
  };

  it("lists every cluster, keyed by ClusterId (falling back to the map key)", () => {
    expect(clusterResults(records).map((r) => r.clusterId)).toEqual(["c-a", "c-b", "c-c"]);
  });

  it("describes each failing cluster with its message", () => {
    expect(describeFailures(failedClusters(clusterResults(records)))).toBe("c-a: timeout; c-c: fail");
  });
});

describe("secret ids, names and drift", () => {
  it("round-trips the id", () => {
    expect(parseSecretId(secretId("c1", "gw", "s"))).toEqual({ meshId: "c1", gatewayName: "gw", secretName: "s" });
  });

  it("generates 8 hex characters after the prefix", () => {
    expect(generateSecretName("p-")).toMatch(/^p-[0-9a-f]{8}$/);
  });

  it("keeps the declared cert when ExpiredTime matches and reports a placeholder when it does not", () => {
    const t = new Date(Date.UTC(2030, 0, 2, 3, 4));
    expect(certAsRead(certA, t, "2030-01-02 03:04")).toBe(certA);
    const drifted = certAsRead(certA, t, "2029-06-01 00:00");
    expect(drifted).toMatch(/^drifted: the deployed certificate expires 2029-06-01 00:00/);
  });
});

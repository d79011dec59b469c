import { X509Certificate } from "node:crypto";
import {
  expiryMatches,
  formatExpiredTime,
  parseCertificateChain,
  parseExpiredTime,
  parsePrivateKey,
  splitPemBlocks,
  validateTlsPair,
} from "../../provider/pem";
import { tlsFixture } from "../fixtures/tls/tlsFixtures";

const DAY = 24 * 60 * 60 * 1000;
const leafA = new X509Certificate(tlsFixture("leaf-a.crt"));
const notAfterA = new Date(leafA.validTo);
const midLife = new Date(notAfterA.getTime() - 365 * DAY);

describe("splitPemBlocks", () => {
  it("returns every block of a chain in order, with CRLF normalised", () => {
    const blocks = splitPemBlocks(tlsFixture("chain-a.pem").replace(/\n/g, "\r\n"));
    expect(blocks.map((b) => b.label)).toEqual(["CERTIFICATE", "CERTIFICATE"]);
    expect(blocks[0].text).not.toContain("\r");
  });
});

describe("parseCertificateChain", () => {
  it("parses leaf and issuer from a chain", () => {
    const chain = parseCertificateChain(tlsFixture("chain-a.pem"));
    expect(chain).toHaveLength(2);
    expect(chain[0].subject).toContain("CN=demo.example.com");
    expect(chain[1].subject).toContain("asm-pulumi test root");
  });

  it("rejects text without PEM blocks, naming the field", () => {
    expect(() => parseCertificateChain("hello", "cert")).toThrow(/^cert: no PEM block found/);
  });

  it("rejects a private key passed as the certificate without quoting it", () => {
    const key = tlsFixture("leaf-a.key");
    const err = captureError(() => parseCertificateChain(key));
    expect(err.message).toMatch(/'PRIVATE KEY' block; only CERTIFICATE blocks are allowed/);
    expect(err.message).not.toContain(key.split("\n")[1]);
  });

  it("rejects a corrupted certificate body", () => {
    const broken = tlsFixture("leaf-a.crt").replace(/\n[A-Za-z0-9+/]{20}/, "\nAAAAAAAAAAAAAAAAAAAA");
    expect(() => parseCertificateChain(broken)).toThrow(/certificate 1 is not a valid X.509 certificate/);
  });
});

describe("parsePrivateKey", () => {
  it("parses RSA and EC keys", () => {
    expect(parsePrivateKey(tlsFixture("leaf-a.key")).asymmetricKeyType).toBe("rsa");
    expect(parsePrivateKey(tlsFixture("leaf-b.key")).asymmetricKeyType).toBe("ec");
  });

  it("rejects a certificate passed as the key", () => {
    expect(() => parsePrivateKey(tlsFixture("leaf-a.crt"))).toThrow(/^key: a 'CERTIFICATE' block is not a private key/);
  });

  it("rejects two keys in one input", () => {
    const two = tlsFixture("leaf-a.key") + tlsFixture("other.key");
    expect(() => parsePrivateKey(two)).toThrow(/expected exactly one PEM private key block, found 2/);
  });

  it("rejects an encrypted key with a hint", () => {
    expect(() => parsePrivateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n")).toThrow(
      /encrypted; provide it unencrypted/,
    );
  });

  it("reports an undecodable key without echoing its body", () => {
    const body = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB";
    const err = captureError(() => parsePrivateKey(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`));
    expect(err.message).toBe("key: the private key block could not be decoded");
  });
});

describe("validateTlsPair", () => {
  it("accepts a matching pair and a chain, describing the leaf", () => {
    const report = validateTlsPair(tlsFixture("chain-a.pem"), tlsFixture("leaf-a.key"), midLife);
    expect(report.failures).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.leaf?.dnsNames).toEqual(["demo.example.com", "*.demo.example.com"]);
    expect(report.leaf?.notAfter.toISOString()).toBe(notAfterA.toISOString());
  });

  it("fails when the key belongs to another certificate", () => {
    const report = validateTlsPair(tlsFixture("leaf-a.crt"), tlsFixture("other.key"), midLife);
    expect(report.failures).toEqual([
      { property: "key", reason: "the private key does not match the certificate for demo.example.com, *.demo.example.com" },
    ]);
  });

  it("fails when an EC key is paired with an RSA certificate", () => {
    const report = validateTlsPair(tlsFixture("leaf-a.crt"), tlsFixture("leaf-b.key"), midLife);
    expect(report.failures.map((f) => f.property)).toEqual(["key"]);
  });

  it("fails on an expired certificate", () => {
    const report = validateTlsPair(tlsFixture("leaf-a.crt"), tlsFixture("leaf-a.key"), new Date(notAfterA.getTime() + 1000));
    expect(report.failures).toEqual([{ property: "cert", reason: expect.stringMatching(/^the certificate expired at /) }]);
  });

  it("fails on a certificate that is not valid yet", () => {
    const dayBefore = new Date(new Date(leafA.validFrom).getTime() - DAY);
    const report = validateTlsPair(tlsFixture("leaf-a.crt"), tlsFixture("leaf-a.key"), dayBefore);
    expect(report.failures[0].reason).toMatch(/not valid before/);
  });

  it("warns, without failing, when the certificate expires within 30 days", () => {
    const report = validateTlsPair(tlsFixture("leaf-a.crt"), tlsFixture("leaf-a.key"), new Date(notAfterA.getTime() - 10.5 * DAY));
    expect(report.failures).toEqual([]);
    expect(report.warnings).toEqual([expect.stringMatching(/expires at .* in 10 day\(s\)/)]);
  });

  it("does not warn 31 days before expiry", () => {
    const report = validateTlsPair(tlsFixture("leaf-a.crt"), tlsFixture("leaf-a.key"), new Date(notAfterA.getTime() - 31 * DAY));
    expect(report.warnings).toEqual([]);
  });

  it("fails on a chain in the wrong order", () => {
    const reversed = tlsFixture("ca.crt") + tlsFixture("leaf-a.crt");
    const report = validateTlsPair(reversed, tlsFixture("leaf-a.key"), midLife);
    expect(report.failures.map((f) => f.reason)).toContain(
      "certificate 2 in the chain did not issue certificate 1; order the chain leaf first, then each issuer",
    );
  });

  it("reports cert and key problems together", () => {
    const report = validateTlsPair("nope", "nope", midLife);
    expect(report.failures.map((f) => f.property)).toEqual(["cert", "key"]);
  });
});

describe("ExpiredTime comparison", () => {
  it("formats and parses the documented minute format", () => {
    const date = new Date(Date.UTC(2031, 4, 6, 7, 8, 59));
    expect(formatExpiredTime(date)).toBe("2031-05-06 07:08");
    expect(parseExpiredTime("2031-05-06 07:08")?.toISOString()).toBe("2031-05-06T07:08:00.000Z");
  });

  it("matches the declared expiry in UTC and in UTC+8", () => {
    const notAfter = new Date(Date.UTC(2031, 4, 6, 7, 8, 30));
    expect(expiryMatches(notAfter, "2031-05-06 07:08")).toBe(true);
    expect(expiryMatches(notAfter, "2031-05-06 15:08")).toBe(true);
  });

  it("detects a different certificate's expiry as drift", () => {
    const notAfter = new Date(Date.UTC(2031, 4, 6, 7, 8, 30));
    expect(expiryMatches(notAfter, "2031-05-06 07:09")).toBe(false);
    expect(expiryMatches(notAfter, "2030-01-01 00:00")).toBe(false);
  });

  it("treats a missing or unparseable ExpiredTime as no evidence of drift", () => {
    expect(expiryMatches(new Date(), undefined)).toBe(true);
    expect(expiryMatches(new Date(), "soon")).toBe(true);
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

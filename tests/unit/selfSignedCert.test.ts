import * as crypto from "node:crypto";
import { issueCertificate } from "../../scripts/lib/selfSignedCert";

describe("issueCertificate", () => {
  it("issues an EC certificate that node:crypto parses, with the key matching and the SANs set", () => {
    const notAfter = new Date("2031-01-02T03:04:05Z");
    const { certPem, keyPem } = issueCertificate({ commonName: "demo.example.com", dnsNames: ["demo.example.com", "*.demo.example.com"], notAfter });
    const cert = new crypto.X509Certificate(certPem);
    expect(cert.subject).toBe("CN=demo.example.com");
    expect(cert.subjectAltName).toBe("DNS:demo.example.com, DNS:*.demo.example.com");
    expect(new Date(cert.validTo).toISOString()).toBe("2031-01-02T03:04:05.000Z");
    expect(cert.checkPrivateKey(crypto.createPrivateKey(keyPem))).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it("issues an RSA certificate whose self-signature verifies", () => {
    const { certPem, keyPem } = issueCertificate({ commonName: "rsa.example.com", keyType: "rsa" });
    const cert = new crypto.X509Certificate(certPem);
    expect(cert.publicKey.asymmetricKeyType).toBe("rsa");
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(crypto.createPrivateKey(keyPem))).toBe(true);
  });

  it("chains a leaf to an issuing CA and writes expiry dates after 2049 as GeneralizedTime", () => {
    const ca = issueCertificate({ commonName: "Demo CA", isCA: true, notAfter: new Date("2055-06-01T00:00:00Z") });
    const leaf = issueCertificate({ commonName: "leaf.example.com", issuer: ca });
    const caCert = new crypto.X509Certificate(ca.certPem);
    const leafCert = new crypto.X509Certificate(leaf.certPem);
    expect(caCert.ca).toBe(true);
    expect(new Date(caCert.validTo).getUTCFullYear()).toBe(2055);
    expect(leafCert.issuer).toBe("CN=Demo CA");
    expect(leafCert.verify(caCert.publicKey)).toBe(true);
    expect(leafCert.checkIssued(caCert)).toBe(true);
  });

  it("can issue an already expired certificate for negative tests", () => {
    const { certPem } = issueCertificate({ commonName: "old.example.com", notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2021-01-01T00:00:00Z") });
    expect(new Date(new crypto.X509Certificate(certPem).validTo).getTime()).toBeLessThan(Date.now());
  });
});

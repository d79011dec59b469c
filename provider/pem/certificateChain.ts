// Parses a PEM certificate chain (leaf first, then intermediates) and describes the leaf: the
// validity window and the DNS names the gateway will serve (SNI).
import { X509Certificate } from "node:crypto";
import { PemError } from "./pemError";
import { splitPemBlocks } from "./pemBlocks";

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** DNS subjectAltNames, or the subject CN when the certificate has no DNS SANs. */
  dnsNames: string[];
  fingerprint256: string;
}

/** Parses every CERTIFICATE block; throws PemError naming `property` when the text is not a usable chain. */
export function parseCertificateChain(pem: string, property = "cert"): X509Certificate[] {
  const blocks = splitPemBlocks(pem);
  if (blocks.length === 0) {
    throw new PemError(property, "no PEM block found; expected one or more '-----BEGIN CERTIFICATE-----' blocks");
  }
  return blocks.map((block, index) => {
    if (block.label !== "CERTIFICATE") {
      throw new PemError(property, `block ${index + 1} is a '${block.label}' block; only CERTIFICATE blocks are allowed`);
    }
    try {
      return new X509Certificate(block.text);
    } catch {
      throw new PemError(property, `certificate ${index + 1} is not a valid X.509 certificate`);
    }
  });
}

/** Throws when a certificate in the chain was not issued (and signed) by the one after it. */
export function verifyChainOrder(chain: X509Certificate[], property = "cert"): void {
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i];
    const parent = chain[i + 1];
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) {
      throw new PemError(
        property,
        `certificate ${i + 2} in the chain did not issue certificate ${i + 1}; order the chain leaf first, then each issuer`,
      );
    }
  }
}

export function describeCertificate(cert: X509Certificate): CertificateInfo {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    dnsNames: dnsNamesOf(cert),
    fingerprint256: cert.fingerprint256,
  };
}

function dnsNamesOf(cert: X509Certificate): string[] {
  // subjectAltName reads like "DNS:a.com, DNS:*.a.com, IP Address:1.2.3.4".
  const sans = (cert.subjectAltName ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice("DNS:".length));
  if (sans.length > 0) return sans;
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject);
  return cn ? [cn[1]] : [];
}

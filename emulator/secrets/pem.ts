// Reads a TLS certificate and private key the way the gateway would: the facts
// DescribeGatewaySecretDetails reports (SNI, IssueTime, ExpiredTime) and whether the key belongs to
// the certificate. Nothing here keeps or echoes key material.
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import * as E from "../errors/catalog";

export interface CertificateFacts {
  sni: string;
  issueTime: number;
  expiredTime: number;
  /** "" when the key matches the certificate. */
  keyProblem: string;
}

/** Accepts PEM text or base64-encoded PEM (the console and some SDK samples send either). */
function pemText(name: string, value: string, label: RegExp): string {
  if (label.test(value)) return value;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  if (label.test(decoded)) return decoded;
  throw E.invalidParameter(name, "expected a PEM block (or base64 of one).");
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pemText("Cert", pem, /-----BEGIN CERTIFICATE-----/));
  } catch (e) {
    if ((e as { code?: string }).code === "InvalidParameter") throw e;
    throw E.invalidParameter("Cert", "the PEM block is not a readable X.509 certificate.");
  }
}

function parseKey(pem: string): KeyObject {
  const text = pemText("Key", pem, /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  try {
    return createPrivateKey(text);
  } catch {
    throw E.invalidParameter("Key", "the PEM block is not a readable private key (PKCS#1, PKCS#8 or SEC1, unencrypted).");
  }
}

function sniOf(cert: X509Certificate): string {
  const dns = (cert.subjectAltName ?? "").split(",").map((s) => s.trim()).find((s) => s.startsWith("DNS:"));
  if (dns) return dns.slice(4);
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject);
  return cn ? cn[1] : "";
}

export function readCertificate(certPem: string, keyPem: string): CertificateFacts {
  const cert = parseCertificate(certPem);
  const key = parseKey(keyPem);
  return {
    sni: sniOf(cert),
    issueTime: Date.parse(cert.validFrom),
    expiredTime: Date.parse(cert.validTo),
    keyProblem: cert.checkPrivateKey(key) ? "" : "tls.key does not match tls.crt",
  };
}

/** "YYYY-MM-DD HH:mm" in UTC, the format of IssueTime / ExpiredTime. */
export function secretTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

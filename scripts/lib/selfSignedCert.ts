// Self-signed X.509 certificates without openssl: the demo, the examples and the tests need TLS material,
// and Node.js can parse certificates (crypto.X509Certificate) but not issue them. This builds the DER of
// a v3 certificate (RFC 5280) by hand and signs it with node:crypto.
import * as crypto from "node:crypto";

export interface CertOptions {
  commonName: string;
  /** DNS names for the subjectAltName extension; defaults to [commonName]. */
  dnsNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Key type of the generated pair; "ec" is P-256 with ECDSA-SHA256, "rsa" is 2048-bit with SHA256. */
  keyType?: "ec" | "rsa";
  /** Sign with this issuer instead of self-signing (the certificate then chains to the issuer). */
  issuer?: { certPem: string; keyPem: string };
  isCA?: boolean;
}

export interface CertAndKey {
  certPem: string;
  keyPem: string;
}

// --- minimal DER encoder ---------------------------------------------------------------------------
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), len(body.length), body]);
const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, "utf8"));
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const explicit = (n: number, body: Buffer): Buffer => tlv(0xa0 + n, body);
const bitString = (b: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));

function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const trimmed = b.subarray(i);
  return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const out = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [];
    for (let v = p; ; v = Math.floor(v / 128)) {
      chunk.unshift((v % 128) | (chunk.length ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  // RFC 5280: UTCTime through 2049, GeneralizedTime after.
  const iso = d.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "Z";
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

const name = (cn: string): Buffer => seq(set(seq(oid("2.5.4.3"), utf8(cn))));

function signatureAlgorithm(key: crypto.KeyObject): Buffer {
  return key.asymmetricKeyType === "ec"
    ? seq(oid("1.2.840.10045.4.3.2")) // ecdsa-with-SHA256
    : seq(oid("1.2.840.113549.1.1.11"), tlv(0x05, Buffer.alloc(0))); // sha256WithRSAEncryption
}

function extensions(opts: CertOptions, publicKeyDer: Buffer): Buffer {
  const dns = (opts.dnsNames ?? [opts.commonName]).map((d) => tlv(0x82, Buffer.from(d, "ascii")));
  const keyId = crypto.createHash("sha1").update(publicKeyDer).digest();
  const ext = (id: string, critical: boolean, value: Buffer): Buffer =>
    seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
  return explicit(3, seq(
    ext("2.5.29.19", true, seq(...(opts.isCA ? [bool(true)] : []))), // basicConstraints
    ext("2.5.29.17", false, seq(...dns)), // subjectAltName
    ext("2.5.29.14", false, octets(keyId)), // subjectKeyIdentifier
  ));
}

function pem(label: string, der: Buffer): string {
  const b64 = der.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Issues a certificate for a new key pair; self-signed unless `issuer` is given. */
export function issueCertificate(opts: CertOptions): CertAndKey {
  const { privateKey, publicKey } = opts.keyType === "rsa"
    ? crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
    : crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const signer = opts.issuer ? crypto.createPrivateKey(opts.issuer.keyPem) : privateKey;
  const issuerName = opts.issuer ? new crypto.X509Certificate(opts.issuer.certPem).subject.replace(/^CN=/, "") : opts.commonName;
  const notBefore = opts.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = opts.notAfter ?? new Date(notBefore.getTime() + 365 * 24 * 3600_000);
  const spki = publicKey.export({ type: "spki", format: "der" });
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(crypto.randomBytes(16)),
    signatureAlgorithm(signer),
    name(issuerName),
    seq(time(notBefore), time(notAfter)),
    name(opts.commonName),
    spki,
    extensions(opts, spki),
  );
  const signature = crypto.sign("sha256", tbs, signer);
  const cert = seq(tbs, signatureAlgorithm(signer), bitString(signature));
  return { certPem: pem("CERTIFICATE", cert), keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

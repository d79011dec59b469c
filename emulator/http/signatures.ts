// The emulator's own implementation of the Alibaba Cloud request signatures, written from the
// published algorithm descriptions (research/engine.md §4), deliberately independent of the
// provider's and the SDK's signing code so that a signing bug cannot verify itself.
import { createHash, createHmac } from "node:crypto";
import { hmacSm3, sm3 } from "./sm3";

/** RFC 3986 percent-encoding as Alibaba Cloud specifies it (encodeURIComponent plus !'()*). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The V3 (ACS3) algorithms the emulator verifies. They differ only in the hash: it digests the body
 * and the canonical request, and keys the HMAC. ACS3-RSA-SHA256 signs with a private key instead of
 * the AccessKey secret, which the emulator's credentials do not model.
 */
const ACS3_HASHES = {
  "ACS3-HMAC-SHA256": {
    hex: (data: string | Buffer): string => createHash("sha256").update(data).digest("hex"),
    hmacHex: (key: string, data: string): string => createHmac("sha256", key).update(data).digest("hex"),
  },
  "ACS3-HMAC-SM3": {
    hex: (data: string | Buffer): string => sm3(data).toString("hex"),
    hmacHex: (key: string, data: string): string => hmacSm3(key, data).toString("hex"),
  },
} as const;

export type Acs3Algorithm = keyof typeof ACS3_HASHES;
export const ACS3_ALGORITHMS = Object.keys(ACS3_HASHES) as Acs3Algorithm[];
const DEFAULT_ACS3: Acs3Algorithm = "ACS3-HMAC-SHA256";

export interface Acs3Input {
  method: string;
  path: string;
  query: [string, string][];
  /** Lower-cased header name → value, for the headers named in SignedHeaders. */
  headers: Record<string, string>;
  signedHeaders: string[];
  body: Buffer;
}

/**
 * The last line is the body's digest computed here, never the client's x-acs-content-sha256 header:
 * a tampered body then fails the signature whatever that header says. (The SDK sends the digest
 * under x-acs-content-sha256 for ACS3-HMAC-SM3 too; it is signed like any other header.)
 */
export function acs3CanonicalRequest(input: Acs3Input, algorithm: Acs3Algorithm = DEFAULT_ACS3): string {
  const query = [...input.query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join("&");
  const names = [...input.signedHeaders].sort();
  const headers = names.map((n) => `${n}:${(input.headers[n] ?? "").trim()}\n`).join("");
  const payload = ACS3_HASHES[algorithm].hex(input.body);
  return [input.method.toUpperCase(), input.path, query, headers, names.join(";"), payload].join("\n");
}

export function acs3StringToSign(input: Acs3Input, algorithm: Acs3Algorithm = DEFAULT_ACS3): string {
  return `${algorithm}\n${ACS3_HASHES[algorithm].hex(acs3CanonicalRequest(input, algorithm))}`;
}

export function acs3Signature(secret: string, stringToSign: string, algorithm: Acs3Algorithm = DEFAULT_ACS3): string {
  return ACS3_HASHES[algorithm].hmacHex(secret, stringToSign);
}

/** Legacy RPC signature (SignatureVersion 1.0): every parameter except Signature is signed. */
export function v1StringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join("&");
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonical)}`;
}

export function v1Signature(secret: string, stringToSign: string): string {
  return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}

export interface Acs3Authorization {
  algorithm: Acs3Algorithm;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

const isAcs3Algorithm = (name: string): name is Acs3Algorithm => Object.hasOwn(ACS3_HASHES, name);

/** Parses `<algorithm> Credential=AK,SignedHeaders=a;b,Signature=hex` for an algorithm of ACS3_ALGORITHMS. */
export function parseAcs3Authorization(value: string): Acs3Authorization | undefined {
  const match = /^(\S+)\s+(.*)$/.exec(value.trim());
  if (!match || !isAcs3Algorithm(match[1])) return undefined;
  const fields: Record<string, string> = {};
  for (const part of match[2].split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) return undefined;
  return {
    algorithm: match[1],
    accessKeyId: fields.Credential,
    signedHeaders: fields.SignedHeaders.split(";").map((h) => h.trim().toLowerCase()),
    signature: fields.Signature,
  };
}

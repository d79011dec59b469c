// The emulator's own implementation of the two Alibaba Cloud request signatures, written from the
// published algorithm descriptions (research/engine.md §4), deliberately independent of the
// provider's and the SDK's signing code so that a signing bug cannot verify itself.
import { createHash, createHmac } from "node:crypto";

/** RFC 3986 percent-encoding as Alibaba Cloud specifies it (encodeURIComponent plus !'()*). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

export interface Acs3Input {
  method: string;
  path: string;
  query: [string, string][];
  /** Lower-cased header name → value, for the headers named in SignedHeaders. */
  headers: Record<string, string>;
  signedHeaders: string[];
  body: Buffer;
}

export function acs3CanonicalRequest(input: Acs3Input): string {
  const query = [...input.query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join("&");
  const names = [...input.signedHeaders].sort();
  const headers = names.map((n) => `${n}:${(input.headers[n] ?? "").trim()}\n`).join("");
  return [input.method.toUpperCase(), input.path, query, headers, names.join(";"), sha256Hex(input.body)].join("\n");
}

export function acs3StringToSign(input: Acs3Input): string {
  return `ACS3-HMAC-SHA256\n${sha256Hex(acs3CanonicalRequest(input))}`;
}

export function acs3Signature(secret: string, stringToSign: string): string {
  return createHmac("sha256", secret).update(stringToSign).digest("hex");
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

/** Parses `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`. */
export function parseAcs3Authorization(value: string): { accessKeyId: string; signedHeaders: string[]; signature: string } | undefined {
  const match = /^ACS3-HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const fields: Record<string, string> = {};
  for (const part of match[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) return undefined;
  return {
    accessKeyId: fields.Credential,
    signedHeaders: fields.SignedHeaders.split(";").map((h) => h.trim().toLowerCase()),
    signature: fields.Signature,
  };
}

// Authenticates an RPC request with either signature scheme: V3 (Authorization header, algorithm
// ACS3-HMAC-SHA256 or ACS3-HMAC-SM3) or legacy HMAC-SHA1 v1 (Signature query parameter). Checks,
// in order: the request is signed at all, the access key is known, the timestamp is within 15
// minutes of the emulator clock, the signature matches, and the nonce was not used before
// (recorded only once the signature matched, so a forged request cannot burn a nonce).
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import * as E from "../errors/catalog";
import type { Clock } from "../time/clock";
import type { Credential } from "../types";
import type { RpcRequest } from "./parseRpc";
import {
  ACS3_ALGORITHMS, acs3Signature, acs3StringToSign, parseAcs3Authorization, v1Signature, v1StringToSign,
} from "./signatures";

export const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const REQUIRED_ACS3_HEADERS = ["host", "x-acs-date", "x-acs-signature-nonce"];
const ACS3_NAMES = ACS3_ALGORITHMS.join(" or ");

export class Authenticator {
  private readonly secrets = new Map<string, string>();
  /** nonce → time it may be forgotten (after that the timestamp check rejects a replay anyway). */
  private readonly nonces = new Map<string, number>();

  constructor(credentials: Credential[], private readonly clock: Clock) {
    for (const c of credentials) this.secrets.set(c.accessKeyId, c.accessKeySecret);
  }

  /** A rotated key: from now on only the new secret verifies, as after a secret reset in the RAM console. */
  setSecret(accessKeyId: string, accessKeySecret: string): void {
    this.secrets.set(accessKeyId, accessKeySecret);
  }

  /** Returns the access key id of a correctly signed request, or throws an EmulatorError. */
  authenticate(req: RpcRequest, headers: IncomingHttpHeaders, rawBody: Buffer): string {
    const authorization = headers.authorization;
    if (typeof authorization === "string" && authorization.length > 0) return this.acs3(req, headers, rawBody, authorization);
    if (req.flat.Signature !== undefined) return this.v1(req);
    throw E.incompleteSignature(`send an ${ACS3_NAMES} Authorization header or the legacy Signature query parameter.`);
  }

  private acs3(req: RpcRequest, headers: IncomingHttpHeaders, rawBody: Buffer, authorization: string): string {
    const auth = parseAcs3Authorization(authorization);
    if (!auth) throw E.incompleteSignature(`the Authorization header must read '<algorithm> Credential=…,SignedHeaders=…,Signature=…' with the algorithm ${ACS3_NAMES}.`);
    const missing = REQUIRED_ACS3_HEADERS.filter((h) => !auth.signedHeaders.includes(h) || headers[h] === undefined);
    if (missing.length > 0) throw E.incompleteSignature(`the headers ${missing.join(", ")} must be sent and signed.`);
    const secret = this.secretFor(auth.accessKeyId);
    this.checkTimestamp(String(headers["x-acs-date"]));
    const signed: Record<string, string> = {};
    for (const name of auth.signedHeaders) {
      const v = headers[name];
      signed[name] = Array.isArray(v) ? v.join(",") : (v ?? "");
    }
    const stringToSign = acs3StringToSign({
      method: req.method, path: "/", query: req.query, headers: signed, signedHeaders: auth.signedHeaders, body: rawBody,
    }, auth.algorithm);
    if (!sameText(acs3Signature(secret, stringToSign, auth.algorithm), auth.signature.toLowerCase())) throw E.signatureDoesNotMatch(stringToSign);
    this.useNonce(String(headers["x-acs-signature-nonce"]));
    return auth.accessKeyId;
  }

  private v1(req: RpcRequest): string {
    const p = req.flat;
    for (const name of ["AccessKeyId", "SignatureNonce", "SignatureMethod"]) {
      if (!p[name]) throw E.incompleteSignature(`the legacy signature needs the parameter ${name}.`);
    }
    if (p.SignatureMethod !== "HMAC-SHA1") throw E.incompleteSignature(`SignatureMethod "${p.SignatureMethod}" is not supported; use HMAC-SHA1.`);
    if (p.SignatureVersion !== undefined && p.SignatureVersion !== "1.0") throw E.incompleteSignature(`SignatureVersion must be 1.0.`);
    const secret = this.secretFor(p.AccessKeyId);
    const timestamp = p.Timestamp ?? p.TimeStamp;
    if (!timestamp) throw E.incompleteSignature("the legacy signature needs the parameter Timestamp.");
    this.checkTimestamp(timestamp);
    const stringToSign = v1StringToSign(req.method, p);
    if (!sameText(v1Signature(secret, stringToSign), p.Signature)) throw E.signatureDoesNotMatch(stringToSign);
    this.useNonce(p.SignatureNonce);
    return p.AccessKeyId;
  }

  private secretFor(accessKeyId: string): string {
    const secret = this.secrets.get(accessKeyId);
    if (secret === undefined) throw E.unknownAccessKey();
    return secret;
  }

  private checkTimestamp(value: string): void {
    if (!TIMESTAMP.test(value)) throw E.timestampFormat(value);
    if (Math.abs(Date.parse(value) - this.clock.now()) > MAX_CLOCK_SKEW_MS) throw E.timestampExpired(value);
  }

  private useNonce(nonce: string): void {
    const now = this.clock.now();
    for (const [n, forgetAt] of this.nonces) {
      if (forgetAt > now) break;
      this.nonces.delete(n);
    }
    if (this.nonces.has(nonce)) throw E.nonceUsed();
    this.nonces.set(nonce, now + 2 * MAX_CLOCK_SKEW_MS);
  }
}

function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

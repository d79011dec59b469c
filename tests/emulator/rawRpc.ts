// Raw HTTP requests for protocol edge cases (bad signatures, replayed nonces, skewed clocks). Valid
// signatures come from @alicloud/openapi-util, an implementation independent of the emulator's.
import * as $tea from "@alicloud/tea-typescript";
import OpenApiUtil from "@alicloud/openapi-util";
import { createHash, randomBytes } from "node:crypto";
import type { EmulatorHandle } from "../../emulator";

export interface RawResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface Acs3Options {
  query?: Record<string, string>;
  body?: Record<string, string>;
  date?: Date;
  nonce?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Change the body after signing. */
  tamperBody?: Record<string, string>;
  version?: string;
}

const utcSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
export const newNonce = () => randomBytes(16).toString("hex");

async function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function acs3(emu: EmulatorHandle, action: string, o: Acs3Options = {}): Promise<RawResponse> {
  const form = new URLSearchParams(o.body ?? {}).toString();
  const headers: Record<string, string> = {
    host: emu.endpoint,
    "x-acs-action": action,
    "x-acs-version": o.version ?? "2020-01-11",
    "x-acs-date": utcSeconds(o.date ?? new Date()),
    "x-acs-signature-nonce": o.nonce ?? newNonce(),
    "x-acs-content-sha256": createHash("sha256").update(form).digest("hex"),
    "content-type": "application/x-www-form-urlencoded",
  };
  const request = new $tea.Request();
  request.pathname = "/";
  request.method = "POST";
  request.query = o.query ?? {};
  request.headers = headers;
  headers.authorization = OpenApiUtil.getAuthorization(
    request, "ACS3-HMAC-SHA256", headers["x-acs-content-sha256"],
    o.accessKeyId ?? emu.credentials.accessKeyId, o.accessKeySecret ?? emu.credentials.accessKeySecret,
  );
  const sentBody = o.tamperBody ? new URLSearchParams(o.tamperBody).toString() : form;
  const qs = new URLSearchParams(o.query ?? {}).toString();
  return send(`${emu.url}/${qs ? `?${qs}` : ""}`, "POST", headers, sentBody);
}

export interface V1Options {
  params?: Record<string, string>;
  timestamp?: Date;
  nonce?: string;
  accessKeySecret?: string;
  signature?: string;
}

/** The reference PDF's style: a GET with every parameter, and the HMAC-SHA1 signature, in the query. */
export async function v1Get(emu: EmulatorHandle, action: string, o: V1Options = {}): Promise<RawResponse> {
  const params: Record<string, string> = {
    Action: action, Version: "2020-01-11", Format: "JSON", AccessKeyId: emu.credentials.accessKeyId,
    SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", SignatureNonce: o.nonce ?? newNonce(),
    Timestamp: utcSeconds(o.timestamp ?? new Date()), ...(o.params ?? {}),
  };
  params.Signature = o.signature ?? OpenApiUtil.getRPCSignature(params, "GET", o.accessKeySecret ?? emu.credentials.accessKeySecret);
  return send(`${emu.url}/?${new URLSearchParams(params).toString()}`, "GET", {});
}

// ACS3-HMAC-SM3 requests, signed here by a construction of the V3 canonical request written for
// this test from the published V3 description, so the emulator's verifier never checks itself.
import * as crypto from "node:crypto";
import { createEmulator, type EmulatorHandle } from "../../emulator";
import { hmacSm3Builtin, sm3Builtin } from "../../emulator/http/sm3";
import { AsmTestClient } from "./client";
import { meshArgs } from "./fixtures";
import { acs3, newNonce, type RawResponse } from "./rawRpc";

// OpenSSL's SM3 where this Node has it, so that the digest too is independent of the emulator's;
// elsewhere the emulator's own, which tests/unit/emulatorSm3.test.ts holds to the standard's vectors.
const opensslSm3 = crypto.getHashes().includes("sm3");
const sm3Hex = (data: string): string =>
  opensslSm3 ? crypto.createHash("sm3").update(data).digest("hex") : sm3Builtin(data).toString("hex");
const hmacSm3Hex = (key: string, data: string): string =>
  opensslSm3 ? crypto.createHmac("sm3", key).update(data).digest("hex") : hmacSm3Builtin(key, data).toString("hex");

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface Sm3Request {
  query?: Record<string, string>;
  body?: Record<string, string>;
  /** Replaces the HMAC of the string to sign. */
  signature?: (stringToSign: string) => string;
  /** Sent instead of the signed body. */
  sentBody?: Record<string, string>;
}

async function sm3Call(emu: EmulatorHandle, action: string, r: Sm3Request = {}): Promise<RawResponse & { stringToSign: string }> {
  const body = new URLSearchParams(r.body ?? {}).toString();
  const query = r.query ?? {};
  const headers: Record<string, string> = {
    host: emu.endpoint,
    "content-type": "application/x-www-form-urlencoded",
    "x-acs-action": action,
    "x-acs-version": "2020-01-11",
    "x-acs-date": new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": newNonce(),
    // The SDK sends the SM3 digest under this name too (darabonba-openapi's V3 request).
    "x-acs-content-sha256": sm3Hex(body),
  };
  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    "POST",
    "/",
    Object.keys(query).sort().map((k) => `${rfc3986(k)}=${rfc3986(query[k])}`).join("&"),
    names.map((n) => `${n}:${headers[n]}\n`).join(""),
    names.join(";"),
    sm3Hex(body),
  ].join("\n");
  const stringToSign = `ACS3-HMAC-SM3\n${sm3Hex(canonicalRequest)}`;
  const signature = r.signature ? r.signature(stringToSign) : hmacSm3Hex(emu.credentials.accessKeySecret, stringToSign);
  const authorization = `ACS3-HMAC-SM3 Credential=${emu.credentials.accessKeyId},SignedHeaders=${names.join(";")},Signature=${signature}`;
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${emu.url}/${qs ? `?${qs}` : ""}`, {
    method: "POST",
    headers: { ...headers, authorization },
    body: r.sentBody ? new URLSearchParams(r.sentBody).toString() : body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, stringToSign };
}

/** The error envelope without what differs on every request or with the algorithm. */
const errorShape = (body: Record<string, unknown>) => ({
  ...body,
  RequestId: "<id>",
  Recommend: String(body.Recommend).replace(/requestId=.*$/, "requestId=<id>"),
  Message: String(body.Message).replace(/is:.*$/s, "is:<string to sign>"),
});

describe("ACS3-HMAC-SM3 signatures", () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await createEmulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.control.reset());

  it("accepts a request whose query, headers and body are signed with SM3", async () => {
    const created = await sm3Call(emu, "CreateServiceMesh", {
      query: { "Tag.1.Key": "env (qa)", "Tag.1.Value": "a*b" },
      body: { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["vsw-emu-default-a"]', Name: "sm3 mesh" },
    });
    expect(created.status).toBe(200);
    const id = created.body.ServiceMeshId as string;
    const detail = await sm3Call(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshId: id } });
    expect(detail.status).toBe(200);
    expect(detail.body.ServiceMesh).toMatchObject({ ServiceMeshInfo: { ServiceMeshId: id, Name: "sm3 mesh" } });
  });

  it("rejects a wrong SM3 signature with the SignatureDoesNotMatch error a wrong SHA256 signature gets", async () => {
    const sm3 = await sm3Call(emu, "DescribeServiceMeshes", { signature: (sts) => hmacSm3Hex("not-the-secret", sts) });
    const sha256 = await acs3(emu, "DescribeServiceMeshes", { accessKeySecret: "not-the-secret" });
    expect([sm3.status, sm3.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
    expect([sm3.status, errorShape(sm3.body)]).toEqual([sha256.status, errorShape(sha256.body)]);
    // The server's string to sign, which the message shows for debugging, is the client's.
    expect(String(sm3.body.Message)).toContain(`server string to sign is:${sm3.stringToSign}`);
  });

  it("rejects a body changed after signing", async () => {
    const res = await sm3Call(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshId: "c1" }, sentBody: { ServiceMeshId: "c2" } });
    expect([res.status, res.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("rejects an ACS3-HMAC-SM3 Authorization that carries an HMAC-SHA256 signature", async () => {
    const res = await sm3Call(emu, "DescribeServiceMeshes", {
      signature: (sts) => crypto.createHmac("sha256", emu.credentials.accessKeySecret).update(sts).digest("hex"),
    });
    expect([res.status, res.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("serves @alicloud/openapi-client configured with signatureAlgorithm ACS3-HMAC-SM3", async () => {
    const c = new AsmTestClient(emu, "ACS3-HMAC-SM3");
    const id = (await c.call("CreateServiceMesh", meshArgs({ Name: "sdk-sm3" }))).ServiceMeshId as string;
    const listed = (await c.call("DescribeServiceMeshes")).ServiceMeshes as { ServiceMeshInfo: { ServiceMeshId: string } }[];
    expect(listed.map((m) => m.ServiceMeshInfo.ServiceMeshId)).toEqual([id]);
  });
});

import * as $tea from "@alicloud/tea-typescript";
import OpenApiUtil from "@alicloud/openapi-util";
import { createHash, getHashes } from "node:crypto";
import { sm3 } from "../../emulator/http/sm3";
import {
  type Acs3Algorithm, acs3Signature, acs3StringToSign, parseAcs3Authorization, percentEncode, v1Signature, v1StringToSign,
} from "../../emulator/http/signatures";

describe("emulator signature verification (own implementation)", () => {
  it("percent-encodes as Alibaba Cloud specifies, including !'()* and space", () => {
    expect(percentEncode("a b!'()*~/")).toBe("a%20b%21%27%28%29%2A~%2F");
  });

  it("computes the same HMAC-SHA1 v1 signature as @alicloud/openapi-util", () => {
    const params = { Action: "DescribeServiceMeshes", Version: "2020-01-11", "Tag.1.Key": "a b", SignatureNonce: "n1", AccessKeyId: "ak", Timestamp: "2026-01-01T00:00:00Z" };
    const ours = v1Signature("secret", v1StringToSign("GET", params));
    expect(ours).toBe(OpenApiUtil.getRPCSignature(params, "GET", "secret"));
  });

  it("ignores the Signature parameter itself when building the v1 string to sign", () => {
    expect(v1StringToSign("GET", { A: "1", Signature: "x" })).toBe("GET&%2F&A%3D1");
  });

  // The SDK's SM3 is OpenSSL's; where this Node's OpenSSL has none, the SDK cannot sign with SM3 at all.
  const sdkAlgorithms: [Acs3Algorithm, (body: string) => string][] = [
    ["ACS3-HMAC-SHA256", (body) => createHash("sha256").update(body).digest("hex")],
    ["ACS3-HMAC-SM3", (body) => sm3(body).toString("hex")],
  ];
  it.each(sdkAlgorithms.filter(([algorithm]) => algorithm !== "ACS3-HMAC-SM3" || getHashes().includes("sm3")))("computes the same %s Authorization as @alicloud/openapi-util", (algorithm, bodyDigest) => {
    const body = "RegionId=cn-hangzhou&Name=a%20b";
    const headers: Record<string, string> = {
      host: "127.0.0.1:1", "x-acs-action": "CreateServiceMesh", "x-acs-version": "2020-01-11",
      "x-acs-date": "2026-01-01T00:00:00Z", "x-acs-signature-nonce": "abc", "content-type": "application/x-www-form-urlencoded",
      // The SDK's header name for either algorithm; the value is the body's digest under the algorithm's hash.
      "x-acs-content-sha256": bodyDigest(body),
    };
    const query = { "Tag.1.Key": "k(1)", "Tag.1.Value": "v*" };
    const req = new $tea.Request();
    req.pathname = "/";
    req.method = "POST";
    req.query = query;
    req.headers = headers;
    const expected = parseAcs3Authorization(OpenApiUtil.getAuthorization(req, algorithm, headers["x-acs-content-sha256"], "ak", "sk"));
    const signedHeaders = Object.keys(headers);
    const input = { method: "POST", path: "/", query: Object.entries(query), headers, signedHeaders, body: Buffer.from(body) };
    expect(expected).toMatchObject({ algorithm, accessKeyId: "ak" });
    expect(expected?.signature).toBe(acs3Signature("sk", acs3StringToSign(input, algorithm), algorithm));
  });

  it("signs with SHA256 when no algorithm is named, as before SM3 existed", () => {
    const input = { method: "GET", path: "/", query: [], headers: { host: "h" }, signedHeaders: ["host"], body: Buffer.alloc(0) };
    expect(acs3StringToSign(input)).toBe(acs3StringToSign(input, "ACS3-HMAC-SHA256"));
    expect(acs3Signature("sk", "x")).toBe(acs3Signature("sk", "x", "ACS3-HMAC-SHA256"));
    expect(acs3Signature("sk", "x", "ACS3-HMAC-SM3")).not.toBe(acs3Signature("sk", "x"));
  });

  it("parses an Authorization header of either HMAC algorithm and rejects other schemes", () => {
    expect(parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=ab12")).toEqual({
      algorithm: "ACS3-HMAC-SHA256", accessKeyId: "AK", signedHeaders: ["host", "x-acs-date"], signature: "ab12",
    });
    expect(parseAcs3Authorization("ACS3-HMAC-SM3 Credential=AK,SignedHeaders=host,Signature=cd34")).toEqual({
      algorithm: "ACS3-HMAC-SM3", accessKeyId: "AK", signedHeaders: ["host"], signature: "cd34",
    });
    expect(parseAcs3Authorization("Bearer abc")).toBeUndefined();
    expect(parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=AK")).toBeUndefined();
    expect(parseAcs3Authorization("ACS3-RSA-SHA256 Credential=AK,SignedHeaders=host,Signature=ab12")).toBeUndefined();
    expect(parseAcs3Authorization("ACS3-HMAC-SM3X Credential=AK,SignedHeaders=host,Signature=ab12")).toBeUndefined();
  });
});

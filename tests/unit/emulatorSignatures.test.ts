import * as $tea from "@alicloud/tea-typescript";
import OpenApiUtil from "@alicloud/openapi-util";
import {
  acs3Signature, acs3StringToSign, parseAcs3Authorization, percentEncode, v1Signature, v1StringToSign,
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

  it("computes the same ACS3-HMAC-SHA256 Authorization as @alicloud/openapi-util", () => {
    const headers: Record<string, string> = {
      host: "127.0.0.1:1", "x-acs-action": "CreateServiceMesh", "x-acs-version": "2020-01-11",
      "x-acs-date": "2026-01-01T00:00:00Z", "x-acs-signature-nonce": "abc", "content-type": "application/x-www-form-urlencoded",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };
    const query = { "Tag.1.Key": "k(1)", "Tag.1.Value": "v*" };
    const req = new $tea.Request();
    req.pathname = "/";
    req.method = "POST";
    req.query = query;
    req.headers = headers;
    const expected = parseAcs3Authorization(OpenApiUtil.getAuthorization(req, "ACS3-HMAC-SHA256", headers["x-acs-content-sha256"], "ak", "sk"));
    const signedHeaders = Object.keys(headers);
    const ours = acs3Signature("sk", acs3StringToSign({ method: "POST", path: "/", query: Object.entries(query), headers, signedHeaders, body: Buffer.alloc(0) }));
    expect(expected?.signature).toBe(ours);
    expect(expected?.accessKeyId).toBe("ak");
  });

  it("parses an Authorization header and rejects other schemes", () => {
    expect(parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=ab12")).toEqual({
      accessKeyId: "AK", signedHeaders: ["host", "x-acs-date"], signature: "ab12",
    });
    expect(parseAcs3Authorization("Bearer abc")).toBeUndefined();
    expect(parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=AK")).toBeUndefined();
  });
});

import * as http from "node:http";
import { createEmulator, ManualClock, type EmulatorHandle } from "../../emulator";
import { acs3, newNonce, v1Get } from "./rawRpc";

describe("RPC protocol and authentication", () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await createEmulator({ maxBodyBytes: 4096 });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.control.reset());

  it("accepts a legacy HMAC-SHA1 GET with everything in the query, as in the reference PDF", async () => {
    const res = await v1Get(emu, "DescribeServiceMeshes");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ RequestId: expect.any(String), ServiceMeshes: [] });
  });

  it("merges query and form body parameters", async () => {
    const res = await acs3(emu, "CreateServiceMesh", {
      query: { "Tag.1.Key": "env", "Tag.1.Value": "qa" },
      body: { RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: '["vsw-emu-default-a"]' },
    });
    expect(res.status).toBe(200);
    const id = res.body.ServiceMeshId as string;
    const tags = await acs3(emu, "ListTagResources", { query: { RegionId: "cn-hangzhou", ResourceType: "servicemesh", "ResourceId.1": id } });
    expect(tags.body.TagResources).toEqual([{ ResourceId: id, ResourceType: "servicemesh", TagKey: "env", TagValue: "qa" }]);
  });

  it.each([
    ["a tampered body", { tamperBody: { ServiceMeshId: "other" }, body: { ServiceMeshId: "c1" } }],
    ["a wrong secret", { accessKeySecret: "not-the-secret" }],
  ])("rejects %s with SignatureDoesNotMatch 400", async (_name, opts) => {
    const res = await acs3(emu, "DescribeServiceMeshes", opts);
    expect([res.status, res.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
    expect(res.body).toMatchObject({ HostId: "servicemesh.aliyuncs.com", RequestId: expect.any(String), Recommend: expect.any(String) });
    expect(String(res.body.Message)).not.toContain(emu.credentials.accessKeySecret);
  });

  it("rejects a legacy request with a wrong signature", async () => {
    const res = await v1Get(emu, "DescribeServiceMeshes", { signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" });
    expect([res.status, res.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("rejects an unknown access key with InvalidAccessKeyId.NotFound 404", async () => {
    const res = await acs3(emu, "DescribeServiceMeshes", { accessKeyId: "LTAIunknown" });
    expect([res.status, res.body.Code]).toEqual([404, "InvalidAccessKeyId.NotFound"]);
  });

  it.each([16, -16])("rejects a timestamp %i minutes off with InvalidTimeStamp.Expired", async (minutes) => {
    const date = new Date(Date.now() + minutes * 60_000);
    const res = await acs3(emu, "DescribeServiceMeshes", { date });
    expect([res.status, res.body.Code]).toEqual([400, "InvalidTimeStamp.Expired"]);
    const legacy = await v1Get(emu, "DescribeServiceMeshes", { timestamp: date });
    expect([legacy.status, legacy.body.Code]).toEqual([400, "InvalidTimeStamp.Expired"]);
  });

  it("accepts a timestamp 14 minutes off", async () => {
    const res = await acs3(emu, "DescribeServiceMeshes", { date: new Date(Date.now() - 14 * 60_000) });
    expect(res.status).toBe(200);
  });

  it("rejects a reused nonce with SignatureNonceUsed, under both schemes", async () => {
    const nonce = newNonce();
    expect((await acs3(emu, "DescribeServiceMeshes", { nonce })).status).toBe(200);
    const again = await acs3(emu, "DescribeServiceMeshes", { nonce });
    expect([again.status, again.body.Code]).toEqual([400, "SignatureNonceUsed"]);
    const legacyNonce = newNonce();
    expect((await v1Get(emu, "DescribeServiceMeshes", { nonce: legacyNonce })).status).toBe(200);
    const legacyAgain = await v1Get(emu, "DescribeServiceMeshes", { nonce: legacyNonce });
    expect([legacyAgain.status, legacyAgain.body.Code]).toEqual([400, "SignatureNonceUsed"]);
  });

  it("rejects an unsigned request with IncompleteSignature", async () => {
    const res = await fetch(`${emu.url}/?Action=DescribeServiceMeshes&Version=2020-01-11`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Record<string, unknown>).Code).toBe("IncompleteSignature");
  });

  it("rejects an unknown action with InvalidAction.NotFound 404 naming it", async () => {
    const res = await acs3(emu, "DescribeNothing");
    expect([res.status, res.body.Code]).toEqual([404, "InvalidAction.NotFound"]);
    expect(res.body.Message).toContain("DescribeNothing");
  });

  it("rejects another API version with InvalidVersion", async () => {
    const res = await acs3(emu, "DescribeServiceMeshes", { version: "2019-01-01" });
    expect([res.status, res.body.Code]).toEqual([400, "InvalidVersion"]);
  });

  it("names a missing required parameter", async () => {
    const res = await acs3(emu, "DescribeServiceMeshDetail");
    expect([res.status, res.body.Code]).toEqual([400, "MissingParameter"]);
    expect(res.body.Message).toContain('"ServiceMeshId"');
  });

  it("refuses an oversized body with RequestBodyTooLarge 413", async () => {
    const res = await acs3(emu, "DescribeServiceMeshes", { body: { Filler: "x".repeat(5000) } });
    expect([res.status, res.body.Code]).toEqual([413, "RequestBodyTooLarge"]);
  });

  it("checks clock skew against an injected clock", async () => {
    const clock = new ManualClock(Date.now() + 3_600_000);
    const skewed = await createEmulator({ clock });
    try {
      const res = await acs3(skewed, "DescribeServiceMeshes");
      expect(res.body.Code).toBe("InvalidTimeStamp.Expired");
    } finally {
      await skewed.close();
    }
  });

  it("answers a path other than / with InvalidAction.NotFound", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${emu.url}/v2/meshes`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject);
    });
    expect(status).toBe(404);
  });
});

import { chainCredential, classifyError, staticCredential, toAsmApiError } from "../../provider/api";

describe("credentials", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith("ALIBABA_CLOUD_") || key.startsWith("ALICLOUD_")) delete process.env[key];
    // Never let the default chain reach the ECS metadata address or a local profile.
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
    process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = "true";
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = "/nonexistent/asm-pulumi-test-credentials";
  });
  afterAll(() => {
    process.env = saved;
  });

  it("signs with explicit keys, as STS when a token is given", async () => {
    expect(await staticCredential({ accessKeyId: "AK", accessKeySecret: "SK" }).getCredential()).toMatchObject({ accessKeyId: "AK", type: "access_key" });
    expect(await staticCredential({ accessKeyId: "AK", accessKeySecret: "SK", securityToken: "T" }).getCredential()).toMatchObject({ securityToken: "T", type: "sts" });
  });

  it("prefers the SDK default chain (ALIBABA_CLOUD_* env) over the ALICLOUD_* fallback", async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "chain-ak";
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "chain-sk";
    const model = await chainCredential({ accessKeyId: "legacy-ak", accessKeySecret: "legacy-sk" }).getCredential();
    expect(model.accessKeyId).toBe("chain-ak");
  });

  it("falls back to the ALICLOUD_* keys when the chain finds nothing", async () => {
    const model = await chainCredential({ accessKeyId: "legacy-ak", accessKeySecret: "legacy-sk" }).getCredential();
    expect(model.accessKeyId).toBe("legacy-ak");
  });

  it("says where credentials were looked for when there are none", async () => {
    await expect(chainCredential(undefined).getCredential()).rejects.toThrow(/no Alibaba Cloud credentials found: set alicloud:accessKey and alicloud:secretKey/);
  });

  it("reports missing credentials as a permission problem, so it is not retried as a network error", async () => {
    const err = await chainCredential(undefined).getCredential().catch((e: unknown) => e);
    expect(classifyError(toAsmApiError("DescribeServiceMeshes", err))).toBe("permission");
  });
});

// The program-side guards (provider/programSide.ts): which credential keys count as plain text.
import { CREDENTIAL_KEYS, plaintextCredentialKeys, plaintextCredentialMessage } from "../../provider/programSide";

describe("plain-text credential config", () => {
  it("reports set, non-empty credential keys that are not secret, and nothing else", () => {
    const config: Record<string, string> = { "alicloud:accessKey": "LTAIid", "alicloud:secretKey": "s", "alicloud:securityToken": " ", "alicloud:region": "cn-hangzhou" };
    expect(plaintextCredentialKeys((k) => config[k], (k) => k === "alicloud:secretKey")).toEqual(["alicloud:accessKey"]);
    expect(plaintextCredentialKeys((k) => config[k], () => true)).toEqual([]);
    expect(CREDENTIAL_KEYS).toContain("alicloud:securityToken");
  });

  it("names every key and the command that makes it a secret, never a value", () => {
    const m = plaintextCredentialMessage(["alicloud:accessKey", "alicloud:secretKey"]);
    expect(m).toMatch(/^alicloud:accessKey and alicloud:secretKey are set as plain-text stack config/);
    expect(m).toContain("pulumi config set --secret alicloud:accessKey <value>; pulumi config set --secret alicloud:secretKey <value>");
  });
});

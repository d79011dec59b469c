// The program-side guards (provider/programSide.ts): which credential keys count as plain text, and the
// SDK's debug text of a RegisterResource response with secret values replaced.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { CREDENTIAL_KEYS, onResourceConstructed, plaintextCredentialKeys, plaintextCredentialMessage, redactSecrets } from "../../provider/programSide";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

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

describe("the SDK's debug text of a resource response", () => {
  it("replaces the plain text inside every secret marker, nested or not, and keeps the rest", () => {
    const value = { a: "shown", k: { [SIG]: SECRET, value: "token: t0p" }, list: [{ [SIG]: SECRET, value: "x" }] };
    expect(redactSecrets(value)).toEqual({ a: "shown", k: { [SIG]: SECRET, value: "[secret]" }, list: [{ [SIG]: SECRET, value: "[secret]" }] });
  });

  it("prints a RegisterResourceResponse without its secret outputs once a resource was constructed", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { RegisterResourceResponse } = require("@pulumi/pulumi/proto/resource_pb");
    onResourceConstructed();
    const resp = new RegisterResourceResponse();
    resp.setUrn("urn:pulumi:s::p::t::mesh");
    resp.setObject(Struct.fromJavaScript({ meshId: "c1", kubeconfig: { [SIG]: SECRET, value: "token: emu-secret-token" } }));
    const text = `${resp}`;
    expect(text).toContain("urn:pulumi:s::p::t::mesh");
    expect(text).toContain("c1");
    expect(text).not.toContain("emu-secret-token");
    expect(resp.getObject().toJavaScript().kubeconfig.value).toBe("token: emu-secret-token");
  });
});

// The native plugin's pure parts: secrets through the Struct marshalling, the detailed diff from the
// schema engine's diff, and the asm:* configuration mapped onto the keys provider/config.ts reads.
import { detailedDiff } from "../../provider/plugin/detailedDiff";
import { withDeadline, withProgramTimeouts } from "../../provider/plugin/deadline";
import { declarable } from "../../provider/plugin/importSeed";
import { kindOf, typeOfUrn } from "../../provider/plugin/kinds";
import { fromStruct, SECRET_SIG, SIG_KEY, toStruct } from "../../provider/plugin/marshal";
import { checkConfig, inPluginKeys, plaintextCredentials, stackConfigGetter } from "../../provider/plugin/providerConfig";
import { DESCRIPTIONS } from "../../provider/packageSchema";
import { diffResource, UNKNOWN } from "../../provider/schema";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

describe("marshalling", () => {
  it("unwraps secrets at any depth and remembers the top-level property that held one", () => {
    const { props, secrets } = fromStruct(toStruct({ a: { b: secret("s") }, c: "plain" }));
    expect(props).toEqual({ a: { b: "s" }, c: "plain" });
    expect([...secrets]).toEqual(["a"]);
  });

  it("wraps the named properties as secrets and drops undefined values the Struct cannot carry", () => {
    const raw = toStruct({ key: "pem", name: "n", gone: undefined, nested: { x: undefined, y: 1 } }, new Set(["key"])).toJavaScript();
    expect(raw).toEqual({ key: secret("pem"), name: "n", nested: { y: 1 } });
  });

  it("keeps an unknown value during preview as the engine's unknown placeholder", () => {
    expect(fromStruct(toStruct({ meshId: UNKNOWN })).props.meshId).toBe(UNKNOWN);
  });
});

describe("detailed diff", () => {
  const mesh = DESCRIPTIONS.ServiceMesh;
  const olds = { name: "m", network: { vpcId: "vpc-a", vSwitchIds: ["vsw-a"] }, tracing: { enabled: false } };

  it("names an in-place change by its leaf path as an update", () => {
    const news = { ...olds, tracing: { enabled: true } };
    const d = detailedDiff(diffResource(mesh, olds, news), olds, news);
    expect(d).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, detailed: { "tracing.enabled": "UPDATE" } });
  });

  it("names a create-only change as update-replace and the top-level property as the replace reason", () => {
    const news = { ...olds, network: { vpcId: "vpc-b", vSwitchIds: ["vsw-a"] } };
    const d = detailedDiff(diffResource(mesh, olds, news), olds, news);
    expect(d.replaces).toEqual(["network"]);
    expect(d.detailed).toEqual({ "network.vpcId": "UPDATE_REPLACE" });
  });

  it("tells an added and a removed input from an update", () => {
    const added = { ...olds, tags: { team: "a" } };
    expect(detailedDiff(diffResource(mesh, olds, added), olds, added).detailed).toEqual({ tags: "ADD" });
    const { tracing: _t, ...removed } = olds;
    expect(detailedDiff(diffResource(mesh, olds, removed), olds, removed).detailed).toEqual({ "tracing.enabled": "DELETE" });
  });

  it("counts a value unknown during preview as an update, not a deletion", () => {
    const news = { ...olds, name: UNKNOWN };
    expect(detailedDiff(diffResource(mesh, olds, news), olds, news).detailed).toEqual({ name: "UPDATE" });
  });

  it("reports no changes for equal inputs", () => {
    expect(detailedDiff(diffResource(mesh, olds, olds), olds, olds)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, detailed: {} });
  });
});

describe("provider configuration", () => {
  it("maps the asm:* keys onto the stack keys the settings read, secret markers removed", () => {
    const get = stackConfigGetter({ accessKey: secret("id"), secretKey: secret("s"), region: "cn-hangzhou", endpoint: "127.0.0.1:1" });
    expect([get("alicloud:accessKey"), get("alicloud:secretKey"), get("alicloud:region"), get("asm:endpoint")]).toEqual(["id", "s", "cn-hangzhou", "127.0.0.1:1"]);
  });

  it("fails a half-given key pair naming the missing asm:* key, and an unknown key", () => {
    expect(checkConfig({ accessKey: "id" })).toEqual([expect.objectContaining({ property: "secretKey", reason: expect.stringContaining("asm:secretKey is not set while asm:accessKey is") })]);
    expect(checkConfig({ bogus: "x" })[0]).toEqual(expect.objectContaining({ property: "bogus", reason: expect.stringContaining("asm:bogus is not a configuration key") }));
    expect(checkConfig({ accessKey: "id", secretKey: "s", version: "0.1.0" })).toEqual([]);
  });

  it("finds credentials set as plain text", () => {
    expect(plaintextCredentials({ accessKey: "id", secretKey: secret("s"), region: "cn-hangzhou" })).toEqual(["asm:accessKey"]);
  });

  it("speaks of the plugin's keys in an implementation's message", () => {
    expect(inPluginKeys("set alicloud:accessKey and alicloud:secretKey, or alicloud:region")).toBe("set asm:accessKey and asm:secretKey, or asm:region");
  });
});

describe("type tokens and deadlines", () => {
  it("routes asm:index:<Kind> and a URN's type to the kind, and refuses other tokens", () => {
    expect(kindOf("asm:index:GatewayRoute")).toBe("GatewayRoute");
    expect(kindOf(typeOfUrn("urn:pulumi:s::p::my:Comp$asm:index:ServiceMesh::m"))).toBe("ServiceMesh");
    expect(() => kindOf("asm:index:Nope")).toThrow(/unknown resource type asm:index:Nope/);
  });

  it("passes the engine's timeout as the operation's deadline unless the program set one, and keeps it out of the outputs", () => {
    expect(withDeadline({ name: "m" }, "create", 90.5)).toEqual({ name: "m", timeouts: { create: "91s" } });
    expect(withDeadline({ timeouts: { create: "5m" } }, "create", 90)).toEqual({ timeouts: { create: "5m" } });
    expect(withDeadline({ name: "m" }, "delete", 0)).toEqual({ name: "m" });
    expect(withProgramTimeouts({ id: "x", timeouts: { create: "91s" } }, { name: "m" })).toEqual({ id: "x" });
  });
});

describe("import seed", () => {
  it("leaves out the live values a program could not declare and keeps the rest", () => {
    const live = { name: "m", network: { vpcId: "vpc-a", vSwitchIds: ["vsw-a"] }, accessLog: { enabled: false, servicePort: 0 } };
    expect(declarable(DESCRIPTIONS.ServiceMesh, live)).toEqual({ name: "m", network: { vpcId: "vpc-a", vSwitchIds: ["vsw-a"] }, accessLog: { enabled: false } });
  });
});

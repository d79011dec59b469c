// The debug text @pulumi/pulumi logs of resource responses, once provider/sdkOverlays/nodejs/debugLogRedaction.ts
// is loaded (by the dynamic package and by the generated Node.js SDK): secret values print as "[secret]".
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import "../../provider/sdkOverlays/nodejs/debugLogRedaction";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RegisterResourceResponse, ReadResourceResponse } = require("@pulumi/pulumi/proto/resource_pb");

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const secret = (value: unknown): Record<string, unknown> => ({ [SIG]: SECRET, value });

describe("the SDK's debug text of a resource response", () => {
  it("prints a RegisterResourceResponse's URN and plain outputs, and no secret output's text", () => {
    const resp = new RegisterResourceResponse();
    resp.setUrn("urn:pulumi:s::p::t::mesh");
    resp.setObject(Struct.fromJavaScript({ meshId: "c1", kubeconfig: secret("token: emu-secret-token") }));
    const text = `${resp}`;
    expect(text).toContain("urn:pulumi:s::p::t::mesh");
    expect(text).toContain("c1");
    expect(text).toContain("[secret]");
    expect(text).not.toContain("emu-secret-token");
  });

  it("redacts secrets nested in objects and lists of a ReadResourceResponse", () => {
    const resp = new ReadResourceResponse();
    resp.setUrn("urn:pulumi:s::p::t::gw");
    resp.setProperties(Struct.fromJavaScript({ spec: { keys: [secret("key-one"), { inner: secret({ pem: "key-two" }) }] }, shown: "visible" }));
    const text = `${resp}`;
    expect(text).toContain("visible");
    expect(text).not.toContain("key-one");
    expect(text).not.toContain("key-two");
  });

  it("leaves the message itself as it was: the program still gets the secret's value", () => {
    const resp = new RegisterResourceResponse();
    resp.setObject(Struct.fromJavaScript({ kubeconfig: secret("token: kept") }));
    void `${resp}`;
    expect(resp.getObject().toJavaScript().kubeconfig.value).toBe("token: kept");
  });

  it("prints a response without outputs as the SDK did", () => {
    const resp = new RegisterResourceResponse();
    resp.setUrn("urn:pulumi:s::p::t::empty");
    expect(`${resp}`).toContain("urn:pulumi:s::p::t::empty");
  });
});

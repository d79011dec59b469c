// The explorer's model reducer (tests/explorer/model.ts): edits are data, and every result is a
// program a user could write.
import { FULL_STACK } from "../explorer/catalogue";
import { applyEdit, declaredResources, EMPTY_MODEL, type Model } from "../explorer/model";

describe("explorer model reducer", () => {
  it("sets and deletes at a path without touching the model it was given", () => {
    const before: Model = JSON.parse(JSON.stringify(FULL_STACK)) as Model;
    const after = applyEdit(FULL_STACK, [{ op: "set", path: ["gateways", "gw-a", "replicaCount"], value: 3 }, { op: "delete", path: ["mesh", "name"] }]);
    expect(after.gateways["gw-a"].replicaCount).toBe(3);
    expect(after.mesh?.name).toBeUndefined();
    expect(FULL_STACK).toEqual(before);
  });

  it("removing the mesh leaves an empty program", () => {
    expect(applyEdit(FULL_STACK, [{ op: "delete", path: ["mesh"] }])).toEqual(EMPTY_MODEL);
  });

  it("detaching a gateway's only cluster removes the gateway with its secrets and routes", () => {
    const after = applyEdit(FULL_STACK, [{ op: "delete", path: ["attachments", "primary"] }]);
    expect(after.gateways).toEqual({});
    expect(after.secrets).toEqual({});
    expect(after.routes).toEqual({});
    expect(after.mesh).toEqual(FULL_STACK.mesh);
  });

  it("detaching one of a gateway's clusters keeps the gateway on the others", () => {
    const two = applyEdit(FULL_STACK, [
      { op: "set", path: ["attachments", "secondary"], value: { discoveryOnly: false } },
      { op: "set", path: ["gateways", "gw-a", "clusters"], value: ["primary", "secondary"] },
    ]);
    expect(applyEdit(two, [{ op: "delete", path: ["attachments", "primary"] }]).gateways["gw-a"].clusters).toEqual(["secondary"]);
  });

  it("declares one resource per model entry, with the program's resource names", () => {
    expect(declaredResources(FULL_STACK)).toEqual(["ASMGateway:gw-a", "ClusterAttachment:att-primary", "GatewayRoute:rt-reviews", "GatewaySecret:tls-a", "ServiceMesh:mesh"]);
    expect(declaredResources(EMPTY_MODEL)).toEqual([]);
  });
});

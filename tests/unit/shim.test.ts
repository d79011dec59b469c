import * as closure from "@pulumi/pulumi/runtime/closure/serializeClosure";
import { providerShim } from "../../provider/shim";

describe("providerShim", () => {
  it("hands out one object per kind, so Pulumi serializes each kind once per program", () => {
    // Pulumi caches a dynamic provider's serialized text by object identity.
    expect(providerShim("GatewayRoute")).toBe(providerShim("GatewayRoute"));
    expect(providerShim("GatewayRoute")).not.toBe(providerShim("GatewaySecret"));
  });

  it("serializes to a small shim that names only its own kind and loads the implementation by package name", async () => {
    const shim = providerShim("ClusterAttachment");
    const { text } = await closure.serializeFunction(() => shim, { allowSecrets: true });
    expect(text.length).toBeLessThan(4_096);
    expect(text).toContain('require("asm-pulumi/runtime")');
    expect(text).toContain("ClusterAttachment");
    for (const other of ["ServiceMesh", "ASMGateway", "GatewaySecret", "GatewayRoute"]) expect(text).not.toContain(`"${other}"`);
  });
});

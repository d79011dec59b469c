// The GatewaySecret class marks cert and key secret on its own, whatever the caller passes.
import * as pulumi from "@pulumi/pulumi";

const registered: { type: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, inputs: args.inputs });
        return { id: "mesh:gw:s", state: { ...args.inputs, secretName: "s" } };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
});

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

describe("GatewaySecret class", () => {
  it("registers as asm:GatewaySecret with cert and key as secret outputs even from plain strings", async () => {
    const { GatewaySecret } = await import("../../provider/resources/gatewaySecret");
    const secret = new GatewaySecret("tls", { meshId: "m", gatewayName: "gw", secretName: "s", cert: "CERT", key: "KEY" });
    const cert = (secret as unknown as { cert: pulumi.Output<string> }).cert;
    const key = (secret as unknown as { key: pulumi.Output<string> }).key;
    expect(await valueOf(secret.secretName)).toBe("s");
    expect(await pulumi.isSecret(cert)).toBe(true);
    expect(await pulumi.isSecret(key)).toBe(true);
    expect(await pulumi.isSecret(secret.secretName)).toBe(false);
    expect(registered[0].type).toBe("pulumi-nodejs:dynamic/asm:GatewaySecret");
  });
});

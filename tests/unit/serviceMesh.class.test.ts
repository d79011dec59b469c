// The ServiceMesh and ClusterAttachment classes: type tokens, the default mesh name and a small
// serialized provider. (additionalSecretOutputs is applied by the engine, not by mocks: the
// kubeconfig's secrecy is an e2e check.)
import * as pulumi from "@pulumi/pulumi";

const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const state = args.type.endsWith(":ServiceMesh")
          ? { ...args.inputs, meshId: "c1", state: "running", kubeconfig: "apiVersion: v1", clusters: [] }
          : { ...args.inputs, clusterName: "ack" };
        return { id: args.type.endsWith(":ServiceMesh") ? "c1" : "c1:k1", state };
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

describe("ServiceMesh class", () => {
  it("registers as asm:ServiceMesh, names the mesh after the resource and serializes only the shim", async () => {
    const { ServiceMesh } = await import("../../provider/resources/serviceMesh");
    const mesh = new ServiceMesh("prod-mesh", { network: { vpcId: "vpc-1", vSwitchIds: ["vsw-1"] } });
    expect(await valueOf(mesh.meshId)).toBe("c1");
    const reg = registered.find((r) => r.name === "prod-mesh");
    expect(reg?.type).toBe("pulumi-nodejs:dynamic/asm:ServiceMesh");
    expect(reg?.inputs.name).toBe("prod-mesh");
    expect(typeof reg?.inputs.__provider).toBe("string");
    expect((reg?.inputs.__provider as string).length).toBeLessThan(4_000);
  });

  it("keeps the CA group secret even when the key is given as plain text", async () => {
    const { ServiceMesh } = await import("../../provider/resources/serviceMesh");
    const mesh = new ServiceMesh("ca-mesh", { network: { vpcId: "vpc-1", vSwitchIds: ["vsw-1"] }, ca: { useExisting: true, cert: "C", key: "K" } });
    const ca = (mesh as unknown as { ca: pulumi.Output<unknown> }).ca;
    expect(await pulumi.isSecret(ca)).toBe(true);
  });

  it("registers ClusterAttachment as asm:ClusterAttachment with the mesh id as input", async () => {
    const { ClusterAttachment } = await import("../../provider/resources/clusterAttachment");
    const a = new ClusterAttachment("attach", { meshId: "c1", clusterId: "k1" });
    expect(await valueOf(a.id)).toBe("c1:k1");
    const reg = registered.find((r) => r.name === "attach");
    expect(reg?.type).toBe("pulumi-nodejs:dynamic/asm:ClusterAttachment");
    expect(reg?.inputs).toMatchObject({ meshId: "c1", clusterId: "k1" });
  });
});
